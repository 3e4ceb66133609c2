"""The private iCalendar feed: open plan steps and follow-ups as all-day events, in a window around today.

Calendar apps poll the feed every few minutes, forever, so it must cost little: the view answers 304 to an
app whose copy is current (the ETag comes from the user's data version, see `core.versions`), keeps the
rendered body until the version or the day changes, and the body is written here directly (RFC 5545) from
one query per kind of item, not through icalendar's object model, which cost 0.4 ms per event.
"""

import datetime as dt
import zlib

from django.conf import settings
from django.urls import reverse

from nextround.core.versions import Version
from nextround.playbook.models import PlanStep
from nextround.playbook.vocabulary import StepStatus
from nextround.tracker.models import FollowUp
from nextround.tracker.vocabulary import ACTIVE_FOLLOW_UP

PRODID = "-//nextround//rejection playbook//EN"
LINE_OCTETS = 75
SENTINEL = 987654321


def window(today: dt.date) -> tuple[dt.date, dt.date]:
    """Open items due from CALENDAR_FEED_DAYS_BACK days ago to CALENDAR_FEED_DAYS_AHEAD days ahead."""
    return (
        today - dt.timedelta(days=settings.CALENDAR_FEED_DAYS_BACK),
        today + dt.timedelta(days=settings.CALENDAR_FEED_DAYS_AHEAD),
    )


def etag(version: Version, today: dt.date, base_url: str) -> str:
    """Changes whenever what the feed would say changes: a write, a new day (the window moves), or the
    address the links in the events point to."""
    return f'"{version.token}-{today:%Y%m%d}-{zlib.crc32(base_url.encode()):08x}"'


def build_calendar(owner, *, base_url: str, today: dt.date) -> bytes:
    """Stable UIDs (one per step or follow-up) let calendar apps update events instead of duplicating them."""
    base_url = base_url.rstrip("/")
    start, end = window(today)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:nextround",
    ]
    plan_url = url_template("playbook:plan")
    steps = (
        PlanStep.objects.filter(owner=owner, status=StepStatus.TODO, due_on__range=(start, end))
        .order_by("due_on", "pk")
        .values_list(
            "pk",
            "title",
            "why",
            "due_on",
            "contact__name",
            "plan__application_id",
            "plan__application__role_title",
            "plan__application__company__name",
            "plan__created_at",
        )
    )
    for pk, title, why, due_on, contact, application, role, company, created in steps:
        url = base_url + plan_url.format(application) + f"#step-{pk}"
        description = [why, f"With: {contact}"] if contact else [why]
        description += [f"{role} at {company}", url]
        lines += event(
            uid=f"plan-step-{pk}@nextround",
            day=due_on,
            stamp=created,
            summary=f"{title} ({company})",
            description="\n".join(description),
            url=url,
        )
    application_url = url_template("tracker:application_detail")
    contact_url = url_template("tracker:contact_detail")
    follow_ups = (
        FollowUp.objects.filter(owner=owner, status__in=ACTIVE_FOLLOW_UP, due_on__range=(start, end))
        .order_by("due_on", "pk")
        .values_list(
            "pk", "title", "notes", "due_on", "created_at", "application_id", "contact_id", "contact__name"
        )
    )
    for pk, title, notes, due_on, created, application, contact_id, contact in follow_ups:
        if application:
            url = base_url + application_url.format(application)
        elif contact_id:
            url = base_url + contact_url.format(contact_id)
        else:
            url = base_url + reverse("tracker:dashboard")
        description = [notes] if notes else []
        if contact:
            description.append(f"With: {contact}")
        description.append(url)
        lines += event(
            uid=f"follow-up-{pk}@nextround",
            day=due_on,
            stamp=created,
            summary=title,
            description="\n".join(description),
            url=url,
        )
    lines.append("END:VCALENDAR")
    return b"\r\n".join(fold(line) for line in lines) + b"\r\n"


def url_template(name: str) -> str:
    """The path of the route `name` with "{}" where the id goes (reversing once, not once per event)."""
    return reverse(name, args=[SENTINEL]).replace(str(SENTINEL), "{}")


def event(*, uid: str, day: dt.date, stamp: dt.datetime, summary: str, description: str, url: str) -> list:
    # All-day events are dates without a time zone: the step is due on that day wherever the user is.
    return [
        "BEGIN:VEVENT",
        f"UID:{text(uid)}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
        f"DTSTAMP:{stamp.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}",
        f"SUMMARY:{text(summary)}",
        f"DESCRIPTION:{text(description)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> bytes:
    """Lines longer than 75 octets go on after a line break and a space (RFC 5545, 3.1), never splitting
    a UTF-8 character."""
    data = line.encode()
    if len(data) <= LINE_OCTETS:
        return data
    parts, start, limit = [], 0, LINE_OCTETS
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: cut before the character it belongs to
            cut -= 1
        parts.append(data[start:cut])
        start, limit = cut, LINE_OCTETS - 1  # the leading space counts
    parts.append(data[start:])
    return b"\r\n ".join(parts)
