"""Progress on the demo's older rejection plans, so the plan page, dashboard and insights look lived-in."""

import datetime as dt

from django.utils import timezone

from nextround.playbook import services
from nextround.playbook.models import Plan, PlanStep
from nextround.playbook.vocabulary import Outcome, StepKind, StepStatus

# (role of the rejected application, step kind, contact name or None, outcome, words, tags, questions asked)
PROGRESS = [
    ("Senior Data Analyst", StepKind.THANK_YOU, None, Outcome.SENT, "", [], ""),
    (
        "Senior Data Analyst",
        StepKind.CALL_RECRUITER,
        None,
        Outcome.FEEDBACK,
        "Honestly, it was close. The other finalist had run a dbt migration before, "
        "and the senior budget was tighter than we had hoped.",
        ["experience", "budget"],
        "",
    ),
    ("Senior Data Analyst", StepKind.INTERVIEWER, "Jonas Richter", Outcome.DECLINED, "", [], ""),
    (
        "Senior Data Analyst",
        StepKind.REFERENCE,
        "Felix Wagner",
        Outcome.SENT,
        "",
        [],
        "How I handle disagreements with stakeholders, and whether I have led a migration end to end.",
    ),
    ("Senior Data Analyst", StepKind.NETWORK, "Amira Haddad", None, "", [], ""),
    ("Product Analyst", StepKind.THANK_YOU, None, Outcome.SENT, "", [], ""),
    ("Product Analyst", StepKind.CALL_RECRUITER, None, Outcome.DECLINED, "", [], ""),
    (
        "Audience Insights Lead",
        StepKind.MUTUAL,
        "Ruth Adler",
        Outcome.FEEDBACK,
        "Between us: they had an internal person lined up from the start.",
        ["internal_candidate"],
        "",
    ),
    (
        "Audience Insights Lead",
        StepKind.REFERRAL,
        None,
        Outcome.REFERRAL,
        "Daniel suggested I write to the data team at a partner publisher, and gave me a name.",
        [],
        "",
    ),
    (
        "Audience Insights Lead",
        StepKind.CALL_RECRUITER,
        None,
        Outcome.FEEDBACK,
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
            services.set_step_status(step=step, status=StepStatus.DONE)
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
    for step in PlanStep.objects.filter(owner=owner, kind=StepKind.REFLECTION, plan__decided_at__lt=week_ago):
        services.set_step_status(step=step, status=StepStatus.DONE)
    plan = Plan.objects.filter(owner=owner, application__role_title="Senior Data Analyst").first()
    if plan:
        services.save_reflection(
            plan=plan,
            went_well="The SQL exercise and the dashboard critique; Amira and I got on well.",
            do_differently="Bring one concrete migration story, with numbers, to the final round.",
            learned="Ask the objection question before the end of the final interview.",
        )
