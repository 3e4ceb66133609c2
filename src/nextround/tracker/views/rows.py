"""The edit and delete pages of the rows that have a page of their own: applications, companies, contacts.

They differ only in their form, their words and the services that save and delete, so each kind is a
`RowPages` entry and two views serve them all (the URL conf passes the entry).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse

from nextround.core.access import get_owned
from nextround.tracker import services
from nextround.tracker.forms import ApplicationForm, CompanyForm, ContactForm
from nextround.tracker.views.common import confirm_delete, form_page


@dataclass(frozen=True)
class RowPages:
    # The row's name: its URL names are `tracker:<name>_detail` (its page) and `tracker:<name>_list`, and
    # its services take it by that keyword (`save_company(company=...)`).
    name: str
    form: type  # a ModelForm of the row's model
    save_with: Callable  # the service that saves an edited row
    delete_with: Callable  # the service that deletes one; it may refuse (`core.errors.Refused`)
    consequences: str  # what goes with the row, and what stays, said on the delete confirmation

    @property
    def model(self) -> type:
        return self.form._meta.model

    def page(self, pk: int) -> str:
        return reverse(f"tracker:{self.name}_detail", args=[pk])


APPLICATIONS = RowPages(
    name="application",
    form=ApplicationForm,
    save_with=services.update_application,
    delete_with=services.delete_application,
    consequences="Its stage history, interactions, follow-ups and plan go with it. Your contacts stay.",
)
COMPANIES = RowPages(
    name="company",
    form=CompanyForm,
    save_with=services.save_company,
    delete_with=services.delete_company,
    consequences="Contacts at this company stay, without a company. A company with applications cannot be "
    "deleted: delete or move its applications first.",
)
CONTACTS = RowPages(
    name="contact",
    form=ContactForm,
    save_with=services.save_contact,
    delete_with=services.delete_contact,
    consequences="Their follow-ups go with them; interactions stay on your timeline without their name.",
)


@login_required
def edit(request, pk, *, pages: RowPages):
    """A valid POST saves the row through its service and goes back to its page; else the form."""
    row = get_owned(pages.model, request.user, pk)
    form = pages.form(request.POST or None, instance=row, owner=request.user)
    back = pages.page(pk)
    if request.method == "POST" and form.is_valid():
        pages.save_with(**{pages.name: form.save(commit=False)})
        messages.success(request, "Saved.")
        return redirect(back)
    return form_page(request, form, title=f"Edit {row}", cancel_url=back)


@login_required
def delete(request, pk, *, pages: RowPages):
    row = get_owned(pages.model, request.user, pk)
    return confirm_delete(
        request,
        row,
        what=str(row),
        consequences=pages.consequences,
        cancel_url=pages.page(pk),
        on_delete=lambda: pages.delete_with(**{pages.name: row}),
        done_url=reverse(f"tracker:{pages.name}_list"),
    )
