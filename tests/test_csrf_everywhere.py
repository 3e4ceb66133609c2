"""CSRF is enforced on every POST of every route; only the JSON checker API (no state, no user) is exempt."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from nextround.demo import load_demo
from tests.test_no_server_errors import fill, routes

EXEMPT = {"/api/check"}


@pytest.mark.django_db
def test_every_post_without_a_token_is_refused():
    load_demo()
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="demo"))
    anonymous = Client(enforce_csrf_checks=True)
    checked = 0
    for route, converters in routes():
        path = fill(route, converters, 1)
        for who in (client, anonymous):
            response = who.post(path, {"stage": "rejected", "status": "done", "text": "hi"})
            if path in EXEMPT:
                assert response.status_code != 403, path
            else:
                assert response.status_code == 403, (
                    f"POST {path} without a CSRF token -> {response.status_code}"
                )
                checked += 1
    assert checked > 100
