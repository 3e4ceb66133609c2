"""The private calendar feed, parsed back with icalendar."""

import datetime as dt

import icalendar
import time_machine
from django.urls import reverse

from nextround.core.access import profile_for
from nextround.playbook import services
from nextround.tracker.models import FollowUp
from tests.personas import PersonaTestCase
from tests.playbook.helpers import RECRUITER, rejected_application


@time_machine.travel("2026-11-20 10:00 +0000", tick=False)
class CalendarFeedTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.application, _ = rejected_application(self.owner, company=None, people=[RECRUITER])
        FollowUp.objects.create(
            owner=self.owner,
            title="Ask about the budget; and, then \\ more",
            due_on=dt.date(2026, 11, 27),
            application=self.application,
        )
        self.token = profile_for(self.owner).calendar_token
        self.url = reverse("playbook:calendar_feed", kwargs={"token": self.token})

    def events(self, response):
        calendar = icalendar.Calendar.from_ical(response.content)
        return {str(event["UID"]): event for event in calendar.walk("VEVENT")}

    def test_the_feed_lists_open_steps_and_follow_ups_as_all_day_events(self):
        self.assertEqual(self.url, f"/calendar/{self.token}.ics")
        response = self.anonymous.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/calendar"))
        events = self.events(response)
        steps = list(self.application.plan.steps.all())
        self.assertEqual(len(events), len(steps) + 1)
        thank_you = self.application.plan.steps.get(key="thank_you")
        event = events[f"plan-step-{thank_you.pk}@nextround"]
        self.assertEqual(event.decoded("DTSTART"), dt.date(2026, 11, 23))
        self.assertEqual(event.decoded("DTEND"), dt.date(2026, 11, 24))
        self.assertIn(thank_you.title, str(event["SUMMARY"]))
        plan_url = f"http://testserver/applications/{self.application.pk}/plan/#step-{thank_you.pk}"
        self.assertEqual(str(event["URL"]), plan_url)
        self.assertIn(plan_url, str(event["DESCRIPTION"]))
        follow_up = next(e for uid, e in events.items() if uid.startswith("follow-up-"))
        self.assertEqual(str(follow_up["SUMMARY"]), "Ask about the budget; and, then \\ more")
        self.assertIn(b"Ask about the budget\\; and\\, then \\\\ more", response.content)

    def test_uids_are_stable_and_done_steps_leave_the_feed(self):
        first = self.events(self.anonymous.get(self.url))
        self.assertEqual(first.keys(), self.events(self.anonymous.get(self.url)).keys())
        services.set_step_status(step=self.application.plan.steps.get(key="thank_you"), status="done")
        self.assertEqual(len(self.events(self.anonymous.get(self.url))), len(first) - 1)

    def test_another_users_token_never_shows_this_users_steps(self):
        rejected_application(self.other, people=[("Otto's Recruiter", "recruiter", {})])
        other_url = reverse(
            "playbook:calendar_feed", kwargs={"token": profile_for(self.other).calendar_token}
        )
        other_feed = self.anonymous.get(other_url).content.decode()
        self.assertIn("Otto's Recruiter", other_feed.replace("\r\n ", ""))
        self.assertNotIn("Hannah Becker", other_feed.replace("\r\n ", ""))
        self.assertNotIn("Ask about the budget", other_feed)

    def test_an_unknown_or_regenerated_token_is_a_404(self):
        self.assertEqual(self.anonymous.get("/calendar/not-a-token.ics").status_code, 404)
        self.client.post(reverse("settings"), {"action": "regenerate_calendar"})
        self.assertEqual(self.anonymous.get(self.url).status_code, 404)
        new_token = profile_for(self.owner).calendar_token
        self.assertNotEqual(new_token, self.token)
        self.assertEqual(self.anonymous.get(f"/calendar/{new_token}.ics").status_code, 200)

    def test_the_settings_page_shows_the_feed_link(self):
        response = self.client.get(reverse("settings"))
        self.assertContains(response, f"http://testserver/calendar/{self.token}.ics")


