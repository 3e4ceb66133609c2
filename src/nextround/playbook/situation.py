"""Reading an application into the engine's plain `Situation` (the only place that knows both sides)."""

import datetime as dt
import zoneinfo

from nextround.core.access import profile_for
from nextround.playbook import engine
from nextround.tracker.models import Application
from nextround.tracker.queries import contacts_at_company
from nextround.tracker.vocabulary import Direction, InteractionKind, Stage


def situation_for(
    application: Application,
    *,
    kind: str,
    decided_at: dt.datetime,
    upset: bool,
    not_before: dt.date | None = None,
) -> engine.Situation:
    profile = profile_for(application.owner)
    links = list(application.contact_links.select_related("contact").order_by("pk"))
    unattributed, interviewed = interview_days(application, profile.time_zone)
    people = tuple(
        person(
            link.contact, link.role, connected=link.connected, interviewed_on=interviewed.get(link.contact_id)
        )
        for link in links
    )
    at_company = tuple(
        person(contact, contact.role)
        for contact in contacts_at_company(owner=application.owner, company=application.company)
    )
    changes = list(application.stage_changes.order_by("-changed_at", "-pk"))
    return engine.Situation(
        kind=kind,
        company=application.company.name,
        role_title=application.role_title,
        decided_at=decided_at,
        time_zone=profile.time_zone,
        user_name=profile.display_name,
        people=people,
        at_company=at_company,
        references_checked=application.reference_checked,
        upset=upset,
        interview_on=unattributed,
        last_heard_at=last_heard(application, changes, decided_at),
        ghost_checkin_days=profile.ghost_checkin_days,
        not_before=not_before,
    )


def person(contact, role: str, *, connected: bool = False, interviewed_on=None) -> engine.Person:
    return engine.Person(
        id=contact.pk,
        name=contact.name,
        role=role,
        email=contact.email,
        phone=contact.phone,
        connected=connected,
        on_networking_list=contact.keep_in_touch,
        interviewed_on=interviewed_on,
    )


def interview_days(application: Application, time_zone: str) -> tuple[dt.date | None, dict[int, dt.date]]:
    """The days of the interviews logged on the application (meetings): the latest one logged without
    anyone named, and for each person the latest one with them. A day is never guessed from a stage move:
    a note that thanks someone for an interview on the wrong day reads worse than one with no day."""
    zone = zoneinfo.ZoneInfo(time_zone)
    unattributed, per_person = None, {}
    meetings = application.interactions.filter(kind=InteractionKind.MEETING).prefetch_related("contacts")
    for meeting in meetings.order_by("occurred_at", "pk"):
        day = meeting.occurred_at.astimezone(zone).date()
        people = meeting.contacts.all()
        if not people:
            unattributed = day
        for contact in people:
            per_person[contact.pk] = day
    return unattributed, per_person


def last_heard(application: Application, changes, decided_at: dt.datetime) -> dt.datetime:
    """For a silent application: the latest sign of life before it was marked as ghosted."""
    earlier = [c.changed_at for c in changes if c.to_stage != Stage.GHOSTED and c.changed_at <= decided_at]
    incoming = (
        application.interactions.filter(direction=Direction.INCOMING, occurred_at__lte=decided_at)
        .order_by("-occurred_at")
        .first()
    )
    candidates = earlier + ([incoming.occurred_at] if incoming else [])
    return max(candidates) if candidates else decided_at
