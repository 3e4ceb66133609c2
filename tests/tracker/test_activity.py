import datetime as dt

import time_machine
from django.urls import reverse

from nextround.tracker.models import FollowUp, Interaction, StageChange
from nextround.tracker.vocabulary import Stage
from tests.personas import PersonaTestCase, make_application, make_contact, make_user

NOW = "2026-11-20 10:00 +0000"


@time_machine.travel(NOW, tick=False)
class FollowUpTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.application = make_application(self.owner, role_title="Data Analyst")
        self.overdue = FollowUp.objects.create(
            owner=self.owner,
            title="Chase the recruiter",
            due_on=dt.date(2026, 11, 18),
            application=self.application,
        )
        self.today = FollowUp.objects.create(
            owner=self.owner, title="Send portfolio", due_on=dt.date(2026, 11, 20)
        )

    def test_the_dashboard_shows_overdue_and_due_follow_ups(self):
        response = self.client.get(reverse("tracker:dashboard"))
        self.assertNotContains(response, "See all", msg_prefix="every due follow-up is already listed")
        self.assertContains(response, "Chase the recruiter")
        self.assertContains(response, "Overdue since Wed 18 Nov")
        self.assertContains(response, "Send portfolio")
        self.assertContains(response, "Due today")

    def test_marking_done_in_place_with_htmx(self):
        response = self.client.post(
            reverse("tracker:follow_up_status", args=[self.overdue.pk]),
            {"status": "done"},
            headers={"HX-Request": "true"},
        )
        self.assertContains(response, f'id="follow-up-{self.overdue.pk}"')
        self.assertContains(response, "Done")
        self.overdue.refresh_from_db()
        self.assertEqual(self.overdue.status, "done")
        self.assertIsNotNone(self.overdue.completed_at)
        self.assertNotContains(self.client.get(reverse("tracker:dashboard")), "Chase the recruiter")

    def test_snoozing_needs_a_later_date(self):
        url = reverse("tracker:follow_up_status", args=[self.today.pk])
        response = self.client.post(
            url, {"status": "snoozed", "until": "2026-11-19"}, headers={"HX-Request": "true"}
        )
        self.assertContains(response, "Snooze until a day after today", status_code=422)
        response = self.client.post(url, {"status": "snoozed", "until": "2026-11-25"})
        self.assertEqual(response.status_code, 302)
        self.today.refresh_from_db()
        self.assertEqual((self.today.status, self.today.due_on), ("snoozed", dt.date(2026, 11, 25)))

    def test_dismiss_without_javascript_redirects_back(self):
        response = self.client.post(
            reverse("tracker:follow_up_status", args=[self.today.pk]),
            {"status": "dismissed", "next": "/applications/"},
        )
        self.assertRedirects(response, "/applications/")

    def test_an_offsite_next_is_ignored(self):
        response = self.client.post(
            reverse("tracker:follow_up_status", args=[self.today.pk]),
            {"status": "done", "next": "https://evil.example/"},
        )
        self.assertRedirects(response, reverse("tracker:dashboard"))

    def test_the_dashboard_shows_the_first_twelve_and_links_to_all(self):
        for i in range(20):
            FollowUp.objects.create(owner=self.owner, title=f"Chore {i:02d}", due_on=dt.date(2026, 11, 10))
        response = self.client.get(reverse("tracker:dashboard"))
        self.assertContains(response, "See all 22 follow-ups due by next week")
        self.assertContains(response, "Chore 11")
        self.assertNotContains(response, "Chore 19")
        listing = self.client.get(reverse("tracker:follow_up_list"), {"page": 1})
        self.assertContains(listing, "22 follow-ups")
        self.assertContains(listing, "Chore 19")

    def test_the_follow_up_list_filters_by_status_and_is_the_owners_alone(self):
        FollowUp.objects.create(
            owner=self.owner, title="Old chore", due_on=dt.date(2026, 11, 1), status="done"
        )
        FollowUp.objects.create(owner=self.other, title="Not yours", due_on=dt.date(2026, 11, 20))
        active = self.client.get(reverse("tracker:follow_up_list"))
        self.assertContains(active, "Send portfolio")
        self.assertNotContains(active, "Old chore")
        self.assertNotContains(active, "Not yours")
        done = self.client.get(reverse("tracker:follow_up_list"), {"status": "done"})
        self.assertContains(done, "Old chore")
        self.assertNotContains(done, "Send portfolio")
        self.assertEqual(self.anonymous.get(reverse("tracker:follow_up_list")).status_code, 302)

    def test_a_follow_up_needs_a_title_and_a_real_date(self):
        response = self.client.post(
            reverse("tracker:follow_up_create"), {"title": "", "due_on": "31/02/2026"}
        )
        self.assertContains(response, "This field is required.")
        self.assertContains(response, "Enter a valid date.")
        self.assertEqual(FollowUp.objects.count(), 2)


