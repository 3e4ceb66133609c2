"""The JSON restore reads the export as a stream and writes it in batches, still all or nothing."""

import io
import json

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nextround.demo import load_demo
from nextround.tracker.models import Company
from nextround.transfer import restore as restoring
from nextround.transfer.export import export_data, export_json
from nextround.transfer.restore import RestoreProblem, restore
from tests.transfer.test_roundtrip import doc

pytestmark = pytest.mark.django_db
User = get_user_model()


@time_machine.travel("2026-11-20 10:00 +0000", tick=False)
def test_a_stream_in_small_batches_round_trips_identically(monkeypatch):
    load_demo()
    demo = User.objects.get(username="demo")
    monkeypatch.setattr(restoring, "BATCH", 3)  # every section written in many batches
    summary = restore(username="copy", stream=io.BytesIO(export_json(demo).encode()))
    assert summary.created["companies"] > 3
    assert export_data(User.objects.get(username="copy")) == export_data(demo)


def test_a_bad_record_after_written_batches_leaves_nothing(monkeypatch):
    monkeypatch.setattr(restoring, "BATCH", 2)
    companies = [{"id": f"company-{i}", "name": f"Company {i}"} for i in range(9)]
    companies.append({"id": "company-9", "name": 42})
    with pytest.raises(RestoreProblem, match=r"data.companies\[9\].name"):
        restore(username="newcomer", text=doc({"companies": companies}))
    assert not User.objects.filter(username="newcomer").exists()
    assert not Company.objects.exists()


class ReadOnce(io.RawIOBase):
    """A stream that cannot go back (a pipe): the restore checks and writes in the same pass."""

    def __init__(self, data: bytes):
        self.inner = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        return self.inner.readinto(buffer)


def test_a_bad_record_is_refused_before_anything_is_written_on_sqlite(monkeypatch):
    """SQLite holds one write lock for everyone, so a restore checks the whole file before taking it;
    PostgreSQL does not lock others out, so there the file is checked as it is written (and undone)."""
    monkeypatch.setattr(restoring, "BATCH", 2)
    companies = [{"id": f"company-{i}", "name": f"Company {i}"} for i in range(9)]
    companies.append({"id": "company-9", "name": "x" * 500})
    with CaptureQueriesContext(connection) as queries, pytest.raises(RestoreProblem, match=r"companies\[9\]"):
        restore(username="newcomer", text=doc({"companies": companies}))
    written = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith(("INSERT", "UPDATE", "COPY"))
    ]
    if connection.vendor == "sqlite":
        assert written == []
    else:
        assert written  # one pass: batches went out, and the transaction took them back
    assert not User.objects.filter(username="newcomer").exists()
    assert not Company.objects.exists()


@time_machine.travel("2026-11-20 10:00 +0000", tick=False)
def test_a_stream_that_cannot_go_back_is_checked_as_it_is_written(monkeypatch):
    load_demo()
    demo = User.objects.get(username="demo")
    monkeypatch.setattr(restoring, "BATCH", 3)
    restore(username="copy", stream=ReadOnce(export_json(demo).encode()))
    assert export_data(User.objects.get(username="copy")) == export_data(demo)
    companies = [{"id": f"company-{i}", "name": f"Company {i}"} for i in range(9)]
    companies.append({"id": "company-9", "name": 42})
    with pytest.raises(RestoreProblem, match=r"data.companies\[9\].name"):
        restore(username="newcomer", stream=ReadOnce(doc({"companies": companies}).encode()))
    assert not User.objects.filter(username="newcomer").exists()


def test_a_file_cut_short_leaves_nothing():
    text = doc({"companies": [{"id": "company-1", "name": "Acme"}, {"id": "company-2", "name": "Beta"}]})
    with pytest.raises(RestoreProblem, match="not valid JSON"):
        restore(username="newcomer", text=text[: text.index("Beta")])
    assert not Company.objects.exists()


def test_parts_out_of_an_exports_order_are_named():
    text = json.dumps(
        {
            "format": "nextround",
            "version": 1,
            "data": {"applications": [], "companies": [{"id": "company-1", "name": "Acme"}]},
        }
    )
    with pytest.raises(RestoreProblem, match="data.companies: comes after data.applications"):
        restore(username="newcomer", text=text)


def test_the_header_must_come_before_the_data():
    text = '{"data": {"companies": []}, "format": "nextround", "version": 1}'
    with pytest.raises(RestoreProblem, match="format: this is not a nextround export"):
        restore(username="newcomer", text=text)
