import datetime as dt
import re

import time_machine
from django.urls import reverse
from django.utils import timezone

from nextround.tracker import queries
from nextround.tracker.models import Application, ApplicationContact, Company, StageChange
from nextround.tracker.vocabulary import Stage
from tests.personas import PersonaTestCase, make_application, make_company, make_contact

NOW = "2026-11-20 15:00 +0000"


@time_machine.travel(NOW, tick=False)
class ApplicationFormTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.company = make_company(self.owner, "Northwind")

    def post_new(self, **overrides):
        data = {
            "company": self.company.pk,
            "role_title": "Analyst",
            "source": "job_board",
            "stage": "applied",
            "applied_on": "2026-11-18",
        }
        data.update(overrides)
        return self.client.post(reverse("tracker:application_create"), data)

    def test_adding_an_application_records_its_first_stage(self):
        response = self.post_new()
        application = Application.objects.get(owner=self.owner)
        self.assertRedirects(response, reverse("tracker:application_detail", args=[application.pk]))
        self.assertEqual(application.applied_on, dt.date(2026, 11, 18))
        change = application.stage_changes.get()
        self.assertEqual((change.from_stage, change.to_stage), ("", "applied"))

    def test_invalid_input_shows_the_error_by_the_field_and_saves_nothing(self):
        cases = {
            "role_title": ({"role_title": ""}, "This field is required."),
            "company": ({"company": ""}, "Pick a company, or type the name of a new one."),
            "company (not yours)": ({"company": "987654"}, "Select a valid choice"),
            "new company (long)": ({"company": "", "new_company": "x" * 201}, "at most 200 characters"),
            "applied_on (future)": ({"applied_on": "2026-12-01"}, "This date is in the future"),
            "applied_on (type)": ({"applied_on": "last tuesday"}, "Enter a valid date."),
            "salary_min (type)": ({"salary_min": "lots"}, "Enter a whole number."),
            "salary range": (
                {"salary_min": "90000", "salary_max": "50000"},
                "The lowest salary must not be above",
            ),
            "role_title (long)": ({"role_title": "x" * 201}, "at most 200 characters"),
            "posting_url": ({"posting_url": "not a url"}, "Enter a valid URL."),
            "salary_currency": ({"salary_currency": "E1"}, "three-letter currency code"),
            "stage": ({"stage": "hired"}, "Select a valid choice"),
        }
        for label, (overrides, message) in cases.items():
            with self.subTest(label):
                response = self.post_new(**overrides)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
                self.assertContains(response, 'class="errorlist')
        self.assertFalse(Application.objects.exists())

    def test_a_new_company_is_added_with_the_application(self):
        self.company.delete()
        response = self.client.get(reverse("tracker:application_create"))
        self.assertContains(response, "Start with the company: type its name")
        self.assertContains(response, 'data-picker="company" data-create-field="new_company"')
        response = self.post_new(company="", new_company="  Initech  ")
        application = Application.objects.get(owner=self.owner)
        self.assertRedirects(response, reverse("tracker:application_detail", args=[application.pk]))
        self.assertEqual((application.company.name, application.company.owner), ("Initech", self.owner))

    def test_a_company_typed_with_another_case_is_the_one_you_have(self):
        self.post_new(company="new:NORTHWIND", new_company="NORTHWIND")
        self.assertEqual(Application.objects.get().company, self.company)
        self.assertEqual(Company.objects.filter(owner=self.owner).count(), 1)

    def test_editing_keeps_the_stage_history(self):
        application = make_application(self.owner, self.company)
        response = self.client.post(
            reverse("tracker:application_edit", args=[application.pk]),
            {
                "company": self.company.pk,
                "role_title": "Senior Analyst",
                "source": "referral",
            },
        )
        self.assertEqual(response.status_code, 302)
        application.refresh_from_db()
        self.assertEqual(application.role_title, "Senior Analyst")
        self.assertEqual(application.stage_changes.count(), 1)


