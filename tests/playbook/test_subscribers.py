"""Every path that writes reaches the playbook the same way: through the tracker's services and events.

One test per path (form, board, import, restore, demo, test helpers), each showing what the playbook did.
"""

import contextlib
import datetime as dt

import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from nextround.demo import load_demo
from nextround.insights.services import mark_ghosted
from nextround.playbook.models import Plan, PlanStep
from nextround.tracker import events
from nextround.tracker import services as tracker
from nextround.tracker.models import Application, Contact, FollowUp, Interaction
from nextround.tracker.vocabulary import FollowUpOrigin, FollowUpStatus, Origin, Stage
from nextround.transfer import spreadsheet
from nextround.transfer.export import export_json
from nextround.transfer.restore import restore
from nextround.transfer.services import import_linkedin, import_spreadsheet
from nextround.transfer.tables import first_row_header
from tests.personas import PersonaTestCase, make_application, make_company, make_contact
from tests.playbook.helpers import INTERVIEWER, RECRUITER, rejected_application
from tests.transfer.helpers import connections

FRIDAY = "2026-11-20 10:00 +0000"
EVENTS = (
    "application_created",
    "stage_changed",
    "interaction_logged",
    "follow_up_status_changed",
    "contact_created",
    "contact_changed",
)


@contextlib.contextmanager
def announcements():
    """Record what the tracker announces: [(event name, origin, number of rows)]."""
    heard = []

    def listener(name):
        def receive(sender, *, owner, origin, **rows):
            rows.pop("signal")
            rows.pop("fields", None)
            rows.pop("previous", None)
            (listed,) = rows.values()
            heard.append((name, origin, len(listed)))

        return receive

    receivers = {name: listener(name) for name in EVENTS}
    for name, receiver in receivers.items():
        getattr(events, name).connect(receiver)
    try:
        yield heard
    finally:
        for name, receiver in receivers.items():
            getattr(events, name).disconnect(receiver)


def reminders(contact):
    return FollowUp.objects.filter(
        contact=contact, origin=FollowUpOrigin.KEEP_IN_TOUCH, status=FollowUpStatus.OPEN
    )


