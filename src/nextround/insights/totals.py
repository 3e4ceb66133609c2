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
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count

from nextround.core.models import Profile
from nextround.core.versions import owner_id
from nextround.insights.activity import monday
from nextround.insights.counts import local_start
from nextround.insights.models import PeopleWeek, WeeklyTotals
from nextround.tracker.models import Interaction
from nextround.tracker.vocabulary import Direction

# A write touching more weeks than this rebuilds every week (one read of the user's sent messages) instead.
MOST_WEEKS_RECOUNTED = 8


def people_per_week(sent: Iterable[tuple[dt.datetime, int]], tz: dt.tzinfo) -> dict[dt.date, int]:
    """Different people per week (Monday, local) from (moment, contact id) pairs of sent messages."""
    people: dict[dt.date, set[int]] = defaultdict(set)
    for at, contact_id in sent:
        people[monday(at.astimezone(tz).date())].add(contact_id)
    return {week: len(ids) for week, ids in people.items()}


def time_zone_of(owner) -> str:
    found = Profile.objects.filter(user_id=owner_id(owner)).values_list("time_zone", flat=True).first()
    return found or settings.TIME_ZONE


def _sent(owner):
    return Interaction.contacts.through.objects.filter(
        interaction__owner_id=owner_id(owner), interaction__direction=Direction.OUTGOING
    )


def rebuild(*, owner, time_zone: str | None = None) -> None:
    """Work out every week of `owner` again, in their time zone (or `time_zone`, the one just chosen)."""
    time_zone = time_zone or time_zone_of(owner)
    counted = people_per_week(
        _sent(owner).values_list("interaction__occurred_at", "contact_id").order_by(),
        zoneinfo.ZoneInfo(time_zone),
    )
    PeopleWeek.objects.filter(owner_id=owner_id(owner)).delete()
    _store(owner, counted)
    WeeklyTotals.objects.update_or_create(owner_id=owner_id(owner), defaults={"time_zone": time_zone})


def recount(*, owner, moments: Iterable[dt.datetime]) -> None:
    """Count again the weeks these moments fall in (messages sent then, before or after a write)."""
    moments = [moment for moment in moments if moment is not None]
    if not moments:
        return
    time_zone = time_zone_of(owner)
    kept = WeeklyTotals.objects.filter(owner_id=owner_id(owner))
    kept_in = kept.values_list("time_zone", flat=True).first()
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
    PeopleWeek.objects.filter(owner_id=owner_id(owner), week__in=weeks).delete()
    _store(owner, counted)


def _store(owner, counted: dict[dt.date, int]) -> None:
    PeopleWeek.objects.bulk_create(
        [PeopleWeek(owner_id=owner_id(owner), week=week, people=n) for week, n in counted.items() if n]
    )
