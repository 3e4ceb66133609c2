"""`nextround import csv`, `nextround export csv` and `nextround backup` from the command line."""

import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from nextround.tracker.models import Application
from tests.personas import make_application, make_company, make_user
from tests.transfer.helpers import run

pytestmark = pytest.mark.django_db

SHEET = (
    "Company,Role,Date,Status,Link\nAcme,Analyst,2024-03-15,Rejected,https://jobs.example/1\n"
    "Bluefin,Engineer,2024-04-01,Phone screen,\n"
)


def files(tmp_path, sheet=SHEET, mapping=None):
    mapping = mapping or {
        "columns": {
            "Company": "company",
            "Role": "role_title",
            "Date": "applied_on",
            "Status": "stage",
            "Link": "posting_url",
        },
        "stages": {"Rejected": "rejected", "Phone screen": "screening"},
    }
    (tmp_path / "sheet.csv").write_text(sheet, encoding="utf-8")
    (tmp_path / "map.json").write_text(json.dumps(mapping))
    return tmp_path / "sheet.csv", tmp_path / "map.json"


def test_csv_import_with_mapping_then_reimport_changes_nothing(tmp_path, capsys):
    owner = make_user("olive")
    sheet, mapping = files(tmp_path)
    code, out, _ = run(capsys, "import", "csv", sheet, "--user", "olive", "--mapping", mapping)
    assert code == 0 and "2 created" in out
    assert dict(Application.objects.filter(owner=owner).values_list("role_title", "stage")) == {
        "Analyst": "rejected",
        "Engineer": "screening",
    }
    code, out, _ = run(capsys, "import", "csv", sheet, "--user", "olive", "--mapping", mapping)
    assert code == 0 and "0 created" in out and Application.objects.count() == 2


def test_csv_import_updates_the_stage_the_spreadsheet_now_shows(tmp_path, capsys):
    owner = make_user("olive")
    app = make_application(
        owner,
        make_company(owner, "Acme"),
        role_title="Analyst",
        notes="my notes",
        posting_url="https://jobs.example/1",
    )
    sheet, mapping = files(tmp_path)
    run(capsys, "import", "csv", sheet, "--user", "olive", "--mapping", mapping)
    app.refresh_from_db()
    assert app.stage == "rejected" and app.notes == "my notes"
    assert app.stage_changes.filter(from_stage="applied", to_stage="rejected").exists()


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"columns": {"Company": "company"}}, "no column maps to “role_title”"),
        ({"columns": {"Company": "company", "Role": "role_title", "Nope": "notes"}}, "column “Nope”"),
        ({"columns": {"Company": "company", "Role": "colour"}}, "“colour”"),
        (
            {"columns": {"Company": "company", "Role": "role_title", "Status": "stage"}},
            "line 3: stage “Phone screen”",
        ),
    ],
)
def test_bad_mappings_and_unmapped_stages_are_named(tmp_path, capsys, mapping, message):
    make_user("olive")
    sheet, mapping_path = files(tmp_path, mapping=mapping)
    code, _out, err = run(capsys, "import", "csv", sheet, "--user", "olive", "--mapping", mapping_path)
    assert code == 2 and message in err
    assert not Application.objects.exists()


def test_csv_export_to_file(tmp_path, capsys):
    owner = make_user("olive")
    make_application(owner, make_company(owner, "Acme"), role_title="Analyst")
    code, _out, _err = run(
        capsys, "export", "csv", "applications", "--user", "olive", "-o", tmp_path / "a.csv"
    )
    assert code == 0
    assert (tmp_path / "a.csv").read_text().splitlines()[1].startswith("Acme,Analyst,Applied")


def test_backup_copies_a_consistent_database_and_never_overwrites(tmp_path):
    # A real SQLite data directory, as `nextround serve` uses it, whatever database the suite runs on.
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "NEXTROUND_SECRET_KEY")}
    environment["NEXTROUND_DATA_DIR"] = str(tmp_path / "data")

    def nextround(*args):
        return subprocess.run(
            [sys.executable, "-m", "nextround", *args],
            capture_output=True,
            text=True,
            env=environment,
            timeout=120,
        )

    assert nextround("init").returncode == 0
    assert nextround("demo").returncode == 0
    result = nextround("backup", str(tmp_path / "copy.sqlite3"))
    assert result.returncode == 0 and "backed up" in result.stdout, result.stderr
    with sqlite3.connect(tmp_path / "copy.sqlite3") as copy:
        assert copy.execute("select count(*) from tracker_application").fetchone()[0] >= 20
        assert copy.execute("pragma integrity_check").fetchone() == ("ok",)
    again = nextround("backup", str(tmp_path / "copy.sqlite3"))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_backup_finishes_while_another_process_keeps_writing(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "NEXTROUND_SECRET_KEY")}
    environment["NEXTROUND_DATA_DIR"] = str(tmp_path / "data")
    command = [sys.executable, "-m", "nextround"]
    assert subprocess.run([*command, "init"], env=environment, capture_output=True).returncode == 0
    database = tmp_path / "data" / "nextround.sqlite3"
    with sqlite3.connect(database) as setup:  # about 8 MB, so that a copy takes more than one small step
        setup.execute("create table filler (payload blob)")
        setup.executemany("insert into filler values (randomblob(4000))", [()] * 2000)
    stop = threading.Event()
    writes = []

    def keep_writing():
        writer = sqlite3.connect(database, timeout=30)
        writer.execute("pragma journal_mode=wal")
        while not stop.is_set():
            writer.execute("insert into filler values (randomblob(100))")
            writer.commit()
            writes.append(1)
        writer.close()

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        while len(writes) < 50:
            time.sleep(0.01)
        result = subprocess.run(
            [*command, "backup", str(tmp_path / "copy.sqlite3")],
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        stop.set()
        thread.join()
    assert result.returncode == 0, result.stderr
    assert re.search(r"in \d+\.\d s\.$", result.stdout.strip()), result.stdout
    with sqlite3.connect(tmp_path / "copy.sqlite3") as copy:
        assert copy.execute("pragma integrity_check").fetchone() == ("ok",)
        assert copy.execute("select count(*) from filler").fetchone()[0] >= 2000


def test_backup_on_postgresql_gives_pg_dump_advice(capsys, monkeypatch):
    from django.db import connection

    monkeypatch.setattr(type(connection), "vendor", "postgresql", raising=False)
    code, _out, err = run(capsys, "backup", "x.dump")
    assert code == 2 and "pg_dump" in err
