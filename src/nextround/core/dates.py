"""Date helpers in the user's time zone (plain Python)."""

import datetime as dt
import zoneinfo


def today_in(time_zone: str, now: dt.datetime | None = None) -> dt.date:
    now = now or dt.datetime.now(dt.UTC)
    return now.astimezone(zoneinfo.ZoneInfo(time_zone)).date()


def business_days_after(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (Monday to Friday); 0 rolls a weekend forward to Monday."""
    current = start
    while current.weekday() >= 5:
        current += dt.timedelta(days=1)
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current
