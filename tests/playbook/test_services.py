"""Plan creation, regeneration, logging, and keep-in-touch reminders, through the services."""

import datetime as dt

import time_machine
from django.utils import timezone

from nextround.playbook import services
from nextround.playbook.models import Plan, PlanStep, StepLog
from nextround.tracker import services as tracker
from nextround.tracker.models import ChecklistItem, FollowUp, Interaction
from nextround.tracker.vocabulary import ContactRole, Stage
from tests.personas import PersonaTestCase, make_application, make_company, make_contact
from tests.playbook.helpers import INTERVIEWER, RECRUITER, REFERENCE, rejected_application

FRIDAY = "2026-11-20 10:00 +0000"


@time_machine.travel(FRIDAY, tick=False)
class PlanCreationTests(PersonaTestCase):
    def test_a_rejection_creates_a_plan_with_dated_steps(self):
        application, contacts = rejected_application(self.owner, people=[RECRUITER, INTERVIEWER])
        plan = Plan.objects.get(application=application)
        self.assertEqual(plan.kind, "rejection")
        steps = {step.key: step for step in plan.steps.all()}
        self.assertEqual(steps["thank_you"].contact, contacts["Hannah Becker"])
        self.assertEqual(steps["thank_you"].due_on, dt.date(2026, 11, 23))
        self.assertIn(f"interviewer:{contacts['Amira Haddad'].pk}", steps)
        self.assertIn(f"network:{contacts['Amira Haddad'].pk}", steps)
        self.assertTrue(all(step.owner == self.owner for step in steps.values()))

    def test_moving_to_another_stage_makes_no_plan(self):
        application = make_application(self.owner)
        tracker.change_stage(application=application, stage=Stage.INTERVIEWING)
        self.assertFalse(Plan.objects.exists())

    def test_a_backdated_rejection_that_is_not_the_latest_move_makes_no_plan(self):
        application = make_application(self.owner, at=timezone.now() - dt.timedelta(days=20))
        tracker.change_stage(application=application, stage=Stage.INTERVIEWING, at=timezone.now())
        tracker.change_stage(
            application=application, stage=Stage.REJECTED, at=timezone.now() - dt.timedelta(days=5)
        )
        self.assertFalse(Plan.objects.exists())

    def test_rejected_twice_at_the_same_company_gives_one_plan_per_application(self):
        company = make_company(self.owner, "Cobalt Ledger")
        first, _ = rejected_application(self.owner, company=company, role_title="Data Analyst")
        second, _ = rejected_application(self.owner, company=company, role_title="Risk Analyst")
        self.assertEqual(Plan.objects.filter(application__company=company).count(), 2)
        self.assertIn("Risk Analyst", second.plan.steps.get(key="thank_you").generated_draft)
        self.assertIn("Data Analyst", first.plan.steps.get(key="thank_you").generated_draft)

    def test_ghosted_gets_the_short_plan_and_a_later_rejection_turns_it_into_the_full_one(self):
        application, _ = rejected_application(self.owner, people=[RECRUITER], stage=Stage.GHOSTED)
        self.assertEqual(
            sorted(application.plan.steps.values_list("key", flat=True)), ["checkin", "close_loop"]
        )
        checkin = application.plan.steps.get(key="checkin")
        services.save_draft(step=checkin, text="Hi Hannah, any news? Olive")
        tracker.change_stage(application=application, stage=Stage.REJECTED)
        plan = Plan.objects.get(application=application)
        keys = set(plan.steps.values_list("key", flat=True))
        self.assertEqual(plan.kind, "rejection")
        self.assertIn("thank_you", keys)
        self.assertIn("checkin", keys, "the edited check-in stays")
        self.assertNotIn("close_loop", keys, "an untouched step that no longer fits goes")

    def test_the_interview_questions_reach_every_interviewing_application_once(self):
        interviewing = make_application(self.owner, role_title="BI Developer", stage=Stage.INTERVIEWING)
        applied = make_application(self.owner, role_title="Pricing Analyst", stage=Stage.APPLIED)
        rejected_application(self.owner)
        rejected_application(self.owner, role_title="Second rejection")
        self.assertEqual(interviewing.checklist.filter(key__startswith="playbook:").count(), 2)
        self.assertFalse(applied.checklist.exists())
        tracker.change_stage(application=applied, stage=Stage.INTERVIEWING)
        self.assertEqual(applied.checklist.filter(key__startswith="playbook:").count(), 2)
        self.assertEqual(ChecklistItem.objects.filter(owner=self.other).count(), 0)

    def test_only_one_open_next_interview_step_across_plans(self):
        rejected_application(self.owner)
        rejected_application(self.owner, role_title="Second")
        self.assertEqual(PlanStep.objects.filter(owner=self.owner, kind="next_interview").count(), 1)


