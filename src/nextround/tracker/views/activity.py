"""The dashboard, interactions and follow-ups."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned
from nextround.tracker import panels, queries, services
from nextround.tracker.forms import FollowUpForm, InteractionForm, SnoozeForm
from nextround.tracker.models import Application, Contact, FollowUp, Interaction
from nextround.tracker.views.common import confirm_delete, form_page, paginate, query_without_page
from nextround.tracker.vocabulary import FollowUpStatus


def safe_next(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return default


def back_to(application_id: int | None) -> str:
    """Where to return after acting on something: its application's page, else the dashboard."""
    if application_id:
        return reverse("tracker:application_detail", args=[application_id])
    return reverse("tracker:dashboard")


def bound_pickers(form) -> None:
    """Draw a form's application and contact pickers with the recent rows plus the ones chosen."""

    def chosen(name: str) -> list[int]:
        value = form[name].value()
        keys = [getattr(v, "pk", v) for v in (value if isinstance(value, list | tuple) else [value])]
        return [int(key) for key in keys if str(key or "").isdigit()]

    for name, order in (
        ("application", ("-stage_changed_at", "-pk")),
        ("contact", ("name", "pk")),
        ("contacts", ("name", "pk")),
    ):
        if name in form.fields:
            field = form.fields[name]
            field.queryset = queries.recent_or_chosen(field.queryset, chosen(name), order)


def prefill(request) -> dict:
    """Initial application/contact for a new interaction or follow-up, from ?application= and ?contact=."""
    initial = {}
    if request.GET.get("application", "").isdigit():
        application = Application.objects.filter(owner=request.user, pk=request.GET["application"]).first()
        if application:
            initial["application"] = application
    if request.GET.get("contact", "").isdigit():
        contact = Contact.objects.filter(owner=request.user, pk=request.GET["contact"]).first()
        if contact:
            initial["contact"] = contact
            initial["contacts"] = [contact]
    return initial


@login_required
def dashboard(request):
    today = timezone.localdate()
    context = {
        "today": today,
        "board": queries.dashboard(request.user, today),
        "panels": panels.gather("dashboard", owner=request.user, today=today),
    }
    return render(request, "tracker/dashboard.html", context)


@login_required
def follow_up_list(request):
    status = request.GET.get("status", queries.ACTIVE)
    if status not in dict(queries.FOLLOW_UP_FILTERS):
        status = queries.ACTIVE
    page = paginate(request, queries.filtered_follow_ups(request.user, status=status))
    return render(
        request,
        "tracker/follow_up_list.html",
        {
            "page": page,
            "status": status,
            "query": query_without_page(request),
            "today": timezone.localdate(),
            "filter_choices": queries.FOLLOW_UP_FILTERS,
        },
    )


@login_required
def interaction_create(request):
    form = InteractionForm(request.POST or None, owner=request.user, initial=prefill(request))
    default_next = reverse("tracker:dashboard")
    if request.method == "POST" and form.is_valid():
        interaction = form.save(commit=False)
        try:
            services.log_interaction(interaction=interaction, contacts=list(form.cleaned_data["contacts"]))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            default_next = back_to(interaction.application_id)
            if request.htmx:
                fresh = InteractionForm(owner=request.user, initial={"application": interaction.application})
                if interaction.application:  # the same bounded contact list as the application's page
                    fresh.fields["contacts"].queryset = queries.contact_options(
                        request.user, interaction.application
                    )
                response = render(
                    request,
                    "tracker/_interaction_form.html",
                    {
                        "form": fresh,
                        "saved": True,
                        "fixed_application": interaction.application,
                    },
                )
                response["HX-Trigger"] = "timeline-changed"
                return response
            messages.success(request, "Added to your timeline.")
            return redirect(safe_next(request, default_next))
    bound_pickers(form)
    if request.htmx:
        fixed = form.cleaned_data.get("application") if form.is_bound else None
        return render(
            request,
            "tracker/_interaction_form.html",
            {"form": form, "fixed_application": fixed},
            status=422 if form.is_bound else 200,
        )
    return form_page(
        request,
        form,
        title="Log an interaction",
        cancel_url=safe_next(request, default_next),
        submit="Add to timeline",
    )


