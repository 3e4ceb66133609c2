"""The insights page and the mark-as-no-answer action, through HTTP as a user sees them."""

import datetime as dt
import json
import re

import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from nextround.core.access import profile_for
from nextround.playbook.models import PlanStep, StepLog
from nextround.playbook.services import log_step
from nextround.tracker.models import FollowUp, Interaction
from nextround.tracker.services import change_stage, link_contact, log_interaction
from nextround.tracker.vocabulary import Stage
from tests.personas import PersonaTestCase, make_application, make_company, make_contact

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)  # a Friday
URL = "/insights/"


def days_ago(n: int) -> dt.datetime:
    return NOW - dt.timedelta(days=n)


def sent(owner, days, path=(), *, source="job_board", company=None, role="Data Analyst"):
    """An application sent `days` ago that then moved through `path`, one stage every two days."""
    application = make_application(
        owner, company, role_title=role, at=days_ago(days), source=source, applied_on=days_ago(days).date()
    )
    for index, stage in enumerate(path, start=1):
        change_stage(application=application, stage=stage, at=days_ago(days) + dt.timedelta(days=2 * index))
    application.refresh_from_db()
    return application


@time_machine.travel(NOW, tick=False)
class InsightsPageTests(PersonaTestCase):
    def test_url_name(self):
        self.assertEqual(reverse("insights:index"), URL)

    def test_anonymous_goes_to_log_in(self):
        response = self.anonymous.get(URL)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])

    def test_empty_search_explains_what_will_appear(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Your flow chart appears once you have applied somewhere.")
        self.assertContains(response, "Nothing to compare yet.")
        self.assertContains(response, "No rejection plans in this period.")
        self.assertContains(response, "No feedback logged yet.")
        self.assertContains(response, "Nothing is waiting past three weeks")
        self.assertNotContains(response, 'data-chart="funnel"')

    def test_funnel_sources_and_times_show_the_owners_numbers_only(self):
        sent(self.owner, 30, ["screening", "interviewing", "rejected"], source="referral")
        sent(self.owner, 20, ["screening"], source="referral")
        sent(self.owner, 10, ["rejected"])
        sent(self.owner, 5)
        for _ in range(6):
            sent(self.other, 10, ["screening", "interviewing", "offer"])  # someone else's search
        response = self.client.get(URL)
        self.assertContains(
            response,
            "Of your 4 applications, 2 reached a screening call, 1 reached "
            "interviews and 0 reached an offer.",
        )
        self.assertContains(response, "<strong>4</strong> in all", html=False)
        insights = response.context["insights"]
        self.assertEqual([row.reached for row in insights.funnel.rows], [4, 2, 1, 0])
        self.assertContains(response, '<th scope="row">Referral</th>', html=True)
        self.assertContains(response, "2 (100%)")  # both referrals heard back and moved forward
        self.assertContains(response, "too few to tell")
        self.assertContains(response, "2 days")  # every first answer came two days after applying
        # The flow chart has a text alternative and the numbers behind it.
        self.assertContains(response, 'role="img"')
        self.assertContains(response, 'id="insights-data"')
        self.assertContains(response, "insights/vendor/echarts-6.1.0.min.js")
        # The chart draws the same numbers as the table.
        script = re.search(r'id="insights-data"[^>]*>(.*?)</script>', response.content.decode())
        data = json.loads(script.group(1))
        links = {(source, target): value for source, target, value in data["funnel"]["links"]}
        self.assertEqual(links[("Applied", "Screening")], 2)
        self.assertEqual(links[("Applied", "Rejected")], 1)
        self.assertEqual(links[("Applied", "Still in progress")], 1)
        self.assertEqual(links[("Interviewing", "Rejected")], 1)
        forward = {row["label"]: row["forward"] for row in data["sources"]}
        self.assertEqual(forward, {"Referral": 100, "Job board": 0})

    def test_other_user_sees_their_own_empty_page(self):
        sent(self.owner, 10, ["rejected"])
        response = self.other_client.get(URL)
        self.assertEqual(response.context["insights"].applications, 0)
        self.assertContains(response, "Your flow chart appears once you have applied somewhere.")

    def test_period_chooser(self):
        sent(self.owner, 100, ["rejected"])
        sent(self.owner, 50)
        sent(self.owner, 10)
        self.assertEqual(self.client.get(URL).context["insights"].applications, 2)  # default: 90 days
        self.assertEqual(self.client.get(URL, {"period": "30"}).context["insights"].applications, 1)
        self.assertEqual(self.client.get(URL, {"period": "all"}).context["insights"].applications, 3)
        custom = self.client.get(URL, {"period": "custom", "since": "2026-08-01", "until": "2026-10-15"})
        self.assertEqual(custom.context["insights"].applications, 2)
        self.assertContains(custom, "1 Aug 2026 to 15 Oct 2026")

    def test_bad_period_names_the_field_and_falls_back(self):
        sent(self.owner, 10)
        response = self.client.get(URL, {"period": "custom", "since": "2026-11-10", "until": "2026-11-01"})
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "To: The last day is before the first day", status_code=422)
        self.assertEqual(response.context["insights"].applications, 1)
        garbage = self.client.get(URL, {"period": "custom", "since": "soon"})
        self.assertContains(garbage, "From: Enter a valid date.", status_code=422)
        unknown = self.client.get(URL, {"period": "forever"})
        self.assertContains(unknown, "Show: Select a valid choice.", status_code=422)

    def test_htmx_gets_only_the_fragment(self):
        response = self.client.get(URL, {"period": "all"}, headers={"HX-Request": "true"})
        self.assertContains(response, 'id="insights"')
        self.assertNotContains(response, "<html")

    def test_waiting_list_offers_to_mark_long_silent_applications(self):
        silent = sent(self.owner, 25, role="Quiet Analyst")
        recent = sent(self.owner, 10, role="Recent Analyst")
        answered = sent(self.owner, 40, role="Answered Analyst")
        log_interaction(
            interaction=Interaction(
                owner=self.owner,
                kind="email",
                direction="in",
                occurred_at=days_ago(35),
                summary="Thanks, we will look.",
                application=answered,
            )
        )
        response = self.client.get(URL)
        self.assertContains(response, "1 application has had no answer for more than three weeks.")
        self.assertContains(response, f'name="application" value="{silent.pk}"')
        self.assertNotContains(response, f'value="{recent.pk}"')
        self.assertNotContains(response, f'value="{answered.pk}"')

    def test_debrief_and_themes_from_the_playbook(self):
        recruiter = make_contact(self.owner, "Rita Recruiter", role="recruiter", phone="+49 30 1234")
        bluefin = make_company(self.owner, "Bluefin")
        application = sent(self.owner, 20, role="Pricing Analyst", company=bluefin)
        link_contact(application=application, contact=recruiter, role="recruiter")
        change_stage(application=application, stage=Stage.REJECTED, at=days_ago(3))
        steps = {step.kind: step for step in PlanStep.objects.filter(owner=self.owner)}
        log_step(
            step=steps["call_recruiter"],
            outcome="feedback",
            words="Sharpen your SQL.",
            said_by=recruiter,
            tags=["skills"],
        )
        log_step(step=steps["thank_you"], outcome="feedback", words="The budget was cut.", tags=["budget"])
        log_step(step=steps["referral"], outcome="declined")
        response = self.client.get(URL)
        debrief = response.context["insights"].debrief
        self.assertEqual((debrief.plans, debrief.calls, debrief.feedback, debrief.declined), (1, 1, 2, 1))
        self.assertContains(
            response, "1 of the 3 people who answered you declined to comment (33%). That is normal"
        )
        self.assertContains(response, "“Sharpen your SQL.”")
        self.assertContains(response, "Rita Recruiter, Pricing Analyst at Bluefin")
        self.assertContains(response, "Lost budget or headcount")
        page = response.content.decode()
        self.assertLess(page.index("Things you can work on"), page.index("Sharpen your SQL"))
        self.assertLess(page.index("Things that say nothing about you"), page.index("The budget was cut"))
        self.assertEqual(StepLog.objects.filter(owner=self.owner).count(), 3)

    def test_weekly_activity_against_goals(self):
        profile = profile_for(self.owner)
        profile.weekly_goal_applications = 2
        profile.save()
        sent(self.owner, 1)  # Thursday this week
        sent(self.owner, 2)  # Wednesday this week
        sent(self.owner, 8)  # last week
        FollowUp.objects.create(
            owner=self.owner, title="Ping", due_on=NOW.date(), status="done", completed_at=days_ago(1)
        )
        contact = make_contact(self.owner)
        log_interaction(
            interaction=Interaction(
                owner=self.owner, kind="email", direction="out", occurred_at=days_ago(1), summary="Hello"
            ),
            contacts=[contact],
        )
        response = self.client.get(URL)
        this_week = response.context["insights"].weeks[-1]
        self.assertEqual(this_week.start, dt.date(2026, 11, 16))
        self.assertEqual((this_week.applications, this_week.followups, this_week.contacts), (2, 1, 1))
        self.assertContains(
            response, "Your goals: 2 applications, 5 follow-ups and 3 people contacted a week."
        )
        self.assertContains(response, "you met the application goal 1 time")
        self.assertContains(response, "(this week, so far)")
        self.assertContains(response, "goal met")

    def test_query_count_does_not_grow_with_the_search(self):
        recruiter = make_contact(self.owner, "Rita Recruiter", role="recruiter")
        first = sent(self.owner, 30, ["rejected"])
        link_contact(application=first, contact=recruiter, role="recruiter")
        self.client.get(URL)  # warm up sessions
        cache.clear()  # the numbers are worked out, not read from the cache (a test below covers that)
        with CaptureQueriesContext(connection) as small:
            self.client.get(URL)
        for days in range(5, 60, 3):
            application = sent(self.owner, days, ["screening", "rejected"])
            log_interaction(
                interaction=Interaction(
                    owner=self.owner,
                    kind="call",
                    direction="in",
                    occurred_at=days_ago(days - 1),
                    summary="Call",
                    application=application,
                ),
                contacts=[recruiter],
            )
        cache.clear()
        with CaptureQueriesContext(connection) as large:
            self.client.get(URL)
        self.assertEqual(len(small), len(large))

    def test_numbers_are_kept_until_the_data_or_the_day_changes(self):
        sent(self.owner, 10, ["rejected"])
        self.assertEqual(self.client.get(URL).context["insights"].applications, 1)
        with CaptureQueriesContext(connection) as again:
            self.assertEqual(self.client.get(URL).context["insights"].applications, 1)
        with CaptureQueriesContext(connection) as other_period:
            self.client.get(URL + "?period=all")
        self.assertLess(len(again), len(other_period))  # read from the cache, not counted again
        sent(self.owner, 5, ["screening"])  # a write through the services changes the data version
        self.assertEqual(self.client.get(URL).context["insights"].applications, 2)
        self.assertEqual(self.client.get(URL + "?period=all").context["insights"].applications, 2)
        waiting = sent(self.owner, 20)
        self.assertEqual(self.client.get(URL).context["insights"].waiting, [])
        with time_machine.travel(NOW + dt.timedelta(days=2), tick=False):  # 22 days without an answer
            self.assertEqual(
                [app.id for app in self.client.get(URL).context["insights"].waiting], [waiting.pk]
            )


