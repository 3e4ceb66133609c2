"""CSRF is enforced on every POST the tracker accepts."""

from django.test import Client
from django.urls import reverse

from nextround.tracker.models import FollowUp
from tests.personas import PersonaTestCase, make_application, make_contact


class CsrfTests(PersonaTestCase):
    def test_every_post_without_a_token_is_refused(self):
        application = make_application(self.owner)
        contact = make_contact(self.owner)
        follow_up = FollowUp.objects.create(owner=self.owner, title="Write", due_on="2026-01-05")
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.owner)
        urls = [
            reverse("tracker:application_create"),
            reverse("tracker:application_edit", args=[application.pk]),
            reverse("tracker:application_stage", args=[application.pk]),
            reverse("tracker:application_delete", args=[application.pk]),
            reverse("tracker:application_link_contact", args=[application.pk]),
            reverse("tracker:checklist_add", args=[application.pk]),
            reverse("tracker:company_create"),
            reverse("tracker:contact_create"),
            reverse("tracker:contact_delete", args=[contact.pk]),
            reverse("tracker:interaction_create"),
            reverse("tracker:follow_up_create"),
            reverse("tracker:follow_up_status", args=[follow_up.pk]),
            reverse("settings"),
            reverse("signup"),
            reverse("password_change"),
            reverse("logout"),
        ]
        for url in urls:
            with self.subTest(url):
                self.assertEqual(client.post(url, {"stage": "rejected", "status": "done"}).status_code, 403)
        application.refresh_from_db()
        self.assertEqual(application.stage, "applied")
