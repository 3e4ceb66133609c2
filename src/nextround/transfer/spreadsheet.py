"""Applications from any spreadsheet (plain Python, no Django): which column holds what, how its stage names
map to nextround's stages, and turning each row into a record. The same mapping drives the web page's steps
and `nextround import csv --mapping MAPPING.json`."""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from nextround.tracker.vocabulary import Source, Stage
from nextround.transfer.tables import ApplicationRecord, FileProblem, Parsed, RowProblem, Table, parse_date

STAGES = tuple(Stage.values)
SOURCES = tuple(Source.values)

# Field -> (label, words that suggest it in a header name). Order is the order of the mapping form.
FIELDS = {
    "company": ("Company", ("company", "employer", "organisation", "organization", "firma", "unternehmen")),
    "role_title": ("Role", ("role", "position", "job title", "title", "job", "stelle")),
    "applied_on": ("Date applied", ("date applied", "applied on", "application date", "applied", "date")),
    "stage": ("Stage", ("stage", "status", "state", "result", "outcome")),
    "posting_url": ("Job posting URL", ("url", "link", "posting")),
    "source": ("Source", ("source", "channel", "found via", "via")),
    "location": ("Location", ("location", "city", "place", "where")),
    "notes": ("Notes", ("notes", "note", "comments", "comment", "remarks")),
    "salary_min": ("Lowest salary", ("salary min", "min salary", "salary from", "salary")),
    "salary_max": ("Highest salary", ("salary max", "max salary", "salary to")),
    "salary_currency": ("Currency", ("currency",)),
}
REQUIRED = ("company", "role_title")

# strptime formats the mapping may name; the guess picks the first that reads every sample value.
DATE_FORMATS = {
    "%Y-%m-%d": "2024-03-15",
    "%d/%m/%Y": "15/03/2024",
    "%m/%d/%Y": "03/15/2024",
    "%d.%m.%Y": "15.03.2024",
    "%d %b %Y": "15 Mar 2024",
    "%b %d, %Y": "Mar 15, 2024",
    "%m/%d/%y, %I:%M %p": "3/15/24, 2:20 PM",
    "%d/%m/%y": "15/03/24",
    "%m/%d/%y": "03/15/24",
}

# Words in a spreadsheet's stage names, checked in this order ("no offer" is a rejection, not an offer).
STAGE_WORDS = (
    (Stage.GHOSTED, ("ghost", "no answer", "no response", "no reply", "silence")),
    (Stage.WITHDRAWN, ("withdr", "pulled out", "declined offer")),
    (
        Stage.REJECTED,
        ("reject", "declin", "no offer", "not selected", "turned down", "absage", "unsuccessful", "no"),
    ),
    (Stage.ACCEPTED, ("accept", "hired", "signed")),
    (Stage.OFFER, ("offer",)),
    (Stage.INTERVIEWING, ("interview", "onsite", "on-site", "final", "technical", "panel")),
    (Stage.SCREENING, ("screen", "phone", "call", "recruiter")),
    (Stage.SAVED, ("saved", "wishlist", "to apply", "bookmark", "idea")),
    (Stage.APPLIED, ("applied", "sent", "submitted", "waiting", "pending")),
)


@dataclass
class Mapping:
    columns: dict[str, str]  # column name in the file -> field
    stages: dict[str, str] = field(default_factory=dict)  # stage name in the file -> nextround stage
    date_format: str = "%Y-%m-%d"

    def column_for(self, name: str) -> str | None:
        return next((column for column, target in self.columns.items() if target == name), None)

    def to_json(self) -> dict:
        return {"columns": self.columns, "stages": self.stages, "date_format": self.date_format}


def _words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def guess_columns(header: list[str]) -> dict[str, str]:
    """Column -> field for the columns whose names suggest one (each field at most once)."""
    guesses: dict[str, str] = {}
    taken: set[str] = set()
    # Exact names first, then names containing a hint, so "Job title" beats "Job" for the role.
    for exact in (True, False):
        for column in header:
            if column in guesses:
                continue
            name = _words(column)
            for target, (_label, hints) in FIELDS.items():
                if target in taken:
                    continue
                if any(
                    name == hint if exact else re.search(rf"\b{re.escape(hint)}\b", name) for hint in hints
                ):
                    guesses[column] = target
                    taken.add(target)
                    break
    return guesses


def guess_stage(value: str) -> str:
    name = _words(value)
    if name.replace(" ", "_") in STAGES:
        return name.replace(" ", "_")
    for stage, hints in STAGE_WORDS:
        if any(re.search(rf"\b{re.escape(hint)}", name) for hint in hints):
            return stage
    return Stage.APPLIED


def guess_date_format(values: list[str]) -> str:
    samples = [value for value in values if value.strip()][:50]
    for fmt in DATE_FORMATS:
        try:
            for value in samples:
                parse_date(value, [fmt])
        except ValueError:
            continue
        return fmt
    return "%Y-%m-%d"


