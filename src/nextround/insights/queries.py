"""Loading the rows behind the insights, in a fixed number of queries whatever the size of the search.

The funnel, the sources and the waits are counted by the database (`counts`, over the facts each
application row keeps); other rows are read with `values_list` (no model instances: ten thousand would take
seconds to build) into the small dataclasses of `metrics`, `debrief` and `activity`.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.db.models import (
    CharField,
    Count,
    Q,
    Sum,
)
from django.db.models.functions import Cast

from nextround.core import versions
from nextround.core.access import profile_for
from nextround.insights import activity, counts, debrief, metrics, weekly
from nextround.insights.counts import local_start
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


def as_text(expression) -> Cast:
    """Read a date-time as ISO text, to be parsed by `instant`.

    Django's per-value date-time converter costs a few microseconds, and a big search reads tens of
    thousands of them: it was the largest part of the page's time. SQLite stores UTC text and PostgreSQL
    prints the offset (the connection's time zone is UTC), so `fromisoformat` reads both.
    """
    return Cast(expression, output_field=CharField())


def instant(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    if "+" not in value[19:] and "-" not in value[19:]:  # SQLite's UTC text has no offset
        value += "+00:00"  # 8 times quicker than parsing and then replacing the time zone
    return dt.datetime.fromisoformat(value)


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

    summary, feedback = load_playbook(user, period, tz)
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
        themes=with_words(user, debrief.themes(feedback, vocabulary, quotes=QUOTES)),
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


def load_playbook(
    user, period: metrics.Period, tz: dt.tzinfo
) -> tuple[debrief.Debrief, list[debrief.LogFacts]]:
    """The debrief, summed from the counts each plan decided in the period keeps (one query, a row per kind),
    and the feedback logs of those plans for the themes (one narrow query)."""
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
        return summary, []
    # For a period, logs are found through its plans (an owner filter of their own made SQLite scan all of
    # the user's logs instead of looking each plan up); for all time, simply by owner.
    logs_qs = (
        StepLog.objects.filter(step__plan__in=plans_qs.values("pk"))
        if period.since or period.until
        else StepLog.objects.filter(owner=user)
    )
    # Every feedback log counts in the themes, but only the quotes drawn are read in full (`with_words`).
    feedback_rows = (
        logs_qs.filter(outcome=Outcome.FEEDBACK)
        .values_list("pk", "tags", as_text("interaction__occurred_at"), as_text("created_at"))
        .order_by()
    )
    feedback = [
        debrief.LogFacts(
            outcome=Outcome.FEEDBACK,
            step_kind="",
            interaction_kind="",
            tags=tuple(tags or ()),
            at=instant(occurred or created),
            id=pk,
        )
        for pk, tags, occurred, created in feedback_rows
    ]
    return summary, feedback


def with_words(user, themes: debrief.Themes) -> debrief.Themes:
    """The quotes the themes kept, read in full (words, who said them, where) in one query."""
    kept = [
        *themes.untagged,
        *(q for theme in themes.actionable + themes.not_actionable for q in theme.quotes),
    ]
    full = load_feedback(user, {log.id for log in kept})
    for theme in themes.actionable + themes.not_actionable:
        theme.quotes = [full[log.id] for log in theme.quotes]
    themes.untagged = [full[log.id] for log in themes.untagged]
    return themes


def load_feedback(user, ids) -> dict[int, debrief.LogFacts]:
    rows = (
        StepLog.objects.filter(owner=user, pk__in=ids)
        .values_list(
            "pk",
            "outcome",
            "step__kind",
            "interaction__kind",
            "tags",
            "words",
            "said_by__name",
            "step__plan__application__company__name",
            "step__plan__application__role_title",
            "step__plan__application_id",
            as_text("interaction__occurred_at"),
            as_text("created_at"),
        )
        .order_by()
    )
    return {
        pk: debrief.LogFacts(
            outcome=outcome,
            step_kind=kind,
            interaction_kind=channel,
            tags=tuple(tags or ()),
            words=words,
            said_by=said_by or "",
            company=company,
            role=role,
            application_id=app_id,
            at=instant(occurred or created),
            id=pk,
        )
        for (
            pk,
            outcome,
            kind,
            channel,
            tags,
            words,
            said_by,
            company,
            role,
            app_id,
            occurred,
            created,
        ) in rows
    }
