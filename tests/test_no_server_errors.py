"""Bad input never gives a server error: every route, with real and unknown ids, empty and junk data."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from nextround.demo import load_demo
from nextround.playbook.models import Plan, PlanStep
from nextround.tracker.models import Application, Contact, FollowUp, Interaction

JUNK = {
    "stage": "hired!",
    "status": "maybe",
    "outcome": "???",
    "tags": ["nope"],
    "text": "x" * 30000,
    "title": "",
    "due_on": "31/02/2026",
    "changed_at": "yesterday-ish",
    "occurred_at": "soon",
    "contact": "abc",
    "contacts": ["-1"],
    "application": "9999999",
    "until": "never",
    "period": "forever",
    "from": "<script>",
    "q": "' OR 1=1 --",
    "page": "-3",
    "audience": "aliens",
    "action": "explode",
    "role": "boss",
    "kind": "pigeon",
    "company": "0",
    "name": "",
    "upset": "perhaps",
    "field_name": "../x",
}


def routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.pattern.converters


def fill(route: str, converters: dict, value) -> str:
    # A regex route ("^export/(?P<what>applications|contacts)\\.csv$") takes its first alternative.
    path = re.sub(r"\(\?P<\w+>([^|)]+)[^)]*\)", r"\1", route).replace("\\", "")
    for name, converter in converters.items():
        kind = type(converter).__name__
        placeholder = f"<{'int' if kind == 'IntConverter' else 'str'}:{name}>"
        path = path.replace(placeholder, str(value))
    return "/" + path.lstrip("^").rstrip("$")


@pytest.mark.django_db
def test_no_route_answers_500_to_real_unknown_or_junk_input():
    load_demo()
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="demo"))
    ids = sorted(
        {
            Application.objects.order_by("pk").first().pk,
            Contact.objects.order_by("pk").first().pk,
            FollowUp.objects.order_by("pk").first().pk,
            Interaction.objects.order_by("pk").first().pk,
            Plan.objects.order_by("pk").first().pk,
            PlanStep.objects.order_by("pk").first().pk,
            987654,
        }
    )
    tried = 0
    for route, converters in routes():
        if "logout" in route or "delete" in route:
            continue  # they work; they would only end the session or remove the rows the rest needs
        for value in ids if converters else [None]:
            path = fill(route, converters, value)
            for method, data in (("get", {}), ("get", JUNK), ("post", {}), ("post", JUNK)):
                response = getattr(client, method)(path, data)
                tried += 1
                assert response.status_code < 500, f"{method.upper()} {path} -> {response.status_code}"
            for htmx in (True,):
                response = client.post(path, JUNK, headers={"HX-Request": "true"} if htmx else {})
                assert response.status_code < 500, f"htmx POST {path} -> {response.status_code}"
    assert tried > 200
