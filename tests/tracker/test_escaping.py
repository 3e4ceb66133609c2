from django.urls import reverse

from nextround.tracker.models import Interaction
from tests.personas import PersonaTestCase, make_application, make_company, make_contact

NASTY = [
    '<script>alert("x")</script>',
    'O\'Brien & "Sons"',
    "Café 🚀 réussi",
    "شركة الأفق",  # right-to-left
]


class EscapingTests(PersonaTestCase):
    def test_what_a_user_typed_is_shown_escaped_and_exactly_as_typed(self):
        for text in NASTY:
            with self.subTest(text):
                company = make_company(self.owner, text)
                application = make_application(self.owner, company, role_title=text, notes=text)
                contact = make_contact(self.owner, text, company=company)
                Interaction.objects.create(
                    owner=self.owner,
                    kind="note",
                    occurred_at=application.stage_changed_at,
                    summary=text,
                    application=application,
                )
                for url in [
                    reverse("tracker:application_detail", args=[application.pk]),
                    reverse("tracker:application_list"),
                    reverse("tracker:board"),
                    reverse("tracker:contact_detail", args=[contact.pk]),
                    reverse("tracker:company_detail", args=[company.pk]),
                ]:
                    response = self.client.get(url)
                    body = response.content.decode()
                    self.assertNotIn("<script>alert", body)
                    self.assertContains(
                        response,
                        text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace('"', "&quot;")
                        .replace("'", "&#x27;"),
                    )
