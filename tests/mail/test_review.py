"""The review queue: accepting moves the application through the tracker's services and starts the plan;
undo takes back exactly that; nothing changes without a yes unless rejections are set to apply themselves."""

import datetime as dt

import time_machine
from django.utils import timezone

from nextround.core.services import save_profile
from nextround.mail.models import MailMessage
from nextround.mail.parse import parse_bytes
from nextround.mail.services import import_mail
from nextround.mail.vocabulary import MailOrigin
from nextround.playbook.models import Plan, StepLog
from nextround.playbook.vocabulary import Outcome, StepKind
from nextround.tracker.models import Application, Company, Contact, Interaction, StageChange
from nextround.tracker.vocabulary import ContactRole, Direction, Stage
from tests.mail.helpers import REJECTION_TEXT, invitation, rejection
from tests.personas import PersonaTestCase, make_application, make_company

LETTER_DATE = "Tue, 03 Mar 2026 10:12:00 +0000"
FEEDBACK = "The panel felt your SQL was strong, but they were looking for someone with more experience"


@time_machine.travel(dt.datetime(2026, 3, 5, 9, 0, tzinfo=dt.UTC), tick=False)
class ReviewTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.acme = make_company(self.owner, "Acme Analytics")
        self.application = make_application(
            self.owner, self.acme, role_title="Data Analyst", at=timezone.now() - dt.timedelta(days=20)
        )

    def bring_in(self, *letters):
        outcomes, _ = import_mail(
            owner=self.owner, mails=[parse_bytes(m.as_bytes()) for m in letters], origin=MailOrigin.FILE
        )
        list(outcomes)
        return list(MailMessage.objects.filter(owner=self.owner).order_by("pk"))

    def from_hannah(self, **overrides):
        defaults = {"sender": "Hannah Becker <hannah.becker@acme-analytics.com>", "date": LETTER_DATE}
        return rejection(**{**defaults, **overrides})

    def accept(self, message, **data):
        return self.client.post(f"/mail/messages/{message.pk}/accept/", data, headers={"HX-Request": "true"})

    def test_nothing_changes_until_the_user_says_yes(self):
        self.bring_in(self.from_hannah())
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.APPLIED)
        self.assertFalse(Plan.objects.exists() or Interaction.objects.exists() or Contact.objects.exists())

    def test_an_accepted_rejection_moves_the_application_on_the_letters_date_and_starts_the_plan(self):
        [message] = self.bring_in(self.from_hannah())
        response = self.accept(message)
        self.assertContains(response, "Accepted")
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.REJECTED)
        self.assertEqual(self.application.stage_changed_at, dt.datetime(2026, 3, 3, 10, 12, tzinfo=dt.UTC))
        hannah = Contact.objects.get(owner=self.owner, email="hannah.becker@acme-analytics.com")
        self.assertEqual((hannah.name, hannah.company), ("Hannah Becker", self.acme))
        link = self.application.contact_links.get()
        self.assertEqual((link.contact, link.role), (hannah, ContactRole.RECRUITER))
        letter = Interaction.objects.get(owner=self.owner)
        self.assertEqual((letter.direction, letter.application), (Direction.INCOMING, self.application))
        self.assertIn("we have decided to move forward with other candidates", letter.summary)
        self.assertEqual(list(letter.contacts.all()), [hannah])
        plan = Plan.objects.get(application=self.application)
        # The letter's writer is the plan's recruiter: the call goes to them.
        self.assertEqual(plan.steps.get(kind=StepKind.CALL_RECRUITER).contact, hannah)
        feedback = StepLog.objects.get(owner=self.owner)
        self.assertEqual((feedback.outcome, feedback.said_by), (Outcome.FEEDBACK, hannah))
        self.assertTrue(feedback.words.startswith(FEEDBACK))
        self.assertContains(self.client.get("/insights/?period=all"), FEEDBACK)

    def test_undo_takes_back_exactly_what_accepting_did(self):
        [message] = self.bring_in(self.from_hannah())
        self.accept(message)
        response = self.client.post(f"/mail/messages/{message.pk}/undo/", headers={"HX-Request": "true"})
        self.assertContains(response, "Accept")
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.APPLIED)
        self.assertEqual(self.application.stage_changes.count(), 1)
        self.assertFalse(Plan.objects.exists() or Interaction.objects.exists() or Contact.objects.exists())
        self.assertFalse(StepLog.objects.exists())
        message.refresh_from_db()
        self.assertEqual((message.review, message.applied), ("pending", {}))
        self.accept(message)  # and it can be accepted again
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.REJECTED)

    def test_undo_keeps_a_plan_the_user_already_worked_on(self):
        [message] = self.bring_in(self.from_hannah())
        self.accept(message)
        plan = Plan.objects.get()
        step = plan.steps.get(kind=StepKind.THANK_YOU)
        self.client.post(f"/plan-steps/{step.pk}/status/", {"status": "done"})
        self.client.post(f"/mail/messages/{message.pk}/undo/")
        self.assertTrue(Plan.objects.filter(pk=plan.pk).exists())
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.APPLIED)

    def test_a_letter_for_no_application_creates_it_and_undo_removes_it(self):
        [message] = self.bring_in(invitation(date=LETTER_DATE))
        self.assertEqual(message.action, "create_application")
        self.accept(message)
        created = Application.objects.get(owner=self.owner, company__name="Northwind")
        self.assertEqual(created.stage, Stage.INTERVIEWING)
        self.assertEqual(created.stage_changed_at, dt.datetime(2026, 3, 3, 10, 12, tzinfo=dt.UTC))
        self.client.post(f"/mail/messages/{message.pk}/undo/")
        self.assertFalse(Application.objects.filter(company__name="Northwind").exists())
        self.assertFalse(Company.objects.filter(name="Northwind").exists())
        self.assertFalse(Contact.objects.filter(email="sam.ortiz@northwind.io").exists())

    def test_two_applications_at_one_company_are_never_guessed_between(self):
        other = make_application(
            self.owner, self.acme, role_title="Product Manager", at=timezone.now() - dt.timedelta(days=9)
        )
        letter = rejection(message_id="plain@x", date=LETTER_DATE)
        letter.set_content(
            "Hi Alex,\n\nThank you for applying to Acme Analytics. Unfortunately we will not be "
            "progressing your application.\n\nAcme Analytics Talent Team"
        )
        [message] = self.bring_in(letter)
        self.assertEqual(message.action, "choose_application")
        self.assertEqual(sorted(message.candidates), sorted([self.application.pk, other.pk]))
        page = self.client.get("/mail/")
        self.assertContains(page, "Product Manager at Acme Analytics")
        response = self.accept(message)
        self.assertContains(response, "Pick the application", status_code=422)
        self.accept(message, application=other.pk)
        other.refresh_from_db()
        self.application.refresh_from_db()
        self.assertEqual((other.stage, self.application.stage), (Stage.REJECTED, Stage.APPLIED))

    def test_the_role_tells_two_applications_apart(self):
        make_application(self.owner, self.acme, role_title="Product Manager")
        [message] = self.bring_in(self.from_hannah())  # names the Data Analyst position
        self.assertEqual((message.action, message.application), ("move_to_rejected", self.application))

    def test_accept_all_takes_the_ready_ones_and_leaves_the_choices(self):
        make_application(self.owner, make_company(self.owner, "Brightwave"), role_title="Analyst")
        make_application(self.owner, Company.objects.get(name="Brightwave"), role_title="Engineer")
        choose = rejection(
            sender="Brightwave <no-reply@greenhouse.io>",
            subject="Your application to Brightwave",
            message_id="b@x",
        )
        choose.set_content("Thanks for applying to Brightwave. We will not be progressing your application.")
        self.bring_in(self.from_hannah(), invitation(date=LETTER_DATE), choose)
        self.client.post("/mail/accept-all/")
        reviews = dict(MailMessage.objects.values_list("message_id", "review"))
        self.assertEqual(
            reviews,
            {"rejection-1@greenhouse.io": "accepted", "invite-1@northwind.io": "accepted", "b@x": "pending"},
        )

    def test_dismissed_messages_can_come_back(self):
        [message] = self.bring_in(self.from_hannah())
        self.client.post(f"/mail/messages/{message.pk}/dismiss/")
        message.refresh_from_db()
        self.assertEqual(message.review, "dismissed")
        self.client.post(f"/mail/messages/{message.pk}/undo/")
        message.refresh_from_db()
        self.assertEqual(message.review, "pending")

    def test_with_automatic_rejections_on_a_matched_rejection_is_applied_at_once_and_can_be_undone(self):
        profile = self.owner.profile
        profile.apply_rejections_automatically = True
        save_profile(profile=profile)
        [message] = self.bring_in(self.from_hannah())
        message.refresh_from_db()
        self.assertEqual(message.review, "automatic")
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.REJECTED)
        self.assertTrue(Plan.objects.filter(application=self.application).exists())
        self.client.post(f"/mail/messages/{message.pk}/undo/")
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.APPLIED)

    def test_automatic_rejections_never_create_or_choose(self):
        profile = self.owner.profile
        profile.apply_rejections_automatically = True
        save_profile(profile=profile)
        letter = rejection(
            sender="Kestrel Bank Careers <careers@kestrelbank.co.uk>",
            subject="Your application to Kestrel Bank",
            message_id="k@x",
        )
        letter.set_content(
            "Dear Alex, thank you for applying for the Analyst role at Kestrel Bank. We regret to inform you "
            "that we have decided not to move forward with your application."
        )
        [message] = self.bring_in(letter)
        self.assertEqual((message.kind, message.review), ("rejection", "pending"))
        self.assertFalse(Application.objects.filter(company__name__icontains="Kestrel").exists())

    def test_a_letter_older_than_the_applications_last_move_still_moves_it(self):
        self.application = make_application(
            self.owner, make_company(self.owner, "Brightwave"), role_title="Analyst", at=timezone.now()
        )
        letter = rejection(
            sender="Brightwave <no-reply@greenhouse.io>",
            subject="Your application to Brightwave",
            message_id="o@x",
        )
        [message] = self.bring_in(letter)
        self.accept(message)
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.REJECTED)

    def test_a_letter_older_than_the_applications_history_is_moved_after_it_and_the_queue_says_so(self):
        # Applied on 1 March (the history starts then); the letter was written on 25 February.
        application = make_application(
            self.owner,
            make_company(self.owner, "Brightwave"),
            role_title="Analyst",
            at=dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC),
        )
        letter = rejection(
            sender="Brightwave <no-reply@greenhouse.io>",
            subject="Your application to Brightwave",
            message_id="old@x",
            date="Wed, 25 Feb 2026 10:00:00 +0000",
        )
        [message] = self.bring_in(letter)
        page = self.client.get("/mail/")
        self.assertContains(page, "The letter is dated 25 February 2026, before this application")
        self.assertContains(page, "so the move is dated 1 March 2026")
        response = self.accept(message)
        self.assertEqual(response.status_code, 200)
        application.refresh_from_db()
        self.assertEqual(application.stage, Stage.REJECTED)
        self.assertEqual(application.stage_changed_at, dt.datetime(2026, 3, 1, 8, 0, 1, tzinfo=dt.UTC))

    def test_a_history_out_of_step_with_the_application_still_takes_the_move(self):
        # A restored or hand-edited history can start after the application's own stage date.
        StageChange.objects.filter(application=self.application).update(
            changed_at=dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)
        )
        [message] = self.bring_in(self.from_hannah())
        response = self.accept(message)
        self.assertEqual(response.status_code, 200, response.content.decode())
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.REJECTED)
        self.assertEqual(self.application.stage_changed_at, dt.datetime(2026, 3, 4, 12, 0, 1, tzinfo=dt.UTC))

    def test_a_history_dated_in_the_future_refuses_the_move_clearly_and_saves_nothing(self):
        StageChange.objects.filter(application=self.application).update(
            changed_at=dt.datetime(2026, 4, 1, 12, 0, tzinfo=dt.UTC)
        )
        [message] = self.bring_in(self.from_hannah())
        self.assertContains(self.client.get("/mail/"), "has a move dated later than today")
        response = self.accept(message)
        self.assertContains(response, "Correct that date on the application", status_code=422)
        message.refresh_from_db()
        self.assertEqual(message.review, "pending")
        self.assertFalse(Interaction.objects.exists() or Contact.objects.exists() or Plan.objects.exists())
        self.assertEqual(StageChange.objects.filter(application=self.application).count(), 1)

    def test_a_letter_dated_in_the_future_is_recorded_as_today(self):
        [message] = self.bring_in(self.from_hannah(date="Fri, 20 Mar 2026 10:00:00 +0000"))
        self.accept(message)
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage_changed_at, timezone.now())

    def test_the_settings_page_offers_automatic_rejections(self):
        response = self.client.get("/settings/")
        self.assertContains(response, "Apply rejections from mail automatically")

    def forward_of_a_rejection_to(self, first_recipient: str, greeting: str):
        forward = rejection(
            sender="Jamie Carter <jamie.carter@gmail.com>",
            subject="Fwd: Your application to Acme Analytics",
            message_id=f"{greeting}@x",
        )
        forward.set_content(
            "Look what Acme sent, how do I answer this?\n\n---------- Forwarded message ---------\n"
            "From: Hannah Becker <hannah.becker@acme-analytics.com>\nDate: Tue, 3 Mar 2026 at 10:12\n"
            f"Subject: Your application to Acme Analytics\nTo: {first_recipient}\n\n"
            + REJECTION_TEXT.replace("Hi Alex", f"Hi {greeting}")
        )
        return forward

    def test_a_friends_own_rejection_forwarded_to_the_user_never_moves_their_application(self):
        profile = self.owner.profile
        profile.apply_rejections_automatically = True
        save_profile(profile=profile)
        theirs = self.bring_in(self.forward_of_a_rejection_to("Jamie <jamie.carter@gmail.com>", "Jamie"))
        self.assertNotIn("rejection", [message.kind for message in theirs])
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, Stage.APPLIED)
        # The same letter first sent to the user (their account's address) is theirs: it is applied.
        mine = self.bring_in(self.forward_of_a_rejection_to(f"Alex <{self.owner.email}>", "Alex"))[-1]
        self.assertEqual((mine.kind, mine.review), ("rejection", "automatic"))
