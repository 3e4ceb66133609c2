import datetime as dt
from urllib.parse import quote

from django import template

register = template.Library()


@register.filter
def mailto(step) -> str:
    """A mailto: link with the subject and draft, percent-encoded (spaces as %20, which mail apps expect)."""
    address = quote(step.contact.email, safe="@") if step.contact and step.contact.email else ""
    return f"mailto:{address}?subject={quote(step.subject, safe='')}&body={quote(step.text, safe='')}"


@register.filter
def tel(phone: str) -> str:
    return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")


@register.filter
def due_state(day: dt.date, today: dt.date) -> str:
    if day < today:
        return "overdue"
    return "today" if day == today else "later"
