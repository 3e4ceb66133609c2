"""Input built to break things (issue 14): deep JSON, giant CSV cells, absurd numbers. Each gets a clear
message naming the place, on the web and on the command line, and nothing is saved or left behind."""

import json

import pytest
from django.urls import reverse

from nextround.core.access import profile_for
from nextround.tracker.models import Application, Company, Contact
from nextround.transfer.models import Upload
from tests.personas import PersonaTestCase, make_company, make_contact
from tests.transfer.helpers import run
from tests.transfer.test_views import upload

DEEP = ("[" * 100_000 + "]" * 100_000).encode()
GIANT_CELL = b'Company,Role\nAcme,"' + b"x" * 1_100_000 + b'"\nBluefin,Analyst\n'


def export_with(**data) -> bytes:
    return json.dumps({"format": "nextround", "version": 1, "data": data}).encode()


class BadInputCase(PersonaTestCase):
    @pytest.fixture(autouse=True)
    def _tools(self, capsys, tmp_path):
        self.capsys, self.tmp_path = capsys, tmp_path

    def tmp_file(self, name: str, data: bytes):
        path = self.tmp_path / name
        path.write_bytes(data)
        return path

    def owner_companies(self):
        return Company.objects.filter(owner=self.owner)


class DeepJsonTests(BadInputCase):
    def test_the_restore_page_refuses_json_nested_100000_deep(self):
        response = self.client.post(reverse("transfer:restore"), {"file": upload("deep.json", DEEP)})
        self.assertContains(response, "levels deep", status_code=422)
        self.assertContains(response, "Nothing was imported", status_code=422)

    def test_the_command_refuses_it_with_one_line(self):
        path = self.tmp_file("deep.json", DEEP)
        code, _out, err = run(self.capsys, "import", "json", path, "--user", self.owner.username)
        self.assertEqual(code, 2)
        self.assertIn("levels deep", err)
        self.assertNotIn("Traceback", err)


class GiantCellTests(BadInputCase):
    def test_a_cell_over_the_csv_field_limit_is_refused_at_upload_and_leaves_nothing(self):
        response = self.client.post(reverse("transfer:csv_upload"), {"file": upload("big.csv", GIANT_CELL)})
        self.assertContains(response, "line 2", status_code=422)
        self.assertContains(response, "more than 1,000,000 characters", status_code=422)
        self.assertFalse(Upload.objects.exists())
        self.assertEqual(self.client.get(reverse("transfer:index")).status_code, 200)

    def test_a_header_over_the_limit_is_refused_too(self):
        data = b"Company," + b"y" * 1_100_000 + b"\nAcme,1\n"
        response = self.client.post(reverse("transfer:csv_upload"), {"file": upload("big.csv", data)})
        self.assertContains(response, "line 1", status_code=422)
        self.assertFalse(Upload.objects.exists())

    def test_the_command_names_the_line(self):
        sheet = self.tmp_file("big.csv", GIANT_CELL)
        mapping = self.tmp_file("m.json", b'{"columns": {"Company": "company", "Role": "role_title"}}')
        code, _out, err = run(
            self.capsys, "import", "csv", sheet, "--user", self.owner.username, "--mapping", mapping
        )
        self.assertEqual(code, 2)
        self.assertIn("line 2", err)
        self.assertNotIn("Traceback", err)
        self.assertFalse(Application.objects.exists())

    def test_the_linkedin_import_names_the_line(self):
        data = (
            'First Name,Last Name,Company,Connected On\nAda,Lovelace,"' + "z" * 1_100_000 + '",1 Mar 2024\n'
        ).encode()
        response = self.client.post(reverse("transfer:linkedin"), {"file": upload("Connections.csv", data)})
        self.assertContains(response, "line 2", status_code=422)
        self.assertFalse(Contact.objects.exists())


class DayCountTests(BadInputCase):
    def test_a_keep_in_touch_cadence_of_millions_of_days_is_refused_by_the_form(self):
        response = self.client.post(
            reverse("tracker:contact_create"),
            {"name": "Mira", "keep_in_touch": "on", "keep_in_touch_days": "3000000", "role": "other"},
        )
        self.assertIn(response.status_code, (200, 422))  # the form again, with its error
        self.assertContains(response, "At most 3,650 days", status_code=response.status_code)
        self.assertFalse(Contact.objects.filter(name="Mira").exists())

    def test_a_profile_goal_of_millions_is_refused_in_settings(self):
        response = self.client.post(
            reverse("settings"),
            {
                "full_name": "",
                "time_zone": "UTC",
                "ghost_checkin_days": "3000000",
                "weekly_goal_applications": "5",
                "weekly_goal_followups": "5",
                "weekly_goal_contacts": "3",
            },
        )
        self.assertContains(response, "At most 260")
        self.assertEqual(profile_for(self.owner).ghost_checkin_days, 5)

    def test_a_restore_with_a_cadence_of_millions_names_the_place(self):
        document = export_with(
            contacts=[
                {"id": "contact-1", "name": "Mira", "keep_in_touch": True, "keep_in_touch_days": 3000000}
            ]
        )
        response = self.client.post(reverse("transfer:restore"), {"file": upload("x.json", document)})
        self.assertContains(response, "data.contacts[0].keep_in_touch_days", status_code=422)
        self.assertFalse(Contact.objects.exists())

    def test_a_spreadsheet_salary_in_the_billions_is_a_bad_row(self):
        sheet = self.tmp_file("s.csv", b"Company,Role,Salary\nAcme,Analyst,90000000000\n")
        mapping = self.tmp_file(
            "m.json", b'{"columns": {"Company": "company", "Role": "role_title", "Salary": "salary_min"}}'
        )
        code, _out, err = run(
            self.capsys, "import", "csv", sheet, "--user", self.owner.username, "--mapping", mapping
        )
        self.assertEqual(code, 2)
        self.assertIn("line 2", err)
        self.assertIn("salary", err)


class MergeProfileTests(BadInputCase):
    def test_a_merge_refuses_an_invalid_profile_section_as_a_fresh_restore_does(self):
        make_contact(self.owner, "Already here", company=make_company(self.owner, "Acme"))
        for profile, place in (
            ({"time_zone": "Mars/Olympus"}, "data.profile.time_zone"),
            ({"ghost_checkin_days": -4}, "data.profile.ghost_checkin_days"),
            ({"favourite_colour": "red"}, "data.profile.favourite_colour"),
            ("not an object", "data.profile"),
        ):
            document = export_with(profile=profile, companies=[{"id": "company-1", "name": "New One"}])
            response = self.client.post(reverse("transfer:restore"), {"file": upload("x.json", document)})
            self.assertContains(response, place, status_code=422)
        self.assertEqual(profile_for(self.owner).time_zone, "UTC")
        self.assertFalse(self.owner_companies().filter(name="New One").exists())

    def test_a_merge_keeps_your_own_valid_settings(self):
        make_company(self.owner, "Acme")
        document = export_with(profile={"time_zone": "Europe/Berlin"}, companies=[])
        response = self.client.post(reverse("transfer:restore"), {"file": upload("x.json", document)})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(profile_for(self.owner).time_zone, "UTC")
