"""The demo gives a new user plans to look at straight away."""

from django.contrib.auth import get_user_model
from django.test import TestCase

from nextround.demo import load_demo
from nextround.playbook.models import Plan
from nextround.tracker.models import Contact, FollowUp


class DemoTests(TestCase):
    def test_the_demo_has_rejection_and_ghosted_plans_and_keep_in_touch_reminders(self):
        load_demo()
        demo = get_user_model().objects.get(username="demo")
        plans = Plan.objects.filter(owner=demo)
        self.assertGreaterEqual(plans.filter(kind="rejection").count(), 3)
        self.assertTrue(plans.filter(kind="ghosted").exists())
        richest = max(plans, key=lambda plan: plan.steps.count())
        kinds = set(richest.steps.values_list("kind", flat=True))
        self.assertTrue({"thank_you", "call_recruiter", "interviewer"} <= kinds)
        self.assertTrue(FollowUp.objects.filter(owner=demo, origin="keep_in_touch", status="open").exists())
        self.client.force_login(demo)
        response = self.client.get(f"/applications/{richest.application_id}/plan/")
        self.assertContains(response, "Copy draft")

    def test_the_recruiter_of_two_applications_is_linked_to_both_and_named_in_the_ghosted_plan(self):
        """Issue 11, bug 6: Elena recruits for both Cobalt Ledger roles but was linked to one, so the
        ghosted plan there greeted "[the recruiter's name]"."""
        load_demo()
        elena = Contact.objects.get(owner__username="demo", name="Elena Petrova")
        self.assertIn("two of my applications", elena.how_we_know)
        linked = set(elena.application_links.values_list("application__role_title", flat=True))
        self.assertEqual(linked, {"Data Analyst, Payments", "Risk Analyst"})
        ghosted = Plan.objects.get(application__role_title="Data Analyst, Payments")
        drafts = "\n".join(ghosted.steps.values_list("generated_draft", flat=True))
        self.assertIn("Hi Elena,", drafts)
        self.assertNotIn("[the recruiter's name]", drafts)
