"""List pages make the same number of queries for 5 rows as for 50."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nextround.tracker.models import ApplicationContact, FollowUp, Interaction
from tests.personas import PersonaTestCase, make_application, make_company, make_contact


class QueryCountTests(PersonaTestCase):
    def fill(self, n: int) -> None:
        company = make_company(self.owner, f"Company {n}")
        for i in range(n):
            application = make_application(
                self.owner,
                company,
                role_title=f"Role {i}",
                stage=["applied", "rejected", "interviewing"][i % 3],
            )
            contact = make_contact(
                self.owner, f"Person {n}-{i}", company=company, keep_in_touch=True, keep_in_touch_days=7
            )
            ApplicationContact.objects.create(
                owner=self.owner, application=application, contact=contact, role="interviewer"
            )
            interaction = Interaction.objects.create(
                owner=self.owner,
                kind="call",
                summary="Hi",
                occurred_at=application.stage_changed_at,
                application=application,
            )
            interaction.contacts.add(contact)
            FollowUp.objects.create(
                owner=self.owner,
                title=f"Do {i}",
                due_on="2026-01-01",
                application=application,
                contact=contact,
            )
            FollowUp.objects.create(
                owner=self.owner,
                title=f"Keep in touch {i}",
                due_on="2026-01-01",
                contact=contact,
                origin="keep_in_touch",
            )

    def count_queries(self, url: str) -> int:
        with CaptureQueriesContext(connection) as context:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(context.captured_queries)

    def test_list_pages_make_a_constant_number_of_queries(self):
        urls = [
            reverse(name)
            for name in [
                "tracker:dashboard",
                "tracker:application_list",
                "tracker:board",
                "tracker:contact_list",
                "tracker:company_list",
                "tracker:follow_up_list",
            ]
        ]
        self.fill(5)
        small = {url: self.count_queries(url) for url in urls}
        self.fill(45)
        for url in urls:
            with self.subTest(url):
                self.assertEqual(self.count_queries(url), small[url])

    def test_application_detail_makes_a_constant_number_of_queries(self):
        self.fill(5)
        application = make_application(self.owner)
        url = reverse("tracker:application_detail", args=[application.pk])
        for i in range(21):
            if i == 1:
                before = self.count_queries(url)
            contact = make_contact(self.owner, f"Extra {i}")
            ApplicationContact.objects.create(
                owner=self.owner, application=application, contact=contact, role="other"
            )
            interaction = Interaction.objects.create(
                owner=self.owner,
                kind="email",
                summary="x",
                occurred_at=application.stage_changed_at,
                application=application,
            )
            interaction.contacts.add(contact)
        self.assertEqual(self.count_queries(url), before)
