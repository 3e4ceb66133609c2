"""Issue 11, bug 5: the words around the plan. Each failed before its fix:
- a company name ending in a full stop gave "Initech, Inc.." in drafts;
- a contact with no company or title showed " · Other";
- "Your steps (N to do)" stayed the same after Mark done, Skip or Log, and focus fell to the page body."""

import time_machine
from django.urls import reverse

from nextround.playbook.models import PlanStep
from tests.personas import PersonaTestCase, make_company, make_contact
from tests.playbook.helpers import INTERVIEWER, RECRUITER, rejected_application

HTMX = {"HX-Request": "true"}


@time_machine.travel("2026-12-07 10:00 +0000", tick=False)
class SmallWordsTests(PersonaTestCase):
    def test_a_company_ending_in_a_full_stop_gets_one_full_stop(self):
        company = make_company(self.owner, "Initech, Inc.")
        application, _ = rejected_application(self.owner, company=company, people=[RECRUITER, INTERVIEWER])
        texts = PlanStep.objects.filter(plan__application=application).values_list(
            "generated_draft", "why", "title"
        )
        joined = "\n".join(text for row in texts for text in row)
        self.assertIn("Initech, Inc.", joined)
        self.assertNotIn("Inc..", joined)

    def test_a_contact_with_no_company_or_title_shows_no_stray_separator(self):
        contact = make_contact(self.owner, "Nadia Nobody")
        page = self.client.get(reverse("tracker:contact_detail", args=[contact.pk])).content.decode()
        self.assertIn('<p class="subtitle">Other</p>', page)
        company = make_company(self.owner, "Globex")
        make_contact(self.owner, "Tom Titleless", company=company)
        page = self.client.get(reverse("tracker:company_detail", args=[company.pk])).content.decode()
        self.assertIn('<span class="meta">Other</span>', page)
        self.assertNotIn(" · Other", page)

    def test_marking_a_step_done_updates_the_count_and_keeps_focus_on_the_step(self):
        application, _ = rejected_application(self.owner, people=[RECRUITER])
        steps = PlanStep.objects.filter(plan__application=application)
        total = steps.count()
        step = steps.get(kind="thank_you")
        response = self.client.post(
            reverse("playbook:step_status", args=[step.pk]), {"status": "done"}, headers=HTMX
        )
        self.assertContains(
            response,
            f'<span class="muted small" id="open-count" hx-swap-oob="true">({total - 1} to do)</span>',
        )
        self.assertContains(response, f'<h3 id="step-title-{step.pk}" tabindex="-1" data-focus-after-swap>')
        response = self.client.post(
            reverse("playbook:step_status", args=[steps.get(kind="call_recruiter").pk]),
            {"status": "skipped"},
            headers=HTMX,
        )
        self.assertContains(response, f"({total - 2} to do)")
        plan = self.client.get(reverse("playbook:plan", args=[application.pk]))
        self.assertContains(plan, f'<span class="muted small" id="open-count">({total - 2} to do)</span>')
