"""LinkedIn imports through the command line and the import service."""

import datetime as dt

import pytest

from nextround.tracker.models import Application, Company, Contact, StageChange
from nextround.tracker.vocabulary import Stage
from nextround.transfer.services import import_linkedin
from tests.personas import make_company, make_contact, make_user
from tests.transfer.helpers import connections, job_applications, run, zipped

pytestmark = pytest.mark.django_db

ANN = 'Ann,Lee,https://www.linkedin.com/in/annlee,,"Northwind Analytics, Inc.","Head of ""Data""",15 Mar 2024'
EMILE = "Émile,Zola,https://www.linkedin.com/in/ezola,emile@example.com,Société Générale,Writer,1 Jan 2020"
TARO = "太郎,山田,https://www.linkedin.com/in/yamada,,株式会社ソニー,エンジニア,3 Feb 2023"


@pytest.fixture
def owner():
    return make_user("olive")


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_connections_become_contacts_tagged_as_linkedin(tmp_path, capsys, owner):
    path = write(tmp_path, "Connections.csv", connections(ANN, EMILE, TARO))
    code, out, _err = run(capsys, "import", "linkedin", path, "--user", "olive")
    assert code == 0
    assert "3 created" in out
    ann = Contact.objects.get(owner=owner, name="Ann Lee")
    assert ann.company.name == "Northwind Analytics, Inc."
    assert ann.title == 'Head of "Data"'
    assert ann.linkedin_connected_on == dt.date(2024, 3, 15)
    assert ann.how_we_know == "LinkedIn connection"
    assert Contact.objects.get(owner=owner, linkedin_url__contains="yamada").name == "太郎 山田"


def test_reimport_updates_changed_rows_keeps_notes_and_never_duplicates(tmp_path, capsys, owner):
    run(capsys, "import", "linkedin", write(tmp_path, "a.csv", connections(ANN, EMILE)), "--user", "olive")
    ann = Contact.objects.get(owner=owner, name="Ann Lee")
    ann.notes, ann.how_we_know = "Met at PyCon; loves maps.", "Conference"
    ann.save()
    moved = ANN.replace('"Northwind Analytics, Inc."', "Bluefin Robotics").replace(
        '"Head of ""Data"""', "CTO"
    )
    code, out, _ = run(
        capsys, "import", "linkedin", write(tmp_path, "b.csv", connections(moved, EMILE)), "--user", "olive"
    )
    assert code == 0 and "0 created, 1 updated, 1 unchanged" in out
    assert Contact.objects.filter(owner=owner).count() == 2
    ann.refresh_from_db()
    assert (ann.company.name, ann.title) == ("Bluefin Robotics", "CTO")
    assert (ann.notes, ann.how_we_know) == ("Met at PyCon; loves maps.", "Conference")


def test_matches_existing_contacts_by_email_then_by_name_and_company(owner):
    acme = make_company(owner, "Acme")
    by_email = make_contact(owner, "E. Zola", email="EMILE@example.com", notes="mine")
    by_name = make_contact(owner, "Ann Lee", company=acme)
    row = 'Ann,Lee,,,"ACME Inc.",Boss,15 Mar 2024'
    [summary] = import_linkedin(
        owner=owner, data=connections(row, EMILE.replace("https://www.linkedin.com/in/ezola", ""))
    )
    assert (summary.created, summary.updated) == (0, 2)
    by_email.refresh_from_db()
    by_name.refresh_from_db()
    assert by_email.name == "Émile Zola" and by_email.notes == "mine"
    assert by_name.title == "Boss" and by_name.company == acme  # "ACME Inc." is the same company
    assert Company.objects.filter(owner=owner).count() == 2  # Acme, Société Générale


def test_a_bad_row_saves_nothing_and_names_the_line(tmp_path, capsys, owner):
    bad = "Bo,Bad,https://www.linkedin.com/in/bo,,X,Y,31 Foo 2024"
    path = write(tmp_path, "c.csv", connections(ANN, bad, EMILE))
    code, _out, err = run(capsys, "import", "linkedin", path, "--user", "olive")
    assert code == 2
    assert "line 6" in err and "31 Foo 2024" in err and "Nothing was imported" in err
    assert not Contact.objects.filter(owner=owner).exists()
    assert not Company.objects.filter(owner=owner).exists()


def test_skip_bad_rows_imports_the_rest_and_lists_each_skipped_line(tmp_path, capsys, owner):
    rows = (
        ANN,
        "Bo,Bad,https://www.linkedin.com/in/bo,,X,Y,31 Foo 2024",
        ",,,,Hidden Inc,,1 Jan 2020",
        "Cy,Extra,https://x.example,,A,B,1 Jan 2020,surplus",
        "Di,Mail,,not-an-email,A,B,1 Jan 2020",
    )
    path = write(tmp_path, "c.csv", connections(*rows))
    code, out, _ = run(capsys, "import", "linkedin", path, "--user", "olive", "--skip-bad-rows")
    assert code == 0
    assert "1 created" in out and "4 skipped" in out
    for line in ("line 6", "line 7", "line 8", "line 9"):
        assert f"skipped {line}:" in out
    assert "expected 7 columns" in out and "not-an-email" in out
    assert list(Contact.objects.filter(owner=owner).values_list("name", flat=True)) == ["Ann Lee"]


