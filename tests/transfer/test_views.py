"""The import and export pages, the spreadsheet mapping flow and downloads."""

import csv
import io
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nextround.tracker.models import Application, Contact
from nextround.transfer.models import Upload
from tests.personas import PersonaTestCase, make_application, make_company, make_contact
from tests.transfer.helpers import connections

SHEET = (
    "Firma;Job title;Applied on;Status;Notes\n"
    "Acme Inc;Data Analyst;15.03.2024;Absage;=cmd()\n"
    "Bluefin;BI Developer;01.04.2024;Interview 2;\n"
    "Cobalt;Risk Analyst;02.04.2024;Waiting;\n"
).encode("utf-8-sig")


def upload(name: str, data: bytes):
    return SimpleUploadedFile(name, data, content_type="text/csv")


class ImportPageTests(PersonaTestCase):
    def test_page_offers_every_import_and_download(self):
        response = self.client.get("/import/")
        self.assertEqual(response.status_code, 200)
        for text in (
            "Your LinkedIn network",
            "Applications from your spreadsheet",
            "Download everything (JSON)",
            "Applications (CSV)",
            "Contacts (CSV)",
            "<progress",
        ):
            self.assertContains(response, text)
        self.assertEqual(self.anonymous.get("/import/").status_code, 302)

    def test_linkedin_upload_shows_a_summary_and_errors_next_to_the_field(self):
        row = "Ann,Lee,https://www.linkedin.com/in/annlee,,Acme,CEO,15 Mar 2024"
        response = self.client.post(
            reverse("transfer:linkedin"),
            {"file": upload("c.csv", connections(row))},
            headers={"HX-Request": "true"},
        )
        self.assertContains(response, "LinkedIn connections")
        self.assertContains(response, "1 added")
        self.assertNotContains(response, "<html")
        self.assertTrue(Contact.objects.filter(owner=self.owner, name="Ann Lee").exists())
        self.assertFalse(Contact.objects.filter(owner=self.other).exists())

        bad = connections("Bo,Bad,,,X,Y,31 Foo 2024")
        response = self.client.post(reverse("transfer:linkedin"), {"file": upload("c.csv", bad)})
        self.assertContains(response, "line 5", status_code=422)
        self.assertContains(response, "Nothing was imported", status_code=422)
        response = self.client.post(reverse("transfer:linkedin"), {"file": upload("c.pdf", b"%PDF")})
        self.assertContains(response, "is not a LinkedIn export", status_code=422)

    def test_spreadsheet_flow_upload_map_stages_preview_confirm(self):
        response = self.client.post(reverse("transfer:csv_upload"), {"file": upload("sheet.csv", SHEET)})
        pending = Upload.objects.get(owner=self.owner)
        self.assertRedirects(response, reverse("transfer:csv_map", args=[pending.pk]))

        page = self.assert_owner_only(reverse("transfer:csv_map", args=[pending.pk]))
        self.assertContains(page, "Acme Inc")  # the first rows are shown
        self.assertContains(page, '<option value="company" selected>')  # "Firma" guessed as the company
        self.assertContains(page, '<option value="%d.%m.%Y" selected>')  # the date format guessed too

        missing = {"column_0": "", "column_1": "role_title", "date_format": "%d.%m.%Y"}
        response = self.client.post(reverse("transfer:csv_map", args=[pending.pk]), missing)
        self.assertContains(response, "holds the company", status_code=422)

        columns = {
            "column_0": "company",
            "column_1": "role_title",
            "column_2": "applied_on",
            "column_3": "stage",
            "column_4": "notes",
            "date_format": "%d.%m.%Y",
        }
        response = self.client.post(reverse("transfer:csv_map", args=[pending.pk]), columns)
        self.assertRedirects(response, reverse("transfer:csv_stages", args=[pending.pk]))

        page = self.assert_owner_only(reverse("transfer:csv_stages", args=[pending.pk]))
        self.assertContains(page, "“Absage”")
        stages = {"stage_0": "rejected", "stage_1": "interviewing", "stage_2": "applied"}
        response = self.client.post(reverse("transfer:csv_stages", args=[pending.pk]), stages)
        self.assertRedirects(response, reverse("transfer:csv_preview", args=[pending.pk]))

        preview = self.assert_owner_only(reverse("transfer:csv_preview", args=[pending.pk]))
        self.assertContains(preview, "add <strong>3</strong> applications")
        self.assertFalse(Application.objects.filter(owner=self.owner).exists())  # the preview saved nothing

        self.assert_owner_only(
            reverse("transfer:csv_preview", args=[pending.pk]), method="post", data={}, owner_status=200
        )
        stages_now = dict(Application.objects.filter(owner=self.owner).values_list("role_title", "stage"))
        self.assertEqual(
            stages_now,
            {"Data Analyst": "rejected", "BI Developer": "interviewing", "Risk Analyst": "applied"},
        )
        self.assertFalse(Upload.objects.filter(pk=pending.pk).exists())

    def test_spreadsheet_in_another_encoding_is_refused_at_upload(self):
        data = "Company,Role\nZoë GmbH,Analyst\n".encode("latin-1")
        response = self.client.post(reverse("transfer:csv_upload"), {"file": upload("s.csv", data)})
        self.assertContains(response, "line 2", status_code=422)
        self.assertFalse(Upload.objects.exists())

    def test_discard_is_owner_only(self):
        self.client.post(reverse("transfer:csv_upload"), {"file": upload("sheet.csv", SHEET)})
        pending = Upload.objects.get(owner=self.owner)
        self.assert_owner_only(reverse("transfer:csv_discard", args=[pending.pk]), method="post")
        self.assertFalse(Upload.objects.exists())

    def test_restore_upload_merges_an_export(self):
        make_company(self.other, "Other's secret")
        document = self.other_client.get(reverse("transfer:export_json")).content
        response = self.client.post(reverse("transfer:restore"), {"file": upload("x.json", document)})
        self.assertContains(response, "Restored")
        self.assertContains(response, "Companies: 1 added")
        response = self.client.post(reverse("transfer:restore"), {"file": upload("x.json", b'{"format": 1}')})
        self.assertContains(response, "not a nextround export", status_code=422)


