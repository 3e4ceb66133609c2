from django.conf import settings
from django.db import models

from nextround.core.models import OwnedModel


class WeeklyTotals(models.Model):
    """That `PeopleWeek` holds this user's weeks in full, and in which time zone they were cut.

    The page reads the kept totals only when this row exists and names the user's time zone now; otherwise it
    counts the weeks from the interactions themselves (slower, the same numbers). See `insights/totals.py`.
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    time_zone = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"Weekly totals of {self.owner_id} in {self.time_zone}"


class PeopleWeek(OwnedModel):
    """How many different people the user reached out to in one week (Monday to Sunday, local time):
    kept by `insights/totals.py` as the tracker announces its messages, so the page sums a dozen rows."""

    week = models.DateField()  # the Monday
    people = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "week"], name="people_week_once")]

    def __str__(self) -> str:
        return f"{self.people} people in the week of {self.week}"