def load_mapping(text: str, header: list[str]) -> Mapping:
    """A mapping from JSON (the CLI's MAPPING.json), checked against the file's header."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem(f"the mapping is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("columns"), dict):
        raise FileProblem('the mapping needs a "columns" object: {"columns": {"Company": "company", ...}}')
    stages, date_format = raw.get("stages", {}), raw.get("date_format", "%Y-%m-%d")
    if not isinstance(stages, dict) or not isinstance(date_format, str):
        raise FileProblem('in the mapping, "stages" must be an object and "date_format" a string')
    mapping = Mapping(
        columns={str(k): str(v) for k, v in raw["columns"].items()},
        stages={str(k): str(v) for k, v in stages.items()},
        date_format=date_format,
    )
    check_mapping(mapping, header)
    return mapping


def check_mapping(mapping: Mapping, header: list[str]) -> None:
    for column, target in mapping.columns.items():
        if column not in header:
            raise FileProblem(
                f"the mapping names a column “{column}” that the file does not have "
                f"(its columns: {', '.join(header)})"
            )
        if target not in FIELDS:
            raise FileProblem(
                f"column “{column}” maps to “{target}”, which is not one of: {', '.join(FIELDS)}"
            )
    targets = list(mapping.columns.values())
    for target in set(targets):
        if targets.count(target) > 1:
            raise FileProblem(f"two columns map to “{target}”; pick one")
    for target in REQUIRED:
        if target not in targets:
            raise FileProblem(
                f"no column maps to “{target}” ({FIELDS[target][0].lower()}), which every application needs"
            )
    for name, stage in mapping.stages.items():
        if stage not in STAGES:
            raise FileProblem(f"stage “{name}” maps to “{stage}”, which is not one of: {', '.join(STAGES)}")


def distinct_values(table: Table, column: str, limit: int = 100) -> list[str]:
    seen: dict[str, None] = {}
    for _line, row in table.rows():
        if isinstance(row, dict) and row.get(column) and len(seen) < limit:
            seen.setdefault(row[column], None)
    return list(seen)


def _amount(value: str) -> int:
    """A whole amount from “€70,000”, “70 000”, “70k”; a range such as “60-70k” is refused, not guessed."""
    text = value.strip().lower()
    if re.search(r"\d\s*(-|–|to)\s*\d", text) or re.search(r"[a-z]", text.removesuffix("k")):
        raise ValueError(value)
    digits = re.sub(r"\D", "", text.split(".")[0] if re.search(r"\.\d{1,2}$", text) else text)
    if not digits:
        raise ValueError(value)
    return int(digits) * (1000 if text.endswith("k") else 1)


def parse_rows(table: Table, mapping: Mapping) -> Parsed:
    """The spreadsheet's applications, read as a stream each time `items()` is called."""
    lookup = {target: column for column, target in mapping.columns.items()}
    stage_names = {name.casefold().strip(): stage for name, stage in mapping.stages.items()}

    def items() -> Iterator[ApplicationRecord | RowProblem]:
        for line, row in table.rows():
            if isinstance(row, RowProblem):
                yield row
                continue
            try:
                yield _record(line, row, lookup, stage_names, mapping.date_format)
            except ValueError as exc:
                yield RowProblem(line, str(exc))

    return Parsed("spreadsheet", items)


def _record(line: int, row: dict, lookup: dict, stage_names: dict, date_format: str) -> ApplicationRecord:
    def value(target: str) -> str:
        column = lookup.get(target)
        return row[column].strip() if column else ""

    record = ApplicationRecord(line=line, company=value("company"), role_title=value("role_title"))
    if not record.company or not record.role_title:
        raise ValueError(
            f"the company (“{lookup['company']}”) and the role (“{lookup['role_title']}”) are both needed"
        )
    if value("applied_on"):
        try:
            record.applied_on = parse_date(value("applied_on"), [date_format])
        except ValueError:
            example = DATE_FORMATS.get(date_format, date_format)
            raise ValueError(
                f"“{lookup['applied_on']}” is “{value('applied_on')}”, not a date like {example}"
            ) from None
    stage = value("stage")
    if stage:
        record.stage = stage_names.get(stage.casefold()) or (
            stage.casefold() if stage.casefold() in STAGES else ""
        )
        if not record.stage:
            raise ValueError(
                f"stage “{stage}” is not in the stage mapping; map it to one of nextround's stages"
            )
    source = value("source").casefold().replace(" ", "_")
    record.source = source if source in SOURCES else (Source.OTHER if source else "")
    for target in ("salary_min", "salary_max"):
        if value(target):
            try:
                setattr(record, target, _amount(value(target)))
            except ValueError:
                raise ValueError(f"“{lookup[target]}” is “{value(target)}”, not an amount") from None
    record.posting_url, record.location = value("posting_url"), value("location")
    record.notes, record.salary_currency = value("notes"), value("salary_currency").upper()[:3]
    return record
