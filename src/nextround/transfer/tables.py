"""Reading CSV files people bring (plain Python, no Django): strict UTF-8, comma or semicolon, the header
row found by its names (LinkedIn puts notes above it), and every row numbered by the line it starts on."""

import contextlib
import csv
import datetime as dt
import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from nextround.tracker.vocabulary import Stage

# How far down the file the header row may be (LinkedIn's notes take a few lines).
HEADER_SCAN_ROWS = 30
MAX_FIELD = 1_000_000


class FileProblem(Exception):
    """The file as a whole cannot be read; the message names the line when there is one."""


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class ContactRecord:
    line: int
    name: str
    company: str = ""
    title: str = ""
    email: str = ""
    linkedin_url: str = ""
    connected_on: dt.date | None = None


@dataclass
class ApplicationRecord:
    line: int
    company: str
    role_title: str
    applied_on: dt.date | None = None
    posting_url: str = ""
    source: str = ""
    stage: str = Stage.APPLIED
    location: str = ""
    notes: str = ""
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str = ""


# Opens the file again from its start: files are read as streams, more than once (check, then write), and
# never held whole in memory.
Opener = Callable[[], BinaryIO]
Item = tuple[int, "dict[str, str] | RowProblem"]


def opener_for(data: bytes | None = None, path: str | os.PathLike | None = None) -> Opener:
    if path is not None:
        return lambda: open(path, "rb")  # noqa: SIM115 (the caller closes it)
    return lambda: io.BytesIO(data or b"")


@dataclass
class Parsed:
    """What a file yields, re-read on each call of `items()`: records, and rows that cannot be read (why)."""

    kind: str
    items: Callable[[], Iterator]  # yields records and RowProblems, in file order


def check_text(opener: Opener) -> None:
    """Refuse binary files up front (a spreadsheet saved as .xlsx, a picture)."""
    with opener() as raw:
        head = raw.read(4096)
    if b"\x00" in head:
        raise FileProblem(
            "this is not a CSV text file (it contains binary data); export it as CSV and try again"
        )


def decode(data: bytes) -> str:
    """UTF-8 text (a BOM is dropped); anything else is refused, naming the first line that is not UTF-8."""
    check_text(opener_for(data))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileProblem(_not_utf8(line)) from None


def _not_utf8(line: int) -> str:
    return (
        f"line {line}: the text is not UTF-8, so names would come out garbled; "
        "save the file as “CSV UTF-8” and try again"
    )


def _first_bad_line(opener: Opener) -> int:
    """The line holding the first byte that is not UTF-8 (a multi-byte character never holds a newline)."""
    with opener() as raw:
        for number, line in enumerate(raw, start=1):
            try:
                line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                return number
    return 1


@contextlib.contextmanager
def _text(opener: Opener) -> Iterator[TextIO]:
    """The file as text; a decoding error becomes a FileProblem naming its line."""
    with opener() as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
        try:
            yield text
        except UnicodeDecodeError:
            raise FileProblem(_not_utf8(_first_bad_line(opener))) from None


def normal_header(name: str) -> str:
    return " ".join((name or "").replace("\ufeff", "").strip().lower().split())


@dataclass
class Table:
    header: list[str]
    header_line: int
    delimiter: str
    opener: Opener

    def rows(self) -> Iterator[Item]:
        """(line, {header: value}) for each non-blank row below the header, or (line, RowProblem)."""
        width = len(self.header)
        end_of_previous = 0
        with _text(self.opener) as text:
            reader = _reader(text, self.delimiter)
            try:
                for cells in reader:
                    line, end_of_previous = end_of_previous + 1, reader.line_num
                    if line <= self.header_line or not any(cell.strip() for cell in cells):
                        continue
                    if len(cells) != width:
                        yield (
                            line,
                            RowProblem(line, f"expected {width} columns like the header, found {len(cells)}"),
                        )
                        continue
                    yield line, dict(zip(self.header, (cell.strip() for cell in cells), strict=True))
            except csv.Error as exc:
                raise FileProblem(f"line {end_of_previous + 1}: {csv_problem(exc)}") from None


def csv_problem(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return (
            f"one cell holds more than {MAX_FIELD:,} characters, far more than a spreadsheet cell; "
            'a quote (") may be left open above it, so check the line before it too'
        )
    return f"this row cannot be read as CSV ({exc})"


def _reader(text, delimiter: str):
    csv.field_size_limit(MAX_FIELD)
    source = io.StringIO(text, newline="") if isinstance(text, str) else text
    return csv.reader(source, delimiter=delimiter, strict=False)


def _sniff_delimiter(line: str) -> str:
    try:
        return csv.Sniffer().sniff(line, delimiters=",;").delimiter
    except csv.Error:
        return ";" if line.count(";") > line.count(",") else ","


def find_header(opener: Opener, required: Iterable[str]) -> Table | None:
    """The table whose header row (within the first lines) holds all `required` names, or None."""
    needed = {normal_header(name) for name in required}
    for delimiter in (",", ";"):
        with _text(opener) as text:
            reader = _reader(text, delimiter)
            try:
                for index, cells in enumerate(reader):
                    if index >= HEADER_SCAN_ROWS:
                        break
                    names = [normal_header(cell) for cell in cells]
                    if needed <= set(names):
                        return Table(names, reader.line_num, delimiter, opener)
            except csv.Error:
                continue
    return None


def first_row_header(opener: Opener | str) -> Table:
    """A spreadsheet's table: the first non-blank line is its header, comma or semicolon separated.

    `opener` opens the file; text already in memory (a test's small sheet) works too."""
    if isinstance(opener, str):
        opener = opener_for(opener.encode("utf-8"))
    check_text(opener)
    with _text(opener) as text:
        number = 0
        while True:
            line = text.readline(MAX_FIELD + 1)
            number += 1
            if not line:
                raise FileProblem("the file is empty")
            if len(line) > MAX_FIELD:
                raise FileProblem(f"line {number}: {csv_problem(csv.Error('field larger than field limit'))}")
            if line.strip():
                break
    delimiter = _sniff_delimiter(line)
    try:
        header = next(_reader(line, delimiter))
    except csv.Error as exc:
        raise FileProblem(f"line {number}: {csv_problem(exc)}") from None
    names = [cell.strip() for cell in header]
    if len(names) < 2:
        raise FileProblem(f"line {number}: the header has a single column; is this a CSV file?")
    if len(set(names)) != len(names) or not all(names):
        raise FileProblem(f"line {number}: every column needs a distinct, non-empty name in the header")
    return Table(names, number, delimiter, opener)


def parse_date(value: str, formats: Iterable[str]) -> dt.date:
    """The date in `value` read with the first of `formats` that fits; ValueError if none does."""
    value = " ".join(value.split())
    for fmt in formats:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)
