"""Big imports: one per account at a time, progress on the command line, and read as streams."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from nextround.tracker.models import Contact
from nextround.transfer.jobs import ImportBusy, running
from nextround.transfer.services import import_linkedin
from tests.personas import make_user
from tests.transfer.helpers import connections, run

pytestmark = pytest.mark.django_db


def people(count: int) -> bytes:
    return connections(
        *(
            f"Person,{n},https://www.linkedin.com/in/p{n},,Company {n % 50},Analyst,01 Mar 2024"
            for n in range(count)
        )
    )


def test_a_second_import_into_the_same_account_is_refused_politely(tmp_path, capsys, client):
    owner = make_user("busy")
    other = make_user("free")
    path = tmp_path / "Connections.csv"
    path.write_bytes(people(3))
    with running(owner=owner, label="Importing by hand"):
        with pytest.raises(ImportBusy):
            import_linkedin(owner=owner, data=people(3))
        code, _out, err = run(capsys, "import", "linkedin", path, "--user", "busy")
        assert code == 2 and "another import into your account is still running" in err
        client.force_login(owner)
        with path.open("rb") as handle:
            response = client.post(reverse("transfer:linkedin"), {"file": handle})
        assert response.status_code == 422
        assert "another import into your account is still running" in response.content.decode()
        import_linkedin(owner=other, data=people(3))  # someone else's import goes ahead
    assert not Contact.objects.filter(owner=owner).exists()
    assert Contact.objects.filter(owner=other).count() == 3
    [summary] = import_linkedin(owner=owner, data=people(3))  # and once it is over, so does theirs
    assert summary.created == 3


def test_the_command_says_how_far_a_big_import_has_got(tmp_path, capsys):
    make_user("big")
    path = tmp_path / "Connections.csv"
    path.write_bytes(people(12_000))
    code, out, err = run(capsys, "import", "linkedin", path, "--user", "big")
    assert code == 0, err
    assert "12000 created" in out
    assert "checking rows: 12,000 of 12,000" in err
    assert "saving rows: 12,000 of 12,000" in err


def test_rows_repeated_across_batches_are_one_contact(tmp_path):
    owner = make_user("repeat")
    rows = [f"Person,{n},https://www.linkedin.com/in/p{n},,Acme,Analyst,01 Mar 2024" for n in range(1500)]
    rows += [rows[3].replace("Analyst", "Lead"), rows[1200]]
    [summary] = import_linkedin(owner=owner, data=connections(*rows))
    assert Contact.objects.filter(owner=owner).count() == 1500
    assert summary.created == 1500
    [again] = import_linkedin(owner=owner, data=connections(*rows))
    assert again.created == 0


@pytest.fixture
def pages_never_block_the_import():
    """The test database is SQLite's shared in-memory cache, where a page reading a table the import is
    writing makes the import's write fail at once. A database file (WAL) never blocks a writer for a reader,
    and neither does a connection that reads uncommitted rows: the pages here read so, for this test."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA read_uncommitted = true")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = false")


@pytest.mark.django_db(transaction=True)
def test_a_web_import_runs_in_the_background_and_the_page_shows_its_progress(
    settings, client, tmp_path, pages_never_block_the_import
):
    import time

    from django.test import Client

    settings.IMPORTS_IN_BACKGROUND = True
    owner, other = make_user("waiting"), make_user("nosy")
    client.force_login(owner)
    # Logging in writes (the session, the last login), so the other person does it before the import starts:
    # on the shared in-memory test database a write waits for nothing and fails while the import writes.
    nosy = Client()
    nosy.force_login(other)
    path = tmp_path / "Connections.csv"
    path.write_bytes(people(20_000))
    with path.open("rb") as handle:
        response = client.post(reverse("transfer:linkedin"), {"file": handle}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'hx-trigger="every 1s"' in page and "<progress" in page
    job_url = re.search(r'hx-get="(/import/jobs/[^"/]+/)"', page).group(1)
    assert nosy.get(job_url).status_code == 404
    whole = client.get(job_url).content.decode()
    assert "Importing Connections.csv" in whole
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        fragment = client.get(job_url, headers={"HX-Request": "true"}).content.decode()
        if "every 1s" not in fragment:
            break
        time.sleep(0.5)
    assert "20000 added" in fragment, fragment
    assert Contact.objects.filter(owner=owner).count() == 20_000
