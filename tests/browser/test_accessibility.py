"""axe-core on every page, at desktop and phone sizes: no serious or critical violation may land.

Each viewport's walk of every page a person can open (the demo search fills them) comes in two halves,
so that `make test`'s parallel workers can share it. `test_the_walk_covers_every_page` keeps the list
honest: a new page must be added here.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from nextround.demo import DEMO_USERNAME, load_demo
from nextround.mail.models import MailMessage
from nextround.playbook.models import Plan, PlanStep
from nextround.playbook.services import set_step_status
from nextround.tracker.models import Application, Company, Contact, FollowUp, Interaction, Stage
from nextround.transfer import jobs, uploads
from tests.browser.conftest import assert_no_csp_violation, watched_context

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKING = {"serious", "critical"}

# Routes that are not pages: they answer a form, a fragment, a file or a feed.
NOT_PAGES = {
    "healthz",
    "favicon",
    "logout",
    "tracker:application_stage",  # its page (no JavaScript) is walked below as well, by path
    "tracker:application_timeline",
    "tracker:contact_search",
    "tracker:application_link_contact",
    "tracker:application_unlink_contact",
    "tracker:checklist_add",
    "tracker:checklist_toggle",
    "tracker:follow_up_status",
    "playbook:plan_refresh",
    "playbook:plan_upset",
    "playbook:plan_reflection",
    "playbook:step_status",
    "playbook:step_draft",
    "playbook:step_log",
    "playbook:calendar_feed",
    "checker:inline",
    "checker:api_check",
    "insights:mark_ghosted",
    "transfer:linkedin",
    "transfer:restore",
    "transfer:csv_upload",
    "transfer:csv_discard",
    "transfer:same_company",
    "mail:paste",
    "mail:upload",
    "mail:accept",
    "mail:accept_all",
    "mail:dismiss",
    "mail:undo",
    "mail:sync",
    "mail:remove_mailbox",
    "transfer:export_json",
    "transfer:export_csv",
}
ANONYMOUS = ["login", "signup", "checker:check"]


def route_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from route_names(entry, f"{entry.namespace}:" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace + entry.name


def pages(user) -> dict[str, str]:
    """Every page of the demo search: URL name -> a path that shows it with real rows."""
    application = Application.objects.filter(owner=user, stage=Stage.INTERVIEWING).first()
    rejected = Plan.objects.filter(owner=user).select_related("application").first().application
    # A finished step with a draft: its text and live check must keep their contrast.
    drafted = PlanStep.objects.filter(plan__application=rejected, status="todo").exclude(generated_draft="")
    set_step_status(step=drafted.first(), status="done")
    company = Company.objects.filter(owner=user).first()
    contact = Contact.objects.filter(owner=user).exclude(application_links=None).first()
    follow_up = FollowUp.objects.filter(owner=user).first()
    interaction = Interaction.objects.filter(owner=user).first()
    sheet = b"Company,Role,Status,Applied\nGlobex,Data Engineer,Interviewing,2026-01-05\n"
    upload = uploads.keep(owner=user, uploaded_file=SimpleUploadedFile("applications.csv", sheet))
    client = Client()
    client.force_login(user)
    mapping = {"column_0": "company", "column_1": "role_title", "column_2": "stage", "column_3": "applied_on"}
    client.post(reverse("transfer:csv_map", args=[upload.pk]), {**mapping, "date_format": "%Y-%m-%d"})

    letter = (
        "From: Lisa Grant <careers@globex.example>\nSubject: Your application for Data Engineer at Globex\n\n"
        "Dear Alex,\n\nThank you for applying for the Data Engineer role at Globex. After careful review we "
        "have decided to move forward with other candidates.\n\nBest regards,\nLisa Grant, Globex"
    )
    client.post(reverse("mail:paste"), {"text": letter})
    mail = MailMessage.objects.filter(owner=user).first()
    job = jobs.start(owner=user, label="Importing applications.csv", work=lambda progress: [])

    def url(name, *args):
        return reverse(name, args=args)

    return {
        "tracker:dashboard": url("tracker:dashboard"),
        "tracker:application_list": url("tracker:application_list"),
        "tracker:board": url("tracker:board"),
        "tracker:application_create": url("tracker:application_create"),
        "tracker:application_detail": url("tracker:application_detail", application.pk),
        "rejected application": url("tracker:application_detail", rejected.pk),
        "tracker:application_edit": url("tracker:application_edit", application.pk),
        "tracker:application_delete": url("tracker:application_delete", application.pk),
        "stage page": url("tracker:application_stage", application.pk),
        "tracker:application_add_person": url("tracker:application_add_person", application.pk),
        "tracker:company_list": url("tracker:company_list"),
        "tracker:company_create": url("tracker:company_create"),
        "tracker:company_detail": url("tracker:company_detail", company.pk),
        "tracker:company_edit": url("tracker:company_edit", company.pk),
        "tracker:company_delete": url("tracker:company_delete", company.pk),
        "tracker:contact_list": url("tracker:contact_list"),
        "tracker:contact_create": url("tracker:contact_create"),
        "tracker:contact_detail": url("tracker:contact_detail", contact.pk),
        "tracker:contact_edit": url("tracker:contact_edit", contact.pk),
        "tracker:contact_delete": url("tracker:contact_delete", contact.pk),
        "tracker:interaction_create": url("tracker:interaction_create"),
        "tracker:interaction_edit": url("tracker:interaction_edit", interaction.pk),
        "tracker:interaction_delete": url("tracker:interaction_delete", interaction.pk),
        "tracker:follow_up_list": url("tracker:follow_up_list"),
        "tracker:follow_up_create": url("tracker:follow_up_create"),
        "tracker:follow_up_edit": url("tracker:follow_up_edit", follow_up.pk),
        "tracker:follow_up_delete": url("tracker:follow_up_delete", follow_up.pk),
        "playbook:plan": url("playbook:plan", rejected.pk),
        "plan not started": url("playbook:plan", application.pk),
        "insights:index": url("insights:index"),
        "checker:check": url("checker:check"),
        "transfer:index": url("transfer:index"),
        "transfer:csv_map": url("transfer:csv_map", upload.pk),
        "transfer:csv_stages": url("transfer:csv_stages", upload.pk),
        "transfer:csv_preview": url("transfer:csv_preview", upload.pk),
        "transfer:job": url("transfer:job", job.id),
        "mail:index": url("mail:index"),
        "mail:message": url("mail:message", mail.pk),
        "mail:mailbox": url("mail:mailbox"),
        "settings": url("settings"),
        "password_change": url("password_change"),
        "password_change_done": url("password_change_done"),
        "page not found": "/no-such-page/",
    }


def test_the_walk_covers_every_page(db):
    load_demo()
    walked = set(pages(get_user_model().objects.get(username=DEMO_USERNAME))) | set(ANONYMOUS)
    missing = set(route_names()) - walked - NOT_PAGES
    assert not missing, f"add these pages to the accessibility walk: {sorted(missing)}"


def blocking_violations(page, axe: Axe) -> list[str]:
    page.wait_for_load_state("networkidle")  # htmx fragments (live checks) are part of the page
    results = axe.run(page)
    unnamed = page.locator("option", has_text="---------").count()
    return [f"{unnamed} empty choice(s) still say “---------”"] * bool(unnamed) + [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("half", [0, 1])
@pytest.mark.parametrize("size", VIEWPORTS)
def test_no_serious_or_critical_violation_on_any_page(live_server, browser, size, half):
    load_demo()
    user = get_user_model().objects.get(username=DEMO_USERNAME)
    paths = pages(user)
    names = list(paths)
    middle = len(names) // 2
    walked = names[:middle] if half == 0 else names[middle:]
    axe = Axe()
    found = {}

    context = watched_context(browser, viewport=VIEWPORTS[size], timezone_id="Europe/Berlin")
    page = context.new_page()
    for name in ANONYMOUS if half == 0 else []:
        page.goto(live_server.url + reverse(name))
        found[f"{name} (signed out)"] = blocking_violations(page, axe)

    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    for name in walked:
        response = page.goto(live_server.url + paths[name])
        assert response.status < 500, f"{name}: {paths[name]} answered {response.status}"
        found[name] = blocking_violations(page, axe)
    if size == "phone" and half == 1:  # the folded navigation, open
        page.goto(live_server.url + paths["tracker:dashboard"])
        page.get_by_role("button", name="Menu").click()
        found["navigation menu"] = blocking_violations(page, axe)
    assert_no_csp_violation(context)
    context.close()

    failures = {name: lines for name, lines in found.items() if lines}
    assert not failures, "\n".join(f"{name}: {line}" for name, lines in failures.items() for line in lines)
