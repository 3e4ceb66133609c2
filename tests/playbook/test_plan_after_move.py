"""Issue 11, bug 2: moving to Rejected (or No answer) shows the plan at once, on the page and on the board.

Before, the answer said only "Moved to Rejected." and the plan card appeared after a reload."""

import time_machine
from django.urls import reverse

from nextround.tracker.models import ApplicationContact
from tests.personas import PersonaTestCase, make_application, make_contact

NOW = "2026-12-07 10:00 +0000"  # a Monday
HTMX = {"HX-Request": "true"}


@time_machine.travel(NOW, tick=False)
class PlanAfterMoveTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.application = make_application(self.owner, role_title="Analyst", stage="interviewing")
        recruiter = make_contact(
            self.owner, "Hannah Becker", company=self.application.company, phone="+49 30 1"
        )
        ApplicationContact.objects.create(
            owner=self.owner, application=self.application, contact=recruiter, role="recruiter"
        )
        self.url = reverse("tracker:application_stage", args=[self.application.pk])
        self.plan_url = reverse("playbook:plan", args=[self.application.pk])

    def test_the_application_page_gets_the_plan_card_and_focus_moves_to_it(self):
        response = self.client.post(self.url, {"stage": "rejected"}, headers=HTMX)
        self.assertContains(response, "Moved to Rejected.")
        self.assertContains(response, "<strong>Your plan is ready:</strong>")
        self.assertContains(response, "starting with “Take ten minutes to reflect”, due today")
        self.assertContains(response, '<div id="application-panels" hx-swap-oob="true">')
        self.assertContains(response, "Your plan after this rejection")
        self.assertContains(response, 'id="plan-card-heading" tabindex="-1" data-focus-after-swap')
        self.assertContains(response, f'href="{self.plan_url}"')

    def test_the_board_card_points_to_the_plan_and_takes_focus(self):
        response = self.client.post(self.url, {"stage": "ghosted", "from": "board"}, headers=HTMX)
        self.assertContains(response, f'id="card-{self.application.pk}"')
        self.assertContains(response, "Moved to No answer (ghosted).")
        self.assertContains(response, "<strong>Your plan is ready:</strong>")
        self.assertContains(response, f'href="{self.plan_url}" data-focus-after-swap>Open your plan</a>')

    def test_other_moves_say_nothing_about_a_plan(self):
        response = self.client.post(self.url, {"stage": "offer"}, headers=HTMX)
        self.assertContains(response, "Moved to Offer.")
        self.assertNotContains(response, "Your plan is ready")
        self.assertNotContains(response, "data-focus-after-swap")
