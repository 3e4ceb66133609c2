"""Issue 11, bug 3: the note to an interviewer thanks them for the interview on the day of a logged meeting,
and names no day when none was logged (it used to take the day the application moved to Interviewing)."""

import datetime as dt

import time_machine
from django.utils import timezone

from nextround.playbook.models import PlanStep
from nextround.playbook.services import refresh_plan
from nextround.tracker import services
from nextround.tracker.models import Interaction
from tests.personas import PersonaTestCase
from tests.playbook.helpers import INTERVIEWER, RECRUITER, rejected_application


def interviewer_draft(application) -> str:
    return PlanStep.objects.get(plan__application=application, kind="interviewer").generated_draft


@time_machine.travel("2026-12-07 10:00 +0000", tick=False)
class InterviewerNoteDateTests(PersonaTestCase):
    def test_without_a_logged_interview_the_note_names_no_day(self):
        application, _ = rejected_application(self.owner, people=[RECRUITER, INTERVIEWER])
        draft = interviewer_draft(application)
        self.assertIn("Thank you for interviewing me for the Data Analyst role; I enjoyed", draft)
        self.assertNotIn("December", draft)
        self.assertNotIn("[the day of your interview]", draft)

    def test_the_day_of_the_meeting_logged_with_them_is_named(self):
        application, people = rejected_application(self.owner, people=[RECRUITER, INTERVIEWER])
        meeting = Interaction(
            owner=self.owner,
            kind="meeting",
            occurred_at=timezone.now() - dt.timedelta(days=5),  # Wednesday 2 December
            summary="Panel interview",
            application=application,
        )
        services.log_interaction(interaction=meeting, contacts=[people["Amira Haddad"]])
        other = Interaction(
            owner=self.owner,
            kind="meeting",
            occurred_at=timezone.now() - dt.timedelta(days=1),
            summary="Coffee with the recruiter",
            application=application,
        )
        services.log_interaction(interaction=other, contacts=[people["Hannah Becker"]])
        refresh_plan(application=application)
        self.assertIn("for the Data Analyst role on Wednesday 2 December;", interviewer_draft(application))
