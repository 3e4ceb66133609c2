"""Another user gets a 404 for every route that names one of the demo user's rows, and changes nothing."""

import pytest
from django.test import Client

from nextround.demo import load_demo
from nextround.mail.models import MailMessage
from nextround.playbook.models import Plan, PlanStep
from nextround.tracker.models import (
    Application,
    ApplicationContact,
    ChecklistItem,
    Company,
    Contact,
    FollowUp,
    Interaction,
)
from tests.personas import make_user
from tests.test_no_server_errors import routes

# The first path segment names the kind of row the route's first id is.
FIRST_ID = {
    "applications": Application,
    "companies": Company,
    "contacts": Contact,
    "interactions": Interaction,
    "follow-ups": FollowUp,
    "plans": Plan,
    "plan-steps": PlanStep,
    "mail": MailMessage,  # mail/messages/<id>/...: the demo's letters waiting on the Mail page
}
# A second id in an application's route.
SECOND_ID = {"contacts": ApplicationContact, "checklist": ChecklistItem}


def owned_path(route: str, owner) -> str | None:
    parts = route.split("/")
    ids = [i for i, part in enumerate(parts) if part.startswith("<int:")]
    if not ids or parts[0] not in FIRST_ID:
        return None
    first = FIRST_ID[parts[0]].objects.filter(owner=owner).order_by("pk").first()
    parts[ids[0]] = str(first.pk)
    if len(ids) > 1:
        model = SECOND_ID[parts[ids[1] - 1]]
        second = model.objects.filter(owner=owner, application=first).order_by("pk").first()
        if second is None:
            return None
        parts[ids[1]] = str(second.pk)
    return "/" + "/".join(parts)


@pytest.mark.django_db
def test_another_user_gets_404_everywhere_and_changes_nothing():
    load_demo()
    demo = Application.objects.first().owner
    ChecklistItem.objects.get_or_create(
        owner=demo, application=Application.objects.filter(owner=demo).order_by("pk").first(), text="Prepare"
    )
    client = Client()
    client.force_login(make_user("intruder"))
    before = [
        model.objects.filter(owner=demo).count()
        for model in (Application, Contact, FollowUp, PlanStep, MailMessage)
    ]
    reviews = list(MailMessage.objects.filter(owner=demo).values_list("review", flat=True).order_by("pk"))
    stages = list(Application.objects.filter(owner=demo).values_list("stage", flat=True).order_by("pk"))
    checked, mail_routes = 0, 0
    for route, _converters in routes():
        path = owned_path(route, demo)
        if path is None:
            continue
        assert client.get(path).status_code in (404, 405), f"GET {path}"
        response = client.post(path, {"stage": "withdrawn", "status": "done", "text": "mine now"})
        assert response.status_code == 404, f"POST {path} -> {response.status_code}"
        checked += 1
        mail_routes += route.startswith("mail/")
    assert checked >= 25
    assert mail_routes >= 4  # the message, accept, dismiss and undo
    assert [
        model.objects.filter(owner=demo).count()
        for model in (Application, Contact, FollowUp, PlanStep, MailMessage)
    ] == before
    assert list(MailMessage.objects.filter(owner=demo).values_list("review", flat=True).order_by("pk")) == (
        reviews
    )
    assert (
        list(Application.objects.filter(owner=demo).values_list("stage", flat=True).order_by("pk")) == stages
    )
