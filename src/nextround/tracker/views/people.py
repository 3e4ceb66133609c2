"""Companies and contacts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from nextround.core.access import get_owned
from nextround.tracker import queries, services
from nextround.tracker.forms import CompanyForm, ContactFilterForm, ContactForm
from nextround.tracker.models import Company, Contact
from nextround.tracker.views.common import form_page, paginate, query_without_page


@login_required
def company_list(request):
    page = paginate(request, queries.company_list(request.user))
    return render(request, "tracker/company_list.html", {"page": page, "query": query_without_page(request)})


@login_required
def company_create(request):
    form = CompanyForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        company = services.save_company(company=form.save(commit=False))
        messages.success(request, f"Added {company}.")
        if request.GET.get("next") == "application":
            return redirect(reverse("tracker:application_create") + f"?company={company.pk}")
        return redirect("tracker:company_detail", pk=company.pk)
    return form_page(
        request, form, title="Add a company", cancel_url=reverse("tracker:company_list"), submit="Add company"
    )


@login_required
def company_detail(request, pk):
    company = get_owned(Company, request.user, pk)
    return render(
        request,
        "tracker/company_detail.html",
        {
            "company": company,
            "applications": list(company.applications.select_related("company")),
            "contacts": list(company.contacts.all()),
        },
    )


@login_required
def contact_list(request):
    filters = ContactFilterForm(request.GET or None)
    values = filters.cleaned_data if filters.is_valid() else {}
    contacts = queries.filtered_contacts(
        request.user,
        q=values.get("q", ""),
        role=values.get("role", ""),
        keep_in_touch=values.get("keep_in_touch", False),
    )
    context = {
        "filters": filters,
        "page": paginate(request, contacts),
        "query": query_without_page(request),
        "filtered": any(values.values()) if values else False,
    }
    template = "tracker/_contact_rows.html" if request.htmx else "tracker/contact_list.html"
    return render(request, template, context)


@login_required
def contact_create(request):
    initial = {}
    if request.GET.get("company", "").isdigit():
        initial["company"] = Company.objects.filter(owner=request.user, pk=request.GET["company"]).first()
    form = ContactForm(request.POST or None, owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        contact = services.save_contact(contact=form.save(commit=False))
        messages.success(request, f"Added {contact}.")
        return redirect("tracker:contact_detail", pk=contact.pk)
    return form_page(
        request, form, title="Add a contact", cancel_url=reverse("tracker:contact_list"), submit="Add contact"
    )


SEARCH_RESULTS = 20


@login_required
@require_GET
def contact_search(request):
    """Your contacts matching what is typed, for the pickers that search as you type (JSON)."""
    q = request.GET.get("q", "").strip()[:200]
    contacts = list(queries.filtered_contacts(request.user, q=q)[:SEARCH_RESULTS]) if q else []
    results = [
        {
            "value": str(contact.pk),
            "text": contact.name,
            "hint": contact.company.name if contact.company else "",
        }
        for contact in contacts
    ]
    return JsonResponse({"results": results})


@login_required
def contact_detail(request, pk):
    contact = get_owned(Contact.objects.select_related("company"), request.user, pk)
    return render(
        request,
        "tracker/contact_detail.html",
        {
            "contact": contact,
            "today": timezone.localdate(),
            **queries.contact_detail(contact),
        },
    )
