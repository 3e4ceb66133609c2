"""IMAP sync against a real Dovecot server on 127.0.0.1 (see tests/mail/dovecot.py)."""

import datetime as dt
import io
import shutil
import tempfile
from pathlib import Path

import pytest

from nextround.cli import main
from nextround.mail import accounts, imap
from nextround.mail.models import MailAccount, MailMessage
from tests.mail import dovecot
from tests.mail.helpers import friend, invitation, job_alert, rejection
from tests.personas import make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not dovecot.installed(),
        reason="Dovecot is not installed here (apt-get install dovecot-imapd; .ci/run installs it)",
    ),
]


@pytest.fixture(scope="module")
def server():
    # Not pytest's tmp_path: its parent is private to this user, and Dovecot reads as its own user.
    folder = Path(tempfile.mkdtemp(prefix="nextround-dovecot-"))
    running = dovecot.start(folder)
    yield running
    running.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def trusted(server, settings):
    settings.MAIL_IMAP_CA_FILE = str(server.cert)
    return server


@pytest.fixture
def mailbox(server):
    """A fresh mailbox user on the server, and a nextround user whose account points at it."""
    name = server.new_user()
    owner = make_user(name.split("@")[0])
    return name, owner, server.connect(owner=owner, user=name)


def numbered(factory, n):
    return factory(message_id=f"{factory.__name__}-{n}@example.com")


def test_a_sync_stores_the_job_search_mail_and_a_second_one_fetches_only_what_is_new(trusted, mailbox):
    name, owner, account = mailbox
    trusted.fill(name, [rejection(), invitation(), job_alert(), friend()])
    result = imap.sync(account=account)
    assert result.fetched == 4
    assert sorted(MailMessage.objects.filter(owner=owner).values_list("kind", flat=True)) == [
        "interview_invitation",
        "rejection",
    ]
    account.refresh_from_db()
    assert account.uidvalidity and account.last_uid == 4
    assert "Fetched 4 new messages" in account.last_result
    assert imap.sync(account=account).fetched == 0
    trusted.fill(name, [numbered(rejection, 2)])
    again = imap.sync(account=account)
    assert again.fetched == 1 and MailMessage.objects.filter(owner=owner).count() == 3


def test_since_date_leaves_older_messages_alone(trusted, mailbox):
    name, owner, account = mailbox
    client = trusted.client(name)
    client.append("INBOX", rejection().as_bytes(), msg_time=dt.datetime(2025, 1, 10, tzinfo=dt.UTC))
    client.append("INBOX", invitation().as_bytes(), msg_time=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    client.logout()
    account.since = dt.date(2026, 1, 1)
    account.save()
    assert imap.sync(account=account).fetched == 1
    assert list(MailMessage.objects.filter(owner=owner).values_list("kind", flat=True)) == [
        "interview_invitation"
    ]


def test_a_renumbered_folder_starts_over_without_duplicates(trusted, mailbox):
    name, owner, account = mailbox
    trusted.fill(name, [rejection(), invitation()])
    imap.sync(account=account)
    account.refresh_from_db()
    account.uidvalidity += 1  # what the server says when it renumbered the folder
    account.save()
    result = imap.sync(account=account)
    assert result.started_over and result.fetched == 2
    assert MailMessage.objects.filter(owner=owner).count() == 2


def test_a_wrong_password_is_said_plainly_and_nothing_is_stored(trusted, mailbox):
    name, owner, account = mailbox
    trusted.fill(name, [rejection()])
    with pytest.raises(imap.SyncFailed, match="refused the user name or the app password"):
        imap.sync(account=account, password="not-the-password")
    assert MailMessage.objects.count() == 0
    account.refresh_from_db()
    assert account.last_uid == 0 and "refused" in account.last_result


def test_an_unreachable_server_is_said_plainly(trusted, mailbox):
    _, _, account = mailbox
    account.port = dovecot.free_port()  # nothing listens there
    with pytest.raises(imap.SyncFailed, match="refused the connection"):
        imap.sync(account=account)


def test_a_certificate_that_cannot_be_verified_gets_no_password(server, mailbox, settings):
    settings.MAIL_IMAP_CA_FILE = ""  # the test server's certificate is self-signed
    name, _, account = mailbox
    with pytest.raises(imap.SyncFailed, match="certificate .* could not be verified"):
        imap.sync(account=account)
    assert "Login: user=<" + name not in (server.folder / "dovecot.log").read_text()


def test_a_missing_folder_is_named(trusted, mailbox):
    _, _, account = mailbox
    account.folder = "Jobs"
    account.save()
    with pytest.raises(imap.SyncFailed, match="no folder “Jobs”"):
        imap.sync(account=account)


def test_a_connection_dropped_mid_sync_keeps_whole_batches_and_the_next_sync_finishes(trusted, mailbox):
    name, owner, account = mailbox
    letters = [numbered(rejection, n) for n in range(6)]
    trusted.fill(name, letters)
    size = len(letters[0].as_bytes())
    proxy = dovecot.DroppingProxy(trusted.port, after=2_500 + int(size * 3.5))  # inside the second batch
    account.port = proxy.port
    account.save()
    try:
        with pytest.raises(imap.SyncFailed, match="dropped after 2 of 6 new messages"):
            imap.sync(account=account, batch=2)
    finally:
        proxy.close()
    account.refresh_from_db()
    assert account.last_uid == 2
    assert MailMessage.objects.filter(owner=owner).count() == 2
    account.port = trusted.port
    account.save()
    assert imap.sync(account=account, batch=2).fetched == 4
    assert MailMessage.objects.filter(owner=owner).count() == 6


def test_the_sync_command_reports_what_it_fetched(trusted, mailbox, monkeypatch):
    name, owner, _ = mailbox
    trusted.fill(name, [rejection()])
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    assert main(["mail", "sync", "--user", owner.username]) == 0
    assert "fetched 1 new message" in out.getvalue()
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    make_user("nomailbox")
    assert main(["mail", "sync", "--user", "nomailbox"]) == 2
    assert "no mailbox set up" in err.getvalue()


def test_the_password_is_stored_encrypted_and_removable(trusted, mailbox, settings, tmp_path):
    _, owner, account = mailbox
    assert dovecot.PASSWORD.encode() not in bytes(account.password_encrypted)
    accounts.remove_account(account=account)
    assert not MailAccount.objects.filter(owner=owner).exists()
