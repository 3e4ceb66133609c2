"""The private iCalendar feed: open plan steps and follow-ups as all-day events."""

import datetime as dt

import icalendar
from django.urls import reverse

from nextround.playbook import queries

PRODID = "-//nextround//rejection playbook//EN"


def build_calendar(owner, *, base_url: str) -> bytes:
    """Stable UIDs (one per step or follow-up) let calendar apps update events instead of duplicating them."""
    base_url = base_url.rstrip("/")
    steps, follow_ups = queries.calendar_items(owner)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "nextround")
    for step in steps:
        application = step.plan.application
        url = base_url + reverse("playbook:plan", args=[application.pk]) + f"#step-{step.pk}"
        lines = [step.why]
        if step.contact:
            lines.append(f"With: {step.contact.name}")
        lines.append(f"{application.role_title} at {application.company.name}")
        lines.append(url)
        calendar.add_component(
            event(
                uid=f"plan-step-{step.pk}@nextround",
                day=step.due_on,
                stamp=step.plan.created_at,
                summary=f"{step.title} ({application.company.name})",
                description="\n".join(lines),
                url=url,
            )
        )
    for follow_up in follow_ups:
        if follow_up.application:
            url = base_url + reverse("tracker:application_detail", args=[follow_up.application.pk])
        elif follow_up.contact:
            url = base_url + reverse("tracker:contact_detail", args=[follow_up.contact.pk])
        else:
            url = base_url + reverse("tracker:dashboard")
        lines = [follow_up.notes] if follow_up.notes else []
        if follow_up.contact:
            lines.append(f"With: {follow_up.contact.name}")
        lines.append(url)
        calendar.add_component(
            event(
                uid=f"follow-up-{follow_up.pk}@nextround",
                day=follow_up.due_on,
                stamp=follow_up.created_at,
                summary=follow_up.title,
                description="\n".join(lines),
                url=url,
            )
        )
    return calendar.to_ical()


def event(*, uid: str, day: dt.date, stamp: dt.datetime, summary: str, description: str, url: str):
    item = icalendar.Event()
    item.add("uid", uid)
    # All-day events are dates without a time zone: the step is due on that day wherever the user is.
    item.add("dtstart", day)
    item.add("dtend", day + dt.timedelta(days=1))
    item.add("dtstamp", stamp.astimezone(dt.UTC))
    item.add("summary", summary)
    item.add("description", description)
    item.add("url", url)
    item.add("transp", "TRANSPARENT")
    return item
