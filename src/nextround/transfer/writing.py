"""Writing imported rows in short batches, matched against what the user already has.

Each batch is matched first, with reads alone (company names resolved, close spellings found, rows found
new or changed), and only then written in one short transaction that does nothing but insert and update:
SQLite's write lock (taken when a transaction opens) is held for the writing, never for the matching, so
an import of a million rows holds it for a moment at a time and other people keep saving.

Matching uses an index of the user's rows kept as 64-bit hashes of their keys (about 100 bytes a key, not
a model object a row); a hit is confirmed against the row itself, so a hash collision can never merge two
people. A dry run (`write=False`) goes through the same matching without a single write, which is how the
spreadsheet preview counts.
"""

import dataclasses
import datetime as dt
import itertools
import zoneinfo
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone

from nextround.tracker import services as tracker
from nextround.tracker.matching import CompanyIndex
from nextround.tracker.models import Application, Company, Contact, StageChange
from nextround.tracker.vocabulary import Origin, Source
from nextround.transfer.keys import application_keys, conflicts, contact_keys
from nextround.transfer.tables import ApplicationRecord, ContactRecord

LINKEDIN_HOW_WE_KNOW = "LinkedIn connection"
BATCH = 500  # rows per bulk statement
CONTACT_FIELDS = ("name", "company", "title", "email", "linkedin_url", "linkedin_connected_on", "how_we_know")
# Compared by column (company_id), so that reading them never loads a related row per contact.
CONTACT_COMPARED = tuple("company_id" if name == "company" else name for name in CONTACT_FIELDS)
APPLICATION_FIELDS = (
    "applied_on",
    "posting_url",
    "location",
    "notes",
    "salary_min",
    "salary_max",
    "salary_currency",
    "source",
)


MAX_SUGGESTIONS = 50


@dataclasses.dataclass
class Suggestion:
    """A name in the file close to a company the user has: perhaps the same employer, for them to say."""

    name: str
    company_id: int
    company_name: str
    stand_in: int = 0
    new_id: int | None = None  # the company the import made for `name`, once written


class KeyIndex:
    """Row ids by the hashes of their keys; the first row to claim a key keeps it."""

    def __init__(self):
        self.ids: dict[int, int] = {}

    def add(self, keys: Iterable[tuple], pk: int) -> None:
        for key in keys:
            self.ids.setdefault(hash(key), pk)

    def candidates(self, keys: Iterable[tuple]) -> set[int]:
        return {pk for key in keys if (pk := self.ids.get(hash(key))) is not None}


