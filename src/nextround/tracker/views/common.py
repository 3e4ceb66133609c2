"""Helpers shared by the tracker's views: rendering a form page and the delete confirmation."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from nextround.core.errors import Refused

PAGE_SIZE = 25


def form_page(
    request, form, *, title: str, cancel_url: str, submit: str = "Save", intro: str = "", status: int = 200
):
    return render(
        request,
        "tracker/form.html",
        {
            "form": form,
            "title": title,
            "cancel_url": cancel_url,
            "submit": submit,
            "intro": intro,
        },
        status=status,
    )


def confirm_delete(
    request, obj, *, what: str, on_delete, cancel_url: str, done_url: str = "", consequences: str = ""
):
    """GET shows what will go; POST deletes, unless `on_delete` refuses (the page then says why), and goes
    to `done_url` (by default back where the user came from)."""
    error = ""
    if request.method == "POST":
        try:
            on_delete()
        except Refused as exc:
            error = str(exc)
        else:
            messages.success(request, f"Deleted {what}.")
            return redirect(done_url or cancel_url)
    return render(
        request,
        "tracker/confirm_delete.html",
        {
            "object": obj,
            "what": what,
            "consequences": consequences,
            "cancel_url": cancel_url,
            "error": error,
        },
        status=409 if error else 200,
    )


def paginate(request, queryset):
    paginator = Paginator(queryset, PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
