"""Test personas: the owner, another user (sees 404s), and an anonymous visitor (goes to log in).

Use `PersonaTestCase` and its helpers for every view:
    self.assert_owner_only(url)             GET: owner 200, other user 404, anonymous -> login
    self.assert_owner_only(url, method="post", data={...})
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.test import Client, TestCase
from django.utils import timezone

from nextround.core.services import create_user
from nextround.tracker import services
from nextround.tracker.models import Application, Company, Contact
from nextround.tracker.vocabulary import Stage


def make_user(username: str, *, full_name: str = "", time_zone: str = "UTC"):
    user = get_user_model()(username=username, email=f"{username}@example.com")
    user.set_password("a-long-test-password")
    return create_user(user=user, full_name=full_name, time_zone=time_zone)


def make_company(owner, name="Acme Analytics", **fields) -> Company:
    return services.save_company(company=Company(owner=owner, name=name, **fields))


def make_application(
    owner, company=None, *, role_title="Data Analyst", stage=Stage.APPLIED, at=None, **fields
) -> Application:
    company = company or Company.objects.filter(owner=owner).first() or make_company(owner)
    application = Application(owner=owner, company=company, role_title=role_title, stage=stage, **fields)
    return services.create_application(
        application=application, at=at or timezone.now() - dt.timedelta(days=1)
    )


def make_contact(owner, name="Jo Recruiter", **fields) -> Contact:
    return services.save_contact(contact=Contact(owner=owner, name=name, **fields))


class PersonaTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.owner = make_user("owner", full_name="Olive Owner")
        cls.other = make_user("other", full_name="Otto Other")

    def setUp(self):
        self.client = Client(enforce_csrf_checks=False)
        self.client.force_login(self.owner)
        self.other_client = Client()
        self.other_client.force_login(self.other)
        self.anonymous = Client()

    def assert_owner_only(
        self, url: str, *, method: str = "get", data: dict | None = None, owner_status=None
    ):
        """Owner gets `owner_status` (GET 200, POST 200/302); others 404; anonymous the login page."""
        other = getattr(self.other_client, method)(url, data or {})
        self.assertEqual(other.status_code, 404, f"another user must get 404 for {method.upper()} {url}")
        anonymous = getattr(self.anonymous, method)(url, data or {})
        self.assertEqual(anonymous.status_code, 302, f"anonymous must be sent to log in for {url}")
        self.assertIn("/accounts/login/", anonymous["Location"])
        response = getattr(self.client, method)(url, data or {})
        expected = owner_status or ((200,) if method == "get" else (200, 302))
        expected = expected if isinstance(expected, tuple) else (expected,)
        self.assertIn(response.status_code, expected, f"owner got {response.status_code} for {url}")
        return response