class Companies:
    """The user's companies, found by tolerant name matching; names not found become new companies."""

    def __init__(self, owner, *, write: bool, aliases: dict[str, int] | None = None):
        self.owner, self.write = owner, write
        self.created = 0
        self.names: dict[int, str] = {}  # the companies the user had before, for suggestions
        self.suggestions: list[Suggestion] = []
        self.by_lower: dict[str, int] = {}
        self.index = CompanyIndex()
        self.before = CompanyIndex()  # only the companies you had: suggestions are made against these
        self.real: dict[int, int] = {}  # stand-in id -> id in the database, once written
        self._fake_ids = itertools.count(-1, -1)  # a dry run numbers the companies it would create
        for pk, name in Company.objects.filter(owner=owner).values_list("pk", "name").order_by("pk"):
            self.by_lower.setdefault(name.lower(), pk)
            self.index.add(name, pk)
            self.before.add(name, pk)
            self.names[pk] = name
        # Names the user confirmed are one of their companies ("Capita One" is my "Capital One").
        for name, pk in (aliases or {}).items():
            if pk in self.names:
                self.by_lower[name.strip().lower()] = pk

    def ids_for(self, names: Iterable[str]) -> tuple[dict[str, int], dict[int, Company]]:
        """name -> company id for each name, and the companies still to make for names not found (a stand-in
        id below zero each, until `add` makes them); nothing is written here."""
        found: dict[str, int] = {}
        new: dict[int, Company] = {}
        for name in dict.fromkeys(name.strip() for name in names if name.strip()):
            pk = self.by_lower.get(name.lower()) or self.index.find(name)
            if pk is None:
                # A name close to one of yours ("Capita One", "Capital One") is a new company, and a
                # suggestion you confirm; a similarity score never merges two employers on its own.
                close = self.before.suggest(name)
                # A stand-in id until the insert, so that "ACME Inc." later in the batch finds "Acme".
                pk = next(self._fake_ids)
                new[pk] = Company(owner=self.owner, name=name)
                self.by_lower[name.lower()] = pk
                self.index.add(name, pk)
                if close in self.names and len(self.suggestions) < MAX_SUGGESTIONS:
                    self.suggestions.append(Suggestion(name, close, self.names[close], stand_in=pk))
            found[name] = pk
        self.created += len(new)
        return {name: self.real_id(pk) for name, pk in found.items()}, new

    def add(self, new: dict[int, Company]) -> None:
        """Make the companies `ids_for` found new, in the batch's transaction; their stand-ins map to them."""
        if not new:
            return
        tracker.add_companies(companies=list(new.values()))
        self.real.update({stand_in: company.pk for stand_in, company in new.items()})
        for suggestion in self.suggestions:
            suggestion.new_id = self.real.get(suggestion.stand_in)

    def real_id(self, pk: int | None) -> int | None:
        return self.real.get(pk, pk)


@dataclasses.dataclass
class Plan:
    """What one batch will write, worked out with reads alone."""

    companies: dict[int, Company]  # to make, by stand-in id
    new: list
    changed: list
    moves: list[StageChange] = dataclasses.field(default_factory=list)