@time_machine.travel(FRIDAY, tick=False)
class PathTests(PersonaTestCase):
    def test_the_stage_form_plans_a_rejection(self):
        application = make_application(self.owner, stage=Stage.INTERVIEWING)
        with announcements() as heard:
            self.client.post(
                reverse("tracker:application_stage", args=[application.pk]), {"stage": "rejected"}
            )
        self.assertEqual(heard, [("stage_changed", Origin.USER, 1)])
        self.assertEqual(Plan.objects.get(application=application).kind, "rejection")

    def test_the_board_plans_a_silence(self):
        application = make_application(self.owner)
        self.client.post(
            reverse("tracker:application_stage", args=[application.pk]),
            {"stage": "ghosted", "from": "board"},
            headers={"HX-Request": "true"},
        )
        self.assertEqual(Plan.objects.get(application=application).kind, "ghosted")

    def test_marking_silent_applications_from_the_insights_page_plans_them(self):
        application = make_application(self.owner)
        mark_ghosted(applications=[application])
        self.assertEqual(Plan.objects.get(application=application).kind, "ghosted")

    def test_the_test_helpers_announce_like_the_app(self):
        with announcements() as heard:
            contact = make_contact(self.owner, "Daniel Weiss", keep_in_touch=True, keep_in_touch_days=30)
            make_application(self.owner, make_company(self.owner, "Bluefin"))
        self.assertEqual(
            heard, [("contact_created", Origin.USER, 1), ("application_created", Origin.USER, 1)]
        )
        self.assertEqual(reminders(contact).get().due_on, dt.date(2026, 12, 20))

    def test_the_contact_form_keeps_the_reminder_in_step(self):
        self.client.post(
            reverse("tracker:contact_create"),
            {"name": "Daniel Weiss", "role": "other", "keep_in_touch": "on", "keep_in_touch_days": "30"},
        )
        contact = Contact.objects.get(owner=self.owner, name="Daniel Weiss")
        self.assertEqual(reminders(contact).get().due_on, dt.date(2026, 12, 20))
        self.client.post(
            reverse("tracker:contact_edit", args=[contact.pk]),
            {"name": "Daniel Weiss", "role": "other", "keep_in_touch_days": "30"},
        )
        self.assertFalse(reminders(contact).exists())

    def test_an_interaction_and_a_done_reminder_from_the_pages_push_the_reminder_back(self):
        contact = make_contact(self.owner, "Daniel Weiss", keep_in_touch=True, keep_in_touch_days=30)
        self.client.post(
            reverse("tracker:interaction_create"),
            {
                "kind": "call",
                "occurred_at": "2026-11-20T09:00",
                "summary": "Catch-up",
                "contacts": [contact.pk],
            },
        )
        self.assertEqual(reminders(contact).get().due_on, dt.date(2026, 12, 20))
        with time_machine.travel("2026-11-30 10:00 +0000", tick=False):
            response = self.client.post(
                reverse("tracker:follow_up_status", args=[reminders(contact).get().pk]), {"status": "done"}
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(reminders(contact).get().due_on, dt.date(2026, 12, 30))

    def test_an_import_that_moves_an_application_plans_it_but_an_old_rejection_opens_nothing(self):
        moved = make_application(
            self.owner,
            make_company(self.owner, "Acme"),
            role_title="Analyst",
            posting_url="https://jobs.example/1",
        )
        sheet = first_row_header(
            "Company,Role,Date,Status,Link\nAcme,Analyst,2024-03-15,Rejected,https://jobs.example/1\n"
            "Bluefin,Engineer,2024-04-01,Rejected,\n"
        )
        mapping = spreadsheet.Mapping(
            columns={"Company": "company", "Role": "role_title", "Date": "applied_on", "Status": "stage"},
            stages={"Rejected": "rejected"},
        )
        mapping.columns["Link"] = "posting_url"
        with announcements() as heard:
            import_spreadsheet(owner=self.owner, table=sheet, mapping=mapping)
        self.assertEqual(
            heard, [("application_created", Origin.IMPORT, 1), ("stage_changed", Origin.IMPORT, 1)]
        )
        old = Application.objects.get(owner=self.owner, role_title="Engineer")
        self.assertEqual(old.stage, Stage.REJECTED)
        self.assertEqual(list(Plan.objects.values_list("application", flat=True)), [moved.pk])

    def test_a_linkedin_reimport_leaves_the_networking_list_reminders_alone(self):
        contact = make_contact(
            self.owner,
            "Ann Lee",
            linkedin_url="https://www.linkedin.com/in/annlee",
            keep_in_touch=True,
            keep_in_touch_days=30,
        )
        due = reminders(contact).get().due_on
        with time_machine.travel("2026-12-01 10:00 +0000", tick=False), announcements() as heard:
            import_linkedin(
                owner=self.owner,
                data=connections("Ann,Lee,https://www.linkedin.com/in/annlee,,Acme,Analyst,01 Mar 2024"),
            )
        self.assertEqual(heard, [("contact_changed", Origin.IMPORT, 1)])
        self.assertEqual(reminders(contact).get().due_on, due)

    def test_a_restore_announces_as_a_restore_and_makes_no_second_plan(self):
        application, contacts = rejected_application(self.owner, people=[RECRUITER, INTERVIEWER])
        make_contact(self.owner, "Daniel Weiss", keep_in_touch=True, keep_in_touch_days=30)
        tracker.log_interaction(
            interaction=Interaction(owner=self.owner, kind="call", summary="Hi", occurred_at=timezone.now()),
            contacts=[contacts["Hannah Becker"]],
        )
        document = export_json(self.owner)
        steps = PlanStep.objects.filter(owner=self.owner).count()
        with announcements() as heard:
            restore(username="copy", text=document)
        self.assertEqual(
            {(name, origin) for name, origin, _count in heard},
            {
                ("contact_created", Origin.RESTORE),
                ("application_created", Origin.RESTORE),
                ("stage_changed", Origin.RESTORE),
                ("interaction_logged", Origin.RESTORE),
            },
        )
        copy = get_user_model().objects.get(username="copy")
        self.assertEqual(Plan.objects.filter(owner=copy).count(), 1)
        self.assertEqual(PlanStep.objects.filter(owner=copy).count(), steps)
        self.assertEqual(FollowUp.objects.filter(owner=copy, origin=FollowUpOrigin.KEEP_IN_TOUCH).count(), 1)
        # Merging the same file into the account it came from adds nothing either.
        restore(username="owner", text=document)
        self.assertEqual(Plan.objects.filter(owner=self.owner).count(), 1)
        self.assertEqual(PlanStep.objects.filter(owner=self.owner).count(), steps)

    def test_the_demo_goes_through_the_services(self):
        with announcements() as heard:
            load_demo()
        demo = get_user_model().objects.get(username="demo")
        self.assertEqual({origin for _name, origin, _count in heard}, {Origin.USER})
        self.assertTrue(Plan.objects.filter(owner=demo, kind="rejection").exists())
        networking = Contact.objects.filter(owner=demo, keep_in_touch=True)
        self.assertTrue(networking.exists())
        for contact in networking:
            self.assertEqual(reminders(contact).count(), 1, contact.name)
