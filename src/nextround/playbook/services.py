"""Playbook writes: building and refreshing plans, step status, drafts, logs, and keep-in-touch reminders.

The playbook hears about the tracker's writes through `subscribers` (connected in `apps.py`); it writes
tracker rows (interactions, reminders, checklist items, a contact joining the networking list) only
through the tracker's services, like every other path.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nextround.core.access import profile_for
from nextround.core.dates import business_days_after, today_in
from nextround.core.errors import Refused
from nextround.core.versions import bump
from nextround.playbook import content, engine
from nextround.playbook.models import Plan, PlanStep, StepLog
from nextround.playbook.situation import situation_for
from nextround.playbook.vocabulary import Outcome, PlanKind, StepChannel, StepKind, StepStatus
from nextround.tracker import services as tracker
from nextround.tracker.models import Application, ChecklistItem, Contact, FollowUp, Interaction
from nextround.tracker.vocabulary import (
    ACTIVE_FOLLOW_UP,
    Direction,
    FollowUpOrigin,
    FollowUpStatus,
    InteractionKind,
    Stage,
)

PLAN_STAGES = {Stage.REJECTED: PlanKind.REJECTION, Stage.GHOSTED: PlanKind.GHOSTED}
INTERACTION_KIND = {StepChannel.PHONE: InteractionKind.CALL, StepChannel.EMAIL: InteractionKind.EMAIL}


# --- plans ------------------------------------------------------------------------------------------------


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


# --- steps ------------------------------------------------------------------------------------------------


@transaction.atomic
def set_step_status(*, step: PlanStep, status: str) -> PlanStep:
    if status not in StepStatus.values:
        raise ValidationError({"status": f"“{status}” is not a step status."})
    step.status = status
    step.completed_at = timezone.now() if status != StepStatus.TODO else None
    step.save(update_fields=["status", "completed_at"])
    bump(step.owner_id)
    # Accepting the "add to your networking list" offer is what marks that step done.
    if step.kind == StepKind.NETWORK and status == StepStatus.DONE and step.contact_id:
        add_to_networking_list(contact=step.contact)
    return step


@transaction.atomic
def save_draft(*, step: PlanStep, text: str) -> PlanStep:
    text = text.replace("\r\n", "\n").strip()
    step.draft = "" if text == step.generated_draft.strip() else text
    step.full_clean(validate_unique=False, validate_constraints=False)
    step.save(update_fields=["draft"])
    bump(step.owner_id)
    return step


@transaction.atomic
def log_step(
    *,
    step: PlanStep,
    outcome: str,
    words: str = "",
    said_by: Contact | None = None,
    tags: list[str] | tuple = (),
    questions_asked: str = "",
    at: dt.datetime | None = None,
) -> StepLog:
    """Record what happened on a step: an interaction on the timeline, the feedback heard, and the status."""
    vocabulary = dict(content.load().tag_choices)
    unknown = [tag for tag in tags if tag not in vocabulary]
    if unknown:
        raise ValidationError({"tags": f"Unknown tag {unknown[0]!r}; pick from the list."})
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": f"“{outcome}” is not an outcome."})
    if said_by is not None and said_by.owner_id != step.owner_id:
        raise ValidationError({"said_by": "Pick one of your own contacts."})
    outcome_label = dict(content.load().outcome_choices)[outcome]
    summary = [f"{step.title}: {outcome_label}."]
    if words.strip():
        summary.append(f"What they said: “{words.strip()}”")
    if tags:
        summary.append("Tags: " + ", ".join(vocabulary[tag] for tag in tags) + ".")
    if questions_asked.strip():
        summary.append(f"Questions they were asked: {questions_asked.strip()}")
    interaction = Interaction(
        owner=step.owner,
        kind=INTERACTION_KIND.get(step.channel, InteractionKind.NOTE),
        direction=Direction.OUTGOING,
        occurred_at=at or timezone.now(),
        summary="\n".join(summary),
        application=step.plan.application,
    )
    people = list({c.pk: c for c in (step.contact, said_by) if c is not None}.values())
    tracker.log_interaction(interaction=interaction, contacts=people)
    log = StepLog(
        owner=step.owner,
        step=step,
        interaction=interaction,
        outcome=outcome,
        words=words.strip(),
        said_by=said_by,
        tags=list(dict.fromkeys(tags)),
        questions_asked=questions_asked.strip(),
    )
    log.full_clean()
    log.save()
    bump(step.owner_id)
    if outcome == Outcome.DECLINED:
        set_step_status(step=step, status=StepStatus.DECLINED)
    elif outcome != Outcome.NO_ANSWER:
        set_step_status(step=step, status=StepStatus.DONE)
    return log


@transaction.atomic
def record_feedback(
    *, plan: Plan, words: str, said_by: Contact | None = None, interaction: Interaction | None = None
) -> StepLog:
    """Feedback that came in writing, with the rejection itself (the Mail page finds the sentence in the
    letter): kept as a feedback log on the plan's reflection step, where Insights count feedback. No step is
    marked done: the user still sends the thank-you, makes the call and reflects."""
    if said_by is not None and said_by.owner_id != plan.owner_id:
        raise ValidationError({"said_by": "Pick one of your own contacts."})
    steps = plan.steps.order_by("position", "pk")
    step = steps.filter(kind=StepKind.REFLECTION).first() or steps.first()
    if step is None:
        raise Refused("This plan has no steps to keep the feedback with; refresh the plan first.")
    log = StepLog(
        owner=plan.owner,
        step=step,
        interaction=interaction,
        outcome=Outcome.FEEDBACK,
        words=words.strip(),
        said_by=said_by,
    )
    log.full_clean()
    log.save()
    bump(plan.owner_id)
    return log


@transaction.atomic
def delete_feedback(*, log: StepLog) -> None:
    bump(log.owner_id)
    log.delete()


@transaction.atomic
def discard_plan(*, plan: Plan) -> bool:
    """Delete a plan nobody has worked on yet (every step still to do, no edited draft, nothing logged),
    for a rejection taken back; a plan the user worked on is kept. Says whether it was deleted."""
    steps = plan.steps.all()
    worked_on = (
        steps.exclude(status=StepStatus.TODO).exists()
        or steps.exclude(draft="").exists()
        or StepLog.objects.filter(step__plan=plan).exists()
        or any((plan.went_well, plan.do_differently, plan.learned))
    )
    if worked_on:
        return False
    bump(plan.owner_id)  # its steps leave the calendar feed
    plan.delete()
    return True


# --- keep in touch ----------------------------------------------------------------------------------------


@transaction.atomic
def add_to_networking_list(*, contact: Contact) -> Contact:
    """Put a contact on the networking list (at the playbook's cadence unless they have one); the tracker
    announces the change and `subscribers` keeps their reminder in step."""
    if contact.keep_in_touch:
        sync_keep_in_touch(contact=contact)
        return contact
    contact.keep_in_touch = True
    contact.keep_in_touch_days = contact.keep_in_touch_days or content.load().timing["network_cadence_days"]
    return tracker.save_contact(contact=contact)


@transaction.atomic
def sync_keep_in_touch(*, contact: Contact, today: dt.date | None = None) -> FollowUp | None:
    """Keep exactly one open keep-in-touch reminder for a contact on the networking list, and none otherwise.

    It is due one cadence after the last interaction with them (or after today, when there was none).
    """
    active = list(
        FollowUp.objects.select_for_update()
        .filter(
            owner=contact.owner,
            contact=contact,
            origin=FollowUpOrigin.KEEP_IN_TOUCH,
            status__in=ACTIVE_FOLLOW_UP,
        )
        .order_by("pk")
    )
    if not contact.keep_in_touch or not contact.keep_in_touch_days:
        for follow_up in active:
            tracker.set_follow_up_status(follow_up=follow_up, status=FollowUpStatus.DISMISSED)
        return None
    time_zone = profile_for(contact.owner).time_zone
    today = today or today_in(time_zone)
    last = contact.interactions.order_by("-occurred_at").values_list("occurred_at", flat=True).first()
    last_day = today_in(time_zone, last) if last else None
    done = (
        FollowUp.objects.filter(
            owner=contact.owner,
            contact=contact,
            origin=FollowUpOrigin.KEEP_IN_TOUCH,
            status=FollowUpStatus.DONE,
        )
        .order_by("-completed_at")
        .first()
    )
    if done and done.completed_at:
        last_day = max(filter(None, [last_day, today_in(time_zone, done.completed_at)]))
    due = (last_day or today) + dt.timedelta(days=contact.keep_in_touch_days)
    title = f"Keep in touch with {contact.name}"
    if active:
        reminder, extra = active[0], active[1:]
        for follow_up in extra:
            tracker.set_follow_up_status(follow_up=follow_up, status=FollowUpStatus.DISMISSED)
        # A snoozed reminder keeps the date the user chose.
        if reminder.status == FollowUpStatus.OPEN and (reminder.due_on, reminder.title) != (due, title):
            reminder.due_on, reminder.title = due, title
            tracker.save_follow_up(follow_up=reminder)
        return reminder
    return tracker.save_follow_up(
        follow_up=FollowUp(
            owner=contact.owner,
            contact=contact,
            origin=FollowUpOrigin.KEEP_IN_TOUCH,
            title=title,
            due_on=due,
        )
    )
