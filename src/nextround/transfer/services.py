"""Imports from LinkedIn and spreadsheets: one transaction per file, no duplicates on re-import.

Rows are matched against what the user already has with dictionaries built once per import and written with
bulk operations, so an import costs a handful of queries however many rows the file has.
"""

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone

from nextround.core.access import profile_for
from nextround.core.models import MAX_SALARY
from nextround.tracker import services as tracker
from nextround.tracker.models import Application, Company, Contact, StageChange
from nextround.tracker.vocabulary import Origin
from nextround.transfer import linkedin, spreadsheet
from nextround.transfer.keys import application_keys, contact_keys, find_contact
from nextround.transfer.matching import CompanyIndex
from nextround.transfer.tables import ApplicationRecord, ContactRecord, Parsed, RowProblem

LINKEDIN_HOW_WE_KNOW = "LinkedIn connection"
BATCH = 500
KIND_LABELS = {
    linkedin.CONNECTIONS: "LinkedIn connections",
    linkedin.JOB_APPLICATIONS: "LinkedIn job applications",
    "spreadsheet": "Applications from your spreadsheet",
}
_url = URLValidator(schemes=["http", "https"])


class ImportFailed(Exception):
    """A row is bad and the user did not ask to skip bad rows: nothing from the file was saved."""

    def __init__(self, problems: list[RowProblem]):
        self.problems = problems
        more = f" (and {len(problems) - 1} more bad rows)" if len(problems) > 1 else ""
        super().__init__(
            f"{problems[0]}{more}. Nothing was imported; fix the file, or choose to skip bad rows."
        )


@dataclass
class Summary:
    kind: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[RowProblem] = field(default_factory=list)
    companies_created: int = 0

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def __str__(self) -> str:
        return (
            f"{self.label}: {self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped; {self.companies_created} new companies"
        )


class _DryRun(Exception):
    pass


def import_linkedin(*, owner, data: bytes, filename: str = "", skip_bad_rows: bool = False) -> list[Summary]:
    """A LinkedIn Connections.csv, Job Applications.csv, or the whole export as a .zip (one transaction)."""
    parsed = linkedin.parse(data, filename=filename)
    with transaction.atomic():
        return [_write(owner, item, skip_bad_rows=skip_bad_rows) for item in parsed]


def import_spreadsheet(
    *, owner, table, mapping: spreadsheet.Mapping, skip_bad_rows: bool = False, dry_run: bool = False
) -> Summary:
    """Applications from a spreadsheet with a column mapping; `dry_run` counts without keeping anything."""
    parsed = spreadsheet.parse_rows(table, mapping)
    stage_from_file = mapping.column_for("stage") is not None
    try:
        with transaction.atomic():
            summary = _write(owner, parsed, skip_bad_rows=skip_bad_rows, stage_from_file=stage_from_file)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return summary


def _write(owner, parsed: Parsed, *, skip_bad_rows: bool, stage_from_file: bool = False) -> Summary:
    summary = Summary(parsed.kind, skipped=list(parsed.problems))
    checker = _check_contact if parsed.kind == linkedin.CONNECTIONS else _check_application
    records = []
    for record in parsed.records:
        problem = checker(record)
        if problem:
            summary.skipped.append(RowProblem(record.line, problem))
        else:
            records.append(record)
    summary.skipped.sort(key=lambda problem: problem.line)
    if summary.skipped and not skip_bad_rows:
        raise ImportFailed(summary.skipped)
    companies = _Companies(owner)
    companies.resolve(record.company for record in records)
    if parsed.kind == linkedin.CONNECTIONS:
        _write_contacts(owner, records, companies, summary)
    else:
        _write_applications(owner, records, companies, summary, stage_from_file=stage_from_file)
    summary.companies_created = companies.created
    return summary


def _too_long(value: str, limit: int, label: str) -> str:
    return f"the {label} is {len(value)} characters long; the most is {limit}" if len(value) > limit else ""


def _check_contact(record: ContactRecord) -> str:
    for value, limit, label in (
        (record.name, 200, "name"),
        (record.company, 200, "company"),
        (record.title, 200, "position"),
        (record.linkedin_url, 500, "URL"),
    ):
        if problem := _too_long(value, limit, label):
            return problem
    try:
        if record.email:
            validate_email(record.email)
        if record.linkedin_url:
            _url(record.linkedin_url)
    except ValidationError:
        return (
            f"“{record.email if record.email else record.linkedin_url}” is not a valid email address or URL"
        )
    return ""


def _check_application(record: ApplicationRecord) -> str:
    for value, limit, label in (
        (record.company, 200, "company"),
        (record.role_title, 200, "role"),
        (record.location, 200, "location"),
        (record.notes, 20000, "notes"),
        (record.posting_url, 1000, "job posting URL"),
    ):
        if problem := _too_long(value, limit, label):
            return problem
    if record.posting_url:
        try:
            _url(record.posting_url)
        except ValidationError:
            return f"“{record.posting_url}” is not a web address (it should start with https://)"
    for amount, label in ((record.salary_min, "lowest"), (record.salary_max, "highest")):
        if amount is not None and amount > MAX_SALARY:
            return f"the {label} salary ({amount:,}) is above {MAX_SALARY:,}; is a column shifted?"
    if (
        record.salary_min is not None
        and record.salary_max is not None
        and record.salary_min > record.salary_max
    ):
        return f"the lowest salary ({record.salary_min}) is above the highest ({record.salary_max})"
    return ""


