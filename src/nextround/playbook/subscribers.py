"""What the playbook does when the tracker announces a write (connected in `PlaybookConfig.ready()`).

The tracker's events (`tracker/events.py`) carry the rows and where the write came from. A restore brings
back the plans and reminders the export held, so the playbook leaves restored rows alone; everything else
(forms, the board, imports, the demo) gets the same answer. A new application, even one entered as already
rejected, starts no plan by itself: an old rejection in a spreadsheet should not open a fresh plan (the
plan page offers to start one).
"""

from nextround.playbook import services
from nextround.playbook.models import Plan, StepLog
from nextround.tracker import events
from nextround.tracker.models import Contact
from nextround.tracker.vocabulary import FollowUpOrigin, FollowUpStatus, InteractionKind, Origin, Stage

# The contact fields that decide their keep-in-touch reminder.
NETWORKING_FIELDS = frozenset({"keep_in_touch", "keep_in_touch_days"})


def connect() -> None:
    events.application_created.connect(application_created, dispatch_uid="playbook.application_created")
    events.stage_changed.connect(stage_changed, dispatch_uid="playbook.stage_changed")
    events.interaction_logged.connect(interaction_logged, dispatch_uid="playbook.interaction_logged")
    events.follow_up_status_changed.connect(
        follow_up_status_changed, dispatch_uid="playbook.follow_up_status_changed"
    )
    events.contact_created.connect(contact_created, dispatch_uid="playbook.contact_created")
    events.contact_changed.connect(contact_changed, dispatch_uid="playbook.contact_changed")
    events.interactions_removed.connect(interactions_removed, dispatch_uid="playbook.interactions_removed")
    events.history_restored.connect(history_restored, dispatch_uid="playbook.history_restored")


def application_created(sender, *, owner, applications, origin, **kwargs) -> None:
    """An application entered already at interview stage gets the in-interview questions, as a move would."""
    if origin == Origin.RESTORE:
        return
    if any(application.stage == Stage.INTERVIEWING for application in applications):
        services.on_interviewing(owner=owner)


def stage_changed(sender, *, owner, changes, origin, **kwargs) -> None:
    """A rejection or a silence builds (or refreshes) the application's plan."""
    if origin == Origin.RESTORE:
        return
    for change in changes:
        services.on_stage_change(change=change)


def interaction_logged(sender, *, owner, interactions, origin, **kwargs) -> None:
    """Talking to someone on the networking list counts as keeping in touch: push their reminder back. A
    logged step whose message changed kind (a call) changes its plan's counts."""
    if origin == Origin.RESTORE:
        return
    services.refresh_plan_facts(
        plan_ids=StepLog.objects.filter(owner=owner, interaction__in=interactions).values_list(
            "step__plan_id", flat=True
        )
    )
    people = Contact.objects.filter(owner=owner, keep_in_touch=True, interactions__in=interactions)
    for contact in people.distinct().order_by("pk"):
        services.sync_keep_in_touch(contact=contact)


def interactions_removed(sender, *, owner, interactions, origin, **kwargs) -> None:
    """A deleted call no longer counts as a call made on the plans that logged it (their logs lost it)."""
    if any(interaction.kind == InteractionKind.CALL for interaction in interactions):
        services.refresh_plan_facts(
            plan_ids=Plan.objects.filter(owner=owner, calls__gt=0).values_list("pk", flat=True)
        )


def history_restored(sender, *, owner, **kwargs) -> None:
    """A restore writes plans, steps and logs as the export held them: count each plan's once, at the end."""
    services.refresh_plan_facts(plan_ids=Plan.objects.filter(owner=owner).values_list("pk", flat=True))


def follow_up_status_changed(sender, *, owner, follow_ups, origin, **kwargs) -> None:
    """A keep-in-touch reminder done: the next one is due a cadence later."""
    for follow_up in follow_ups:
        if (
            follow_up.status == FollowUpStatus.DONE
            and follow_up.origin == FollowUpOrigin.KEEP_IN_TOUCH
            and follow_up.contact_id
        ):
            services.sync_keep_in_touch(contact=follow_up.contact)


def contact_created(sender, *, owner, contacts, origin, **kwargs) -> None:
    """Someone added straight onto the networking list gets their first reminder."""
    if origin == Origin.RESTORE:
        return
    for contact in contacts:
        if contact.keep_in_touch:
            services.sync_keep_in_touch(contact=contact)


def contact_changed(sender, *, owner, contacts, fields, origin, **kwargs) -> None:
    """Joining or leaving the networking list, or a new cadence, moves (or dismisses) the reminder."""
    if origin == Origin.RESTORE or (fields is not None and not NETWORKING_FIELDS & set(fields)):
        return
    for contact in contacts:
        services.sync_keep_in_touch(contact=contact)
