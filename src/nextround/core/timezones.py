"""The time zones a person picks from: current IANA names only, with the usual ones first (plain Python).

`zoneinfo.available_timezones()` also holds the backward-compatibility links ("US/Eastern", "Asia/Calcutta",
"Europe/Kiev", "GB"...), which the IANA database keeps only so that old settings still load. The current
names are the ones in its zone.tab (one or more per country), read from the tzdata package, plus UTC.
"""

import datetime as dt
import functools
import zoneinfo
from importlib import resources

# Shown first: where most people using nextround live, east to west. All are current names in zone.tab.
COMMON = (
    "UTC",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Athens",
    "Europe/Kyiv",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    "America/New_York",
    "America/Toronto",
    "America/Chicago",
    "America/Mexico_City",
    "America/Denver",
    "America/Los_Angeles",
)


def _table(name: str) -> list[list[str]]:
    text = resources.files("tzdata.zoneinfo").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@functools.cache
def current_zones() -> dict[str, str]:
    """Current zone name -> the country it is in ("" for UTC), for zones this machine can load."""
    countries = {row[0]: row[1] for row in _table("iso3166.tab")}
    zones = {row[2]: countries.get(row[0], row[0]) for row in _table("zone.tab")}
    zones["UTC"] = ""
    available = zoneinfo.available_timezones()
    return {name: country for name, country in sorted(zones.items()) if name in available}


def label(name: str, now: dt.datetime) -> str:
    """ "Europe/Berlin · Germany (UTC+01:00)": searchable by city, region and country."""
    offset = now.astimezone(zoneinfo.ZoneInfo(name)).utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    country = current_zones().get(name, "")
    text = name.replace("_", " ") + (f" · {country}" if country else "")
    return f"{text} (UTC{sign}{hours:02d}:{minutes:02d})"


def choices(*, keep: str = "", now: dt.datetime | None = None) -> list:
    """Grouped choices for a select: the common zones, then every other current zone.

    `keep` is a zone already saved (perhaps an old alias such as "US/Eastern"): it stays pickable, so that
    saving other settings never fails on it.
    """
    now = now or dt.datetime.now(dt.UTC)
    zones = current_zones()
    common = [(name, label(name, now)) for name in COMMON if name in zones]
    others = [(name, label(name, now)) for name in zones if name not in COMMON]
    if keep and keep not in zones:
        others.insert(0, (keep, f"{keep.replace('_', ' ')} (your current setting)"))
    return [("Common time zones", common), ("Other time zones", others)]
