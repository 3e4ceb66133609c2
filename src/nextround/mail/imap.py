"""IMAP sync: fetch what is new in one folder, incrementally, with an app password.

Incremental by UIDVALIDITY and UID (RFC 3501): the account remembers the folder's UIDVALIDITY and the last
UID read, so a second sync asks only for UIDs above it; a changed UIDVALIDITY means the server renumbered
the folder, so the sync starts over (Message-IDs keep that from adding anything twice). Messages are read
in batches; each batch is stored together with its last UID in one transaction, so a connection that drops
mid-sync leaves everything before it saved and consistent, and the next sync carries on from there.
The connection is always encrypted (TLS from the start, or STARTTLS on port 143) and the certificate checked.
"""

import contextlib
import imaplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from nextround.mail import vault
from nextround.mail.models import MailAccount
from nextround.mail.parse import parse_bytes
from nextround.mail.services import Intake, Summary
from nextround.mail.vocabulary import MailOrigin

BATCH = 100
TIMEOUT = 20


class SyncFailed(Exception):
    """A sync that could not finish; the message says what went wrong and what to do."""


@dataclass
class SyncResult:
    fetched: int
    summary: Summary
    started_over: bool = False

    def __str__(self) -> str:
        if not self.fetched:
            return "no new messages."
        return f"fetched {self.fetched:,} new message{'s' if self.fetched != 1 else ''}; {self.summary}"


def tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=getattr(settings, "MAIL_IMAP_CA_FILE", None) or None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def connect(account: MailAccount, password: str):
    """A logged-in client, or SyncFailed with a message that names the problem."""
    from imapclient import IMAPClient
    from imapclient.exceptions import LoginError

    where = f"{account.host}:{account.port}"
    try:
        implicit = account.port != 143  # 143 is plain IMAP, upgraded with STARTTLS; others speak TLS
        client = IMAPClient(
            account.host, port=account.port, ssl=implicit, ssl_context=tls_context(), timeout=TIMEOUT
        )
        if not implicit:
            client.starttls(tls_context())
        client.login(account.username, password)
        return client
    except LoginError:
        raise SyncFailed(
            f"{account.host} refused the user name or the app password. Check both; most providers want an "
            "app password here, not your usual one (see docs/mail.md)."
        ) from None
    except ssl.SSLCertVerificationError as exc:
        raise SyncFailed(
            f"The certificate of {where} could not be verified ({exc.verify_message}), so nextround did not "
            "send your password. Check the server name; if your provider uses its own certificate authority, "
            "point NEXTROUND_IMAP_CA_FILE at it."
        ) from None
    except ssl.SSLError as exc:
        raise SyncFailed(
            f"The secure connection to {where} failed ({exc.reason or exc}). Check the port: 993 for IMAP "
            "over TLS."
        ) from None
    except socket.gaierror:
        raise SyncFailed(f"There is no server called “{account.host}”. Check the server name.") from None
    except ConnectionRefusedError:
        raise SyncFailed(
            f"{where} refused the connection: nothing is listening there. Check the server name and port "
            "(993 for IMAP over TLS)."
        ) from None
    except TimeoutError:
        raise SyncFailed(f"{where} did not answer within {TIMEOUT} seconds. Try again later.") from None
    except (OSError, imaplib.IMAP4.error) as exc:
        raise SyncFailed(f"Could not talk to {where}: {exc}. Check the server name and port.") from None


def sync(
    *,
    account: MailAccount,
    password: str | None = None,
    on_outcome: Callable | None = None,
    batch: int = BATCH,
) -> SyncResult:
    """Fetch the messages that are new since the last sync and add them to the review queue."""
    try:
        password = password if password is not None else vault.decrypt(account.password_encrypted)
        client = connect(account, password)
    except (vault.VaultError, SyncFailed) as exc:
        record(account, str(exc))
        raise SyncFailed(str(exc)) from None
    try:
        return _sync(client, account, on_outcome, batch)
    except SyncFailed as exc:
        record(account, str(exc))
        raise
    finally:
        # The connection may already be gone; there is nothing to tidy up then.
        with contextlib.suppress(Exception):
            client.logout()


def _sync(client, account: MailAccount, on_outcome, batch: int) -> SyncResult:
    from imapclient.exceptions import IMAPClientError

    try:
        info = client.select_folder(account.folder, readonly=True)
    except IMAPClientError:
        raise SyncFailed(
            f"There is no folder “{account.folder}” on {account.host}. Use the folder's name as your mail "
            "program shows it (Gmail: a label such as “Jobs”, or “[Gmail]/All Mail”)."
        ) from None
    uidvalidity = int(info.get(b"UIDVALIDITY", 0))
    started_over = account.uidvalidity is not None and account.uidvalidity != uidvalidity
    last_uid = 0 if started_over or account.uidvalidity is None else account.last_uid
    criteria = ["UID", f"{last_uid + 1}:*"]
    if account.since:
        criteria += ["SINCE", account.since]
    try:
        # "n:*" always matches the last message, even when its UID is below n.
        uids = sorted(uid for uid in client.search(criteria) if uid > last_uid)
    except (OSError, imaplib.IMAP4.error) as exc:
        raise SyncFailed(f"{account.host} stopped answering while listing new messages ({exc}).") from None
    intake = Intake(owner=account.owner, origin=MailOrigin.IMAP)
    done = 0
    for start in range(0, len(uids), batch):
        chunk = uids[start : start + batch]
        try:
            fetched = client.fetch(chunk, ["BODY.PEEK[]"])
        except (OSError, imaplib.IMAP4.error, imaplib.IMAP4.abort) as exc:
            raise SyncFailed(
                f"The connection to {account.host} dropped after {done:,} of {len(uids):,} new messages "
                f"({type(exc).__name__}). The {done:,} read before are saved; sync again to fetch the rest."
            ) from None
        mails = [parse_bytes(fetched[uid][b"BODY[]"]) for uid in chunk if b"BODY[]" in fetched.get(uid, {})]
        with transaction.atomic():
            for outcome in intake.handle(mails):
                if on_outcome:
                    on_outcome(outcome)
            account.uidvalidity, account.last_uid = uidvalidity, chunk[-1]
            account.save(update_fields=["uidvalidity", "last_uid"])
        done += len(chunk)
    if account.uidvalidity != uidvalidity:  # nothing new, but remember which numbering we have seen
        account.uidvalidity = uidvalidity
        account.save(update_fields=["uidvalidity"])
    result = SyncResult(fetched=done, summary=intake.summary, started_over=started_over)
    record(account, f"Fetched {done:,} new message{'s' if done != 1 else ''}.")
    return result


def record(account: MailAccount, message: str) -> None:
    account.last_synced_at = timezone.now()
    account.last_result = message[:500]
    account.save(update_fields=["last_synced_at", "last_result"])
