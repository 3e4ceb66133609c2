from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned, owned
from nextround.tracker import panels, queries, services
from nextround.tracker.forms import (
    ApplicationFilterForm,
    InteractionForm,
    LinkContactForm,
    NewApplicationForm,
    PersonForm,
    StageForm,
)
from nextround.tracker.models import Application, ApplicationContact, ChecklistItem, Company
from nextround.tracker.views.common import form_page, paginate, query_without_page
from nextround.tracker.vocabulary import CLOSED_STAGES


@login_required
def application_list(request):
    filters = ApplicationFilterForm(request.GET or None)
    values = filters.cleaned_data if filters.is_valid() else {}
    applications = queries.filtered_applications(
        request.user, q=values.get("q", ""), stage=values.get("stage", ""), source=values.get("source", "")
    )
    page = paginate(request, applications)
    context = {
        "filters": filters,
        "page": page,
        "query": query_without_page(request),
        "filtered": any(values.values()) if values else False,
    }
    template = "tracker/_application_rows.html" if request.htmx else "tracker/application_list.html"
    return render(request, template, context)


@login_required
def board(request):
    columns = queries.board(request.user)
    # The closed stages share one lane, showing their latest few cards, so every stage is in view at 1280 px.
    closed = [column for column in columns if column["stage"] in CLOSED_STAGES]
    return render(
        request,
        "tracker/board.html",
        {
            "open_columns": [column for column in columns if column["stage"] not in CLOSED_STAGES],
            "closed_columns": closed,
        },
    )


FIRST_COMPANY = "Start with the company: type its name, and nextround adds it with the application."