class _Companies:
    """The user's companies, found by tolerant name matching; names not found become new companies."""

    def __init__(self, owner):
        self.owner = owner
        self.created = 0
        self.by_name: dict[str, Company] = {}
        existing = list(Company.objects.filter(owner=owner).only("id", "name").order_by("pk"))
        self.by_lower = {company.name.lower(): company for company in existing}
        self.index = CompanyIndex((company.name, company) for company in existing)

    def resolve(self, names: Iterable[str]) -> None:
        new = []
        for name in dict.fromkeys(name.strip() for name in names if name.strip()):
            company = self.by_lower.get(name.lower()) or self.index.find(name)
            if company is None:
                company = Company(owner=self.owner, name=name)
                new.append(company)
                self.by_lower[name.lower()] = company
                self.index.add(name, company)
            self.by_name[name] = company
        tracker.add_companies(companies=new)
        self.created += len(new)

    def get(self, name: str) -> Company | None:
        return self.by_name.get(name.strip())


def _write_contacts(owner, records: list[ContactRecord], companies: _Companies, summary: Summary) -> None:
    known: dict[tuple, Contact] = {}
    for contact in Contact.objects.filter(owner=owner).order_by("pk"):
        for key in contact_keys(contact):
            known.setdefault(key, contact)
    new: dict[int, Contact] = {}
    changed: dict[int, Contact] = {}
    fields = ("name", "company", "title", "email", "linkedin_url", "linkedin_connected_on", "how_we_know")
    # Compared by column (company_id), so that reading them never loads a related row per contact.
    compared = (
        "name",
        "company_id",
        "title",
        "email",
        "linkedin_url",
        "linkedin_connected_on",
        "how_we_know",
    )
    for record in records:
        company = companies.get(record.company)
        incoming = Contact(
            owner=owner,
            name=record.name,
            company=company,
            email=record.email,
            linkedin_url=record.linkedin_url,
        )
        contact = find_contact(known, incoming)
        if contact is None:
            contact = incoming
            new[id(contact)] = contact
        before = [getattr(contact, name) for name in compared]
        # The file decides what LinkedIn knows; the user's notes, role, phone and cadence are kept.
        contact.name, contact.company, contact.title = record.name, company, record.title
        contact.email = record.email or contact.email
        contact.linkedin_url = record.linkedin_url or contact.linkedin_url
        contact.linkedin_connected_on = record.connected_on or contact.linkedin_connected_on
        contact.how_we_know = contact.how_we_know or LINKEDIN_HOW_WE_KNOW
        for key in contact_keys(contact):
            known.setdefault(key, contact)
        if id(contact) in new:
            continue
        if [getattr(contact, name) for name in compared] != before:
            changed[contact.pk] = contact
        else:
            summary.unchanged += 1
    tracker.save_contacts(
        owner=owner,
        created=list(new.values()),
        changed=list(changed.values()),
        fields=list(fields),
        origin=Origin.IMPORT,
    )
    summary.created, summary.updated = len(new), len(changed)


def _noon(day: dt.date | None, time_zone: str) -> dt.datetime:
    """An application date as a moment: noon in the user's time zone, so it stays on that day everywhere."""
    if day is None:
        return timezone.now()
    return dt.datetime.combine(day, dt.time(12), tzinfo=zoneinfo.ZoneInfo(time_zone))


def _write_applications(
    owner, records: list[ApplicationRecord], companies: _Companies, summary: Summary, *, stage_from_file: bool
) -> None:
    time_zone = profile_for(owner).time_zone
    known: dict[tuple, Application] = {}
    for application in Application.objects.filter(owner=owner).order_by("pk"):
        for key in application_keys(application):
            known.setdefault(key, application)
    new: dict[int, Application] = {}
    changed: dict[int, Application] = {}
    moves: dict[int, tuple[Application, str]] = {}
    fields = (
        "applied_on",
        "posting_url",
        "location",
        "notes",
        "salary_min",
        "salary_max",
        "salary_currency",
        "source",
    )
    for record in records:
        incoming = Application(
            owner=owner,
            company=companies.get(record.company),
            role_title=record.role_title,
            applied_on=record.applied_on,
            posting_url=record.posting_url,
            source=record.source or "other",
            location=record.location,
            notes=record.notes,
            salary_min=record.salary_min,
            salary_max=record.salary_max,
            salary_currency=record.salary_currency,
            stage=record.stage,
            stage_changed_at=_noon(record.applied_on, time_zone),
        )
        application = next((known[key] for key in application_keys(incoming) if key in known), None)
        if application is None:
            new[id(incoming)] = incoming
            for key in application_keys(incoming):
                known.setdefault(key, incoming)
            continue
        if id(application) in new:
            continue  # the same application twice in one file: the first row wins
        before = [getattr(application, name) for name in fields]
        # Fill in what the application lacks; never overwrite the user's own notes or details.
        for name in fields:
            if not getattr(application, name) and getattr(incoming, name):
                setattr(application, name, getattr(incoming, name))
        if stage_from_file and record.stage != application.stage:
            moves[application.pk] = (application, record.stage)
        if [getattr(application, name) for name in fields] != before:
            changed[application.pk] = application
        elif application.pk not in moves:
            summary.unchanged += 1
    # New applications get their first stage entry from the tracker; a row that is an old rejection opens
    # no plan (the playbook plans on moves, not on new applications). A move of an application you already
    # have is a move like one on the board, dated now.
    tracker.create_applications(owner=owner, applications=list(new.values()), origin=Origin.IMPORT)
    tracker.update_applications(applications=list(changed.values()), fields=list(fields))
    now = timezone.now()
    tracker.record_stage_changes(
        owner=owner,
        changes=[
            StageChange(
                owner=owner,
                application=application,
                from_stage=application.stage,
                to_stage=stage,
                changed_at=now,
            )
            for application, stage in moves.values()
        ],
        origin=Origin.IMPORT,
    )
    summary.created = len(new)
    summary.updated = len(set(changed) | set(moves))
