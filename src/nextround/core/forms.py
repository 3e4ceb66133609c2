from django import forms
from django.contrib.auth.forms import UserCreationForm

from nextround.core import timezones
from nextround.core.models import Profile


class SignupForm(UserCreationForm):
    full_name = forms.CharField(
        label="Your name",
        max_length=120,
        required=False,
        help_text="Used to sign the drafts nextround writes.",
    )

    class Meta(UserCreationForm.Meta):
        fields = ("username",)


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label="Time zone",
        help_text="Every date you see is in it. Type a city or a country to find yours.",
        widget=forms.Select(attrs={"data-picker": "search"}),
    )

    class Meta:
        model = Profile
        # Not in Profile.SETTINGS: those are what an export carries, and export format 1 is frozen.
        fields = (*Profile.SETTINGS, "apply_rejections_automatically")
        labels = {
            "weekly_goal_applications": "Applications a week",
            "weekly_goal_followups": "Follow-ups a week",
            "weekly_goal_contacts": "People contacted a week",
            "apply_rejections_automatically": "Apply rejections from mail automatically",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = timezones.choices(keep=self.instance.time_zone)


def words_field(label: str, help_text: str) -> forms.CharField:
    """An optional text box for what someone said or was asked, in their words."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=help_text,
    )


def search_field(placeholder: str) -> forms.CharField:
    """The search box of a list page: every word must appear (see `tracker.queries.matching_words`)."""
    return forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": placeholder}),
    )
