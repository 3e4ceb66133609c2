"""Bringing mail in: read, recognise, match, and keep the messages about the job search for review.

Every source (a paste, a dropped .eml, an uploaded mailbox, the command line, IMAP) ends here. Messages
are handled in batches, so memory stays flat however big the mailbox is; messages that are not about the
job search are never stored. A Message-ID seen before (for this user) adds nothing.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from nextround.mail import addressee, matching, review
from nextround.mail.models import MailAccount, MailMessage
from nextround.mail.parse import Mail, parse_bytes
from nextround.mail.recognise import Reading, recognise
from nextround.mail.sources import RawMessage
from nextround.mail.vocabulary import Action, MessageType
from nextround.tracker.models import Application, Company
from nextround.tracker.vocabulary import CLOSED_STAGES

BATCH = 200


@dataclass(frozen=True)
class Outcome:
    """What happened to one message (one line of `mail import --dry-run --json`)."""

    message_id: str
    type: str
    company: str
    role: str
    application: dict | None  # {"company", "role_title"} of the matched application
    action: str
    stored: bool = False

    def as_json(self) -> dict:
        return {
            "message_id": self.message_id,
            "type": self.type,
            "company": self.company,
            "role": self.role,
            "application": self.application,
            "action": self.action,
        }


@dataclass
class Summary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    not_job_search: int = 0
    applied: int = 0  # rejections applied at once ("apply rejections automatically")
    by_type: dict = field(default_factory=dict)

    def __str__(self) -> str:
        parts = [f"read {self.read:,} message{'s' if self.read != 1 else ''}"]
        parts.append(f"{self.stored:,} about your job search added to the review queue")
        if self.applied:
            parts.append(
                f"{self.applied:,} rejection{'s' if self.applied != 1 else ''} applied automatically"
            )
        if self.duplicates:
            parts.append(f"{self.duplicates:,} already imported")
        if self.not_job_search:
            parts.append(f"{self.not_job_search:,} not about your job search (not stored)")
        return "; ".join(parts) + "."


class Intake:
    """One import: the user's applications loaded once, then messages handled batch by batch."""

    def __init__(self, *, owner, origin: str, dry_run: bool = False):
        self.owner = owner
        self.origin = origin
        self.dry_run = dry_run
        self.summary = Summary()
        self.seen: set[str] = set()
        accounts = MailAccount.objects.filter(owner=owner).values_list("username", flat=True)
        self.known = addressee.known(addresses=[owner.email, *accounts], names=[owner.first_name])
        self.recipients: Counter = Counter()  # who the letters that are not forwards were sent to
        self.names: dict[str, str] = {}
        self.refresh()

    def refresh(self) -> None:
        rows = Application.objects.filter(owner=self.owner).values_list(
            "pk", "company__name", "company__website", "role_title", "stage"
        )
        candidates = matching.candidates_from(rows, CLOSED_STAGES)
        self.applications = {c.id: c for c in candidates}
        self.matcher = matching.Matcher(candidates)
        self.companies = tuple(Company.objects.filter(owner=self.owner).values_list("name", flat=True))

    def run(
        self, mails: Iterable[Mail], *, progress: Callable[[int], None] | None = None
    ) -> Iterator[Outcome]:
        batch: list[Mail] = []
        for mail in mails:
            batch.append(mail)
            if len(batch) >= BATCH:
                yield from self.handle(batch)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            yield from self.handle(batch)
            if progress:
                progress(len(batch))

    def handle(self, mails: list[Mail]) -> list[Outcome]:
        existing = set(
            MailMessage.objects.filter(
                owner=self.owner, message_id__in=[m.message_id for m in mails]
            ).values_list("message_id", flat=True)
        )
        fresh = []
        outcomes: dict[int, Outcome] = {}
        addressee.count_recipients((m.to for m in mails if not m.forwarded), self.recipients, self.names)
        for position, mail in enumerate(mails):
            self.summary.read += 1
            if mail.message_id in existing or mail.message_id in self.seen:
                self.summary.duplicates += 1
                outcomes[position] = Outcome(mail.message_id, "", "", "", None, Action.DUPLICATE.value)
            else:
                self.seen.add(mail.message_id)
                fresh.append((position, mail))
        readings = recognise(
            [mail for _, mail in fresh],
            known_companies=self.companies,
            addressee=self.known.joined(addressee.most_written_to(self.recipients, self.names)),
        )
        rows = []
        for (position, mail), reading in zip(fresh, readings, strict=True):
            outcome, row = self.consider(mail, reading)
            outcomes[position] = outcome
            if row is not None:
                rows.append(row)
        applied = 0
        if rows and not self.dry_run:
            with transaction.atomic():
                MailMessage.objects.bulk_create(rows, ignore_conflicts=True)
                applied = review.apply_automatically(
                    owner=self.owner, message_ids=[r.message_id for r in rows]
                )
            if applied:
                self.summary.applied += applied
                self.refresh()  # the rejections applied moved applications; later letters see them moved
        return [outcomes[i] for i in range(len(mails))]

    def consider(self, mail: Mail, reading: Reading) -> tuple[Outcome, MailMessage | None]:
        kind = reading.type
        self.summary.by_type[kind.value] = self.summary.by_type.get(kind.value, 0) + 1
        if kind == MessageType.OTHER:
            self.summary.not_job_search += 1
            return Outcome(mail.message_id, kind.value, "", "", None, Action.SKIP.value), None
        found = self.matcher.match(company=reading.company, role=reading.role, from_address=mail.from_address)
        application = self.applications.get(found.application_id) if found.application_id else None
        action = matching.propose(kind, found, application.stage if application else None, reading.company)
        self.summary.stored += 1
        outcome = Outcome(
            mail.message_id,
            kind.value,
            reading.company,
            reading.role,
            {"company": application.company, "role_title": application.role_title} if application else None,
            action.value,
            stored=not self.dry_run,
        )
        row = MailMessage(
            owner=self.owner,
            message_id=mail.message_id,
            origin=self.origin,
            subject=mail.subject[:500],
            sender_name=mail.from_name[:200],
            sender_address=mail.from_address[:254],
            sent_at=mail.date or timezone.now(),
            text=mail.text,
            forwarded=mail.forwarded,
            kind=kind.value,
            confidence=round(reading.confidence, 4),
            company_name=reading.company[:200],
            role_title=reading.role[:200],
            decisive=reading.decisive[:2000],
            feedback=reading.feedback[:2000],
            application_id=found.application_id,
            candidates=list(found.candidates),
            action=action.value,
        )
        return outcome, row


def parse_raw(messages: Iterable[RawMessage]) -> Iterator[Mail]:
    for raw in messages:
        yield parse_bytes(raw.data)


def import_mail(*, owner, mails: Iterable[Mail], origin: str, dry_run: bool = False, progress=None):
    """Import `mails`; returns (outcomes, summary). The outcomes are produced as the import goes."""
    intake = Intake(owner=owner, origin=origin, dry_run=dry_run)
    return intake.run(mails, progress=progress), intake.summary
