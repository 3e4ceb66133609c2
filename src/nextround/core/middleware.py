import zoneinfo

from django.db import OperationalError
from django.shortcuts import render
from django.utils import timezone

RETRY_AFTER_SECONDS = 5


class UserTimeZoneMiddleware:
    """Show dates in the signed-in user's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            from nextround.core.access import profile_for

            try:
                timezone.activate(zoneinfo.ZoneInfo(profile_for(user).time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


def is_database_busy(exc: BaseException | None) -> bool:
    """SQLite's "database is locked": another connection held the write lock longer than the busy timeout."""
    return isinstance(exc, OperationalError) and "locked" in str(exc).lower()


def busy_response(request):
    """A "busy, try again" page in the site's layout (its fragment alone for htmx), 503 with Retry-After."""
    template = "core/_busy.html" if getattr(request, "htmx", False) else "core/busy.html"
    response = render(request, template, {"retry_after": RETRY_AFTER_SECONDS}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseBusyMiddleware:
    """A view that cannot get the database's write lock in time answers "busy, try again", never a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_busy(exception):
            return busy_response(request)
        return None
