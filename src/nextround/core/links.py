"""Absolute links to nextround pages (calendar feeds, links inside calendar events)."""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(request, path: str) -> str:
    """The address of `path` as people reach it: the public URL when one is set, else as this request came."""
    if settings.PUBLIC_URL:
        return settings.PUBLIC_URL + path
    return request.build_absolute_uri(path)


def reachable_from_the_internet(url: str) -> bool:
    """Whether a cloud service (Google Calendar, Outlook.com) could fetch `url`: not this machine's own
    name or a private network address. A guess from the address alone; DNS is not consulted."""
    host = (urlsplit(url).hostname or "").lower()
    if not host or host == "localhost" or host.endswith((".localhost", ".local", ".lan", ".internal")):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." in host  # a bare machine name ("laptop") resolves on the local network only
    return address.is_global


def webcal(url: str) -> str:
    """The webcal:// form of a feed address, which calendar apps open as a subscription."""
    return "webcal://" + url.split("://", 1)[1] if "://" in url else url
