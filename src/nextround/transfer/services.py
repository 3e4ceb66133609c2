"""Imports from LinkedIn and spreadsheets, read as streams in two passes: every row is checked first (no
write, so a bad file changes nothing), then written in batches of BATCH_ROWS, each its own short
transaction (so other people can save while a big file goes in). No duplicates on re-import. Each import
holds its account's slot (`jobs.running`) and reports its progress there.
"""

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from nextround.core.models import MAX_SALARY
from nextround.transfer import jobs, linkedin, spreadsheet
from nextround.transfer.jobs import Progress
from nextround.transfer.models import ImportJob
from nextround.transfer.tables import (
    ApplicationRecord,
    ContactRecord,
    FileProblem,
    Parsed,
    RowProblem,
    opener_for,
)
from nextround.transfer.writing import Writer

# Rows per write transaction: 100 applications cost about 20 ms of CPU to insert (Django builds every
# value of the INSERT in Python), so a batch holds SQLite's write lock for a moment even on a busy machine.
BATCH_ROWS = 100
LISTED_PROBLEMS = 1000  # bad rows listed one by one; past that they are only counted
KIND_LABELS = {
    linkedin.CONNECTIONS: "LinkedIn connections",
    linkedin.JOB_APPLICATIONS: "LinkedIn job applications",
    "spreadsheet": "Applications from your spreadsheet",
}
_url = URLValidator(schemes=["http", "https"])


class ImportFailed(Exception):
    """A row is bad and the user did not ask to skip bad rows: nothing from the file was saved."""

    def __init__(self, problems: list[RowProblem], total: int | None = None):
        self.problems = problems
        total = total or len(problems)
        more = f" (and {total - 1:,} more bad rows)" if total > 1 else ""
        super().__init__(
            f"{problems[0]}{more}. Nothing was imported; fix the file, or choose to skip bad rows."
        )


# What stops an import with a message for the user (anything else is a bug, logged, with a general message).
PROBLEMS = (FileProblem, ImportFailed)


@dataclass
class Summary:
    kind: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[RowProblem] = field(default_factory=list)  # the first LISTED_PROBLEMS of them
    companies_created: int = 0
    skipped_count: int = 0
    rows: int = 0
    suggestions: list = field(default_factory=list)  # names close to a company you have (writing.Suggestion)

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def as_json(self) -> dict:
        """What the import page shows of it, kept with the job (the templates read dicts alike)."""
        return {**dataclasses.asdict(self), "label": self.label}

    def __str__(self) -> str:
        return (
            f"{self.label}: {self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped_count} skipped; {self.companies_created} new companies"
        )


def import_linkedin(
    *,
    owner,
    data: bytes | None = None,
    path=None,
    filename: str = "",
    skip_bad_rows: bool = False,
    progress: Progress | None = None,
    job: ImportJob | None = None,
) -> list[Summary]:
    """LinkedIn's Connections.csv, Job Applications.csv, or its whole export as a .zip (`data` or `path`).

    Every table is checked before anything is written; one import per account at a time (`job`, if the
    web page began it; else one is begun here). ImportBusy if another is running."""
    opener = opener_for(data, path)
    name = Path(filename or path or "a LinkedIn file").name
    with jobs.running(
        owner=owner, label=f"Importing {name}", job=job, echo=progress, problems=PROBLEMS
    ) as run:
        tables = linkedin.parse(opener, filename=filename or str(path or ""))
        summaries = [_check(parsed, skip_bad_rows, run) for parsed in tables]
        for parsed, summary in zip(tables, summaries, strict=True):
            _write(owner, parsed, summary, write=True, run=run)
        run.finish([summary.as_json() for summary in summaries])
    return summaries


def import_spreadsheet(
    *,
    owner,
    table,
    mapping: spreadsheet.Mapping,
    skip_bad_rows: bool = False,
    same_companies: dict[str, int] | None = None,
    progress: Progress | None = None,
    job: ImportJob | None = None,
    label: str = "Importing a spreadsheet",
) -> Summary:
    """Applications from a spreadsheet with a column mapping; `same_companies` holds the names the user
    confirmed are one of their companies (file name -> company id), from the preview's suggestions."""
    parsed = spreadsheet.parse_rows(table, mapping)
    with jobs.running(owner=owner, label=label, job=job, echo=progress, problems=PROBLEMS) as run:
        summary = _check(parsed, skip_bad_rows, run)
        _write(
            owner,
            parsed,
            summary,
            write=True,
            stage_from_file=mapping.column_for("stage") is not None,
            aliases=same_companies,
            run=run,
        )
        run.finish([summary.as_json()])
    return summary


