"""An import holds the database's write lock only while a batch is written, not while it is matched: another
person, on their own connection, logs in and saves their settings in the middle of a big import.

SQLite's write lock is what is at stake (a transaction opens with BEGIN IMMEDIATE, see config.py): on the
test's shared in-memory database a second connection that finds the lock taken is refused at once, so a
batch matched inside its transaction shows as a failed login or save here."""

import threading

import pytest
from django.db import connection
from django.test import Client

from nextround.tracker.models import Company, Contact
from nextround.transfer import writing
from nextround.transfer.services import BATCH_ROWS, import_linkedin
from tests.core.test_busy import SETTINGS  # a settings form as Sam saves it
from tests.personas import make_user
from tests.transfer.helpers import connections


def log_in_and_save(answers: list) -> None:
    """Sam logs in and saves their settings on a connection of their own (a thread has its own)."""
    try:
        sam = Client()
        login = sam.post("/accounts/login/", {"username": "sam", "password": "a-long-test-password"})
        save = sam.post("/settings/", SETTINGS)
        saved = save.status_code == 302 and "/accounts/login/" not in save["Location"]
        answers.append((login.status_code, "saved" if saved else save.status_code))
    except Exception as exc:  # the answer is the test's to judge
        answers.append(exc)
    finally:
        connection.close()


def meanwhile(answers: list) -> None:
    thread = threading.Thread(target=log_in_and_save, args=(answers,))
    thread.start()
    thread.join(timeout=60)


@pytest.mark.django_db(transaction=True)
def test_another_person_logs_in_and_saves_while_a_batch_is_matched_and_between_batches(monkeypatch):
    owner = make_user("importer")
    make_user("sam")
    # Companies the account has: each new name in the file is compared with them for close spellings.
    Company.objects.bulk_create(Company(owner=owner, name=f"Northwind Analytics {n}") for n in range(300))
    count = BATCH_ROWS * 5 // 2  # three batches, the last one half full
    rows = [
        f"Person,{n},https://www.linkedin.com/in/p{n},,Northwind Analytic {n % 500},Analyst,01 Mar 2024"
        for n in range(count)
    ]
    while_matching, between_batches = [], []
    resolve = writing.Companies.ids_for

    def resolve_then_sam(self, names):
        found = resolve(self, names)  # the batch's companies are resolved; its rows are not written yet
        meanwhile(while_matching)
        return found

    def after_each_batch(stage, done, total):
        if stage == "saving" and done < total:
            meanwhile(between_batches)

    monkeypatch.setattr(writing.Companies, "ids_for", resolve_then_sam)
    [summary] = import_linkedin(owner=owner, data=connections(*rows), progress=after_each_batch)

    assert while_matching == [(302, "saved")] * 3
    assert between_batches == [(302, "saved")] * 2
    assert summary.created == count and Contact.objects.filter(owner=owner).count() == count
    assert summary.suggestions  # the close spellings were found, outside the batches' transactions
