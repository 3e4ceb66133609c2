"""Nobody gets a 500 because someone else holds SQLite's write lock: a request that cannot get it in time
answers "busy, try again" (503, Retry-After, the site's layout), and pages that only show never take it.
Tested against a real server with a second connection holding the lock."""

import sqlite3
from contextlib import contextmanager

import pytest

from tests.live import Visitor, environment, served

SHEET = b"Company,Role,Status\nAcme,Analyst,applied\nBluefin,Engineer,rejected\n"


@pytest.fixture
def server(tmp_path):
    env = environment(tmp_path, NEXTROUND_SQLITE_BUSY_SECONDS="1")
    with served(env) as port:
        yield port, tmp_path / "nextround.sqlite3"


@contextmanager
def write_lock_held(database):
    """Another connection (another process, in real life) holds the write lock until the block ends."""
    other = sqlite3.connect(database, isolation_level=None, timeout=5)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


SETTINGS = {
    "full_name": "Robin",
    "time_zone": "UTC",
    "ghost_checkin_days": "5",
    "weekly_goal_applications": "5",
    "weekly_goal_followups": "5",
    "weekly_goal_contacts": "3",
}


def test_a_save_that_cannot_get_the_lock_says_busy_and_the_next_try_works(server):
    port, database = server
    robin = Visitor(port)
    robin.sign_up("robin")
    robin.request("GET", "/settings/")
    with write_lock_held(database):
        response, text = robin.post("/settings/", SETTINGS)
        assert response.status == 503
        assert response.headers["Retry-After"] == "5"
        assert "Busy for a moment" in text and "Try again in a few seconds" in text
        assert 'class="site-header"' in text  # the site's own layout, not a bare error
        htmx, fragment = robin.post("/settings/", SETTINGS, headers={"HX-Request": "true"})
        assert htmx.status == 503 and "site-header" not in fragment and "Try again" in fragment
        sam = Visitor(port)
        sam.request("GET", "/accounts/login/")
        response, text = sam.post(
            "/accounts/login/", {"username": "robin", "password": "a-long-Passphrase-9"}
        )
        assert response.status == 503 and "Busy for a moment" in text
    response, _ = robin.post("/settings/", SETTINGS)
    assert response.status == 302


def test_the_spreadsheet_preview_only_reads(server):
    port, database = server
    robin = Visitor(port)
    robin.sign_up("robin")
    robin.request("GET", "/import/")
    response, _ = robin.upload("/import/csv/", {}, "sheet.csv", SHEET)
    assert response.status == 302
    mapping_url = response.headers["Location"]
    response, _ = robin.post(
        mapping_url,
        {"date_format": "%Y-%m-%d", "column_0": "company", "column_1": "role_title", "column_2": ""},
    )
    preview_url = response.headers["Location"]
    assert preview_url.endswith("/preview/")
    with write_lock_held(database):
        response, text = robin.request("GET", preview_url)
    assert response.status == 200, text[:400]
    assert "would add <strong>2</strong> applications" in text
