"""Playbook writes to plans: starting and refreshing them as the tracker announces stage changes, the
reflection, and the in-interview questions.

The playbook hears about the tracker's writes through `subscribers` (connected in `apps.py`); it writes
tracker rows only through the tracker's services, like every other path.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from nextround.core.access import profile_for
from nextround.core.dates import business_days_after, today_in
from nextround.core.errors import Refused
from nextround.core.versions import bump
from nextround.playbook import content, engine
from nextround.playbook.models import Plan, PlanStep
from nextround.playbook.services.facts import refresh_plan_facts
from nextround.playbook.services.steps import set_step_status
from nextround.playbook.situation import situation_for
from nextround.playbook.vocabulary import PlanKind, StepKind, StepStatus
from nextround.tracker import services as tracker
from nextround.tracker.models import Application, ChecklistItem, Contact
from nextround.tracker.vocabulary import Stage

PLAN_STAGES = {Stage.REJECTED: PlanKind.REJECTION, Stage.GHOSTED: PlanKind.GHOSTED}


def on_stage_change(*, change) -> None:
    """Build or refresh the plan when an application is rejected or goes silent."""
    application = change.application
    if change.to_stage == Stage.INTERVIEWING:
        on_interviewing(owner=application.owner)
    # A backdated move that is not the latest one does not describe where the application is now.
    if change.to_stage not in PLAN_STAGES or application.stage != change.to_stage:
        return
    refresh_plan(application=application, kind=PLAN_STAGES[change.to_stage], decided_at=change.changed_at)


def on_interviewing(*, owner) -> None:
    """Applications at interview stage get the in-interview questions once a rejection has taught them."""
    if Plan.objects.filter(owner=owner).exists():
        add_interview_questions(owner=owner)


@transaction.atomic
def refresh_plan(
    *,
    application: Application,
    kind: str | None = None,
    decided_at: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> Plan:
    """Create the application's plan, or bring it up to date with the application's data.

    Never duplicates a step (steps are matched by key) and never loses what the user did: logged, edited or
    finished steps stay, even when they no longer fit (say, a contact was unlinked).
    """
    now = now or timezone.now()
    plan = Plan.objects.select_for_update().filter(application=application).first()
    if plan is None:
        kind = kind or PLAN_STAGES.get(application.stage)
        if kind is None:
            raise Refused(
                "A plan starts when an application is rejected or gets no answer. Move it there first."
            )
        plan = Plan.objects.create(
            owner=application.owner,
            application=application,
            kind=kind,
            decided_at=decided_at or application.stage_changed_at,
        )
        created = True
    else:
        created = False
        if kind or decided_at:
            plan.kind = kind or plan.kind
            plan.decided_at = decided_at or plan.decided_at
            plan.save(update_fields=["kind", "decided_at", "refreshed_at"])
    time_zone = profile_for(application.owner).time_zone
    not_before = today_in(time_zone, plan.created_at)
    specs = engine.build_plan(
        situation_for(
            application, kind=plan.kind, decided_at=plan.decided_at, upset=plan.upset, not_before=not_before
        )
    )
    floor = None if created else business_days_after(today_in(time_zone, now), 0)
    sync_steps(plan=plan, specs=specs, floor=floor)
    bump(application.owner_id)
    if plan.kind == PlanKind.REJECTION:
        add_interview_questions(owner=application.owner)
    return plan


def step_identity(step: PlanStep) -> str:
    """The key a step would get now: per-person keys name the contact by database id ("interviewer:12").

    After a restore into another database the id in a stored key is stale while the contact link is right,
    so steps are matched on their link and their key is brought up to date on save.
    """
    prefix, separator, _ = step.key.partition(":")
    return f"{prefix}:{step.contact_id}" if separator and step.contact_id else step.key


def sync_steps(*, plan: Plan, specs: list[engine.StepSpec], floor: dt.date | None) -> None:
    existing = {step_identity(step): step for step in plan.steps.all()}
    contact_ids = set(
        Contact.objects.filter(
            owner=plan.owner, pk__in=[s.contact_id for s in specs if s.contact_id]
        ).values_list("pk", flat=True)
    )
    # The in-interview questions are the same for every rejection: one open reminder about them is enough.
    questions_pending = (
        PlanStep.objects.filter(owner=plan.owner, kind=StepKind.NEXT_INTERVIEW, status=StepStatus.TODO)
        .exclude(plan=plan)
        .exists()
    )
    for position, spec in enumerate(specs):
        if spec.kind == StepKind.NEXT_INTERVIEW and spec.key not in existing and questions_pending:
            continue
        step = existing.pop(spec.key, None) or PlanStep(owner=plan.owner, plan=plan)
        step.key = spec.key
        is_new = step.pk is None
        step.kind, step.title, step.why, step.channel = spec.kind, spec.title, spec.why, spec.channel
        step.subject, step.generated_draft, step.position = spec.subject, spec.draft or "", position
        step.script = [list(line) for line in spec.script]
        step.contact_id = spec.contact_id if spec.contact_id in contact_ids else None
        if is_new or step.status == StepStatus.TODO:
            # A step that appears on a later refresh (a newly linked interviewer) is due from today, not in
            # the past; the due dates of open steps follow the plan (the "upset" toggle moves them).
            step.due_on = max(spec.due_on, floor) if is_new and floor else spec.due_on
        step.full_clean(validate_unique=False, validate_constraints=False)
        step.save()
    for step in existing.values():
        untouched = step.status == StepStatus.TODO and not step.draft and not step.logs.exists()
        if untouched:
            step.delete()
    refresh_plan_facts(plan_ids=[plan.pk])


@transaction.atomic
def set_upset(*, plan: Plan, upset: bool) -> Plan:
    plan.upset = upset
    plan.save(update_fields=["upset", "refreshed_at"])
    return refresh_plan(application=plan.application)


@transaction.atomic
def save_reflection(*, plan: Plan, went_well: str, do_differently: str, learned: str) -> Plan:
    plan.went_well, plan.do_differently, plan.learned = (
        went_well.strip(),
        do_differently.strip(),
        learned.strip(),
    )
    plan.full_clean(validate_unique=False)
    plan.save(update_fields=["went_well", "do_differently", "learned", "refreshed_at"])
    bump(plan.owner_id)
    if plan.went_well or plan.do_differently or plan.learned:
        for step in plan.steps.filter(kind=StepKind.REFLECTION, status=StepStatus.TODO):
            set_step_status(step=step, status=StepStatus.DONE)
    return plan


def add_interview_questions(*, owner) -> int:
    """Add the two in-interview questions to the checklist of every application at interview stage, once."""
    questions = content.load().interview_questions
    keys = {f"playbook:{name}": text for name, text in questions.items()}
    applications = list(
        Application.objects.filter(owner=owner, stage=Stage.INTERVIEWING).values_list("pk", flat=True)
    )
    have = set(
        ChecklistItem.objects.filter(owner=owner, application_id__in=applications, key__in=keys).values_list(
            "application_id", "key"
        )
    )
    missing = [
        ChecklistItem(owner=owner, application_id=pk, key=key, text=text)
        for pk in applications
        for key, text in keys.items()
        if (pk, key) not in have
    ]
    tracker.add_checklist_items(owner=owner, items=missing)
    return len(missing)
