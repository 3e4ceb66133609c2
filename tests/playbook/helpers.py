"""Building rejected applications the way the app does: through the tracker's services."""

import datetime as dt

from django.utils import timezone

from nextround.tracker import services
from nextround.tracker.vocabulary import ContactRole, Stage
from tests.personas import make_application, make_contact


def rejected_application(
    owner,
    *,
    company=None,
    role_title="Data Analyst",
    people=(),
    at=None,
    stage=Stage.REJECTED,
    reference_checked=False,
):
    """An interviewing application with `people` [(name, role, fields)], then rejected (or ghosted)."""
    application = make_application(
        owner,
        company,
        role_title=role_title,
        stage=Stage.INTERVIEWING,
        at=timezone.now() - dt.timedelta(days=10),
        reference_checked=reference_checked,
    )
    contacts = {}
    for name, role, fields in people:
        fields = dict(fields)
        connected = fields.pop("connected", False)
        contact = make_contact(owner, name, company=application.company, role=role, **fields)
        services.link_contact(application=application, contact=contact, role=role, connected=connected)
        contacts[name] = contact
    services.change_stage(application=application, stage=stage, at=at or timezone.now())
    application.refresh_from_db()
    return application, contacts


RECRUITER = ("Hannah Becker", ContactRole.RECRUITER, {"email": "hannah@acme.example", "phone": "+49 30 555"})
INTERVIEWER = ("Amira Haddad", ContactRole.INTERVIEWER, {"email": "amira@acme.example", "connected": True})
REFERENCE = ("Felix Wagner", ContactRole.REFERENCE, {"email": "felix@example.org"})
MUTUAL = ("Ruth Adler", ContactRole.MUTUAL, {"email": "ruth@example.net"})
