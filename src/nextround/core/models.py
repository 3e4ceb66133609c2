import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models

# Ranges every path checks (forms, imports, restores) through the model fields' validators, so SQLite (which
# stores any integer) and PostgreSQL (small integers stop at 32,767) accept the same values, and date
# arithmetic on a cadence never overflows.
MAX_CADENCE_DAYS = 3650
MAX_GHOST_DAYS = 260
MAX_GOAL = 1000
MAX_SALARY = 1_000_000_000


def at_most(limit: int, unit: str = "") -> MaxValueValidator:
    return MaxValueValidator(limit, f"At most {limit:,}{' ' + unit if unit else ''}.")


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"“{value}” is not a time zone; pick one such as Europe/Berlin.") from None


class Profile(models.Model):
    """Per-user settings: display name for drafts, time zone, calendar token, goals."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    full_name = models.CharField(
        "your name", max_length=120, blank=True, help_text="Used to sign the drafts nextround writes for you."
    )
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    ghost_checkin_days = models.PositiveSmallIntegerField(
        "check in on silent applications after (business days)",
        default=5,
        validators=[at_most(MAX_GHOST_DAYS, "business days (a year)")],
    )
    weekly_goal_applications = models.PositiveSmallIntegerField(default=5, validators=[at_most(MAX_GOAL)])
    weekly_goal_followups = models.PositiveSmallIntegerField(default=5, validators=[at_most(MAX_GOAL)])
    weekly_goal_contacts = models.PositiveSmallIntegerField(default=3, validators=[at_most(MAX_GOAL)])
    apply_rejections_automatically = models.BooleanField(
        "apply rejections automatically",
        default=False,
        help_text="When a letter that nextround reads as a rejection matches one of your applications, move "
        "it to Rejected and start the plan without asking. Each one can still be undone on the Mail page.",
    )

    # What the person chooses in Settings (and what an export carries): the rest is the installation's.
    SETTINGS = (
        "full_name",
        "time_zone",
        "ghost_checkin_days",
        "weekly_goal_applications",
        "weekly_goal_followups",
        "weekly_goal_contacts",
    )

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @property
    def display_name(self) -> str:
        return self.full_name or self.user.get_full_name() or ""


def save_checked(row: models.Model) -> models.Model:
    """Check a row (fields, choices, constraints) and save it, and mark its user's data as changed
    (`core.versions`): what every single-row service does."""
    from nextround.core.versions import bump

    row.full_clean()
    row.save()
    bump(row.user_id if isinstance(row, Profile) else row.owner_id)
    return row


class OwnedModel(models.Model):
    """Every row belongs to one user; queries always filter on `owner`."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


class DataVersion(models.Model):
    """A token that changes on every write of a user's rows (see `core.versions`).

    Its own table, not a Profile field: a settings form saving a profile loaded earlier must never put back
    an older token, and a write must not wait for anything but this one row.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Data version {self.token} of {self.user_id}"
