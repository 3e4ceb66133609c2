from django import forms

from nextround.mail.sources import MailFileProblem, kind_of

# A mailbox export larger than this is better read by `nextround mail import` or IMAP sync.
MAX_UPLOAD_BYTES = 200 * 1024 * 1024
MAX_PASTE = 60_000


class PasteForm(forms.Form):
    text = forms.CharField(
        label="Paste one message",
        widget=forms.Textarea(
            attrs={"rows": 8, "placeholder": "Paste the letter, with or without its headers"}
        ),
        help_text="The whole message as your mail program shows it, or “Show original” for its headers too.",
        max_length=MAX_PASTE,
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label="An .eml, an .mbox or a .zip of .eml files",
        help_text="Drop a file here or choose one. Gmail: Google Takeout gives an .mbox of a label. "
        "Thunderbird and Apple Mail save messages as .eml.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"“{upload.name}” is {upload.size / 2**20:,.0f} MB; the Mail page takes files up to "
                f"{MAX_UPLOAD_BYTES // 2**20} MB. Use `nextround mail import` for a bigger mailbox, or "
                "connect the mailbox below."
            )
        if upload.size == 0:
            raise forms.ValidationError(f"“{upload.name}” is empty.")
        upload.seek(0)
        head = upload.read(64 * 1024)
        upload.seek(0)
        try:
            kind_of(head, upload.name)
        except MailFileProblem as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload


class ChooseForm(forms.Form):
    """The application a message is about, when nextround found several (or the user corrects it)."""

    application = forms.TypedChoiceField(coerce=int, label="Application", required=False, empty_value=None)

    def __init__(self, *args, applications=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].choices = [("", "As proposed")] + [
            (a.pk, f"{a.role_title} at {a.company.name}") for a in applications
        ]


class MailboxForm(forms.Form):
    host = forms.CharField(
        label="IMAP server",
        max_length=253,
        help_text="imap.gmail.com, outlook.office365.com, imap.fastmail.com",
    )
    port = forms.IntegerField(initial=993, min_value=1, max_value=65535, help_text="993 for IMAP over TLS.")
    username = forms.CharField(label="User name", max_length=254, help_text="Usually your email address.")
    password = forms.CharField(
        label="App password",
        required=False,
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="An app password made for nextround (see docs/mail.md), never your usual password. "
        "It is stored encrypted and never shown again; leave it empty to keep the saved one.",
    )
    folder = forms.CharField(
        label="Folder or label", max_length=200, initial="INBOX", help_text="INBOX, or a label such as Jobs."
    )
    since = forms.DateField(
        label="Messages since",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty to read the whole folder.",
    )

    def __init__(self, *args, has_password: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_password = has_password

    def clean_host(self):
        host = self.cleaned_data["host"].strip().lower()
        if "://" in host or "/" in host or " " in host:
            raise forms.ValidationError("Enter only the server's name, such as imap.gmail.com.")
        return host

    def clean(self):
        data = super().clean()
        if not self.has_password and not data.get("password"):
            self.add_error("password", "Enter the app password for this mailbox.")
        return data
