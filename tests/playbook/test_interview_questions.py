"""Issue 11, bug 4: the two in-interview questions (learned from a past rejection) reach every application at
interview stage: one added there directly (form or spreadsheet), and one moved there, at once on its page.

Before, applications created at Interviewing never got them, and after a move they showed only on reload."""

from django.urls import reverse

from nextround.tracker.models import Application
from nextround.transfer import spreadsheet
from nextround.transfer.services import import_spreadsheet
from nextround.transfer.tables import first_row_header
from tests.personas import PersonaTestCase, make_application, make_company
from tests.playbook.helpers import rejected_application

WANTED = "What did you want to hear, see or know"


class InterviewQuestionTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        rejected_application(self.owner)  # a past rejection taught the questions
        self.company = make_company(self.owner, "Globex")

    def questions(self, application) -> list[str]:
        return list(application.checklist.filter(key__startswith="playbook:").values_list("key", flat=True))

    def test_an_application_added_at_interview_stage_gets_them(self):
        self.client.post(
            reverse("tracker:application_create"),
            {
                "company": self.company.pk,
                "role_title": "Engineer",
                "source": "referral",
                "stage": "interviewing",
            },
        )
        application = Application.objects.get(role_title="Engineer")
        self.assertEqual(len(self.questions(application)), 2)
        self.assertContains(
            self.client.get(reverse("tracker:application_detail", args=[application.pk])), WANTED
        )

    def test_an_application_imported_at_interview_stage_gets_them(self):
        sheet = first_row_header("Company,Role,Status\nGlobex,Data Engineer,Final round\n")
        mapping = spreadsheet.Mapping(
            columns={"Company": "company", "Role": "role_title", "Status": "stage"},
            stages={"Final round": "interviewing"},
        )
        import_spreadsheet(owner=self.owner, table=sheet, mapping=mapping)
        self.assertEqual(len(self.questions(Application.objects.get(role_title="Data Engineer"))), 2)

    def test_a_move_to_interviewing_shows_them_on_the_page_at_once(self):
        application = make_application(self.owner, self.company, role_title="Analyst", stage="screening")
        response = self.client.post(
            reverse("tracker:application_stage", args=[application.pk]),
            {"stage": "interviewing"},
            headers={"HX-Request": "true"},
        )
        self.assertContains(
            response,
            '<section class="card" id="checklist" aria-labelledby="checklist-heading" hx-swap-oob="true">',
        )
        self.assertContains(response, WANTED)
