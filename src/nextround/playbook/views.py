"""The plan page, its step actions (each works with htmx and without JavaScript) and the calendar feed."""

import datetime as dt
import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_POST, require_safe

from nextround.core import versions
from nextround.core.access import get_owned, owned
from nextround.core.dates import today_in
from nextround.core.errors import Refused
from nextround.core.links import absolute_url
from nextround.core.models import Profile
from nextround.playbook import content, feed, queries, services
from nextround.playbook.forms import DraftForm, LogForm, ReflectionForm, StatusForm, UpsetForm
from nextround.playbook.models import Plan, PlanStep
from nextround.playbook.vocabulary import OUTREACH, StepKind
from nextround.tracker.models import Application, Contact

# A rendered feed is keyed by its ETag (version and day), so it never needs expiring; this only frees memory.
FEED_CACHE_SECONDS = 24 * 3600


def people_of(application) -> list[Contact]:
    return [link.contact for link in application.contact_links.select_related("contact").order_by("pk")]


def step_context(step: PlanStep, people, *, log_form=None, draft_form=None) -> dict:
    return {
        "step": step,
        "today": timezone.localdate(),
        "is_ask": step.kind in OUTREACH,
        "log_form": log_form
        or LogForm(prefix=f"log-{step.pk}", people=people, show_questions=step.kind == StepKind.REFERENCE),
        "draft_form": draft_form or DraftForm(prefix=f"draft-{step.pk}", initial={"text": step.text}),
    }


def render_plan(request, application, *, status=200, bound=None, reflection_form=None):
    plan = queries.plan_for(application)
    people = people_of(application)
    bound = bound or {}
    steps = (
        [step_context(step, people, **bound.get(step.pk, {})) for step in plan.steps.all()] if plan else []
    )
    return render(
        request,
        "playbook/plan.html",
        {
            "application": application,
            "plan": plan,
            "steps": steps,
            "open_count": sum(1 for entry in steps if entry["step"].is_open),
            "reflection_form": reflection_form or (ReflectionForm(instance=plan) if plan else None),
            "explainer": content.load().explainer,
            "questions": content.load().interview_questions,
            "can_start": application.stage in services.PLAN_STAGES,
        },
        status=status,
    )


def step_response(request, step: PlanStep, *, status=200, **forms):
    """htmx gets the step alone; a plain form post goes back to the plan page, at the step."""
    application = step.plan.application
    if request.htmx:
        steps = list(queries.plan_for(application).steps.all())
        fresh = next(s for s in steps if s.pk == step.pk)
        context = step_context(fresh, people_of(application), **forms)
        # The count in "Your steps (N to do)" follows, and focus lands on the step just acted on.
        context["open_count"] = sum(1 for s in steps if s.is_open)
        context["acted"] = status == 200
        return render(request, "playbook/_step.html", context, status=status)
    if status != 200:
        return render_plan(request, application, status=status, bound={step.pk: forms})
    return redirect(reverse("playbook:plan", args=[application.pk]) + f"#step-{step.pk}")


def load_step(request, pk) -> PlanStep:
    return get_owned(
        PlanStep.objects.select_related("plan__application__company", "contact"), request.user, pk
    )


@login_required
def plan(request, pk):
    application = get_owned(Application.objects.select_related("company"), request.user, pk)
    return render_plan(request, application)


@login_required
@require_POST
def plan_refresh(request, pk):
    application = get_owned(Application.objects.select_related("company"), request.user, pk)
    try:
        services.refresh_plan(application=application)
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, "Your plan is up to date. Your notes, edits and logged steps are all still there."
        )
    return redirect("playbook:plan", pk=pk)


@login_required
@require_POST
def plan_upset(request, pk):
    plan = get_owned(Plan.objects.select_related("application"), request.user, pk)
    form = UpsetForm(request.POST)
    upset = form.cleaned_data["upset"] if form.is_valid() else False
    services.set_upset(plan=plan, upset=upset)
    messages.success(
        request,
        "Take the time you need: calls and notes now start a day later."
        if upset
        else "Welcome back. Calls and notes are back on their first dates.",
    )
    return redirect("playbook:plan", pk=plan.application_id)


