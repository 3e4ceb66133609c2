"""Loading the rows behind the insights, in a fixed number of queries whatever the size of the search.

The funnel, the sources and the waits are counted by the database (`counts`, over the facts each
application row keeps); the debrief sums the counts each plan keeps; the weeks (`weekly`) and the feedback
themes (`feedback`) have modules of their own. Other rows are read with `values_list` (no model instances:
ten thousand would take seconds to build) into the small dataclasses of `metrics`, `debrief` and `activity`.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.db.models import (
    Count,
    Q,
    QuerySet,
    Sum,
)

from nextround.core import versions
from nextround.core.access import profile_for
from nextround.insights import activity, counts, debrief, feedback, metrics, weekly
from nextround.insights.counts import local_start
from nextround.insights.rows import as_text, instant
from nextround.playbook import content
from nextround.playbook.models import Plan, StepLog
from nextround.playbook.services import facts as plan_facts
from nextround.playbook.vocabulary import Outcome
from nextround.tracker.models import Application
from nextround.tracker.vocabulary import Source, Stage

QUOTES = 10  # the most recent quotes a theme shows


@dataclass
class Insights:
    period: metrics.Period
    today: dt.date
    applications: int
    funnel: metrics.Funnel
    sources: list[metrics.SourceRow]
    answer: metrics.Durations
    decision: metrics.Durations
    waiting: list[metrics.AppFacts]
    debrief: debrief.Debrief
    themes: debrief.Themes
    weeks: list[activity.Week]
    weekly_summary: activity.WeeklySummary
    goals: activity.Goals

    @property
    def this_week(self) -> dt.date:
        return activity.monday(self.today)

    def chart_data(self) -> dict:
        """What the chart script draws; the tables on the page show the same numbers."""
        return {
            "funnel": {"nodes": self.funnel.nodes, "links": [list(link) for link in self.funnel.links]},
            "sources": [
                {
                    "label": row.label,
                    "n": row.applications,
                    "heard": round(row.heard_back.share * 100),
                    "forward": round(row.moved_forward.share * 100),
                }
                for row in self.sources
            ],
            "weekly": {
                "weeks": [week.start.strftime("%d %b") for week in self.weeks],
                "applications": [week.applications for week in self.weeks],
                "followups": [week.followups for week in self.weeks],
                "contacts": [week.contacts for week in self.weeks],
                "goals": {
                    "applications": self.goals.applications,
                    "followups": self.goals.followups,
                    "contacts": self.goals.contacts,
                },
            },
        }


def insights_for(user, period: metrics.Period, today: dt.date) -> Insights:
    """The page's numbers, kept in the cache under the user's data version (`core.versions`).

    Counting reads every application of the period, so a big search's page costs several times a small
    one's; the numbers only change when the data does (every write bumps the version; the profile's time
    zone and goals are data too) or when the day does (`today` is in the key: waits and weeks move with it).
    """
    name = f"insights:{period.since}:{period.until}:{today}"
    return versions.cached(user, name, lambda: compute_insights(user, period, today))


def compute_insights(user, period: metrics.Period, today: dt.date) -> Insights:
    profile = profile_for(user)
    tz = zoneinfo.ZoneInfo(profile.time_zone)
    labels = dict(Source.choices)

    sent = counts.in_period(period, tz)
    funnel, sources = counts.funnel_and_sources(user, sent, labels)
    cutoff = today - dt.timedelta(days=metrics.WAITING_DAYS)
    # Never answered: no move to an answer stage and no message from them (the row's fact says both).
    stale = load_applications(
        user,
        Q(stage=Stage.APPLIED, first_answer_at__isnull=True)
        & (
            Q(applied_on__lte=cutoff)
            | Q(applied_on__isnull=True, stage_changed_at__lt=local_start(cutoff, tz))
        ),
    )

    summary, logs = load_playbook(user, period, tz)
    vocabulary = [debrief.Tag(tag["key"], tag["label"], tag["actionable"]) for tag in content.load().tags]

    goals = activity.Goals(
        profile.weekly_goal_applications, profile.weekly_goal_followups, profile.weekly_goal_contacts
    )
    shown = activity.week_starts(min(period.until or today, today), period.since)
    week_rows = activity.weekly_from_counts(shown, goals, *weekly.load_activity(user, shown, tz))
    return Insights(
        period=period,
        today=today,
        applications=funnel.total,
        funnel=funnel,
        sources=sources,
        answer=counts.waits(user, sent, "first_answer_at", tz),
        decision=counts.waits(user, sent, "decided_at", tz),
        waiting=metrics.waiting_without_answer(stale, today, tz),
        debrief=summary,
        themes=feedback.load_themes(user, logs, vocabulary, quotes=QUOTES),
        weeks=week_rows,
        weekly_summary=activity.summary(week_rows),
        goals=goals,
    )


def load_applications(user, where: Q, *, names: bool = True) -> list[metrics.AppFacts]:
    """Applications matching `where` with the facts the tracker keeps on each row (one query).

    Company and role are read only with `names` (the waiting list shows them; the counts do not).
    """
    named = ("company__name", "role_title") if names else ()
    rows = (
        Application.objects.filter(owner=user)
        .filter(where)
        .values_list(
            "pk",
            "source",
            "stage",
            "applied_on",
            "furthest_rank",
            as_text("sent_at"),
            as_text("first_answer_at"),
            as_text("decided_at"),
            *named,
        )
        .order_by()
    )
    return [
        metrics.AppFacts(
            id=pk,
            source=source,
            stage=stage,
            applied_on=applied_on,
            company=company_role[0] if company_role else "",
            role=company_role[1] if company_role else "",
            reduced=metrics.Reduced(rank, instant(sent), instant(answered), instant(decided)),
        )
        for pk, source, stage, applied_on, rank, sent, answered, decided, *company_role in rows
    ]


def load_playbook(user, period: metrics.Period, tz: dt.tzinfo) -> tuple[debrief.Debrief, QuerySet | None]:
    """The debrief, summed from the counts each plan decided in the period keeps (one query, a row per kind),
    and the feedback logs of those plans for the themes (a query, not yet run; None without plans)."""
    plans_qs = Plan.objects.filter(owner=user)
    if period.since:
        plans_qs = plans_qs.filter(decided_at__gte=local_start(period.since, tz))
    if period.until:
        plans_qs = plans_qs.filter(decided_at__lt=local_start(period.until + dt.timedelta(days=1), tz))
    kept = plans_qs.values("kind").annotate(
        plans=Count("pk"), **{name: Sum(name) for name in plan_facts.FIELDS}
    )
    summary = debrief.from_totals(
        [debrief.PlanTotals(**row) for row in kept.values("kind", "plans", *plan_facts.FIELDS).order_by()]
    )
    if not summary.plans:
        return summary, None
    # For a period, logs are found through its plans (an owner filter of their own made SQLite scan all of
    # the user's logs instead of looking each plan up); for all time, simply by owner.
    logs_qs = (
        StepLog.objects.filter(step__plan__in=plans_qs.values("pk"))
        if period.since or period.until
        else StepLog.objects.filter(owner=user)
    )
    return summary, logs_qs.filter(outcome=Outcome.FEEDBACK)
