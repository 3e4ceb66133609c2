"""Writes to the tracker: one action per function, keyword-only arguments, one transaction each."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nextround.tracker.models import (
    Application,
    ApplicationContact,
    Company,
    Contact,
    FollowUp,
    FollowUpStatus,
    Interaction,
    Stage,
    StageChange,
)


class Refused(Exception):
    """An action the data does not allow; the message is shown to the user as it is."""


class CompanyInUse(Refused):
    """A company still has applications, so deleting it would lose them."""


@transaction.atomic
def create_application(*, application: Application, at: dt.datetime | None = None) -> Application:
    """Save a new application (built by a form) and record its first stage in the history."""
    at = at or timezone.now()
    application.stage_changed_at = at
    application.full_clean()
    application.save()
    StageChange.objects.create(
        owner=application.owner,
        application=application,
        from_stage="",
        to_stage=application.stage,
        changed_at=at,
    )
    return application


@transaction.atomic
def change_stage(
    *,
    application: Application,
    stage: str,
    at: dt.datetime | None = None,
    what_was_said: str = "",
    told_by: Contact | None = None,
    told_via: str = "",
) -> StageChange:
    """Move an application to `stage`, keeping the move (possibly backdated) in its history."""
    if stage not in Stage.values:
        raise ValidationError({"stage": f"“{stage}” is not a stage."})
    if told_by is not None and told_by.owner_id != application.owner_id:
        raise ValidationError({"told_by": "Pick one of your own contacts."})
    at = at or timezone.now()
    if at > timezone.now() + dt.timedelta(minutes=5):
        raise ValidationError({"changed_at": "This date is in the future; pick today or an earlier day."})
    change = StageChange(
        owner=application.owner,
        application=application,
        from_stage=application.stage,
        to_stage=stage,
        changed_at=at,
        what_was_said=what_was_said,
        told_by=told_by,
        told_via=told_via,
    )
    change.full_clean()
    change.save()
    # The latest move decides the current stage, so a backdated entry never overrides a newer one.
    latest = application.stage_changes.order_by("-changed_at", "-pk").first()
    application.stage = latest.to_stage
    application.stage_changed_at = latest.changed_at
    application.save(update_fields=["stage", "stage_changed_at", "updated_at"])

    from nextround.playbook.services import on_stage_change

    on_stage_change(change=change)
    return change


@transaction.atomic
def delete_company(*, company: Company) -> None:
    if company.applications.exists():
        count = company.applications.count()
        raise CompanyInUse(
            f"{company.name} still has {count} application{'s' if count != 1 else ''}. "
            "Delete or move them first; nextround never deletes them silently."
        )
    company.delete()


@transaction.atomic
def link_contact(
    *, application: Application, contact: Contact, role: str, connected: bool = False
) -> ApplicationContact:
    if contact.owner_id != application.owner_id:
        raise ValidationError({"contact": "Pick one of your own contacts."})
    link, _ = ApplicationContact.objects.update_or_create(
        owner=application.owner,
        application=application,
        contact=contact,
        defaults={"role": role, "connected": connected},
    )
    return link


@transaction.atomic
def log_interaction(*, interaction: Interaction, contacts: list[Contact] | tuple = ()) -> Interaction:
    for contact in contacts:
        if contact.owner_id != interaction.owner_id:
            raise ValidationError({"contacts": "Pick your own contacts."})
    if interaction.application_id and interaction.application.owner_id != interaction.owner_id:
        raise ValidationError({"application": "Pick one of your own applications."})
    interaction.full_clean()
    interaction.save()
    interaction.contacts.set(contacts)
    from nextround.playbook.services import on_interaction_logged

    on_interaction_logged(interaction=interaction)  # talking to someone counts as keeping in touch
    return interaction


@transaction.atomic
def set_follow_up_status(*, follow_up: FollowUp, status: str, until: dt.date | None = None) -> FollowUp:
    """Mark a follow-up done, dismissed, or snoozed until a later date."""
    if status == FollowUpStatus.SNOOZED:
        if until is None:
            raise ValidationError({"until": "Say until when to snooze it."})
        follow_up.due_on = until
    follow_up.status = status
    follow_up.completed_at = timezone.now() if status == FollowUpStatus.DONE else None
    follow_up.full_clean()
    follow_up.save()
    if status == FollowUpStatus.DONE and follow_up.origin == "keep_in_touch" and follow_up.contact_id:
        from nextround.playbook.services import on_keep_in_touch_done

        on_keep_in_touch_done(follow_up=follow_up)
    return follow_up
