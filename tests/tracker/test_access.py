"""Every tracker view: the owner sees it, another user gets 404, an anonymous visitor goes to log in."""

from django.urls import reverse

from nextround.tracker.models import ApplicationContact, ChecklistItem, FollowUp, Interaction
from tests.personas import PersonaTestCase, make_application, make_company, make_contact


class TrackerAccessTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.company = make_company(cls.owner)
        cls.application = make_application(cls.owner, cls.company)
        cls.contact = make_contact(cls.owner, company=cls.company)
        cls.link = ApplicationContact.objects.create(
            owner=cls.owner, application=cls.application, contact=cls.contact, role="recruiter"
        )
        cls.interaction = Interaction.objects.create(
            owner=cls.owner,
            kind="call",
            occurred_at=cls.application.stage_changed_at,
            summary="Screen",
            application=cls.application,
        )
        cls.follow_up = FollowUp.objects.create(owner=cls.owner, title="Call back", due_on="2026-01-05")
        cls.item = ChecklistItem.objects.create(owner=cls.owner, application=cls.application, text="Prepare")

    def test_detail_and_edit_pages_are_the_owners_alone(self):
        a, c, co = self.application.pk, self.contact.pk, self.company.pk
        for name, args in [
            ("tracker:application_detail", [a]),
            ("tracker:application_edit", [a]),
            ("tracker:application_delete", [a]),
            ("tracker:application_stage", [a]),
            ("tracker:application_timeline", [a]),
            ("tracker:company_detail", [co]),
            ("tracker:company_edit", [co]),
            ("tracker:company_delete", [co]),
            ("tracker:contact_detail", [c]),
            ("tracker:contact_edit", [c]),
            ("tracker:contact_delete", [c]),
            ("tracker:interaction_edit", [self.interaction.pk]),
            ("tracker:interaction_delete", [self.interaction.pk]),
            ("tracker:follow_up_edit", [self.follow_up.pk]),
            ("tracker:follow_up_delete", [self.follow_up.pk]),
        ]:
            with self.subTest(name):
                self.assert_owner_only(reverse(name, args=args))

    def test_state_changing_posts_are_the_owners_alone(self):
        a = self.application.pk
        cases = [
            ("tracker:application_stage", [a], {"stage": "screening"}),
            ("tracker:application_link_contact", [a], {"contact": self.contact.pk, "role": "interviewer"}),
            ("tracker:checklist_toggle", [a, self.item.pk], {}),
            ("tracker:checklist_add", [a], {"text": "Research the team"}),
            ("tracker:follow_up_status", [self.follow_up.pk], {"status": "done"}),
            ("tracker:application_unlink_contact", [a, self.link.pk], {}),
        ]
        for name, args, data in cases:
            with self.subTest(name):
                self.assert_owner_only(reverse(name, args=args), method="post", data=data)

    def test_list_pages_show_only_the_users_own_rows(self):
        make_application(self.other, make_company(self.other, "Secret Corp"), role_title="Hidden Role")
        make_contact(self.other, "Hidden Person")
        for name in [
            "tracker:dashboard",
            "tracker:application_list",
            "tracker:board",
            "tracker:contact_list",
            "tracker:company_list",
        ]:
            with self.subTest(name):
                response = self.client.get(reverse(name))
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "Hidden Role")
                self.assertNotContains(response, "Hidden Person")
                self.assertNotContains(response, "Secret Corp")
                anonymous = self.anonymous.get(reverse(name))
                self.assertEqual(anonymous.status_code, 302)

    def test_forms_offer_only_the_users_own_rows(self):
        other_company = make_company(self.other, "Their Company")
        response = self.client.get(reverse("tracker:application_create"))
        self.assertNotContains(response, "Their Company")
        response = self.client.post(
            reverse("tracker:application_create"),
            {
                "company": other_company.pk,
                "role_title": "Sneaky",
                "source": "other",
                "stage": "applied",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Select a valid choice")
        self.assertFalse(other_company.applications.exists())