@login_required
@require_POST
def plan_reflection(request, pk):
    plan = get_owned(Plan.objects.select_related("application__company"), request.user, pk)
    form = ReflectionForm(request.POST, instance=Plan.objects.get(pk=plan.pk))
    if not form.is_valid():
        if request.htmx:
            return render(
                request, "playbook/_reflection.html", {"plan": plan, "reflection_form": form}, status=422
            )
        return render_plan(request, plan.application, status=422, reflection_form=form)
    services.save_reflection(plan=plan, **form.cleaned_data)
    if request.htmx:
        return render(
            request,
            "playbook/_reflection.html",
            {"plan": plan, "reflection_form": ReflectionForm(instance=plan), "saved": True},
        )
    messages.success(request, "Your reflection is saved.")
    return redirect(reverse("playbook:plan", args=[plan.application_id]) + "#reflection")


@login_required
@require_POST
def step_status(request, pk):
    step = load_step(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        services.set_step_status(step=step, status=form.cleaned_data["status"])
        return step_response(request, step)
    return HttpResponse("Pick done, skip or they declined.", status=422, content_type="text/plain")


@login_required
@require_POST
def step_draft(request, pk):
    step = load_step(request, pk)
    form = DraftForm(request.POST, prefix=f"draft-{step.pk}")
    if not form.is_valid():
        return step_response(request, step, status=422, draft_form=form)
    services.save_draft(step=step, text=form.cleaned_data["text"])
    if not request.htmx:
        messages.success(request, "Your edits are saved.")
    return step_response(request, step)


@login_required
@require_POST
def step_log(request, pk):
    step = load_step(request, pk)
    people = people_of(step.plan.application)
    form = LogForm(
        request.POST, prefix=f"log-{step.pk}", people=people, show_questions=step.kind == StepKind.REFERENCE
    )
    if not form.is_valid():
        return step_response(request, step, status=422, log_form=form)
    data = form.cleaned_data
    said_by = owned(Contact, request.user).filter(pk=data["said_by"]).first() if data["said_by"] else None
    services.log_step(
        step=step,
        outcome=data["outcome"],
        words=data["words"],
        said_by=said_by,
        tags=data["tags"],
        questions_asked=data.get("questions_asked", ""),
    )
    if not request.htmx:
        messages.success(request, "Logged, and added to the application's timeline.")
    return step_response(request, step)


@require_safe
def calendar_feed(request, token):
    """The feed for calendar apps: 304 when their copy is current, else the body (rendered once per
    version and day, then kept in the cache for every poll and every worker thread)."""
    profile = get_object_or_404(Profile.objects.only("user_id", "time_zone"), calendar_token=token)
    today = today_in(profile.time_zone)
    version = versions.current(profile.user_id)
    base_url = absolute_url(request, "/")
    tag = feed.etag(version, today, base_url)
    # A new day moves the window, so a copy from before today's midnight is out of date.
    midnight = dt.datetime.combine(today, dt.time.min, tzinfo=zoneinfo.ZoneInfo(profile.time_zone))
    last_modified = int(max(version.changed_at, midnight).timestamp())
    response = get_conditional_response(request, etag=tag, last_modified=last_modified)
    if response is None:
        key = f"nextround:calendar:{profile.user_id}:{tag}"
        body = cache.get(key)
        if body is None:
            body = feed.build_calendar(profile.user_id, base_url=base_url, today=today)
            cache.set(key, body, FEED_CACHE_SECONDS)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="nextround.ics"'
    response["ETag"] = tag
    response["Last-Modified"] = http_date(last_modified)
    # Apps may keep a copy but must ask again each time; the link is a secret, so no shared cache keeps it.
    response["Cache-Control"] = "private, no-cache"
    return response
