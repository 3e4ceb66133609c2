from django import forms

from nextround.core.forms import words_field
from nextround.playbook import content
from nextround.playbook.models import Plan
from nextround.playbook.vocabulary import HEARD, StepStatus


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=StepStatus.choices)


class DraftForm(forms.Form):
    text = forms.CharField(
        label="Your message", max_length=10000, required=False, widget=forms.Textarea(attrs={"rows": 9})
    )


class UpsetForm(forms.Form):
    upset = forms.BooleanField(required=False)


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["went_well", "do_differently", "learned"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}
        labels = {
            "went_well": "What went well",
            "do_differently": "What would you do differently?",
            "learned": "What did you learn?",
        }


class LogForm(forms.Form):
    """What happened on a step. `said_by` choices are the application's people, passed in by the view."""

    outcome = forms.ChoiceField(label="What happened", widget=forms.RadioSelect)
    words = words_field("What they said, in their words", "Write it down now, while you remember it.")
    said_by = forms.TypedChoiceField(label="Who said it", required=False, coerce=int, empty_value=None)
    tags = forms.MultipleChoiceField(
        label="What was it about?", required=False, widget=forms.CheckboxSelectMultiple
    )
    questions_asked = words_field(
        "What they were asked (for references)", "The employer's questions show what they were unsure about."
    )

    def __init__(self, *args, people=(), show_questions=False, **kwargs):
        super().__init__(*args, **kwargs)
        words = content.load()
        self.fields["outcome"].choices = words.outcome_choices
        self.fields["tags"].choices = words.tag_choices
        self.fields["said_by"].choices = [("", "Nobody in particular")] + [(p.pk, p.name) for p in people]
        if not show_questions:
            del self.fields["questions_asked"]

    def clean(self):
        data = super().clean()
        if data.get("outcome") in HEARD and not (data.get("words") or "").strip():
            self.add_error("words", "Write down what they said, so you can use it later.")
        return data
