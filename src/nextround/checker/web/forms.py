"""The forms behind the "Check a message" page and the live check under drafts."""

from django import forms

from nextround.checker import AUDIENCES

# One message, not a document: the same ceiling for the page, the live check and the JSON API, so a text
# that passes in one place passes in all of them. The check itself would cope with more; people rarely
# send a follow-up longer than a page, and a bound keeps a public endpoint cheap.
MAX_TEXT_CHARS = 20_000

AUDIENCE_CHOICES = [
    ("candidate", "I'm writing to an employer"),
    ("employer", "I'm giving feedback to a candidate"),
]
assert {value for value, _ in AUDIENCE_CHOICES} == set(AUDIENCES), "every audience needs a label here"


def normalise_newlines(text: str) -> str:
    # Browsers submit a textarea's line breaks as CRLF but show and edit them as LF. Checking the LF form
    # keeps the finding offsets in step with what the textarea's script sees, so "use suggestion" lands on
    # the right characters.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def too_long_message(length: int) -> str:
    return (
        f"Your message is {length:,} characters long; the check takes up to {MAX_TEXT_CHARS:,}. "
        "Check it in parts."
    )


def clean_message(text: str) -> str:
    text = normalise_newlines(text)
    if len(text) > MAX_TEXT_CHARS:
        raise forms.ValidationError(too_long_message(len(text)), code="max_length")
    return text


class CheckForm(forms.Form):
    audience = forms.ChoiceField(
        label="Who is the message for?",
        choices=AUDIENCE_CHOICES,
        initial="candidate",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who the message is for.",
            "invalid_choice": "Choose one of the two kinds of message.",
        },
    )
    # No max_length on the field: it would put maxlength on the textarea, and browsers silently cut a
    # longer paste. The length is checked in clean_text, with a message that says by how much.
    text = forms.CharField(
        label="Your message",
        strip=False,
        help_text="A thank-you note, a follow-up, or feedback you are about to give. Up to 20,000 characters."
        " It is not saved.",
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "true", "autocomplete": "off"}),
        error_messages={"required": "Type or paste the message you want to check."},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # labels read as headings here, like the legend above them
        super().__init__(*args, **kwargs)

    def clean_text(self):
        text = clean_message(self.cleaned_data["text"])
        if not text.strip():
            raise forms.ValidationError(self.fields["text"].error_messages["required"], code="required")
        return text


class InlineCheckForm(forms.Form):
    """What the live check under a draft sends: the draft's text, its audience and the textarea's id."""

    audience = forms.ChoiceField(choices=AUDIENCE_CHOICES)
    text = forms.CharField(required=False, strip=False)
    # The id of the draft's textarea, which the "use suggestion" buttons point at; a plain HTML id.
    target = forms.RegexField(regex=r"^[A-Za-z][\w:.-]{0,99}$", required=False)

    def clean_text(self):
        return clean_message(self.cleaned_data["text"])