@time_machine.travel(FRIDAY, tick=False)
class RegenerationTests(PersonaTestCase):
    def test_regenerating_never_duplicates_and_keeps_logs_edits_and_statuses(self):
        application, contacts = rejected_application(self.owner, people=[RECRUITER])
        plan = application.plan
        thank_you = plan.steps.get(key="thank_you")
        call = plan.steps.get(key="call_recruiter")
        services.save_draft(step=thank_you, text="My own words, Hannah.")
        services.log_step(
            step=call,
            outcome="feedback",
            words="More SQL depth next time.",
            said_by=contacts["Hannah Becker"],
            tags=["skills"],
        )
        services.set_step_status(step=plan.steps.get(key="referral"), status="skipped")
        count = plan.steps.count()

        sofia = make_contact(self.owner, "Sofia Marino", role=ContactRole.INTERVIEWER)
        tracker.link_contact(application=application, contact=sofia, role=ContactRole.INTERVIEWER)
        for _ in range(3):
            services.refresh_plan(application=application)

        self.assertEqual(plan.steps.count(), count + 1)
        self.assertEqual(plan.steps.filter(key=f"interviewer:{sofia.pk}").count(), 1)
        self.assertEqual(plan.steps.get(key="thank_you").text, "My own words, Hannah.")
        self.assertEqual(plan.steps.get(key="call_recruiter").status, "done")
        self.assertEqual(plan.steps.get(key="referral").status, "skipped")
        self.assertEqual(StepLog.objects.get().words, "More SQL depth next time.")

    def test_a_restored_plan_whose_keys_name_old_ids_is_refreshed_without_duplicates(self):
        application, contacts = rejected_application(self.owner, people=[RECRUITER, INTERVIEWER])
        plan = application.plan
        amira = contacts["Amira Haddad"]
        step = plan.steps.get(key=f"interviewer:{amira.pk}")
        services.save_draft(step=step, text="Hi Amira, my own words.")
        # A restore into another database keeps the contact link but the key still names the old id.
        PlanStep.objects.filter(pk=step.pk).update(key="interviewer:99999")
        count = plan.steps.count()
        services.refresh_plan(application=application)
        self.assertEqual(plan.steps.count(), count)
        step.refresh_from_db()
        self.assertEqual((step.key, step.text), (f"interviewer:{amira.pk}", "Hi Amira, my own words."))

    def test_a_step_added_later_is_due_from_today_not_in_the_past(self):
        application, _ = rejected_application(self.owner, people=[RECRUITER])
        with time_machine.travel("2026-12-10 10:00 +0000", tick=False):
            sofia = make_contact(self.owner, "Sofia Marino")
            tracker.link_contact(application=application, contact=sofia, role=ContactRole.INTERVIEWER)
            services.refresh_plan(application=application)
        self.assertEqual(
            application.plan.steps.get(key=f"interviewer:{sofia.pk}").due_on, dt.date(2026, 12, 10)
        )

    def test_upset_moves_open_outreach_one_business_day_and_back(self):
        application, _ = rejected_application(self.owner, people=[RECRUITER])
        plan = application.plan
        services.set_upset(plan=plan, upset=True)
        self.assertEqual(plan.steps.get(key="thank_you").due_on, dt.date(2026, 11, 24))
        self.assertEqual(plan.steps.get(key="reflection").due_on, dt.date(2026, 11, 20))
        services.set_upset(plan=plan, upset=False)
        self.assertEqual(plan.steps.get(key="thank_you").due_on, dt.date(2026, 11, 23))


