import zoneinfo

from django import forms
from django.contrib.auth.forms import UserCreationForm

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


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class ProfileForm(forms.ModelForm):
    time_zone = forms.TypedChoiceField(choices=time_zone_choices, label="Time zone")

    class Meta:
        model = Profile
        fields = (
            "full_name",
            "time_zone",
            "ghost_checkin_days",
            "weekly_goal_applications",
            "weekly_goal_followups",
            "weekly_goal_contacts",
        )
        labels = {
            "weekly_goal_applications": "Applications a week",
            "weekly_goal_followups": "Follow-ups a week",
            "weekly_goal_contacts": "People contacted a week",
        }