def test_broken_encoding_is_refused_naming_the_line(tmp_path, capsys, owner):
    data = connections(ANN) + "Zoë,Latin,,,Q,R,1 Jan 2020\n".encode("latin-1")
    code, _out, err = run(capsys, "import", "linkedin", write(tmp_path, "c.csv", data), "--user", "olive")
    assert code == 2 and "line 6" in err and "UTF-8" in err
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4 binary\x00\x01", b"name,age\nAnn,3\n", b""],
    ids=["binary", "other-csv", "empty"],
)
def test_wrong_files_are_refused_with_a_reason(tmp_path, capsys, owner, data):
    code, _out, err = run(capsys, "import", "linkedin", write(tmp_path, "x.csv", data), "--user", "olive")
    assert code == 2 and "error:" in err and "Traceback" not in err
    assert not Contact.objects.exists()


def test_older_export_without_notes_or_url_and_with_bom_and_semicolons(owner):
    data = "\ufeffFirst Name;Last Name;Email Address;Company;Position;Connected On\n"
    data += "Ann;Lee;;Acme;CEO;15 Mar 2024\n"
    [summary] = import_linkedin(owner=owner, data=data.encode())
    assert summary.created == 1
    assert Contact.objects.get(owner=owner).company.name == "Acme"


def test_job_applications_become_applied_applications(owner):
    rows = (
        '"7/6/23, 2:20 PM",me@example.com,+1 555,Acme Inc,Data Analyst,https://jobs.example/1,cv.pdf,',
        '"12/24/23, 9:05 AM",me@example.com,,"Quill, Vale",Editor,,cv.pdf,"Q: why? A: ""because"""',
    )
    [summary] = import_linkedin(owner=owner, data=job_applications(*rows))
    assert summary.created == 2
    app = Application.objects.get(owner=owner, role_title="Data Analyst")
    assert (app.stage, app.source, app.applied_on) == (Stage.APPLIED, "linkedin", dt.date(2023, 7, 6))
    assert app.posting_url == "https://jobs.example/1"
    assert StageChange.objects.filter(application=app, to_stage=Stage.APPLIED).count() == 1
    # The contact columns are the applicant's own details: no contact is made from them.
    assert not Contact.objects.filter(owner=owner).exists()
    [again] = import_linkedin(owner=owner, data=job_applications(*rows))
    assert (again.created, again.unchanged) == (0, 2)
    assert Application.objects.filter(owner=owner).count() == 2


def test_whole_export_zip_imports_both_files_in_one_go(tmp_path, capsys, owner):
    data = zipped(
        {
            "Basic_LinkedInDataExport/Connections.csv": connections(ANN),
            "Basic_LinkedInDataExport/Jobs/Job Applications.csv": job_applications(
                '"7/6/23, 2:20 PM",,,Northwind Analytics,Analyst,,,'
            ),
            "Basic_LinkedInDataExport/Profile.csv": b"First Name\nOlive\n",
        }
    )
    code, out, _ = run(capsys, "import", "linkedin", write(tmp_path, "export.zip", data), "--user", "olive")
    assert (
        code == 0
        and "LinkedIn connections: 1 created" in out
        and "LinkedIn job applications: 1 created" in out
    )
    # "Northwind Analytics, Inc." and "Northwind Analytics" are one company.
    assert Company.objects.filter(owner=owner).count() == 1


def test_zip_without_linkedin_files_or_damaged_is_refused(tmp_path, capsys, owner):
    code, _out, err = run(
        capsys, "import", "linkedin", write(tmp_path, "a.zip", zipped({"x.txt": b"hi"})), "--user", "olive"
    )
    assert code == 2 and "Connections.csv" in err
    code, _out, err = run(
        capsys, "import", "linkedin", write(tmp_path, "b.zip", b"PK\x03\x04broken"), "--user", "olive"
    )
    assert code == 2 and "damaged" in err


def test_zip_bomb_is_not_inflated(tmp_path, capsys, owner):
    bomb = zipped({"Connections.csv": connections() + b"0" * (40 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    code, _out, err = run(capsys, "import", "linkedin", write(tmp_path, "bomb.zip", bomb), "--user", "olive")
    assert code == 2 and "not opened" in err


def test_unknown_user_and_missing_file_are_named(tmp_path, capsys, owner):
    code, _out, err = run(capsys, "import", "linkedin", tmp_path / "nope.csv", "--user", "olive")
    assert code == 2 and "nope.csv: no such file" in err
    path = write(tmp_path, "c.csv", connections(ANN))
    code, _out, err = run(capsys, "import", "linkedin", path, "--user", "ghost")
    assert code == 2 and "--user" in err and "ghost" in err


def test_namesakes_at_one_company_with_different_profiles_stay_two_people(owner):
    rows = (
        "Ann,Lee,https://www.linkedin.com/in/ann-1,,Acme,CEO,15 Mar 2024",
        "Ann,Lee,https://www.linkedin.com/in/ann-2,,Acme,Intern,16 Mar 2024",
    )
    [summary] = import_linkedin(owner=owner, data=connections(*rows))
    assert summary.created == 2
    [again] = import_linkedin(owner=owner, data=connections(*rows))
    assert (again.created, again.unchanged) == (0, 2)