class DownloadTests(PersonaTestCase):
    def test_json_download_holds_only_the_users_data(self):
        make_application(self.owner, make_company(self.owner, "Mine"))
        make_company(self.other, "Theirs")
        response = self.client.get(reverse("transfer:export_json"))
        self.assertIn("attachment", response["Content-Disposition"])
        data = json.loads(response.content)["data"]
        self.assertEqual([c["name"] for c in data["companies"]], ["Mine"])
        self.assertEqual(self.anonymous.get(reverse("transfer:export_json")).status_code, 302)

    def test_csv_downloads_are_safe_against_formula_injection(self):
        company = make_company(self.owner, '=HYPERLINK("http://evil")')
        make_application(self.owner, company, role_title="+1 analyst", notes="@SUM(A1)")
        make_contact(self.owner, "-Eve", company=company, notes="\tTab", email="eve@example.com")
        rows = list(csv.reader(io.StringIO(self.client.get("/export/applications.csv").content.decode())))
        self.assertEqual(rows[1][:2], ['\'=HYPERLINK("http://evil")', "'+1 analyst"])
        self.assertEqual(rows[1][-1], "'@SUM(A1)")
        rows = list(csv.reader(io.StringIO(self.client.get("/export/contacts.csv").content.decode())))
        self.assertEqual(rows[1][0], "'-Eve")
        self.assertEqual(rows[1][-1], "'\tTab")
        other_rows = list(
            csv.reader(io.StringIO(self.other_client.get("/export/contacts.csv").content.decode()))
        )
        self.assertEqual(len(other_rows), 1)  # the header only: nothing of the owner's
        self.assertEqual(self.client.get("/export/secrets.csv").status_code, 404)
