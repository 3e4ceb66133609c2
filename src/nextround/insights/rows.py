"""Reading date-times as text: Django's per-value converter was the largest cost of a big search's page."""

import datetime as dt

from django.db.models import CharField
from django.db.models.functions import Cast


def as_text(expression) -> Cast:
    """Read a date-time as ISO text, to be parsed by `instant`.

    Django's per-value date-time converter costs a few microseconds, and a big search reads tens of
    thousands of them: it was the largest part of the page's time. SQLite stores UTC text and PostgreSQL
    prints the offset (the connection's time zone is UTC), so `fromisoformat` reads both.
    """
    return Cast(expression, output_field=CharField())


def instant(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    if "+" not in value[19:] and "-" not in value[19:]:  # SQLite's UTC text has no offset
        value += "+00:00"  # 8 times quicker than parsing and then replacing the time zone
    return dt.datetime.fromisoformat(value)
