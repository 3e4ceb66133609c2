"""Absolute links to nextround pages (calendar feeds, links inside calendar events)."""

from django.conf import settings


def absolute_url(request, path: str) -> str:
    """The address of `path` as people reach it: the public URL when one is set, else as this request came."""
    if settings.PUBLIC_URL:
        return settings.PUBLIC_URL + path
    return request.build_absolute_uri(path)
