"""How a row from a file is recognised as one the account already has (imports and JSON merges alike).

A contact is the same person by LinkedIn URL, else email, else name and company; an application the same
by job link, else company, role and date. Keys are built the same way for the rows in the database and the
rows in the file, then looked up in a dictionary, so matching stays linear however big the file.
"""


def normal_url(url: str) -> str:
    """LinkedIn profile URLs compare without scheme, "www.", case or a trailing slash."""
    url = url.strip().lower().removeprefix("https://").removeprefix("http://").removeprefix("www.")
    return url.rstrip("/")


def contact_keys(contact) -> list[tuple]:
    keys = []
    if contact.linkedin_url:
        keys.append(("url", normal_url(contact.linkedin_url)))
    if contact.email:
        keys.append(("email", contact.email.lower()))
    keys.append(("name", " ".join(contact.name.casefold().split()), contact.company_id))
    return keys


def conflicts(a, b) -> bool:
    """Two people with different LinkedIn URLs (or different emails) are different people."""
    if a.linkedin_url and b.linkedin_url and normal_url(a.linkedin_url) != normal_url(b.linkedin_url):
        return True
    return bool(a.email and b.email and a.email.lower() != b.email.lower())


def find_contact(known: dict, incoming):
    """The contact in `known` (key -> contact, from `contact_keys`) that `incoming` is, or None."""
    for key in contact_keys(incoming):
        candidate = known.get(key)
        if candidate is not None and (key[0] == "url" or not conflicts(candidate, incoming)):
            return candidate
    return None


def application_keys(application) -> list[tuple]:
    keys = []
    if application.posting_url:
        keys.append(("url", application.posting_url.strip().rstrip("/").lower()))
    keys.append(
        (
            "same",
            application.company_id,
            " ".join(application.role_title.casefold().split()),
            application.applied_on,
        )
    )
    return keys