@time_machine.travel(NOW, tick=False)
class StageChangeTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.application = make_application(self.owner, at=timezone.now() - dt.timedelta(days=20))
        self.recruiter = make_contact(self.owner, "Hannah Recruiter", company=self.application.company)
        self.url = reverse("tracker:application_stage", args=[self.application.pk])

    def test_a_backdated_rejection_keeps_what_was_said_and_who_said_it(self):
        response = self.client.post(
            self.url,
            {
                "stage": "rejected",
                "changed_at": "2026-11-17T09:30",
                "what_was_said": "We went with someone else.",
                "told_by": self.recruiter.pk,
                "told_via": "phone",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.REJECTED)
        change = self.application.stage_changes.first()
        self.assertEqual(change.changed_at, dt.datetime(2026, 11, 17, 9, 30, tzinfo=dt.UTC))
        self.assertEqual(change.what_was_said, "We went with someone else.")
        self.assertEqual(change.told_by, self.recruiter)
        self.assertEqual(change.from_stage, "applied")
        detail = self.client.get(reverse("tracker:application_detail", args=[self.application.pk]))
        self.assertContains(detail, "We went with someone else.")
        self.assertContains(detail, "told by")

    def test_a_stage_change_in_the_future_is_refused(self):
        response = self.client.post(self.url, {"stage": "rejected", "changed_at": "2026-12-24T09:00"})
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "in the future", status_code=422)
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, "applied")

    def test_a_backdated_move_before_a_newer_one_does_not_override_the_current_stage(self):
        self.client.post(self.url, {"stage": "interviewing"})
        self.client.post(self.url, {"stage": "screening", "changed_at": "2026-11-05T10:00"})
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, "interviewing")
        self.assertEqual(
            list(self.application.stage_changes.order_by("changed_at").values_list("to_stage", flat=True)),
            ["applied", "screening", "interviewing"],
        )

    def test_htmx_gets_the_stage_panel_fragment(self):
        response = self.client.post(self.url, {"stage": "screening"}, headers={"HX-Request": "true"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'id="stage-panel"')
        self.assertNotContains(response, "<html")
        self.assertEqual(response["HX-Trigger"], "timeline-changed")

    def test_the_board_moves_a_card_with_or_without_javascript(self):
        response = self.client.post(
            self.url, {"stage": "screening", "from": "board"}, headers={"HX-Request": "true"}
        )
        self.assertContains(response, f'id="card-{self.application.pk}"')
        self.assertContains(response, "Moved to Screening")
        response = self.client.post(self.url, {"stage": "interviewing", "from": "board"})
        self.assertRedirects(response, reverse("tracker:board"))
        self.assertEqual(StageChange.objects.filter(application=self.application).count(), 3)

    def test_the_told_by_choice_offers_only_the_users_own_contacts(self):
        stranger = make_contact(self.other, "Stranger Danger")
        response = self.client.post(self.url, {"stage": "rejected", "told_by": stranger.pk})
        self.assertContains(response, "Select a valid choice", status_code=422)
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, "applied")


class CompanyDeleteTests(PersonaTestCase):
    def test_a_company_with_applications_is_not_deleted(self):
        company = make_company(self.owner, "Keepme")
        make_application(self.owner, company)
        response = self.client.post(reverse("tracker:company_delete", args=[company.pk]))
        self.assertContains(response, "still has 1 application", status_code=409)
        self.assertTrue(company.applications.exists())

    def test_a_company_without_applications_is_deleted_after_confirmation(self):
        company = make_company(self.owner, "Goner")
        contact = make_contact(self.owner, company=company)
        page = self.client.get(reverse("tracker:company_delete", args=[company.pk]))
        self.assertContains(page, "Yes, delete")
        response = self.client.post(reverse("tracker:company_delete", args=[company.pk]))
        self.assertRedirects(response, reverse("tracker:company_list"))
        contact.refresh_from_db()
        self.assertIsNone(contact.company)

    def test_company_names_are_unique_per_user_whatever_the_case(self):
        make_company(self.owner, "Northwind")
        response = self.client.post(reverse("tracker:company_create"), {"name": "NORTHWIND"})
        self.assertContains(response, "already have a company with this name")
        response = self.other_client.post(reverse("tracker:company_create"), {"name": "Northwind"})
        self.assertEqual(response.status_code, 302)


