"""Loading the weekly activity the page shows against the user's goals (4 short queries, a dozen rows).

Applications sent, follow-ups done and plan steps done are counted per week by the database. People reached
are kept as running totals per week (`totals`, one row a week) while they are known to be complete and cut
in the user's time zone; otherwise they are counted here from the messages, with the same rules.
"""

import datetime as dt
from collections import Counter

from django.db.models import CharField, Count, F, Func

from nextround.insights.counts import local_start
from nextround.insights.models import PeopleWeek, WeeklyTotals
from nextround.playbook.models import PlanStep
from nextround.playbook.vocabulary import StepKind, StepStatus
from nextround.tracker.models import Application, FollowUp, Interaction
from nextround.tracker.vocabulary import Direction, FollowUpStatus, Stage


class WeekOf(Func):
    """The Monday (as ISO text) of the week a row's date or instant falls in, worked out by the database.

    Each week's end is the user's local midnight turned into an instant here (or a plain date for a date
    field, without `tz`), so the database compares values and never converts time zones, on SQLite or
    PostgreSQL alike. The query must keep to the weeks' rows (earlier ones would count in the first week;
    later ones get NULL). Written as SQL text with parameters: the same
    `Case`/`When` built a lookup per week and cost 5 ms a page, more than the queries.
    """

    output_field = CharField()

    def __init__(self, field: str, weeks: list[dt.date], tz: dt.tzinfo | None = None):
        super().__init__(F(field))
        self.weeks, self.tz = weeks, tz

    def as_sql(self, compiler, connection, **extra):
        column, column_params = compiler.compile(self.source_expressions[0])
        ops, arms, params = connection.ops, [], []
        for week in self.weeks:
            end = week + dt.timedelta(weeks=1)
            bound = ops.adapt_datetimefield_value(local_start(end, self.tz)) if self.tz else end.isoformat()
            arms.append(f"WHEN {column} < %s THEN %s")
            params += [*column_params, bound, week.isoformat()]
        return f"CASE {' '.join(arms)} ELSE NULL END", params


def load_activity(user, weeks: list[dt.date], tz) -> tuple[dict, dict, dict]:
    """Per week shown: applications sent, follow-ups done, distinct people reached.

    The database counts per week (`activity.weekly` defines the counts; a test checks both agree), so the
    page reads a dozen rows however many messages the weeks hold.
    """
    if not weeks:
        return {}, {}, {}
    first, last = weeks[0], weeks[-1] + dt.timedelta(days=6)
    start, end = local_start(first, tz), local_start(last + dt.timedelta(days=1), tz)

    def per_week(queryset, field, count, tz=tz):
        rows = queryset.annotate(week=WeekOf(field, weeks, tz)).values("week").annotate(n=count)
        return {as_date(week): n for week, n in rows.values_list("week", "n").order_by() if week is not None}

    applied = per_week(
        Application.objects.filter(owner=user, applied_on__range=(first, last)).exclude(stage=Stage.SAVED),
        "applied_on",
        Count("pk"),
        tz=None,
    )
    # A plan step done is a follow-up too: it is the follow-up after a rejection.
    done = Counter(
        per_week(
            FollowUp.objects.filter(
                owner=user, status=FollowUpStatus.DONE, completed_at__gte=start, completed_at__lt=end
            ),
            "completed_at",
            Count("pk"),
        )
    )
    done.update(
        per_week(
            PlanStep.objects.filter(owner=user, status__in=(StepStatus.DONE, StepStatus.DECLINED))
            .filter(completed_at__gte=start, completed_at__lt=end)
            .exclude(kind=StepKind.REFLECTION),
            "completed_at",
            Count("pk"),
        )
    )
    contacts = people_kept(user, weeks, tz)
    if contacts is None:
        contacts = per_week(
            Interaction.contacts.through.objects.filter(
                interaction__owner=user,
                interaction__direction=Direction.OUTGOING,
                interaction__occurred_at__gte=start,
                interaction__occurred_at__lt=end,
            ),
            "interaction__occurred_at",
            Count("contact_id", distinct=True),
        )
    return applied, dict(done), contacts


def people_kept(user, weeks: list[dt.date], tz) -> dict[dt.date, int] | None:
    """People reached per week from the running totals, or None when they are not known to be complete in
    the time zone `tz` (never kept yet, or the user moved zones since: then the page counts them itself)."""
    kept_in = WeeklyTotals.objects.filter(owner=user).values_list("time_zone", flat=True).first()
    if kept_in != getattr(tz, "key", None):
        return None
    rows = PeopleWeek.objects.filter(owner=user, week__range=(weeks[0], weeks[-1]))
    return {as_date(week): people for week, people in rows.values_list("week", "people").order_by()}


def as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
