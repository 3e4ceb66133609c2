"""Applications, their stage history, the people linked to them and their checklists."""

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from nextround.core.access import profile_for
from nextround.core.bulk import insert_new
from nextround.core.errors import Refused
from nextround.core.models import save_checked
from nextround.core.versions import bump
from nextround.tracker.events import announce, application_created, interactions_removed, stage_changed
from nextround.tracker.models import (
    Application,
    ApplicationContact,
    ChecklistItem,
    Contact,
    Interaction,
    StageChange,
)
from nextround.tracker.services.facts import refresh_facts, set_first_facts
from nextround.tracker.vocabulary import Origin, Stage

# Rows per INSERT or UPDATE in the bulk variants (imports and restores write thousands at once).
BATCH = 500


@transaction.atomic
def create_application(
    *, application: Application, at: dt.datetime | None = None, origin: Origin = Origin.USER
) -> Application:
    """Save a new application (built by a form) and record its first stage in the history.

    The history starts on the day it was applied for, when that is in the past, so that moves dated since
    then land after it (a move dated before the first entry would be lost behind it).
    """
    application.stage_changed_at = at or history_start(application)
    save_new_company(application)
    application.full_clean()
    create_applications(owner=application.owner, applications=[application], origin=origin)
    return application


def save_new_company(row: Application | Contact) -> None:
    """A company typed into a form arrives unsaved on its row: add it first, in the row's transaction."""
    if row.company_id is None and type(row).company.is_cached(row) and row.company is not None:
        company = row.company
        company.owner = row.owner
        try:
            company.full_clean()
        except ValidationError as exc:  # shown by the form's "new company" field
            raise ValidationError({"new_company": exc.messages}) from None
        company.save()
        row.company = company


def history_start(application: Application) -> dt.datetime:
    """The start of the day applied, in the owner's time zone, when earlier than today; else now."""
    now = timezone.now()
    if not application.applied_on:
        return now
    time_zone = zoneinfo.ZoneInfo(profile_for(application.owner).time_zone)
    if application.applied_on >= now.astimezone(time_zone).date():
        return now
    return dt.datetime.combine(application.applied_on, dt.time.min, tzinfo=time_zone)


def _day(moment: dt.datetime, time_zone: str) -> str:
    local = moment.astimezone(zoneinfo.ZoneInfo(time_zone))
    return f"{local:%a} {local.day} {local:%b %Y}"


@transaction.atomic
def create_applications(*, owner, applications: list[Application], origin: Origin) -> list[Application]:
    """Save new applications, already checked, with `stage` and `stage_changed_at` set; one INSERT per batch.

    Each gets its first stage entry here, and only here; a restore brings each application's history with
    it instead. One announcement for the lot.
    """
    if origin != Origin.RESTORE:  # a restore brings the history these facts come from (see below)
        for application in applications:
            set_first_facts(application)
    insert_new(Application, applications)
    bump(owner)
    if origin != Origin.RESTORE:
        insert_new(
            StageChange,
            [
                StageChange(
                    owner=owner,
                    application=application,
                    from_stage="",
                    to_stage=application.stage,
                    changed_at=application.stage_changed_at,
                )
                for application in applications
            ],
        )
    announce(application_created, Application, applications, owner=owner, origin=origin)
    return applications


@transaction.atomic
def update_application(*, application: Application) -> Application:
    """Save the edits to an application's details (its stage changes only through `change_stage`)."""
    save_new_company(application)
    return save_checked(application)


@transaction.atomic
def update_applications(*, applications: list[Application], fields: list[str]) -> None:
    """Save `fields` of many applications at once (an import filling in what they lacked)."""
    now = timezone.now()
    for application in applications:
        application.updated_at = now
    Application.objects.bulk_update(applications, [*fields, "updated_at"], batch_size=BATCH)
    for owner in {application.owner_id for application in applications}:
        bump(owner)


@transaction.atomic
def delete_application(*, application: Application) -> None:
    """Delete an application with its history, interactions, follow-ups and plan; its contacts stay."""
    bump(application.owner_id)
    fields = ("pk", "owner", "kind", "direction", "occurred_at")
    interactions = list(Interaction.objects.filter(application=application).only(*fields))
    application.delete()
    announce(interactions_removed, Interaction, interactions, owner=application.owner, origin=Origin.USER)