@time_machine.travel(FRIDAY, tick=False)
class LoggingTests(PersonaTestCase):
    def test_logging_a_call_puts_an_interaction_on_the_timeline(self):
        application, contacts = rejected_application(self.owner, people=[RECRUITER])
        call = application.plan.steps.get(key="call_recruiter")
        log = services.log_step(step=call, outcome="declined")
        self.assertEqual(log.interaction.kind, "call")
        self.assertEqual(log.interaction.application, application)
        self.assertEqual(list(log.interaction.contacts.all()), [contacts["Hannah Becker"]])
        self.assertIn("They declined to comment", log.interaction.summary)
        call.refresh_from_db()
        self.assertEqual(call.status, "declined")

    def test_no_answer_keeps_the_step_open(self):
        application, _ = rejected_application(self.owner, people=[RECRUITER])
        call = application.plan.steps.get(key="call_recruiter")
        services.log_step(step=call, outcome="no_answer")
        call.refresh_from_db()
        self.assertEqual(call.status, "todo")

    def test_reference_debrief_keeps_the_questions(self):
        application, contacts = rejected_application(
            self.owner, people=[RECRUITER, REFERENCE], reference_checked=True
        )
        step = application.plan.steps.get(key=f"reference:{contacts['Felix Wagner'].pk}")
        services.log_step(
            step=step,
            outcome="feedback",
            words="They sounded keen.",
            questions_asked="How does she handle ambiguity?",
        )
        self.assertEqual(StepLog.objects.get().questions_asked, "How does she handle ambiguity?")
        self.assertIn("handle ambiguity", Interaction.objects.get(step_logs__isnull=False).summary)

    def test_unknown_tags_and_other_users_contacts_are_refused(self):
        from django.core.exceptions import ValidationError

        application, _ = rejected_application(self.owner, people=[RECRUITER])
        step = application.plan.steps.get(key="thank_you")
        with self.assertRaises(ValidationError):
            services.log_step(step=step, outcome="feedback", words="x", tags=["astrology"])
        with self.assertRaises(ValidationError):
            services.log_step(
                step=step, outcome="feedback", words="x", said_by=make_contact(self.other, "Eve")
            )
        self.assertFalse(StepLog.objects.exists())
        self.assertFalse(Interaction.objects.exists())


@time_machine.travel(FRIDAY, tick=False)
class KeepInTouchTests(PersonaTestCase):
    def reminders(self, contact):
        return FollowUp.objects.filter(contact=contact, origin="keep_in_touch", status="open")

    def test_accepting_the_networking_offer_adds_them_with_a_reminder(self):
        application, contacts = rejected_application(self.owner, people=[RECRUITER, INTERVIEWER])
        amira = contacts["Amira Haddad"]
        services.set_step_status(step=application.plan.steps.get(key=f"network:{amira.pk}"), status="done")
        amira.refresh_from_db()
        self.assertTrue(amira.keep_in_touch)
        self.assertEqual(amira.keep_in_touch_days, 60)
        self.assertEqual(self.reminders(amira).get().due_on, dt.date(2026, 11, 20) + dt.timedelta(days=60))

    def test_done_schedules_the_next_and_an_interaction_pushes_it_back(self):
        contact = make_contact(self.owner, "Daniel Weiss", keep_in_touch=True, keep_in_touch_days=30)
        services.sync_keep_in_touch(contact=contact)
        reminder = self.reminders(contact).get()
        self.assertEqual(reminder.due_on, dt.date(2026, 12, 20))
        with time_machine.travel("2026-12-21 10:00 +0000", tick=False):
            tracker.set_follow_up_status(follow_up=reminder, status="done")
            self.assertEqual(self.reminders(contact).get().due_on, dt.date(2027, 1, 20))
        with time_machine.travel("2027-01-05 10:00 +0000", tick=False):
            tracker.log_interaction(
                interaction=Interaction(
                    owner=self.owner, kind="call", summary="Catch-up", occurred_at=timezone.now()
                ),
                contacts=[contact],
            )
        self.assertEqual(self.reminders(contact).get().due_on, dt.date(2027, 2, 4))
        self.assertEqual(FollowUp.objects.filter(contact=contact, status__in=["open", "snoozed"]).count(), 1)

    def test_leaving_the_networking_list_dismisses_the_reminder(self):
        contact = make_contact(self.owner, "Daniel Weiss", keep_in_touch=True, keep_in_touch_days=30)
        services.sync_keep_in_touch(contact=contact)
        contact.keep_in_touch = False
        contact.save()
        services.sync_keep_in_touch(contact=contact)
        self.assertFalse(self.reminders(contact).exists())