def preview_spreadsheet(
    *, owner, table, mapping: spreadsheet.Mapping, same_companies: dict[str, int] | None = None
) -> Summary:
    """What `import_spreadsheet` would do, counted by the same matching without a single write."""
    parsed = spreadsheet.parse_rows(table, mapping)
    summary = _check(parsed, True, None)
    stage_from_file = mapping.column_for("stage") is not None
    _write(owner, parsed, summary, write=False, stage_from_file=stage_from_file, aliases=same_companies)
    return summary


def _good_records(parsed: Parsed) -> Iterator[tuple[object, str]]:
    """(item, problem) for each row: a record with "" when it can be imported, else a RowProblem."""
    check = _check_contact if parsed.kind == linkedin.CONNECTIONS else _check_application
    for item in parsed.items():
        if isinstance(item, RowProblem):
            yield item, item.message
            continue
        yield item, check(item)


def _check(parsed: Parsed, skip_bad_rows: bool, progress: Progress | None) -> Summary:
    """The first pass: read every row and find the bad ones; nothing is written."""
    summary = Summary(parsed.kind)
    for item, problem in _good_records(parsed):
        summary.rows += 1
        if problem:
            summary.skipped_count += 1
            if len(summary.skipped) < LISTED_PROBLEMS:
                summary.skipped.append(
                    item if isinstance(item, RowProblem) else RowProblem(item.line, problem)
                )
        if progress and summary.rows % BATCH_ROWS == 0:
            progress("checking", summary.rows, None)
    if progress:
        progress("checking", summary.rows, summary.rows)
    summary.skipped.sort(key=lambda problem: problem.line)
    if summary.skipped and not skip_bad_rows:
        raise ImportFailed(summary.skipped, summary.skipped_count)
    return summary


def _write(
    owner,
    parsed: Parsed,
    summary: Summary,
    *,
    write: bool,
    stage_from_file: bool = False,
    aliases: dict[str, int] | None = None,
    run: jobs.Running | None = None,
) -> None:
    """The second pass: match and write the good rows, a batch at a time; the job hears of each batch in
    the batch's own transaction."""
    writer = Writer(
        owner,
        summary,
        contacts=parsed.kind == linkedin.CONNECTIONS,
        write=write,
        stage_from_file=stage_from_file,
        aliases=aliases,
        alive=run.alive if run else None,
    )
    batch: list = []
    for done, (item, problem) in enumerate(_good_records(parsed), start=1):
        if not problem:
            batch.append(item)
        if len(batch) >= BATCH_ROWS:
            _save(writer, batch, run, done, summary.rows)
            batch = []
    if batch or run:
        _save(writer, batch, run, summary.rows, summary.rows)


def _save(writer: Writer, batch: list, run: jobs.Running | None, done: int, total: int) -> None:
    if batch:
        writer.run(batch, then=(lambda: run.saved(done, total)) if run else None)
    elif run:
        run.saved(done, total)
    if run:
        run("saving", done, total)  # the command line's echo


# The longest each text field of a record may be (the database's limit), and its name in a row's message.
CONTACT_LIMITS = (
    ("name", 200, "name"),
    ("company", 200, "company"),
    ("title", 200, "position"),
    ("linkedin_url", 500, "URL"),
)
APPLICATION_LIMITS = (
    ("company", 200, "company"),
    ("role_title", 200, "role"),
    ("location", 200, "location"),
    ("notes", 20000, "notes"),
    ("posting_url", 1000, "job posting URL"),
)


def _too_long(record, limits) -> str:
    """The first field of `record` longer than its limit, said; "" when every one fits."""
    for name, limit, label in limits:
        if len(value := getattr(record, name)) > limit:
            return f"the {label} is {len(value)} characters long; the most is {limit}"
    return ""


def _check_contact(record: ContactRecord) -> str:
    if problem := _too_long(record, CONTACT_LIMITS):
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
    if problem := _too_long(record, APPLICATION_LIMITS):
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
