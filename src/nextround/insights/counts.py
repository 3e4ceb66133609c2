"""The funnel, the sources and the waits counted by the database, over the facts each application row keeps.

`metrics` defines every number one application at a time (the reference, tested on hand-built searches);
this module asks the database for the same numbers already grouped: a few dozen rows of counts however
big the search, instead of one Python object per application. A test checks both agree on random
searches, across a summer-time change.

The waits need each instant's *local* day. PostgreSQL converts with `AT TIME ZONE`; SQLite has no time
zones, so the conversion is written out as the zone's UTC offsets between its transitions (`date(col,
'+3600 seconds')` per span): built-in functions only, no Python called per row.
"""

import bisect
import datetime as dt
import functools
from collections import Counter, defaultdict

from django.db.models import BooleanField, Count, DateField, ExpressionWrapper, F, Func, IntegerField, Q
from django.db.models.functions import Coalesce

from nextround.insights import metrics
from nextround.tracker.models import Application
from nextround.tracker.vocabulary import Stage

# Transitions are listed from this year on; an instant before it gets the zone's offset at its start.
FIRST_YEAR = 1970


def local_start(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=tz)


def in_period(period: metrics.Period, tz: dt.tzinfo) -> Q:
    """Exactly `metrics.in_period`: sent (not "saved"), on the day given, else on the first move's local
    day, within the period. Written as ranges so that the database can use its indexes."""
    given, moved = Q(applied_on__isnull=False), Q(applied_on__isnull=True, sent_at__isnull=False)
    if period.since:
        given &= Q(applied_on__gte=period.since)
        moved &= Q(sent_at__gte=local_start(period.since, tz))
    if period.until:
        given &= Q(applied_on__lte=period.until)
        moved &= Q(sent_at__lt=local_start(period.until + dt.timedelta(days=1), tz))
    return ~Q(stage=Stage.SAVED) & (given | moved)


@functools.lru_cache(maxsize=64)
def _offsets(key: str, until_year: int) -> tuple[tuple[dt.datetime, ...], tuple[int, ...]]:
    """The zone's UTC offset in seconds from each transition on (the first from FIRST_YEAR), found by
    stepping a week at a time and bisecting to the second: zoneinfo does not list its transitions."""
    import zoneinfo

    tz = zoneinfo.ZoneInfo(key)

    def offset(at: dt.datetime) -> int:
        return int(at.astimezone(tz).utcoffset().total_seconds())

    at = dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(until_year + 1, 1, 1, tzinfo=dt.UTC)
    starts, offsets = [at], [offset(at)]
    step = dt.timedelta(weeks=1)
    while at < end:
        following = at + step
        if offset(following) != offsets[-1]:
            low, high = at, following  # offset(low) is the old one, offset(high) the new one
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if offset(middle) == offsets[-1] else (low, middle)
            starts.append(high.replace(microsecond=0))
            offsets.append(offset(following))
        at = following
    return tuple(starts), tuple(offsets)


class LocalDate(Func):
    """The local calendar day (in `tz`, a zoneinfo zone) of a date-time column."""

    output_field = DateField()

    def __init__(self, expression, tz):
        super().__init__(F(expression) if isinstance(expression, str) else expression)
        self.tz = tz

    def as_postgresql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        return f"(({column}) AT TIME ZONE %s)::date", [*params, self.tz.key]

    def as_sqlite(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        starts, offsets = _offsets(self.tz.key, dt.date.today().year + 2)
        # Newest span first: most rows are recent, and SQLite stops at the first arm that holds.
        arms, arm_params = [], []
        for start, seconds in zip(reversed(starts[1:]), reversed(offsets[1:]), strict=True):
            arms.append(f"WHEN {column} >= %s THEN %s")
            arm_params += [*params, connection.ops.adapt_datetimefield_value(start), f"{seconds:+d} seconds"]
        modifier = f"{offsets[0]:+d} seconds"  # before the first transition listed
        if arms:
            return (
                f"date({column}, CASE {' '.join(arms)} ELSE %s END)",
                [*params, *arm_params, modifier],
            )
        return f"date({column}, %s)", [*params, modifier]


class DaysBetween(Func):
    """Whole days from the date `start` to the date `end` (negative if `end` is earlier)."""

    output_field = IntegerField()

    def __init__(self, end, start):
        super().__init__(end, start)

    def as_postgresql(self, compiler, connection, **extra):
        end, start = (compiler.compile(expression) for expression in self.source_expressions)
        return f"(({end[0]}) - ({start[0]}))", [*end[1], *start[1]]

    def as_sqlite(self, compiler, connection, **extra):
        end, start = (compiler.compile(expression) for expression in self.source_expressions)
        return f"CAST(julianday({end[0]}) - julianday({start[0]}) AS INTEGER)", [*end[1], *start[1]]


def funnel_and_sources(user, where: Q, labels: dict[str, str]):
    """The funnel and the per-source rates from one GROUP BY (source, furthest rank, stage, heard back)."""
    heard = ExpressionWrapper(Q(first_answer_at__isnull=False), output_field=BooleanField())
    rows = (
        Application.objects.filter(owner=user)
        .filter(where)
        .annotate(heard=heard)
        .values_list("source", "furthest_rank", "stage", "heard")
        .annotate(n=Count("pk"))
        .order_by()
    )
    ends: Counter = Counter()
    groups: dict[str, metrics.SourceCounts] = defaultdict(metrics.SourceCounts)
    screening = metrics.RANK[Stage.SCREENING]
    for source, rank, stage, answered, count in rows:
        top = metrics.furthest_of(rank, stage)
        ends[(top, metrics.exit_of_stage(stage))] += count
        groups[source].add(heard=bool(answered), forward=metrics.RANK[top] >= screening, count=count)
    return metrics.funnel_from_ends(ends), metrics.sources_from_counts(groups, labels)


def waits(user, where: Q, column: str, tz) -> metrics.Durations:
    """Days from applying to `column` (first_answer_at or decided_at), counted per number of days."""
    applied = Coalesce("applied_on", LocalDate("sent_at", tz), output_field=DateField())
    rows = (
        Application.objects.filter(owner=user)
        .filter(where, **{f"{column}__isnull": False})
        .annotate(days=DaysBetween(LocalDate(column, tz), applied))
        .values_list("days")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return metrics.Durations.from_histogram({int(days): count for days, count in rows})


def offset_at(key: str, at: dt.datetime) -> int:
    """The UTC offset `LocalDate` uses at `at` on SQLite (for tests that compare it with zoneinfo)."""
    starts, offsets = _offsets(key, dt.date.today().year + 2)
    return offsets[bisect.bisect_right(starts, at) - 1]
