"""Progress on the demo's older rejection plans, so the plan page, dashboard and insights look lived-in."""

import datetime as dt

from django.utils import timezone

from nextround.playbook import services
from nextround.playbook.models import Plan, PlanStep

# (role of the rejected application, step kind, contact name or None, outcome, words, tags, questions asked)
PROGRESS = [
    ("Senior Data Analyst", "thank_you", None, "sent", "", [], ""),
    (
        "Senior Data Analyst",
        "call_recruiter",
        None,
        "feedback",
        "Honestly, it was close. The other finalist had run a dbt migration before, "
        "and the senior budget was "
        "tighter than we had hoped.",
        ["experience", "budget"],
        "",
    ),
    ("Senior Data Analyst", "interviewer", "Jonas Richter", "declined", "", [], ""),
    (
        "Senior Data Analyst",
        "reference",
        "Felix Wagner",
        "sent",
        "",
        [],
        "How I handle disagreements with stakeholders, and whether I have led a migration end to end.",
    ),
    ("Senior Data Analyst", "network", "Amira Haddad", None, "", [], ""),
    ("Product Analyst", "thank_you", None, "sent", "", [], ""),
    ("Product Analyst", "call_recruiter", None, "declined", "", [], ""),
    (
        "Audience Insights Lead",
        "mutual",
        "Ruth Adler",
        "feedback",
        "Between us: they had an internal person lined up from the start.",
        ["internal_candidate"],
        "",
    ),
    (
        "Audience Insights Lead",
        "referral",
        None,
        "referral",
        "Daniel suggested I write to the data team at a partner publisher, and gave me a name.",
        [],
        "",
    ),
    (
        "Audience Insights Lead",
        "call_recruiter",
        None,
        "feedback",
        "The case study answer was strong, but the presentation ran long and the key point came late.",
        ["communication", "interview"],
        "",
    ),
]


def add_progress(*, owner) -> None:
    steps = PlanStep.objects.filter(owner=owner).select_related("plan__application", "contact")
    by_plan = {}
    for step in steps:
        by_plan.setdefault((step.plan.application.role_title, step.kind), []).append(step)
    now = timezone.now()
    for offset, (role, kind, person, outcome, words, tags, questions) in enumerate(PROGRESS):
        candidates = by_plan.get((role, kind), [])
        step = next(
            (s for s in candidates if person is None or (s.contact and s.contact.name == person)), None
        )
        if step is None:
            continue
        if outcome is None:
            services.set_step_status(step=step, status="done")
            if step.contact:
                services.add_to_networking_list(contact=step.contact)
            continue
        decided = step.plan.decided_at or now
        at = min(decided + dt.timedelta(days=1 + offset % 3, hours=2), now - dt.timedelta(hours=1))
        services.log_step(
            step=step,
            outcome=outcome,
            words=words,
            said_by=step.contact,
            tags=tags,
            questions_asked=questions,
            at=at,
        )
    # Someone rejected a week or more ago has had time to reflect; the newest rejections still ask for it.
    week_ago = now - dt.timedelta(days=7)
    for step in PlanStep.objects.filter(owner=owner, kind="reflection", plan__decided_at__lt=week_ago):
        services.set_step_status(step=step, status="done")
    plan = Plan.objects.filter(owner=owner, application__role_title="Senior Data Analyst").first()
    if plan:
        services.save_reflection(
            plan=plan,
            went_well="The SQL exercise and the dashboard critique; Amira and I got on well.",
            do_differently="Bring one concrete migration story, with numbers, to the final round.",
            learned="Ask the objection question before the end of the final interview.",
        )
