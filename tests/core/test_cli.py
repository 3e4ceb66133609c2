import os
import subprocess
import sys

from django.contrib.auth import get_user_model

from nextround.cli import main
from nextround.tracker.models import Application, Contact, FollowUp, Interaction, StageChange


def counts():
    return [model.objects.count() for model in (Application, Contact, Interaction, FollowUp, StageChange)]


def test_init_twice_is_harmless(db, capsys):
    assert main(["init"]) == 0
    assert main(["init"]) == 0
    assert "is ready" in capsys.readouterr().out


def test_demo_twice_changes_nothing(db, capsys):
    assert main(["demo"]) == 0
    first = counts()
    assert main(["demo"]) == 0
    assert counts() == first
    out = capsys.readouterr().out
    assert "demo / nextround-demo" in out
    assert "already there" in out
    user = get_user_model().objects.get(username="demo")
    assert user.check_password("nextround-demo")


def test_the_demo_is_a_believable_search(db):
    main(["demo"])
    user = get_user_model().objects.get(username="demo")
    stages = set(Application.objects.filter(owner=user).values_list("stage", flat=True))
    assert stages == {
        "saved",
        "applied",
        "screening",
        "interviewing",
        "offer",
        "rejected",
        "withdrawn",
        "ghosted",
    } or stages >= {"applied", "interviewing", "rejected", "ghosted", "offer"}
    assert 20 <= Application.objects.filter(owner=user).count() <= 30
    roles = set(Contact.objects.filter(owner=user).values_list("role", flat=True))
    assert roles == {"recruiter", "hiring_manager", "interviewer", "reference", "mutual", "other"}
    assert FollowUp.objects.filter(owner=user, status="open").exists()
    assert Interaction.objects.filter(owner=user).count() >= 15
    from nextround.playbook.models import Plan, StepLog

    # Recent rejections come with plans, and some plans with what people said, so every page has content.
    assert Plan.objects.filter(owner=user, kind="rejection").count() >= 5
    assert Plan.objects.filter(owner=user, kind="ghosted").exists()
    outcomes = set(StepLog.objects.filter(owner=user).values_list("outcome", flat=True))
    assert {"feedback", "declined", "referral"} <= outcomes


def run_cli(*args, **env):
    # A fresh SQLite database in a temporary data directory unless the test names another database.
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "NEXTROUND_SECRET_KEY")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "nextround", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def test_a_bad_database_url_gives_a_one_line_error(tmp_path):
    result = run_cli("init", DATABASE_URL="mysql://nobody@localhost/x", NEXTROUND_DATA_DIR=str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreachable_database_gives_a_one_line_error(tmp_path):
    result = run_cli(
        "init", DATABASE_URL="postgres://nobody@127.0.0.1:1/nothing", NEXTROUND_DATA_DIR=str(tmp_path)
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "cannot set up the database" in result.stderr


def test_a_bad_setting_names_the_variable(tmp_path):
    for name, value in [
        ("NEXTROUND_DEBUG", "maybe"),
        ("NEXTROUND_TIME_ZONE", "Mars/Olympus"),
        ("NEXTROUND_SECRET_KEY", "short"),
    ]:
        result = run_cli("init", NEXTROUND_DATA_DIR=str(tmp_path), **{name: value})
        assert result.returncode == 2
        assert result.stderr.startswith(f"nextround: configuration error: {name}")
        assert result.stderr.count("\n") == 1


def test_the_secret_key_is_generated_once_and_private(tmp_path):
    env = {"NEXTROUND_DATA_DIR": str(tmp_path)}
    environment = {k: v for k, v in os.environ.items() if k not in ("NEXTROUND_SECRET_KEY", "DATABASE_URL")}
    for _ in range(2):
        subprocess.run(
            [sys.executable, "-c", "import nextround.settings"], env={**environment, **env}, check=True
        )
    key_file = tmp_path / "secret_key"
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert len(key_file.read_text()) >= 50


def test_init_creates_a_sqlite_database_in_wal_mode(tmp_path):
    result = run_cli("init", NEXTROUND_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    import sqlite3

    connection = sqlite3.connect(tmp_path / "nextround.sqlite3")
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_serve_refuses_a_database_that_is_not_set_up(tmp_path):
    result = run_cli("serve", "--port", "8799", NEXTROUND_DATA_DIR=str(tmp_path))
    assert result.returncode == 2
    assert "run `nextround init` first" in result.stderr


def test_bad_port_is_named(capsys):
    try:
        main(["serve", "--port", "http"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "--port must be a number" in capsys.readouterr().err


def test_manage_passes_through(db, capsys):
    assert main(["manage", "check"]) == 0
    assert "no issues" in capsys.readouterr().out


def test_the_models_and_migrations_agree(db, capsys):
    # A model change without its migration would break `nextround init` on every other machine.
    assert main(["manage", "makemigrations", "--check", "--dry-run"]) == 0
    assert "No changes detected" in capsys.readouterr().out


def test_an_unusable_data_directory_is_named(tmp_path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    result = run_cli("init", NEXTROUND_DATA_DIR=str(blocked / "data"))
    assert result.returncode == 2
    assert result.stderr.startswith("nextround: configuration error: NEXTROUND_DATA_DIR")
    assert result.stderr.count("\n") == 1
