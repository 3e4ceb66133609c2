"""Running totals the insights page sums instead of scanning the search: people reached per week.

"People contacted" counts each person once a week, over every message the user sent; counted per view, that
reads every outgoing message of the weeks shown (thousands in a big search). It is kept instead, one row per
user and week (`PeopleWeek`), written inside the tracker's own transactions as it announces its messages
(`subscribers`). A distinct count cannot be patched by adding and subtracting, so each write *recounts* the
weeks it touched from the messages themselves (where an edited message was and is, a deleted one, a deleted
person's): one short query per week, the same result as counting from scratch.

Weeks run Monday to Sunday in the user's time zone, so the rows are cut in one zone, named in
`WeeklyTotals`; moving zones rebuilds them (`time_zone_changed`), and until a user's rows are complete and
in their zone the page counts the weeks itself (`weekly.people_kept`): the numbers never depend on the totals
being there, only the speed does. A write that touches many weeks at once (an import) rebuilds them all, and
a restore rebuilds once when it has written everything.
"""

import datetime as dt
import zoneinfo
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count

from nextround.core.models import Profile
from nextround.core.versions import owner_id
from nextround.insights import activity
from nextround.insights.activity import monday
from nextround.insights.counts import local_start
from nextround.insights.models import PeopleWeek, WeeklyTotals
from nextround.tracker.models import Interaction
from nextround.tracker.vocabulary import Direction

# A write touching more weeks than this rebuilds every week (one read of the user's sent messages) instead.
MOST_WEEKS_RECOUNTED = 8


def people_per_week(sent: Iterable[tuple[dt.datetime, int]], tz: dt.tzinfo) -> dict[dt.date, int]:
    """Different people per week (Monday, local) from (moment, contact id) pairs of sent messages."""
    return activity.people_per_week((at.astimezone(tz).date(), contact_id) for at, contact_id in sent)


def time_zone_of(owner) -> str:
    found = Profile.objects.filter(user_id=owner_id(owner)).values_list("time_zone", flat=True).first()
    return found or settings.TIME_ZONE


def _sent(owner):
    return Interaction.contacts.through.objects.filter(
        interaction__owner_id=owner_id(owner), interaction__direction=Direction.OUTGOING
    )


def _lock(owner) -> str | None:
    """The zone `owner`'s weeks are kept in, with their row locked until the writing transaction ends: two
    writes of one person's messages (two tabs, a mail sync) then recount one after the other, the second
    seeing the first's messages (PostgreSQL; SQLite lets one writer in at a time anyway)."""
    kept = WeeklyTotals.objects.select_for_update().filter(owner_id=owner_id(owner))
    return kept.values_list("time_zone", flat=True).first()


def rebuild(*, owner, time_zone: str | None = None) -> None:
    """Work out every week of `owner` again, in their time zone (or `time_zone`, the one just chosen)."""
    _lock(owner)
    time_zone = time_zone or time_zone_of(owner)
    counted = people_per_week(
        _sent(owner).values_list("interaction__occurred_at", "contact_id").order_by(),
        zoneinfo.ZoneInfo(time_zone),
    )
    PeopleWeek.objects.filter(owner_id=owner_id(owner)).exclude(week__in=list(counted)).delete()
    _store(owner, counted)
    WeeklyTotals.objects.bulk_create(
        [WeeklyTotals(owner_id=owner_id(owner), time_zone=time_zone)],
        update_conflicts=True,
        unique_fields=["owner"],
        update_fields=["time_zone"],
    )


def recount(*, owner, moments: Iterable[dt.datetime]) -> None:
    """Count again the weeks these moments fall in (messages sent then, before or after a write)."""
    moments = [moment for moment in moments if moment is not None]
    if not moments:
        return
    kept_in = _lock(owner)
    time_zone = time_zone_of(owner)
    tz = zoneinfo.ZoneInfo(time_zone)
    weeks = sorted({monday(moment.astimezone(tz).date()) for moment in moments})
    if kept_in != time_zone or len(weeks) > MOST_WEEKS_RECOUNTED:
        rebuild(owner=owner, time_zone=time_zone)
        return
    counted = {}
    for week in weeks:
        start, end = local_start(week, tz), local_start(week + dt.timedelta(weeks=1), tz)
        in_week = _sent(owner).filter(interaction__occurred_at__gte=start, interaction__occurred_at__lt=end)
        counted[week] = in_week.aggregate(n=Count("contact_id", distinct=True))["n"]
    _store(owner, counted)


def _store(owner, counted: dict[dt.date, int]) -> None:
    """Write these weeks' counts (a week with nobody loses its row); an upsert, so that a week written by
    another transaction meanwhile is updated, not a broken unique constraint."""
    empty = [week for week, n in counted.items() if not n]
    PeopleWeek.objects.filter(owner_id=owner_id(owner), week__in=empty).delete()
    PeopleWeek.objects.bulk_create(
        [PeopleWeek(owner_id=owner_id(owner), week=week, people=n) for week, n in counted.items() if n],
        update_conflicts=True,
        unique_fields=["owner", "week"],
        update_fields=["people"],
    )