@time_machine.travel(NOW, tick=False)
class InteractionTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.application = make_application(self.owner)
        self.contact = make_contact(self.owner, "Priya Nair")

    def test_logging_an_interaction_in_place_puts_it_on_the_timeline(self):
        response = self.client.post(
            reverse("tracker:interaction_create"),
            {
                "kind": "call",
                "direction": "out",
                "occurred_at": "2026-11-20T09:15",
                "summary": "Asked about other openings.",
                "application": self.application.pk,
                "contacts": [self.contact.pk],
            },
            headers={"HX-Request": "true"},
        )
        self.assertContains(response, "Added to the timeline.")
        self.assertEqual(response["HX-Trigger"], "timeline-changed")
        interaction = Interaction.objects.get()
        self.assertEqual(list(interaction.contacts.all()), [self.contact])
        timeline = self.client.get(reverse("tracker:application_timeline", args=[self.application.pk]))
        self.assertContains(timeline, "Asked about other openings.")
        self.assertContains(timeline, "Priya Nair")

    def test_an_invalid_interaction_is_not_saved(self):
        response = self.client.post(
            reverse("tracker:interaction_create"),
            {
                "kind": "carrier pigeon",
                "occurred_at": "2027-01-01T10:00",
                "summary": "",
                "application": self.application.pk,
            },
            headers={"HX-Request": "true"},
        )
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "Select a valid choice", status_code=422)
        self.assertContains(response, "in the future", status_code=422)
        self.assertContains(response, "This field is required.", status_code=422)
        self.assertFalse(Interaction.objects.exists())

    def test_without_javascript_it_redirects_to_the_application(self):
        response = self.client.post(
            reverse("tracker:interaction_create"),
            {
                "kind": "note",
                "occurred_at": "2026-11-19T09:15",
                "summary": "Notes",
                "application": self.application.pk,
            },
        )
        self.assertRedirects(response, reverse("tracker:application_detail", args=[self.application.pk]))


@time_machine.travel(NOW, tick=False)
class KeepInTouchTests(PersonaTestCase):
    def test_due_reminders_show_in_their_own_section_until_the_user_gets_in_touch(self):
        amira = make_contact(self.owner, "Amira Haddad", keep_in_touch=True, keep_in_touch_days=30)
        later = make_contact(self.owner, "Kenji Sato", keep_in_touch=True, keep_in_touch_days=30)
        FollowUp.objects.create(
            owner=self.owner,
            title="Keep in touch with Amira Haddad",
            contact=amira,
            due_on=dt.date(2026, 11, 12),
            origin="keep_in_touch",
        )
        FollowUp.objects.create(
            owner=self.owner,
            title="Keep in touch with Kenji Sato",
            contact=later,
            due_on=dt.date(2026, 12, 12),
            origin="keep_in_touch",
        )
        FollowUp.objects.create(
            owner=self.other,
            title="Keep in touch with a stranger",
            due_on=dt.date(2026, 11, 1),
            origin="keep_in_touch",
        )
        page = self.client.get(reverse("tracker:dashboard"))
        section = page.content.decode().split('id="network-heading"')[1]
        self.assertIn("Amira Haddad", section)
        self.assertIn("Due since Thu 12 Nov", section)
        self.assertNotIn("Kenji Sato", section)
        self.assertNotIn("stranger", section)
        self.assertNotIn(
            "Keep in touch with",
            page.content.decode().split('id="todo-heading"')[1].split('id="network-heading"')[0],
            "reminders are not repeated among the follow-ups",
        )
        # Logging a catch-up with her pushes her reminder a cadence away (the playbook keeps it in sync).
        self.client.post(
            reverse("tracker:interaction_create"),
            {
                "kind": "call",
                "occurred_at": "2026-11-20T09:00",
                "summary": "Caught up.",
                "contacts": [amira.pk],
            },
        )
        section = (
            self.client.get(reverse("tracker:dashboard")).content.decode().split('id="network-heading"')[1]
        )
        self.assertNotIn("Amira Haddad", section)
        self.assertEqual(FollowUp.objects.get(contact=amira, status="open").due_on, dt.date(2026, 12, 20))


