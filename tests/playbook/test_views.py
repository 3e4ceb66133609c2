"""The plan page and its actions: what the owner sees and can do, and 404 for everyone else."""

import datetime as dt
from urllib.parse import quote

import time_machine
from django.urls import reverse

from nextround.playbook.models import PlanStep, StepLog
from nextround.tracker.models import Interaction
from nextround.tracker.vocabulary import Stage
from tests.personas import PersonaTestCase, make_application
from tests.playbook.helpers import INTERVIEWER, MUTUAL, RECRUITER, REFERENCE, rejected_application


@time_machine.travel("2026-11-23 09:00 +0000", tick=False)
class PlanPageTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.application, self.contacts = rejected_application(
            self.owner,
            people=[RECRUITER, INTERVIEWER, REFERENCE, MUTUAL],
            reference_checked=True,
            at=dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC),
        )
        self.plan = self.application.plan
        self.url = reverse("playbook:plan", args=[self.application.pk])

    def step(self, key):
        return self.plan.steps.get(key=key)

    def test_plan_page_is_owner_only(self):
        response = self.assert_owner_only(self.url)
        self.assertContains(response, "<h1>Your plan after Acme Analytics</h1>", html=True)

    def test_the_page_shows_every_step_with_words_links_and_buttons(self):
        response = self.client.get(self.url)
        thank_you = self.step("thank_you")
        self.assertContains(response, thank_you.title)
        self.assertContains(response, "Due today")
        self.assertContains(response, f'id="id_draft-{thank_you.pk}-text"')
        self.assertContains(response, f'data-copy-target="id_draft-{thank_you.pk}-text"')
        self.assertContains(response, "Copy draft")
        self.assertContains(
            response, f"mailto:hannah@acme.example?subject={quote(thank_you.subject, safe='')}"
        )
        self.assertContains(response, 'href="tel:+4930555"')
        self.assertContains(response, "Call script")
        self.assertContains(response, "If they decline")
        for label in (
            "Mark done",
            "Skip",
            "They declined",
            "Log this step",
            "I'm upset, give me a day",
            "Save my reflection",
            "Before you read too much into it",
        ):
            self.assertContains(response, label)
        self.assertContains(response, "What they were asked (for references)")
        self.assertNotContains(response, "None")

    def test_the_application_page_links_to_the_plan_and_the_dashboard_lists_due_steps(self):
        detail = self.client.get(reverse("tracker:application_detail", args=[self.application.pk]))
        self.assertContains(detail, "Open the plan")
        self.assertContains(detail, self.url)
        title = self.step("thank_you").title  # due on Tuesday 24
        dashboard = self.client.get(reverse("tracker:dashboard"))
        self.assertContains(dashboard, "Your plan steps")
        self.assertContains(dashboard, "Due Tue 24 Nov")
        with time_machine.travel("2026-11-13 09:00 +0000", tick=False):
            self.assertNotContains(self.client.get(reverse("tracker:dashboard")), title)
        with time_machine.travel("2026-11-25 09:00 +0000", tick=False):
            dashboard = self.client.get(reverse("tracker:dashboard"))
            self.assertContains(dashboard, title)
            self.assertContains(dashboard, "Overdue since Tue 24 Nov")
            self.assertNotContains(self.other_client.get(reverse("tracker:dashboard")), title)

    def test_on_a_sunday_the_dashboard_shows_the_steps_due_in_the_next_seven_days(self):
        # A rejection recorded on a Sunday: nothing is due until Monday, yet the week ahead shows.
        with time_machine.travel("2026-12-06 10:00 +0000", tick=False):
            application, _ = rejected_application(self.owner, people=[RECRUITER], role_title="Sunday Role")
            dashboard = self.client.get(reverse("tracker:dashboard"))
            self.assertContains(dashboard, "Next seven days")
            self.assertContains(dashboard, application.plan.steps.get(kind="reflection").title)
            self.assertNotContains(dashboard, "No plan steps this week")

    def test_an_application_without_a_plan_says_what_to_do(self):
        application = make_application(self.owner, stage=Stage.INTERVIEWING)
        response = self.client.get(reverse("playbook:plan", args=[application.pk]))
        self.assertContains(response, "No plan for this application yet")
        detail = self.client.get(reverse("tracker:application_detail", args=[application.pk]))
        self.assertNotContains(detail, "Open the plan")

    def test_status_buttons_work_for_every_step_kind_and_404_for_others(self):
        for step in self.plan.steps.all():
            url = reverse("playbook:step_status", args=[step.pk])
            self.assert_owner_only(url, method="post", data={"status": "skipped"})
            step.refresh_from_db()
            self.assertEqual(step.status, "skipped", step.kind)
        kinds = set(self.plan.steps.values_list("kind", flat=True))
        self.assertEqual(
            kinds,
            {
                "reflection",
                "thank_you",
                "call_recruiter",
                "interviewer",
                "network",
                "referral",
                "reference",
                "mutual",
                "next_interview",
            },
        )

    def test_mark_done_with_htmx_returns_the_step_alone(self):
        step = self.step("thank_you")
        response = self.client.post(
            reverse("playbook:step_status", args=[step.pk]),
            {"status": "done"},
            headers={"HX-Request": "true"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, f'id="step-{step.pk}"')
        self.assertContains(response, "Back to to do")
        self.assertNotContains(response, "<html")

    def test_mark_done_without_javascript_goes_back_to_the_step(self):
        step = self.step("thank_you")
        response = self.client.post(reverse("playbook:step_status", args=[step.pk]), {"status": "done"})
        self.assertRedirects(response, self.url + f"#step-{step.pk}", fetch_redirect_response=False)

    def test_logging_a_call_with_feedback(self):
        step = self.step("call_recruiter")
        hannah = self.contacts["Hannah Becker"]
        prefix = f"log-{step.pk}"
        data = {
            f"{prefix}-outcome": "feedback",
            f"{prefix}-words": "Show more stakeholder work.",
            f"{prefix}-said_by": hannah.pk,
            f"{prefix}-tags": ["experience", "communication"],
        }
        self.assert_owner_only(reverse("playbook:step_log", args=[step.pk]), method="post", data=data)
        log = StepLog.objects.get()
        self.assertEqual(
            (log.outcome, log.said_by, log.tags), ("feedback", hannah, ["experience", "communication"])
        )
        self.assertEqual(log.interaction.kind, "call")
        timeline = self.client.get(reverse("tracker:application_detail", args=[self.application.pk]))
        self.assertContains(timeline, "Show more stakeholder work.")

    def test_an_invalid_log_names_the_field_and_saves_nothing(self):
        step = self.step("call_recruiter")
        prefix = f"log-{step.pk}"
        response = self.client.post(
            reverse("playbook:step_log", args=[step.pk]),
            {f"{prefix}-outcome": "feedback", f"{prefix}-tags": ["nonsense"]},
            headers={"HX-Request": "true"},
        )
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "Write down what they said", status_code=422)
        self.assertContains(response, "Select a valid choice", status_code=422)
        without_js = self.client.post(
            reverse("playbook:step_log", args=[step.pk]), {f"{prefix}-outcome": "bogus"}
        )
        self.assertEqual(without_js.status_code, 422)
        self.assertContains(without_js, "<h1>Your plan after Acme Analytics</h1>", html=True, status_code=422)
        self.assertFalse(StepLog.objects.exists())
        self.assertFalse(Interaction.objects.filter(step_logs__isnull=False).exists())

    def test_logging_a_reference_debrief_keeps_the_questions(self):
        step = self.step(f"reference:{self.contacts['Felix Wagner'].pk}")
        prefix = f"log-{step.pk}"
        self.client.post(
            reverse("playbook:step_log", args=[step.pk]),
            {
                f"{prefix}-outcome": "feedback",
                f"{prefix}-words": "Positive overall.",
                f"{prefix}-questions_asked": "Would you hire her again?",
            },
        )
        self.assertEqual(StepLog.objects.get().questions_asked, "Would you hire her again?")
        self.assertContains(self.client.get(self.url), "Would you hire her again?")

    def test_editing_a_draft_keeps_the_edit_and_copies_it(self):
        step = self.step("mutual:" + str(self.contacts["Ruth Adler"].pk))
        url = reverse("playbook:step_draft", args=[step.pk])
        self.assert_owner_only(url, method="post", data={f"draft-{step.pk}-text": "Hi Ruth, my words."})
        step.refresh_from_db()
        self.assertEqual(step.text, "Hi Ruth, my words.")
        page = self.client.get(self.url)
        self.assertContains(page, "Hi Ruth, my words.")
        self.assertContains(page, "your edited version")
        self.assertContains(page, quote("Hi Ruth, my words.", safe=""))

    def test_reflection_saves_and_marks_the_reflection_step_done(self):
        url = reverse("playbook:plan_reflection", args=[self.plan.pk])
        self.assert_owner_only(
            url,
            method="post",
            data={
                "went_well": "The case study.",
                "do_differently": "",
                "learned": "Ask about the team earlier.",
            },
        )
        self.plan.refresh_from_db()
        self.assertEqual(self.plan.learned, "Ask about the team earlier.")
        self.assertEqual(self.step("reflection").status, "done")

    def test_upset_toggle_and_refresh_are_owner_only(self):
        self.assert_owner_only(
            reverse("playbook:plan_upset", args=[self.plan.pk]), method="post", data={"upset": "on"}
        )
        self.plan.refresh_from_db()
        self.assertTrue(self.plan.upset)
        self.assertEqual(self.step("thank_you").due_on, dt.date(2026, 11, 25))
        self.assert_owner_only(reverse("playbook:plan_refresh", args=[self.application.pk]), method="post")
        self.assertEqual(PlanStep.objects.filter(plan=self.plan, key="thank_you").count(), 1)

    def test_dashboard_steps_take_a_constant_number_of_queries(self):
        from nextround.playbook.queries import dashboard_steps

        for index in range(5):
            rejected_application(self.owner, role_title=f"Role {index}", people=[RECRUITER])
        with self.assertNumQueries(1):
            steps = dashboard_steps(self.owner, dt.date(2026, 11, 30))
            titles = [
                (s.title, s.plan.application.company.name, s.contact and s.contact.name)
                for s in steps["overdue"] + steps["due_today"]
            ]
        self.assertGreater(len(titles), 10)
