"""Companies and contacts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nextround.core.bulk import insert_new
from nextround.core.errors import Refused
from nextround.core.models import save_checked
from nextround.core.versions import bump
from nextround.tracker.events import announce, contact_changed, contact_created, interactions_removed
from nextround.tracker.models import Application, ApplicationContact, Company, Contact, Interaction
from nextround.tracker.services.applications import BATCH, link_contact, save_new_company
from nextround.tracker.vocabulary import Origin


class CompanyInUse(Refused):
    """A company still has applications, so deleting it would lose them."""


@transaction.atomic
def save_company(*, company: Company) -> Company:
    """Add a company or save the edits to one."""
    return save_checked(company)


@transaction.atomic
def add_companies(*, companies: list[Company]) -> list[Company]:
    """Add many companies at once (an import's new employers), already checked, in one INSERT per batch."""
    for owner in {company.owner_id for company in companies}:
        bump(owner)
    return Company.objects.bulk_create(companies, batch_size=BATCH)


@transaction.atomic
def delete_company(*, company: Company) -> None:
    if company.applications.exists():
        count = company.applications.count()
        raise CompanyInUse(
            f"{company.name} still has {count} application{'s' if count != 1 else ''}. "
            "Delete or move them first; nextround never deletes them silently."
        )
    bump(company.owner_id)
    company.delete()


@transaction.atomic
def save_contact(*, contact: Contact, origin: Origin = Origin.USER) -> Contact:
    """Add a contact or save the edits to one (their networking-list settings included), and announce it."""
    created = contact.pk is None
    save_new_company(contact)
    save_checked(contact)
    if created:
        announce(contact_created, Contact, [contact], owner=contact.owner, origin=origin)
    else:
        announce(contact_changed, Contact, [contact], owner=contact.owner, origin=origin, fields=None)
    return contact


@transaction.atomic
def add_person(
    *, application: Application, contact: Contact, role: str, connected: bool = False
) -> ApplicationContact:
    """A new contact, added from an application's page and linked to it, in one step."""
    if contact.owner_id != application.owner_id:
        raise ValidationError({"contact": "A person added here must be yours."})
    save_contact(contact=contact)
    return link_contact(application=application, contact=contact, role=role, connected=connected)


@transaction.atomic
def save_contacts(
    *, owner, created: list[Contact], changed: list[Contact], fields: list[str], origin: Origin
) -> None:
    """Many contacts at once (imports, restores), already checked: `created` are inserted, `changed` have
    `fields` updated; one announcement for each list."""
    now = timezone.now()
    for contact in changed:
        contact.updated_at = now
    insert_new(Contact, created)
    Contact.objects.bulk_update(changed, [*fields, "updated_at"], batch_size=BATCH)
    bump(owner)
    announce(contact_created, Contact, created, owner=owner, origin=origin)
    announce(contact_changed, Contact, changed, owner=owner, origin=origin, fields=list(fields))


@transaction.atomic
def delete_contact(*, contact: Contact) -> None:
    """Delete a contact with their follow-ups; interactions stay on the timeline without their name."""
    bump(contact.owner_id)
    interactions = list(contact.interactions.only("pk", "owner", "kind", "direction", "occurred_at"))
    contact.delete()
    announce(interactions_removed, Interaction, interactions, owner=contact.owner, origin=Origin.USER)


@transaction.atomic
def merge_companies(*, keep: Company, merge: Company) -> Company:
    """`merge` is the same employer as `keep` (the user said so): its people and applications move to
    `keep`, and `merge` goes."""
    if keep.owner_id != merge.owner_id or keep.pk == merge.pk:
        raise Refused("Pick two different companies of yours to make one.")
    contacts = list(Contact.objects.filter(owner=keep.owner_id, company=merge))
    for contact in contacts:
        contact.company = keep
    save_contacts(owner=keep.owner, created=[], changed=contacts, fields=["company"], origin=Origin.USER)
    moved = Application.objects.filter(owner=keep.owner_id, company=merge)
    moved.update(company=keep, updated_at=timezone.now())
    merge.delete()
    return keep