class ContactTests(PersonaTestCase):
    def test_keep_in_touch_needs_a_cadence(self):
        response = self.client.post(
            reverse("tracker:contact_create"),
            {
                "name": "Amira",
                "role": "interviewer",
                "keep_in_touch": "on",
            },
        )
        self.assertContains(response, "Say how often you want to keep in touch")
        response = self.client.post(
            reverse("tracker:contact_create"),
            {
                "name": "Amira",
                "role": "interviewer",
                "keep_in_touch": "on",
                "keep_in_touch_days": "30",
                "email": "amira@example.com",
            },
        )
        self.assertEqual(response.status_code, 302)

    def test_a_bad_email_and_url_are_named(self):
        response = self.client.post(
            reverse("tracker:contact_create"),
            {
                "name": "Bo",
                "role": "other",
                "email": "not-an-email",
                "linkedin_url": "linkedin",
            },
        )
        self.assertContains(response, "Enter a valid email address.")
        self.assertContains(response, "Enter a valid URL.")

    def test_linking_a_contact_to_several_applications_with_roles(self):
        first, second = make_application(self.owner), make_application(self.owner, role_title="Engineer")
        contact = make_contact(self.owner, "Sam Park")
        for application, role in [(first, "interviewer"), (second, "hiring_manager")]:
            self.client.post(
                reverse("tracker:application_link_contact", args=[application.pk]),
                {"contact": contact.pk, "role": role, "connected": "on"},
            )
        page = self.client.get(reverse("tracker:contact_detail", args=[contact.pk]))
        self.assertContains(page, "Interviewer")
        self.assertContains(page, "Hiring manager")
        self.assertEqual(contact.application_links.filter(connected=True).count(), 2)


class LongPickerTests(PersonaTestCase):
    def test_stand_alone_forms_draw_recent_and_chosen_rows_but_accept_any_of_yours(self):
        from nextround.tracker.queries import CONTACT_OPTIONS

        oldest = make_contact(self.owner, "Aaron Oldest")
        for i in range(CONTACT_OPTIONS + 5):
            make_contact(self.owner, f"Person {i:03d}")
        page = self.client.get(reverse("tracker:interaction_create"))
        self.assertNotContains(page, "Aaron Oldest")
        self.assertContains(page, f"Person {CONTACT_OPTIONS + 4:03d}")
        prefilled = self.client.get(reverse("tracker:follow_up_create"), {"contact": oldest.pk})
        self.assertContains(prefilled, "Aaron Oldest")
        response = self.client.post(
            reverse("tracker:follow_up_create"),
            {
                "title": "Write to Aaron",
                "due_on": "2026-12-01",
                "contact": oldest.pk,
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(FollowUp.objects.get(title="Write to Aaron").contact, oldest)


@time_machine.travel(NOW, tick=False)
class DashboardReadsTests(PersonaTestCase):
    def test_recent_rejections_cover_thirty_days_counted_in_the_users_time_zone(self):
        user = make_user("tokyo", time_zone="Asia/Tokyo")
        client = self.client_class()
        client.force_login(user)
        # It is 20 November in Tokyo; the window opens on 21 October at midnight there (15:00 UTC the day
        # before), so of two rejections on 20 October (UTC) only the one after 15:00 UTC is in it.
        inside = make_application(
            user,
            role_title="Inside Window",
            stage=Stage.REJECTED,
            at=dt.datetime(2026, 10, 20, 16, tzinfo=dt.UTC),
        )
        make_application(
            user,
            role_title="Outside Window",
            stage=Stage.REJECTED,
            at=dt.datetime(2026, 10, 20, 14, tzinfo=dt.UTC),
        )
        self.assertTrue(StageChange.objects.filter(application=inside).exists())
        response = client.get(reverse("tracker:dashboard"))
        self.assertContains(response, "Inside Window")
        self.assertNotContains(response, "Outside Window")
