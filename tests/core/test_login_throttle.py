"""Login throttling: wrong passwords pause logging in for the account and for the address (django-axes)."""

import datetime as dt

import pytest
import time_machine
from django.test import Client

from tests.personas import make_user

PASSWORD = "a-long-test-password"
START = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def attempt(username, password, *, address="10.0.0.1", **headers):
    client = Client(REMOTE_ADDR=address)
    return client.post("/accounts/login/", {"username": username, "password": password}, headers=headers)


@pytest.mark.django_db
def test_wrong_passwords_pause_the_account_even_for_the_right_one_then_it_opens_again():
    make_user("alex")
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(4):
            assert attempt("alex", "wrong-guess").status_code == 200  # the form again, with its error
        assert attempt("alex", "wrong-guess").status_code == 429  # the fifth pauses the account
        refused = attempt("alex", PASSWORD, address="10.0.0.2")
        assert refused.status_code == 429
        assert refused["Retry-After"] == str(15 * 60)
        text = refused.content.decode()
        assert "Logging in is paused" in text
        assert "15 minutes" in text
        assert "nextround manage axes_reset" in text
        assert "_auth_user_id" not in refused.client.session
        clock.shift(dt.timedelta(minutes=16))
        welcome = attempt("alex", PASSWORD, address="10.0.0.2")
        assert welcome.status_code == 302
        assert welcome["Location"] == "/"


@pytest.mark.django_db
def test_guessing_many_accounts_from_one_address_pauses_that_address_only():
    make_user("sam")
    with time_machine.travel(START, tick=False):
        for number in range(5):
            attempt(f"nobody{number}", "guess", address="10.0.0.9")
        assert attempt("sam", PASSWORD, address="10.0.0.9").status_code == 429
        assert attempt("sam", PASSWORD, address="10.0.0.10").status_code == 302


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_does_not_escape_the_pause():
    make_user("kim")
    with time_machine.travel(START, tick=False):
        for number in range(5):
            attempt(f"nobody{number}", "guess", address="10.0.0.7", x_forwarded_for=f"192.0.2.{number}")
        refused = attempt("kim", PASSWORD, address="10.0.0.7", x_forwarded_for="198.51.100.1")
        assert refused.status_code == 429


@pytest.mark.django_db
def test_a_right_password_clears_earlier_mistakes():
    make_user("lee")
    with time_machine.travel(START, tick=False):
        for _ in range(4):
            attempt("lee", "wrong")
        assert attempt("lee", PASSWORD).status_code == 302
        for _ in range(4):
            attempt("lee", "wrong")
        assert attempt("lee", PASSWORD).status_code == 302
