"""Playbook writes to a plan's steps: status, drafts, what happened when a step was done (logged as an
interaction through the tracker's services), feedback, and discarding a plan nobody worked on.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nextround.core.errors import Refused
from nextround.core.versions import bump
from nextround.playbook import content
from nextround.playbook.models import Plan, PlanStep, StepLog
from nextround.playbook.services.facts import refresh_plan_facts
from nextround.playbook.services.keep_in_touch import add_to_networking_list
from nextround.playbook.vocabulary import Outcome, StepChannel, StepKind, StepStatus
from nextround.tracker import services as tracker
from nextround.tracker.models import Contact, Interaction
from nextround.tracker.vocabulary import Direction, InteractionKind

INTERACTION_KIND = {StepChannel.PHONE: InteractionKind.CALL, StepChannel.EMAIL: InteractionKind.EMAIL}


@transaction.atomic
def set_step_status(*, step: PlanStep, status: str) -> PlanStep:
    if status not in StepStatus.values:
        raise ValidationError({"status": f"“{status}” is not a step status."})
    step.status = status
    step.completed_at = timezone.now() if status != StepStatus.TODO else None
    step.save(update_fields=["status", "completed_at"])
    bump(step.owner_id)
    refresh_plan_facts(plan_ids=[step.plan_id])
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
    else:
        refresh_plan_facts(plan_ids=[step.plan_id])
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
    refresh_plan_facts(plan_ids=[plan.pk])
    return log


@transaction.atomic
def delete_feedback(*, log: StepLog) -> None:
    bump(log.owner_id)
    plan_id = PlanStep.objects.filter(pk=log.step_id).values_list("plan_id", flat=True).first()
    log.delete()
    refresh_plan_facts(plan_ids=[plan_id] if plan_id else [])


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
