"""The private calendar feed, parsed back with icalendar."""

import datetime as dt

import icalendar
import time_machine
from django.urls import reverse

from nextround.core.access import profile_for
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
        self.application.plan.steps.filter(key="thank_you").update(status="done")
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
