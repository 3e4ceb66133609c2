"""Connection routes: the user's contacts who work at a given company now.

A contact counts when their company is this one, or has a name that is the same employer written
differently ("ACME" and "Acme Inc."), which is common once LinkedIn connections are imported.
"""

from nextround.tracker.models import Company, Contact
from nextround.transfer.matching import CompanyIndex


def matching_company_ids(*, owner, company) -> list[int]:
    index = CompanyIndex(Company.objects.filter(owner=owner).values_list("name", "pk").order_by("pk"))
    return sorted({company.pk, *index.find_all(company.name)})


def contacts_at_company(*, owner, company) -> list[Contact]:
    """Contacts at this company or at one whose name matches it, by name; two queries."""
    ids = matching_company_ids(owner=owner, company=company)
    contacts = Contact.objects.filter(owner=owner, company_id__in=ids).select_related("company")
    return list(contacts.order_by("name", "pk"))