@login_required
def interaction_edit(request, pk):
    interaction = get_owned(Interaction, request.user, pk)
    form = InteractionForm(request.POST or None, instance=interaction, owner=request.user)
    back = back_to(interaction.application_id)
    if request.method == "POST" and form.is_valid():
        services.log_interaction(
            interaction=form.save(commit=False), contacts=list(form.cleaned_data["contacts"])
        )
        messages.success(request, "Saved.")
        return redirect(back)
    bound_pickers(form)
    return form_page(request, form, title="Edit interaction", cancel_url=back)


@login_required
def interaction_delete(request, pk):
    interaction = get_owned(Interaction, request.user, pk)
    back = back_to(interaction.application_id)
    return confirm_delete(
        request,
        interaction,
        what=f"the {interaction}",
        cancel_url=back,
        on_delete=lambda: services.delete_interaction(interaction=interaction),
    )


@login_required
def follow_up_create(request):
    form = FollowUpForm(
        request.POST or None, owner=request.user, initial={"due_on": timezone.localdate(), **prefill(request)}
    )
    if request.method == "POST" and form.is_valid():
        follow_up = services.save_follow_up(follow_up=form.save(commit=False))
        messages.success(request, f"Follow-up added for {follow_up.due_on:%a %d %b}.")
        default = back_to(follow_up.application_id)
        return redirect(safe_next(request, default))
    bound_pickers(form)
    return form_page(
        request,
        form,
        title="Add a follow-up",
        cancel_url=safe_next(request, reverse("tracker:dashboard")),
        submit="Add follow-up",
    )


@login_required
def follow_up_edit(request, pk):
    follow_up = get_owned(FollowUp, request.user, pk)
    form = FollowUpForm(request.POST or None, instance=follow_up, owner=request.user)
    if request.method == "POST" and form.is_valid():
        services.save_follow_up(follow_up=form.save(commit=False))
        messages.success(request, "Saved.")
        return redirect(safe_next(request, reverse("tracker:dashboard")))
    bound_pickers(form)
    return form_page(
        request, form, title="Edit follow-up", cancel_url=safe_next(request, reverse("tracker:dashboard"))
    )


@login_required
def follow_up_delete(request, pk):
    follow_up = get_owned(FollowUp, request.user, pk)
    back = reverse("tracker:dashboard")
    return confirm_delete(
        request,
        follow_up,
        what=f"“{follow_up.title}”",
        cancel_url=back,
        on_delete=lambda: services.delete_follow_up(follow_up=follow_up),
    )


@login_required
@require_POST
def follow_up_status(request, pk):
    """Done, dismissed or snoozed; htmx replaces the item in place."""
    follow_up = get_owned(
        FollowUp.objects.select_related("application__company", "contact"), request.user, pk
    )
    status = request.POST.get("status")
    error = ""
    if status == FollowUpStatus.SNOOZED:
        form = SnoozeForm(request.POST)
        if form.is_valid():
            services.set_follow_up_status(
                follow_up=follow_up, status=status, until=form.cleaned_data["until"]
            )
        else:
            error = "Snooze: " + " ".join(form.errors.get("until", ["pick a date"]))
    elif status in (FollowUpStatus.DONE, FollowUpStatus.DISMISSED, FollowUpStatus.OPEN):
        services.set_follow_up_status(follow_up=follow_up, status=status)
    else:
        error = "Pick done, dismiss or snooze."
    if request.htmx:
        return render(
            request,
            "tracker/_follow_up.html",
            # Focus stays on the item just acted on; its buttons are gone once it is done.
            {"follow_up": follow_up, "error": error, "today": timezone.localdate(), "acted": not error},
            status=422 if error else 200,
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"“{follow_up.title}”: {follow_up.get_status_display().lower()}.")
    return redirect(safe_next(request, reverse("tracker:dashboard")))