@time_machine.travel("2026-11-20 10:00 +0000", tick=False)
class ConditionalFeedTests(PersonaTestCase):
    """Calendar apps poll the feed: an unchanged one answers 304; a write through any service renews it."""

    def setUp(self):
        super().setUp()
        self.application, _ = rejected_application(self.owner, people=[RECRUITER])
        self.url = reverse("playbook:calendar_feed", kwargs={"token": profile_for(self.owner).calendar_token})

    def test_an_unchanged_feed_answers_304_to_its_etag_and_its_date(self):
        first = self.anonymous.get(self.url)
        self.assertEqual(first.status_code, 200)
        self.assertTrue(first["ETag"].startswith('"'))
        self.assertEqual(first["Last-Modified"], "Fri, 20 Nov 2026 10:00:00 GMT")
        self.assertIn("no-cache", first["Cache-Control"])
        self.assertNotIn("no-store", first["Cache-Control"])  # apps may keep their copy and ask again
        again = self.anonymous.get(self.url, headers={"if-none-match": first["ETag"]})
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again.content, b"")
        self.assertEqual(again["ETag"], first["ETag"])
        dated = self.anonymous.get(self.url, headers={"if-modified-since": first["Last-Modified"]})
        self.assertEqual(dated.status_code, 304)
        head = self.anonymous.head(self.url, headers={"if-none-match": first["ETag"]})
        self.assertEqual(head.status_code, 304)

    def test_a_304_reads_two_rows(self):
        tag = self.anonymous.get(self.url)["ETag"]
        with self.assertNumQueries(2):  # the profile by its token, and the data version
            self.assertEqual(self.anonymous.get(self.url, headers={"if-none-match": tag}).status_code, 304)

    def test_the_cached_body_is_served_until_something_is_written(self):
        first = self.anonymous.get(self.url)
        with self.assertNumQueries(2):
            self.assertEqual(self.anonymous.get(self.url).content, first.content)
        step = self.application.plan.steps.get(key="thank_you")
        services.set_step_status(step=step, status="done")
        changed = self.anonymous.get(self.url, headers={"if-none-match": first["ETag"]})
        self.assertEqual(changed.status_code, 200)
        self.assertNotEqual(changed["ETag"], first["ETag"])
        self.assertNotIn(f"plan-step-{step.pk}@".encode(), changed.content)

    def test_every_kind_of_write_renews_the_feed(self):
        """Edits that change what an event says (a follow-up, a company's name) go through services too."""
        from nextround.tracker import services as tracker

        tag = self.anonymous.get(self.url)["ETag"]
        follow_up = tracker.save_follow_up(
            follow_up=FollowUp(owner=self.owner, title="Send the portfolio", due_on=dt.date(2026, 11, 25))
        )
        response = self.anonymous.get(self.url, headers={"if-none-match": tag})
        self.assertContains(response, "Send the portfolio")
        company = self.application.company
        company.name = "Renamed Analytics"
        tracker.save_company(company=company)
        response = self.anonymous.get(self.url, headers={"if-none-match": response["ETag"]})
        self.assertContains(response, "(Renamed Analytics)")
        tracker.delete_follow_up(follow_up=follow_up)
        response = self.anonymous.get(self.url, headers={"if-none-match": response["ETag"]})
        self.assertNotContains(response, "Send the portfolio")

    def test_a_new_day_is_a_new_feed(self):
        tag = self.anonymous.get(self.url)["ETag"]
        with time_machine.travel("2026-11-21 08:00 +0000", tick=False):
            response = self.anonymous.get(self.url, headers={"if-none-match": tag})
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response["Last-Modified"], "Sat, 21 Nov 2026 00:00:00 GMT")

    def test_the_feed_lists_open_items_from_60_days_back_to_180_ahead(self):
        from nextround.tracker import services as tracker

        for title, due in [
            ("Too old", dt.date(2026, 9, 20)),
            ("Oldest shown", dt.date(2026, 9, 21)),
            ("Furthest shown", dt.date(2027, 5, 19)),
            ("Too far", dt.date(2027, 5, 20)),
        ]:
            tracker.save_follow_up(follow_up=FollowUp(owner=self.owner, title=title, due_on=due))
        feed = self.anonymous.get(self.url).content.decode()
        self.assertIn("Oldest shown", feed)
        self.assertIn("Furthest shown", feed)
        self.assertNotIn("Too old", feed)
        self.assertNotIn("Too far", feed)
        settings_page = self.client.get(reverse("settings"))
        self.assertContains(settings_page, "from 60 days ago to 180 days ahead")

    def test_long_lines_are_folded_without_splitting_a_character(self):
        from nextround.tracker import services as tracker

        title = "Écrire à " + "Zoë Ångström " * 12
        tracker.save_follow_up(
            follow_up=FollowUp(owner=self.owner, title=title, due_on=dt.date(2026, 11, 25), notes="a;b,c\\d")
        )
        body = self.anonymous.get(self.url).content
        self.assertTrue(all(len(line) <= 75 for line in body.split(b"\r\n")))
        body.decode("utf-8")  # every folded piece is whole UTF-8
        event = next(
            e for e in icalendar.Calendar.from_ical(body).walk("VEVENT") if str(e["UID"]).startswith("follow")
        )
        self.assertEqual(str(event["SUMMARY"]), title)
        self.assertTrue(str(event["DESCRIPTION"]).startswith("a;b,c\\d\n"))
