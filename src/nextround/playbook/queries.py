"""Playbook reads; each makes a fixed number of queries however many plans and steps there are."""

import datetime as dt

from django.db.models import Prefetch

from nextround.playbook.models import Plan, PlanStep, StepLog
from nextround.playbook.vocabulary import StepStatus
from nextround.tracker.models import FollowUp
from nextround.tracker.vocabulary import ACTIVE_FOLLOW_UP

DASHBOARD_LIMIT = 50


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


def due_items(owner, today: dt.date) -> list[dict]:
    """Open plan steps and follow-ups due today or earlier, oldest first (for `nextround today`)."""
    items = []
    for step in open_steps(owner).filter(due_on__lte=today):
        application = step.plan.application
        items.append(
            {
                "type": "plan_step",
                "application": f"{application.company.name}: {application.role_title}",
                "title": step.title,
                "due": step.due_on.isoformat(),
                "status": step.status,
                "channel": step.channel,
                "contact": step.contact.name if step.contact else None,
                "draft": step.text or None,
            }
        )
    follow_ups = FollowUp.objects.filter(
        owner=owner, status__in=ACTIVE_FOLLOW_UP, due_on__lte=today
    ).select_related("application__company", "contact")
    for follow_up in follow_ups:
        application = follow_up.application
        items.append(
            {
                "type": "follow_up",
                "application": f"{application.company.name}: {application.role_title}"
                if application
                else None,
                "title": follow_up.title,
                "due": follow_up.due_on.isoformat(),
                "status": follow_up.status,
                "channel": None,
                "contact": follow_up.contact.name if follow_up.contact else None,
                "draft": None,
            }
        )
    items.sort(key=lambda item: item["due"])
    return items


def calendar_items(owner) -> tuple[list[PlanStep], list[FollowUp]]:
    steps = list(open_steps(owner).order_by("due_on", "pk"))
    follow_ups = list(
        FollowUp.objects.filter(owner=owner, status__in=ACTIVE_FOLLOW_UP)
        .select_related("application__company", "contact")
        .order_by("due_on", "pk")
    )
    return steps, follow_ups
