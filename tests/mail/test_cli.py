"""`nextround mail import`, run in-process through the real entry point."""

import io
import json

import pytest

from nextround.cli import main
from nextround.mail.models import MailMessage
from nextround.tracker.models import Application, Stage
from tests.mail.helpers import friend, invitation, job_alert, rejection, write_mbox
from tests.personas import make_application, make_company, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(monkeypatch):
    def run(argv):
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr("sys.stdout", out)
        monkeypatch.setattr("sys.stderr", err)
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
        return code, out.getvalue(), err.getvalue()

    return run


@pytest.fixture
def owner():
    user = make_user("alex")
    make_application(user, make_company(user, "Acme Analytics"), role_title="Data Analyst")
    return user


@pytest.fixture
def mbox(tmp_path):
    return write_mbox(tmp_path / "inbox.mbox", [rejection(), invitation(), job_alert(), friend()])


def test_dry_run_json_prints_one_line_per_message_and_changes_nothing(run, owner, mbox):
    code, out, err = run(["mail", "import", str(mbox), "--user", "alex", "--dry-run", "--json"])
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [set(line) for line in lines] == [
        {"message_id", "type", "company", "role", "application", "action"}
    ] * 4
    first = lines[0]
    assert first["message_id"] == "rejection-1@greenhouse.io"
    assert (first["type"], first["company"], first["action"]) == (
        "rejection",
        "Acme Analytics",
        "move_to_rejected",
    )
    assert first["application"] == {"company": "Acme Analytics", "role_title": "Data Analyst"}
    assert (lines[1]["type"], lines[1]["application"], lines[1]["action"]) == (
        "interview_invitation",
        None,
        "create_application",
    )
    assert [line["type"] for line in lines[2:]] == ["other", "other"]
    assert {line["action"] for line in lines[2:]} == {"not_stored"}
    assert "dry run, nothing changed" in err
    assert MailMessage.objects.count() == 0
    assert Application.objects.get().stage == Stage.APPLIED


def test_import_keeps_job_search_messages_once_and_never_the_rest(run, owner, mbox):
    code, out, _ = run(["mail", "import", str(mbox), "--user", "alex"])
    assert code == 0
    assert "2 about your job search" in out and "2 not about your job search (not stored)" in out
    assert sorted(MailMessage.objects.filter(owner=owner).values_list("kind", flat=True)) == [
        "interview_invitation",
        "rejection",
    ]
    code, out, _ = run(["mail", "import", str(mbox), "--user", "alex"])
    assert code == 0 and "2 already imported" in out
    assert MailMessage.objects.count() == 2
    assert Application.objects.get().stage == Stage.APPLIED  # nothing changes without the user's yes


def test_a_second_import_in_dry_run_reports_duplicates(run, owner, mbox):
    run(["mail", "import", str(mbox), "--user", "alex"])
    _, out, _ = run(["mail", "import", str(mbox), "--user", "alex", "--dry-run", "--json"])
    actions = [json.loads(line)["action"] for line in out.splitlines()]
    assert actions[:2] == ["already_imported", "already_imported"]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
        (b"Subjet: oops\ntruncated\n", "does not start like a mailbox"),
    ],
)
def test_a_file_that_is_not_mail_is_refused_and_nothing_is_stored(run, owner, tmp_path, content, says):
    path = tmp_path / "export.mbox"
    path.write_bytes(content)
    code, out, err = run(["mail", "import", str(path), "--user", "alex"])
    assert code == 2
    assert says in err and "Traceback" not in err
    assert MailMessage.objects.count() == 0


def test_unknown_user_and_missing_file_are_named(run, owner, mbox, tmp_path):
    code, _, err = run(["mail", "import", str(mbox), "--user", "nobody"])
    assert code == 2 and "--user" in err and "nobody" in err
    code, _, err = run(["mail", "import", str(tmp_path / "missing.mbox"), "--user", "alex"])
    assert code == 2 and "no such file" in err
