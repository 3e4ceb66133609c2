"""Playbook reads; each makes a fixed number of queries however many plans and steps there are."""

import datetime as dt

from django.db.models import CharField, F, Prefetch, TextField, Value
from django.db.models.functions import Coalesce, NullIf

from nextround.playbook.models import Plan, PlanStep, StepLog
from nextround.playbook.vocabulary import StepStatus
from nextround.tracker.models import FollowUp
from nextround.tracker.vocabulary import ACTIVE_FOLLOW_UP

DASHBOARD_LIMIT = 50
# `nextround today` lists what fell due in the last DUE_DAYS_BACK days, at most TODAY_LIMIT items.
DUE_DAYS_BACK = 60
TODAY_LIMIT = 100


def open_steps(owner):
    return PlanStep.objects.filter(owner=owner, status=StepStatus.TODO).select_related(
        "plan__application__company", "contact"
    )


def dashboard_steps(owner, today: dt.date) -> dict:
    """Plan steps overdue, due today and due in the next seven days, for the dashboard, in one query."""
    window_end = today + dt.timedelta(days=7)
    window = open_steps(owner).filter(due_on__lte=window_end).order_by("due_on", "position", "pk")
    steps = list(window[:DASHBOARD_LIMIT])
    return {
        "overdue": [step for step in steps if step.due_on < today],
        "due_today": [step for step in steps if step.due_on == today],
        "upcoming": [step for step in steps if step.due_on > today],
    }


def plan_for(application) -> Plan | None:
    """The application's plan with its steps, their contacts and logs (a fixed number of queries)."""
    logs = StepLog.objects.select_related("said_by", "interaction")
    steps = PlanStep.objects.select_related("contact").prefetch_related(Prefetch("logs", queryset=logs))
    return (
        Plan.objects.filter(application=application)
        .prefetch_related(Prefetch("steps", queryset=steps.order_by("due_on", "position", "pk")))
        .first()
    )


def plan_summary(application) -> dict | None:
    """What the application page shows about its plan: counts and the next open step."""
    plan = Plan.objects.filter(application=application).first()
    if plan is None:
        return None
    steps = list(plan.steps.select_related("contact").order_by("due_on", "position", "pk"))
    open_steps_ = [step for step in steps if step.is_open]
    return {"plan": plan, "total": len(steps), "open": len(open_steps_), "next": open_steps_[:2]}


def due_items(owner, today: dt.date, *, limit: int = TODAY_LIMIT) -> tuple[list[dict], bool]:
    """Open plan steps and follow-ups due today or in the DUE_DAYS_BACK days before, oldest first (for
    `nextround today`), in one query of at most `limit` rows: the most recent win when there are more,
    and the second value says so."""
    window = (today - dt.timedelta(days=DUE_DAYS_BACK), today)
    text = Coalesce(NullIf(F("draft"), Value("")), F("generated_draft"), output_field=TextField())
    nothing = Value("", output_field=TextField())
    steps = PlanStep.objects.filter(owner=owner, status=StepStatus.TODO, due_on__range=window).values_list(
        Value("plan_step", output_field=CharField()),
        "plan__application__company__name",
        "plan__application__role_title",
        "title",
        "due_on",
        "status",
        "channel",
        "contact__name",
        text,
        "pk",
    )
    follow_ups = FollowUp.objects.filter(
        owner=owner, status__in=ACTIVE_FOLLOW_UP, due_on__range=window
    ).values_list(
        Value("follow_up", output_field=CharField()),
        "application__company__name",
        "application__role_title",
        "title",
        "due_on",
        "status",
        nothing,
        "contact__name",
        nothing,
        "pk",
    )
    both = steps.order_by().union(follow_ups.order_by(), all=True)
    rows = list(both.order_by("-due_on", "-pk")[: limit + 1])
    items = [
        {
            "type": kind,
            "application": f"{company}: {role}" if company else None,
            "title": title,
            "due": due.isoformat(),
            "status": status,
            "channel": channel or None,
            "contact": contact,
            "draft": draft or None,
        }
        for kind, company, role, title, due, status, channel, contact, draft, _pk in rows[:limit]
    ]
    items.reverse()
    return items, len(rows) > limit