@transaction.atomic
def change_stage(
    *,
    application: Application,
    stage: str,
    at: dt.datetime | None = None,
    what_was_said: str = "",
    told_by: Contact | None = None,
    told_via: str = "",
    origin: Origin = Origin.USER,
) -> StageChange:
    """Move an application to `stage`, keeping the move (possibly backdated) in its history."""
    if stage not in Stage.values:
        raise ValidationError({"stage": f"“{stage}” is not a stage."})
    if told_by is not None and told_by.owner_id != application.owner_id:
        raise ValidationError({"told_by": "Pick one of your own contacts."})
    at = at or timezone.now()
    if at > timezone.now() + dt.timedelta(minutes=5):
        raise ValidationError({"changed_at": "This date is in the future; pick today or an earlier day."})
    first = (
        application.stage_changes.order_by("changed_at", "pk").values_list("changed_at", flat=True).first()
    )
    if first is not None and at < first:
        day = _day(first, profile_for(application.owner).time_zone)
        raise ValidationError(
            {
                "changed_at": f"This application's history starts on {day}, so a move cannot come before "
                "it. Pick that day or a later one."
            }
        )
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
    record_stage_changes(owner=application.owner, changes=[change], origin=origin)
    return change


@transaction.atomic
def record_stage_changes(*, owner, changes: list[StageChange], origin: Origin) -> list[StageChange]:
    """Keep many moves at once (already checked), bring each application to its latest move, announce once.

    The latest move by date decides the stage, so a backdated entry never overrides a newer one. A restore
    brings each application's stage with it, as the file holds it.
    """
    insert_new(StageChange, changes)
    bump(owner)
    if origin != Origin.RESTORE:
        _follow_latest_moves(changes)
    refresh_facts(application_ids=[change.application_id for change in changes])
    announce(stage_changed, StageChange, changes, owner=owner, origin=origin)
    return changes


def _follow_latest_moves(changes: list[StageChange]) -> None:
    loaded = StageChange._meta.get_field("application")
    applications = {
        change.application_id: change.application if loaded.is_cached(change) else None for change in changes
    }
    latest = StageChange.objects.filter(application=OuterRef("pk")).order_by("-changed_at", "-pk")
    now = timezone.now()
    ids = list(applications)
    for start in range(0, len(ids), BATCH):
        rows = (
            Application.objects.filter(pk__in=ids[start : start + BATCH])
            .annotate(
                latest_stage=Subquery(latest.values("to_stage")[:1]),
                latest_at=Subquery(latest.values("changed_at")[:1]),
            )
            .values_list("pk", "latest_stage", "latest_at")
        )
        moved = []
        for pk, stage, at in rows:
            application = applications[pk] or Application(pk=pk)
            application.stage, application.stage_changed_at, application.updated_at = stage, at, now
            moved.append(application)
        Application.objects.bulk_update(moved, ["stage", "stage_changed_at", "updated_at"])


@transaction.atomic
def remove_stage_change(*, change: StageChange) -> Application:
    """Take one move out of an application's history (undoing a move made by mistake, or by accepting a
    letter on the Mail page); the application goes back to its latest remaining move. The first entry of
    a history stays: an application always has a stage. Nothing is announced: no move happened, and the
    capability that asks for the removal knows what else to take back."""
    application = change.application
    remaining = application.stage_changes.exclude(pk=change.pk).order_by("-changed_at", "-pk").first()
    if remaining is None:
        raise Refused("This is the application's first stage; delete the application instead.")
    change.delete()
    application.stage, application.stage_changed_at = remaining.to_stage, remaining.changed_at
    application.save(update_fields=["stage", "stage_changed_at", "updated_at"])
    bump(application.owner_id)
    refresh_facts(application_ids=[application.pk])  # the history is one move shorter
    return application


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
    bump(application.owner_id)
    return link


@transaction.atomic
def unlink_contact(*, link: ApplicationContact) -> None:
    bump(link.owner_id)
    link.delete()


@transaction.atomic
def add_checklist_item(*, application: Application, text: str) -> ChecklistItem:
    return save_checked(ChecklistItem(owner=application.owner, application=application, text=text))


@transaction.atomic
def add_checklist_items(*, owner, items: list[ChecklistItem]) -> list[ChecklistItem]:
    """Add items nextround writes itself (each with its `key`), in one INSERT."""
    bump(owner)
    return ChecklistItem.objects.bulk_create(items, batch_size=BATCH)


@transaction.atomic
def toggle_checklist_item(*, item: ChecklistItem) -> ChecklistItem:
    item.done = not item.done
    item.save(update_fields=["done"])
    bump(item.owner_id)
    return item
