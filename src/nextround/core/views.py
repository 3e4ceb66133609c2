from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from nextround.core.access import profile_for
from nextround.core.forms import ProfileForm, SignupForm
from nextround.core.links import absolute_url
from nextround.core.models import Profile, new_calendar_token


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
        with transaction.atomic():
            user = form.save()
            Profile.objects.create(user=user, full_name=form.cleaned_data["full_name"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome to nextround. Start by adding an application you are waiting on.")
        return redirect("tracker:dashboard")
    return render(request, "registration/signup.html", {"form": form})


@login_required
def settings_page(request):
    profile = profile_for(request.user)
    if request.method == "POST" and request.POST.get("action") == "regenerate_calendar":
        profile.calendar_token = new_calendar_token()
        profile.save(update_fields=["calendar_token"])
        messages.success(request, "Your calendar link is new; the old one no longer works.")
        return redirect("settings")
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("settings")
    try:
        feed_url = absolute_url(
            request, reverse("playbook:calendar_feed", kwargs={"token": profile.calendar_token})
        )
    except NoReverseMatch:
        feed_url = ""
    return render(request, "core/settings.html", {"form": form, "profile": profile, "feed_url": feed_url})


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers while logging in is paused: say why, for how long, and what to do."""
    from django.conf import settings

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "registration/locked_out.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