class Writer:
    """Matches and writes one batch of records at a time; `write=False` counts without writing."""

    def __init__(
        self,
        owner,
        summary,
        *,
        contacts: bool,
        write: bool,
        stage_from_file: bool = False,
        aliases: dict[str, int] | None = None,
        alive: Callable[[], None] | None = None,
    ):
        self.owner, self.summary, self.write = owner, summary, write
        self.alive = alive or (lambda: None)  # says the import is still going, during long reads
        self.contacts, self.stage_from_file = contacts, stage_from_file
        self.companies = Companies(owner, write=write, aliases=aliases)
        summary.suggestions = self.companies.suggestions
        self.index = KeyIndex()
        self.touched: set[int] = set()  # rows this import created or already counted
        self._fake_ids = itertools.count(-1, -1)
        self.now = timezone.now()
        self.keys_of = contact_keys if contacts else application_keys
        if contacts:
            self.index_existing(Contact, ("linkedin_url", "email", "name", "company_id"), contact_keys)
        else:
            self.index_existing(
                Application, ("posting_url", "company_id", "role_title", "applied_on"), application_keys
            )

    def run(self, batch: list, *, then: Callable[[], None] | None = None) -> None:
        """Match one batch with reads alone, then write it in one short transaction (none in a dry run) that
        ends with `then()` (the job's heartbeat, which may undo the batch by raising)."""
        company_ids, companies = self.companies.ids_for(record.company for record in batch)
        plan = (self._contacts if self.contacts else self._applications)(batch, company_ids)
        plan.companies = companies
        if self.write:
            with transaction.atomic():
                self._write(plan)
                if then:
                    then()
        self._remember(plan)
        self.summary.companies_created = self.companies.created

    def _write(self, plan: Plan) -> None:
        self.companies.add(plan.companies)
        for row in (*plan.new, *plan.changed):
            row.company_id = self.companies.real_id(row.company_id)
        if self.contacts:
            tracker.save_contacts(
                owner=self.owner,
                created=plan.new,
                changed=plan.changed,
                fields=list(CONTACT_FIELDS),
                origin=Origin.IMPORT,
            )
            return
        # New applications get their first stage entry from the tracker; a row that is an old rejection
        # opens no plan (the playbook plans on moves, not on new applications).
        tracker.create_applications(owner=self.owner, applications=plan.new, origin=Origin.IMPORT)
        tracker.update_applications(applications=plan.changed, fields=list(APPLICATION_FIELDS))
        if plan.moves:
            tracker.record_stage_changes(owner=self.owner, changes=plan.moves, origin=Origin.IMPORT)

    def _remember(self, plan: Plan) -> None:
        """The batch's rows join the index, so that later batches find them (a dry run numbers them)."""
        for row in plan.new:
            if not self.write:
                row.pk = next(self._fake_ids)
            self.index.add(self.keys_of(row), row.pk)
            self.touched.add(row.pk)
        for row in plan.changed:
            self.index.add(self.keys_of(row), row.pk)
            self.touched.add(row.pk)
        self.touched |= {change.application_id for change in plan.moves}

    def _load(self, model, keys_of: Callable, incoming: list, fields: tuple) -> dict[int, object]:
        wanted = set()
        for obj in incoming:
            wanted |= self.index.candidates(keys_of(obj))
        wanted = {pk for pk in wanted if pk > 0}
        return model.objects.filter(owner=self.owner).only("pk", *fields).in_bulk(wanted) if wanted else {}

    def _contacts(self, batch: list[ContactRecord], company_ids: dict) -> Plan:
        incoming = [
            Contact(
                owner=self.owner,
                name=record.name,
                company_id=company_ids.get(record.company.strip()),
                title=record.title,
                email=record.email,
                linkedin_url=record.linkedin_url,
                linkedin_connected_on=record.connected_on,
            )
            for record in batch
        ]
        loaded = self._load(Contact, contact_keys, incoming, CONTACT_COMPARED)
        pending: dict[tuple, Contact] = {}  # keys of this batch's new contacts
        new: dict[int, Contact] = {}
        changed: dict[int, Contact] = {}
        for record, contact in zip(batch, incoming, strict=True):
            existing = self._find_contact(contact, loaded, pending)
            if existing is None:
                contact.how_we_know = LINKEDIN_HOW_WE_KNOW
                _add_new(contact, contact_keys, new, pending)
                continue
            before = [getattr(existing, name) for name in CONTACT_COMPARED]
            # The file decides what LinkedIn knows; the user's notes, role, phone and cadence are kept.
            existing.name, existing.company_id, existing.title = record.name, contact.company_id, record.title
            existing.email = record.email or existing.email
            existing.linkedin_url = record.linkedin_url or existing.linkedin_url
            existing.linkedin_connected_on = record.connected_on or existing.linkedin_connected_on
            existing.how_we_know = existing.how_we_know or LINKEDIN_HOW_WE_KNOW
            if id(existing) in new or existing.pk in self.touched and existing.pk not in changed:
                continue  # the same person twice in one file: counted once
            self._sort(existing, before, CONTACT_COMPARED, changed, other_news=changed)
        self.summary.created += len(new)
        self.summary.updated += len(changed)
        return Plan({}, list(new.values()), list(changed.values()))

    def _sort(self, existing, before: list, fields: tuple, changed: dict, *, other_news) -> None:
        """A row you have that the file matched: saved if its `fields` moved from `before`, else counted
        unchanged (unless `other_news` holds it: changed by an earlier row, or moved)."""
        if [getattr(existing, name) for name in fields] != before:
            changed[existing.pk] = existing
        elif existing.pk not in other_news:
            self.summary.unchanged += 1
            self.touched.add(existing.pk)

    def _find_contact(self, contact, loaded: dict, pending: dict):
        for key in contact_keys(contact):
            for pk in self.index.candidates([key]):
                row = loaded.get(pk)
                same = row is not None and key in contact_keys(row)
                if same and (key[0] == "url" or not conflicts(row, contact)):
                    return row
            row = pending.get(key)
            if row is not None and (key[0] == "url" or not conflicts(row, contact)):
                return row
        return None

    def _applications(self, batch: list[ApplicationRecord], company_ids: dict) -> Plan:
        time_zone = self.time_zone()
        incoming = [
            Application(
                owner=self.owner,
                company_id=company_ids.get(record.company.strip()),
                role_title=record.role_title,
                applied_on=record.applied_on,
                posting_url=record.posting_url,
                source=record.source or Source.OTHER,
                location=record.location,
                notes=record.notes,
                salary_min=record.salary_min,
                salary_max=record.salary_max,
                salary_currency=record.salary_currency,
                stage=record.stage,
                stage_changed_at=noon(record.applied_on, time_zone),
            )
            for record in batch
        ]
        loaded = self._load(
            Application,
            application_keys,
            incoming,
            ("company_id", "role_title", "stage", *APPLICATION_FIELDS),
        )
        pending: dict[tuple, Application] = {}
        new: dict[int, Application] = {}
        changed: dict[int, Application] = {}
        moves: dict[int, str] = {}
        for record, application in zip(batch, incoming, strict=True):
            existing = self._find_application(application, loaded, pending)
            if existing is None:
                _add_new(application, application_keys, new, pending)
                continue
            if id(existing) in new or existing.pk in self.touched:
                continue  # the same application twice in the file: the first row wins
            before = [getattr(existing, name) for name in APPLICATION_FIELDS]
            # Fill in what the application lacks; never overwrite the user's own notes or details.
            for name in APPLICATION_FIELDS:
                if not getattr(existing, name) and getattr(application, name):
                    setattr(existing, name, getattr(application, name))
            if self.stage_from_file and record.stage != existing.stage:
                moves[existing.pk] = record.stage
            self._sort(existing, before, APPLICATION_FIELDS, changed, other_news=moves)
        # A move of an application you already have is a move like one on the board, dated now.
        now = timezone.now()
        moved = [
            StageChange(
                owner=self.owner,
                application=changed.get(pk) or loaded[pk],
                from_stage=(changed.get(pk) or loaded[pk]).stage,
                to_stage=stage,
                changed_at=now,
            )
            for pk, stage in moves.items()
        ]
        self.summary.created += len(new)
        self.summary.updated += len(set(changed) | set(moves))
        return Plan({}, list(new.values()), list(changed.values()), moved)

    def _find_application(self, application, loaded: dict, pending: dict):
        for key in application_keys(application):
            for pk in self.index.candidates([key]):
                row = loaded.get(pk)
                if row is not None and key in application_keys(row):
                    return row
            if key in pending:
                return pending[key]
        return None

    def time_zone(self) -> str:
        if not hasattr(self, "_time_zone"):
            from nextround.core.access import profile_for

            self._time_zone = profile_for(self.owner).time_zone
        return self._time_zone

    def index_existing(self, model, fields: tuple, keys_of: Callable) -> None:
        """Every row the user already has, by key (read in chunks: rows are not kept)."""
        rows = model.objects.filter(owner=self.owner).only("pk", *fields).order_by("pk")
        for count, row in enumerate(rows.iterator(chunk_size=2000)):
            self.index.add(keys_of(row), row.pk)
            if count % 2000 == 0:
                self.alive()


def noon(day: dt.date | None, time_zone: str) -> dt.datetime:
    """An application date as a moment: noon in the user's time zone, so it stays on that day everywhere."""
    if day is None:
        return timezone.now()
    return dt.datetime.combine(day, dt.time(12), tzinfo=zoneinfo.ZoneInfo(time_zone))


def _add_new(row, keys_of: Callable, new: dict, pending: dict) -> None:
    """A row the file adds: kept to be saved, and found by its keys for the batch's later rows."""
    new[id(row)] = row
    for key in keys_of(row):
        pending.setdefault(key, row)
