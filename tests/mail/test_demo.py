"""The demo has letters waiting on the Mail page, matched to its applications, and nothing accepted."""

from django.contrib.auth import get_user_model
from django.test import TestCase

from nextround.demo import load_demo
from nextround.mail.models import MailMessage


class MailDemoTests(TestCase):
    def test_the_demo_has_letters_to_review(self):
        load_demo()
        demo = get_user_model().objects.get(username="demo")
        letters = MailMessage.objects.filter(owner=demo).select_related("application")
        self.assertEqual(
            {(m.kind, m.application.role_title if m.application else None, m.review) for m in letters},
            {
                ("application_received", "Threat Intelligence Analyst", "pending"),
                ("rejection", "Supply Chain Analyst", "pending"),
                ("interview_invitation", "Category Analyst", "pending"),
            },
        )
        self.client.force_login(demo)
        response = self.client.get("/mail/")
        self.assertContains(response, "Your application: Supply Chain Analyst")
        self.assertContains(response, "Move it to Rejected on")