@login_required
def application_create(request):
    initial = {"applied_on": timezone.localdate()}
    company_id = request.GET.get("company")
    if company_id and company_id.isdigit():
        initial["company"] = owned(Company, request.user).filter(pk=company_id).first()
    form = NewApplicationForm(request.POST or None, owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        application = form.save(commit=False)
        application.stage = form.cleaned_data["stage"]
        try:
            services.create_application(application=application)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Added {application}.")
            return redirect("tracker:application_detail", pk=application.pk)
    return form_page(
        request,
        form,
        title="Add an application",
        cancel_url=reverse("tracker:application_list"),
        submit="Add application",
        intro="" if owned(Company, request.user).exists() else FIRST_COMPANY,
    )


def people_context(request, application, *, links=None, person_form=None, added: str = "") -> dict:
    """What the People card needs: the people linked, the form to add someone new, and the link picker."""
    link_form = LinkContactForm(owner=request.user)
    # Offer a bounded list of contacts (see queries.contact_options); the POST views accept any of yours.
    contact_q = request.GET.get("contact_q", "").strip()[:200]
    link_form.fields["contact"].queryset = queries.contact_options(request.user, application, q=contact_q)
    if links is None:
        links = list(application.contact_links.select_related("contact__company"))
    return {
        "application": application,
        "contact_links": links,
        "link_form": link_form,
        "person_form": person_form or PersonForm(application=application),
        "contact_q": contact_q,
        "contact_options_limit": queries.CONTACT_OPTIONS,
        "added": added,
    }


@login_required
def application_detail(request, pk):
    application = get_owned(Application.objects.select_related("company"), request.user, pk)
    detail = queries.application_detail(application)
    people = people_context(request, application, links=detail["contact_links"])
    interaction_form = InteractionForm(owner=request.user, initial={"application": application})
    interaction_form.fields["contacts"].queryset = people["link_form"].fields["contact"].queryset
    context = {
        **detail,
        **people,
        "stage_form": StageForm(
            owner=request.user, application=application, initial={"stage": application.stage}
        ),
        "interaction_form": interaction_form,
        "today": timezone.localdate(),
        "routes": queries.contacts_at_company(owner=request.user, company=application.company),
        "panels": panels.gather("application", application=application),
    }
    return render(request, "tracker/application_detail.html", context)


@login_required
def application_add_person(request, pk):
    """Someone new on an application (the recruiter, an interviewer): a contact and its link, in one step."""
    application = get_owned(Application.objects.select_related("company"), request.user, pk)
    back = section_of(pk, "people")
    form = PersonForm(request.POST or None, application=application)
    if request.method == "POST" and form.is_valid():
        contact = form.contact()
        try:
            link = services.add_person(
                application=application,
                contact=contact,
                role=form.cleaned_data["link_role"],
                connected=form.cleaned_data["connected"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            added = f"Added {contact.name}, {link.get_role_display().lower()}, to this application."
            if request.htmx:
                return render(
                    request, "tracker/_people.html", people_context(request, application, added=added)
                )
            messages.success(request, added)
            return redirect(back)
    status = 422 if form.is_bound else 200
    if request.htmx:
        context = people_context(request, application, person_form=form)
        return render(request, "tracker/_people.html", context, status=status)
    return form_page(
        request,
        form,
        title=f"Add a person to {application}",
        cancel_url=back,
        submit="Add to this application",
        status=status,
    )


@login_required
def application_stage(request, pk):
    """Move an application to another stage; htmx swaps the stage panel, plain forms get the full page."""
    application = get_owned(Application.objects.select_related("company"), request.user, pk)
    form = StageForm(
        request.POST or None,
        owner=request.user,
        application=application,
        initial={"stage": application.stage},
    )
    from_board = request.POST.get("from") == "board"
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = services.change_stage(
                application=application,
                stage=data["stage"],
                at=data["changed_at"],
                what_was_said=data["what_was_said"],
                told_by=data["told_by"],
                told_via=data["told_via"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            application.refresh_from_db()
            message = moved_message(change, application)
            if not request.htmx:
                messages.success(request, message)
                if from_board:
                    return redirect("tracker:board")
                return redirect("tracker:application_detail", pk=pk)
            context = {
                "application": application,
                "moved": message,
                "today": timezone.localdate(),
                # What the move made (a plan after a rejection), shown and focused at once, no reload.
                "after_move": panels.gather("moved", application=application, change=change),
            }
            if from_board:
                return render(request, "tracker/_board_card.html", context)
            response = render(
                request,
                "tracker/_stage.html",
                {
                    **context,
                    "stage_form": StageForm(
                        owner=request.user, application=application, initial={"stage": application.stage}
                    ),
                    "panels": panels.gather("application", application=application),
                    "checklist": list(application.checklist.all()),
                },
            )
            response["HX-Trigger"] = "timeline-changed"
            return response
    status = 422 if form.is_bound and not form.is_valid() else 200
    if request.htmx and from_board:
        return render(
            request,
            "tracker/_board_card.html",
            {"application": application, "stage_form": form},
            status=status,
        )
    template = "tracker/_stage.html" if request.htmx else "tracker/stage_page.html"
    return render(request, template, {"application": application, "stage_form": form}, status=status)


def moved_message(change, application) -> str:
    """What a move did: the new stage, or, for a move dated before the latest one, where it stays."""
    if application.stage == change.to_stage and application.stage_changed_at == change.changed_at:
        return f"Moved to {application.get_stage_display()}."
    day = timezone.localtime(change.changed_at)
    return (
        f"Added {change.get_to_stage_display()} on {day:%a} {day.day} {day:%b} to the history. "
        f"The application stays at {application.get_stage_display()}, its latest move."
    )


def section_of(pk: int, section: str) -> str:
    """An application's page, at one of its sections ("people", "checklist")."""
    return reverse("tracker:application_detail", args=[pk]) + f"#{section}"


@login_required
def application_timeline(request, pk):
    application = get_owned(Application.objects.select_related("company"), request.user, pk)
    return render(
        request,
        "tracker/_timeline.html",
        {
            "application": application,
            **queries.application_detail(application),
        },
    )


@login_required
@require_POST
def application_link_contact(request, pk):
    application = get_owned(Application, request.user, pk)
    form = LinkContactForm(request.POST, owner=request.user)
    if form.is_valid():
        services.link_contact(application=application, **form.cleaned_data)
        messages.success(request, f"Linked {form.cleaned_data['contact']}.")
    else:
        errors = "; ".join(
            f"{form.fields[name].label or name}: {' '.join(errs)}" for name, errs in form.errors.items()
        )
        messages.error(request, f"Could not link the contact. {errors}")
    return redirect(section_of(pk, "people"))


@login_required
@require_POST
def application_unlink_contact(request, pk, link_pk):
    link = get_owned(ApplicationContact.objects.filter(application_id=pk), request.user, link_pk)
    services.unlink_contact(link=link)
    messages.success(request, f"{link.contact} is no longer linked to this application.")
    return redirect(section_of(pk, "people"))


@login_required
@require_POST
def checklist_toggle(request, pk, item_pk):
    item = get_owned(ChecklistItem.objects.filter(application_id=pk), request.user, item_pk)
    services.toggle_checklist_item(item=item)
    if request.htmx:
        return render(
            request,
            "tracker/_checklist_item.html",
            {"item": item, "application": item.application, "acted": True},
        )
    return redirect(section_of(pk, "checklist"))


@login_required
@require_POST
def checklist_add(request, pk):
    application = get_owned(Application, request.user, pk)
    text = request.POST.get("text", "").strip()
    if not text:
        messages.error(request, "Checklist item: write what you want to prepare.")
    elif len(text) > 500:
        messages.error(request, "Checklist item: keep it under 500 characters.")
    else:
        services.add_checklist_item(application=application, text=text)
    return redirect(section_of(pk, "checklist"))