@time_machine.travel(NOW, tick=False)
class MarkGhostedTests(PersonaTestCase):
    url = "/insights/no-answer/"

    def setUp(self):
        super().setUp()
        self.silent = sent(self.owner, 30, role="Quiet Analyst")

    def test_first_post_asks_to_confirm_and_changes_nothing(self):
        response = self.client.post(self.url, {"application": [self.silent.pk]})
        self.assertContains(response, "Mark 1 application as no answer?")
        self.assertContains(response, 'name="confirm" value="yes"')
        self.silent.refresh_from_db()
        self.assertEqual(self.silent.stage, Stage.APPLIED)

    def test_confirmed_post_moves_it_to_ghosted_through_the_tracker(self):
        response = self.client.post(self.url, {"application": [self.silent.pk], "confirm": "yes"})
        self.assertRedirects(response, URL, fetch_redirect_response=False)
        self.silent.refresh_from_db()
        self.assertEqual(self.silent.stage, Stage.GHOSTED)
        self.assertEqual(self.silent.stage_changes.filter(to_stage=Stage.GHOSTED).count(), 1)
        self.assertTrue(hasattr(self.silent, "plan"))  # the playbook started its no-answer plan
        page = self.client.get(URL)
        self.assertContains(page, "Marked 1 application as no answer.")
        self.assertContains(page, "Nothing is waiting past three weeks")

    def test_owner_only(self):
        self.assert_owner_only(self.url, method="post", data={"application": [self.silent.pk]})

    def test_another_users_application_is_a_404_and_untouched(self):
        theirs = sent(self.other, 30)
        response = self.client.post(self.url, {"application": [self.silent.pk, theirs.pk], "confirm": "yes"})
        self.assertEqual(response.status_code, 404)
        theirs.refresh_from_db()
        self.silent.refresh_from_db()
        self.assertEqual((theirs.stage, self.silent.stage), (Stage.APPLIED, Stage.APPLIED))

    def test_garbage_ids_are_a_404(self):
        response = self.client.post(self.url, {"application": ["x"], "confirm": "yes"})
        self.assertEqual(response.status_code, 404)

    def test_nothing_ticked_says_so(self):
        response = self.client.post(self.url, {"confirm": "yes"}, follow=True)
        self.assertContains(response, "Tick at least one application")

    def test_an_application_that_moved_on_meanwhile_is_left_alone(self):
        change_stage(application=self.silent, stage=Stage.SCREENING, at=timezone.now())
        data = {"application": [self.silent.pk], "confirm": "yes"}
        response = self.client.post(self.url, data, follow=True)
        self.assertContains(response, "already moved on")
        self.silent.refresh_from_db()
        self.assertEqual(self.silent.stage, Stage.SCREENING)

    def test_get_is_not_allowed(self):
        self.assertEqual(self.client.get(self.url).status_code, 405)
