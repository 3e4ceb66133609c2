"""Connection routes: the user's contacts who work at a given company now."""

from nextround.tracker.models import Contact


def contacts_at_company(*, owner, company) -> list[Contact]:
    """Contacts whose company is this one (the import issue widens this to fuzzy name matches)."""
    return list(Contact.objects.filter(owner=owner, company=company).select_related("company").order_by("name"))
