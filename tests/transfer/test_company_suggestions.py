"""Company matching never merges two employers silently (issue 14, item 6): names equal once normalised
match on their own; close names are added as new companies and offered as a suggestion the user confirms."""

from django.urls import reverse

from nextround.tracker.models import Application, Company, Contact
from nextround.transfer.models import Upload
from tests.personas import PersonaTestCase, make_company
from tests.transfer.helpers import connections
from tests.transfer.test_views import upload

PEOPLE = connections(
    "Ann,Lee,https://www.linkedin.com/in/ann,,Capita One,Analyst,15 Mar 2024",
    "Bo,Berg,https://www.linkedin.com/in/bo,,Accenture Strong,Designer,15 Mar 2024",
    "Cy,Dahl,https://www.linkedin.com/in/cy,,Company 1235,Engineer,15 Mar 2024",
    "Di,Eng,https://www.linkedin.com/in/di,,ACME Inc.,Engineer,15 Mar 2024",
)


class SuggestionTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.capital = make_company(self.owner, "Capital One")
        self.song = make_company(self.owner, "Accenture Song")
        self.numbered = make_company(self.owner, "Company 1234")
        self.acme = make_company(self.owner, "Acme")

    def company_of(self, name: str) -> str:
        return Contact.objects.get(owner=self.owner, name=name).company.name

    def test_close_names_become_new_companies_and_the_summary_offers_to_join_them(self):
        response = self.client.post(reverse("transfer:linkedin"), {"file": upload("Connections.csv", PEOPLE)})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.company_of("Ann Lee"), "Capita One")
        self.assertEqual(self.company_of("Bo Berg"), "Accenture Strong")
        self.assertEqual(self.company_of("Cy Dahl"), "Company 1235")
        self.assertEqual(self.company_of("Di Eng"), "Acme")  # the same name once normalised: matched
        page = response.content.decode()
        for name, yours in (("Capita One", "Capital One"), ("Accenture Strong", "Accenture Song")):
            self.assertIn(f"“{name}” looks like your “{yours}”", page)
        self.assertNotIn("“ACME Inc.” looks like", page)

        capita = Company.objects.get(owner=self.owner, name="Capita One")
        confirm = {"keep": self.capital.pk, "merge": capita.pk}
        self.assertEqual(self.other_client.post(reverse("transfer:same_company"), confirm).status_code, 404)
        response = self.client.post(reverse("transfer:same_company"), confirm)
        self.assertRedirects(response, reverse("tracker:company_detail", args=[self.capital.pk]))
        self.assertEqual(self.company_of("Ann Lee"), "Capital One")
        self.assertFalse(Company.objects.filter(pk=capita.pk).exists())
        junk = {"keep": "x", "merge": "1"}
        self.assertEqual(self.client.post(reverse("transfer:same_company"), junk).status_code, 404)

    def test_the_spreadsheet_preview_asks_and_the_import_follows_the_answer(self):
        sheet = b"Company,Role\nCapita One,Analyst\nCompany 1235,Engineer\nAcme Inc,Designer\n"
        self.client.post(reverse("transfer:csv_upload"), {"file": upload("sheet.csv", sheet)})
        pending = Upload.objects.get(owner=self.owner)
        columns = {"column_0": "company", "column_1": "role_title", "date_format": "%Y-%m-%d"}
        self.client.post(reverse("transfer:csv_map", args=[pending.pk]), columns)
        preview = self.client.get(reverse("transfer:csv_preview", args=[pending.pk])).content.decode()
        self.assertIn(f'value="{self.capital.pk}:Capita One"', preview)
        self.assertIn(f'value="{self.numbered.pk}:Company 1235"', preview)
        self.assertNotIn(":Acme Inc", preview)
        response = self.client.post(
            reverse("transfer:csv_preview", args=[pending.pk]), {"same": [f"{self.capital.pk}:Capita One"]}
        )
        self.assertEqual(response.status_code, 200)
        companies = dict(
            Application.objects.filter(owner=self.owner).values_list("role_title", "company__name")
        )
        self.assertEqual(
            companies, {"Analyst": "Capital One", "Engineer": "Company 1235", "Designer": "Acme"}
        )

    def test_a_ticked_company_that_is_not_yours_is_ignored(self):
        theirs = make_company(self.other, "Capita One Holdings")
        sheet = b"Company,Role\nCapita One,Analyst\n"
        self.client.post(reverse("transfer:csv_upload"), {"file": upload("sheet.csv", sheet)})
        pending = Upload.objects.get(owner=self.owner)
        columns = {"column_0": "company", "column_1": "role_title", "date_format": "%Y-%m-%d"}
        self.client.post(reverse("transfer:csv_map", args=[pending.pk]), columns)
        self.client.post(
            reverse("transfer:csv_preview", args=[pending.pk]), {"same": [f"{theirs.pk}:Capita One"]}
        )
        application = Application.objects.get(owner=self.owner)
        self.assertEqual(application.company.owner, self.owner)
        self.assertEqual(application.company.name, "Capita One")