class ListTests(PersonaTestCase):
    def test_search_filter_and_pagination(self):
        company = make_company(self.owner, "Globex")
        for i in range(30):
            make_application(
                self.owner, company, role_title=f"Role {i:02d}", stage="rejected" if i % 2 else "applied"
            )
        response = self.client.get(reverse("tracker:application_list"), {"stage": "rejected"})
        self.assertContains(response, "15 applications")
        response = self.client.get(reverse("tracker:application_list"), {"q": "Role 07"})
        self.assertContains(response, "1 application")
        page2 = self.client.get(reverse("tracker:application_list"), {"page": 2})
        self.assertContains(page2, "Page 2 of 2")
        htmx = self.client.get(
            reverse("tracker:application_list"), {"q": "globex"}, headers={"HX-Request": "true"}
        )
        self.assertNotContains(htmx, "<html")
        self.assertContains(htmx, "30 applications")

    def test_empty_states_say_what_to_do_next(self):
        for name, text in [
            ("tracker:application_list", "No applications yet"),
            ("tracker:contact_list", "No contacts yet"),
            ("tracker:company_list", "No companies yet"),
            ("tracker:dashboard", "No applications yet"),
        ]:
            with self.subTest(name):
                self.assertContains(self.client.get(reverse(name)), text)


class ContactPickerTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.company = make_company(self.owner, "Bluefin Robotics")
        self.application = make_application(self.owner, self.company)
        self.url = reverse("tracker:application_detail", args=[self.application.pk])

    def options(self, response) -> list[str]:
        form = re.search(r'name="contact"[^>]*>(.*?)</select>', response.content.decode(), re.S).group(1)
        return re.findall(r'<option value="\d+"[^>]*>([^<]*)</option>', form)

    def test_offers_the_companys_people_and_the_most_recent_others_and_says_so(self):
        oldest = make_contact(self.owner, "Aaron Oldest")
        # Added before the recent ones, but at the application's company: offered all the same.
        colleague = make_contact(self.owner, "Zelda At Bluefin", company=self.company)
        for i in range(queries.CONTACT_OPTIONS):
            make_contact(self.owner, f"Recent {i:03d}")
        make_contact(self.other, "Not Yours")
        response = self.assert_owner_only(self.url)
        shown = self.options(response)
        self.assertIn(colleague.name, shown)
        self.assertNotIn(oldest.name, shown)
        self.assertNotIn("Not Yours", shown)
        self.assertEqual(len(shown), queries.CONTACT_OPTIONS + 1)
        self.assertEqual(shown, sorted(shown, key=str.lower))
        self.assertContains(response, "most recently added contacts")

    def test_a_search_finds_someone_outside_the_list_and_linking_them_works(self):
        oldest = make_contact(self.owner, "Aaron Oldest")
        for i in range(queries.CONTACT_OPTIONS):
            make_contact(self.owner, f"Recent {i:03d}")
        response = self.client.get(self.url, {"contact_q": "oldest"})
        self.assertEqual(self.options(response), ["Aaron Oldest"])
        self.assertContains(response, "matching “oldest”")
        # The link view accepts any of your contacts, listed or not.
        self.client.post(
            reverse("tracker:application_link_contact", args=[self.application.pk]),
            {"contact": oldest.pk, "role": "mutual"},
        )
        self.assertTrue(
            ApplicationContact.objects.filter(application=self.application, contact=oldest).exists()
        )
        self.assertIn("Aaron Oldest", self.options(self.client.get(self.url)))

    def test_the_interaction_form_offers_the_same_contacts(self):
        colleague = make_contact(self.owner, "Zelda At Bluefin", company=self.company)
        response = self.client.get(self.url)
        self.assertRegex(
            response.content.decode(), rf'name="contacts"[^>]*>[^/]*<option value="{colleague.pk}"'
        )
