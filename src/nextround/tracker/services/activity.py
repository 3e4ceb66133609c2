"""Interactions and follow-ups."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nextround.core.bulk import insert_links, insert_new
from nextround.core.models import save_checked
from nextround.core.versions import bump
from nextround.tracker.events import (
    announce,
    follow_up_status_changed,
    interaction_logged,
    interactions_removed,
)
from nextround.tracker.models import Contact, FollowUp, Interaction
from nextround.tracker.services.facts import refresh_facts
from nextround.tracker.vocabulary import Direction, FollowUpStatus, Origin


@transaction.atomic
def log_interaction(
    *, interaction: Interaction, contacts: Sequence[Contact] = (), origin: Origin = Origin.USER
) -> Interaction:
    """Add an interaction to the timeline (or save the edits to one) with the people it was with."""
    for contact in contacts:
        if contact.owner_id != interaction.owner_id:
            raise ValidationError({"contacts": "Pick your own contacts."})
    if interaction.application_id and interaction.application.owner_id != interaction.owner_id:
        raise ValidationError({"application": "Pick one of your own applications."})
    interaction.full_clean()
    before = (
        Interaction.objects.filter(pk=interaction.pk)
        .values_list("application_id", "direction", "occurred_at")
        .first()
        if interaction.pk
        else None
    )
    interaction.save()
    interaction.contacts.set(contacts)
    bump(interaction.owner_id)
    # A message from them is an answer: the application's facts change, and so do those of the one an
    # edited message was moved away from.
    touched = [(interaction.application_id, interaction.direction), *([before[:2]] if before else [])]
    refresh_facts(application_ids=[pk for pk, direction in touched if direction == Direction.INCOMING])
    announce(
        interaction_logged,
        Interaction,
        [interaction],
        owner=interaction.owner,
        origin=origin,
        # When an edited message was one the user sent, before the edit (what it counted in may change).
        previous=[before[2]] if before and before[1] == Direction.OUTGOING else [],
    )
    return interaction


@transaction.atomic
def record_interactions(
    *, owner, logged: list[tuple[Interaction, Sequence[int]]], origin: Origin
) -> list[Interaction]:
    """Add many interactions at once (restores), already checked, each with the ids of its contacts."""
    interactions = insert_new(Interaction, [interaction for interaction, _ in logged])
    insert_links(
        Interaction.contacts.through,
        ("interaction", "contact"),
        [(interaction.pk, contact_id) for interaction, contact_ids in logged for contact_id in contact_ids],
    )
    bump(owner)
    refresh_facts(
        application_ids=[i.application_id for i in interactions if i.direction == Direction.INCOMING]
    )
    announce(interaction_logged, Interaction, interactions, owner=owner, origin=origin, previous=[])
    return interactions


@transaction.atomic
def delete_interaction(*, interaction: Interaction) -> None:
    bump(interaction.owner_id)
    application_id, direction = interaction.application_id, interaction.direction
    gone = Interaction(
        pk=interaction.pk,
        owner_id=interaction.owner_id,
        kind=interaction.kind,
        direction=interaction.direction,
        occurred_at=interaction.occurred_at,
    )
    interaction.delete()
    if direction == Direction.INCOMING:
        refresh_facts(application_ids=[application_id])
    announce(interactions_removed, Interaction, [gone], owner=interaction.owner, origin=Origin.USER)


@transaction.atomic
def save_follow_up(*, follow_up: FollowUp) -> FollowUp:
    """Add a follow-up or save the edits to one (its status changes through `set_follow_up_status`)."""
    return save_checked(follow_up)


@transaction.atomic
def set_follow_up_status(
    *, follow_up: FollowUp, status: str, until: dt.date | None = None, origin: Origin = Origin.USER
) -> FollowUp:
    """Mark a follow-up done, dismissed, or snoozed until a later date."""
    if status == FollowUpStatus.SNOOZED:
        if until is None:
            raise ValidationError({"until": "Say until when to snooze it."})
        follow_up.due_on = until
    follow_up.status = status
    follow_up.completed_at = timezone.now() if status == FollowUpStatus.DONE else None
    save_checked(follow_up)
    announce(follow_up_status_changed, FollowUp, [follow_up], owner=follow_up.owner, origin=origin)
    return follow_up


@transaction.atomic
def delete_follow_up(*, follow_up: FollowUp) -> None:
    bump(follow_up.owner_id)
    follow_up.delete()
