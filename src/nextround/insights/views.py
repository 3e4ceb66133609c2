from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from nextround.core.access import owned
from nextround.insights import queries, services
from nextround.insights.forms import PeriodForm, describe
from nextround.tracker.models import Application


@login_required
@require_GET
def index(request):
    today = timezone.localdate()  # the middleware activated the user's time zone
    form = PeriodForm(request.GET or None)
    period = form.chosen_period(today)
    context = {
        "form": form,
        "period_text": describe(period),
        "insights": queries.insights_for(request.user, period, today),
    }
    template = "insights/_insights.html" if request.htmx else "insights/index.html"
    return render(request, template, context, status=422 if form.errors else 200)


def selected_applications(request) -> list[Application]:
    """The applications ticked on the page; any id that is not the user's own is a 404, not a partial act."""
    try:
        ids = sorted({int(value) for value in request.POST.getlist("application")})
    except ValueError:
        raise Http404("No such application.") from None
    found = list(owned(Application, request.user).filter(pk__in=ids).select_related("company"))
    if len(found) != len(ids):
        raise Http404("No such application.")
    return found


@login_required
@require_POST
def mark_ghosted(request):
    applications = selected_applications(request)
    if not applications:
        messages.error(request, "Tick at least one application to mark as no answer.")
        return redirect("insights:index")
    if request.POST.get("confirm") != "yes":
        return render(request, "insights/confirm_ghosted.html", {"applications": applications})
    marked = services.mark_ghosted(applications=applications)
    if marked:
        count = len(marked)
        messages.success(
            request,
            f"Marked {count} application{'s' if count != 1 else ''} as no answer. Each "
            "one now has a short plan on its page: a polite check-in, then moving on.",
        )
    else:
        messages.error(request, "Those applications have already moved on, so nothing changed.")
    return redirect("insights:index")
