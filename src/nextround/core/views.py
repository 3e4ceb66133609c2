import contextlib
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.db import DatabaseError, connection
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from nextround.core import services
from nextround.core.access import profile_for
from nextround.core.forms import ProfileForm, SignupForm
from nextround.core.links import absolute_url, reachable_from_the_internet, webcal


def server_error(request):
    """The 500 handler: a busy database outside any view (saving the session) still gets the busy page."""
    import sys

    from django.views.defaults import server_error as django_server_error

    from nextround.core.middleware import busy_response, is_database_busy

    if is_database_busy(sys.exc_info()[1]):
        return busy_response(request)
    return django_server_error(request)


@require_GET
@cache_control(max_age=24 * 3600, public=True)
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; answer with the site's icon."""
    path = finders.find("nextround/favicon.ico")
    return FileResponse(open(path, "rb"), content_type="image/x-icon")


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def signup(request):
    if request.user.is_authenticated:
        return redirect("tracker:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.create_user(user=form.save(commit=False), full_name=form.cleaned_data["full_name"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome to nextround. Start by adding an application you are waiting on.")
        return redirect("tracker:dashboard")
    return render(request, "registration/signup.html", {"form": form})


@login_required
def settings_page(request):
    profile = profile_for(request.user)
    if request.method == "POST" and request.POST.get("action") == "regenerate_calendar":
        services.new_calendar_link(profile=profile)
        messages.success(request, "Your calendar link is new; the old one no longer works.")
        return redirect("settings")
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.save_profile(profile=form.save(commit=False))
        messages.success(request, "Settings saved.")
        return redirect("settings")
    feed_url = ""
    # Until an account's settings are first saved its token is not stored, so no link would work yet.
    if profile.pk:
        with contextlib.suppress(NoReverseMatch):
            token = profile.calendar_token
            feed_url = absolute_url(request, reverse("playbook:calendar_feed", kwargs={"token": token}))
    calendar = {
        "url": feed_url,
        "webcal": webcal(feed_url),
        "host": urlsplit(feed_url).netloc,
        "reachable": reachable_from_the_internet(feed_url),
        "public_url_set": bool(settings.PUBLIC_URL),
    }
    context = {
        "form": form,
        "profile": profile,
        "calendar": calendar,
        "feed_days_back": settings.CALENDAR_FEED_DAYS_BACK,
        "feed_days_ahead": settings.CALENDAR_FEED_DAYS_AHEAD,
    }
    return render(request, "core/settings.html", context)


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers while logging in is paused: say why, for how long, and what to do."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "registration/locked_out.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
