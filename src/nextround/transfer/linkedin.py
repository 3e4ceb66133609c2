"""LinkedIn's data export (plain Python, no Django): Connections.csv, Jobs/Job Applications.csv, or the .zip.

Which file it is comes from its header row, not its name: people rename files, and older exports differ
(no URL column, other notes above the header).
"""

import datetime as dt
import io
import zipfile
from collections.abc import Iterator

from nextround.tracker.vocabulary import Source, Stage
from nextround.transfer.tables import (
    ApplicationRecord,
    ContactRecord,
    FileProblem,
    Opener,
    Parsed,
    RowProblem,
    check_text,
    find_header,
    parse_date,
)

CONNECTIONS = "connections"
JOB_APPLICATIONS = "job_applications"
CONNECTION_COLUMNS = ("first name", "last name", "company", "connected on")
APPLICATION_COLUMNS = ("application date", "company name", "job title")
CONNECTED_ON_FORMATS = ("%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y")
APPLIED_FORMATS = (
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%Y-%m-%d",
)

# A LinkedIn export is a few megabytes; these limits refuse zip bombs before anything is inflated.
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 5000
WANTED = ("connections.csv", "job applications.csv")


def parse(opener: Opener, *, filename: str = "") -> list[Parsed]:
    """Every LinkedIn table in the file (a CSV file, or a zip holding them). Only the headers are read here;
    each Parsed reads its rows as a stream when asked."""
    with opener() as raw:
        is_zip = raw.read(4) == b"PK\x03\x04"
    if is_zip or filename.lower().endswith(".zip"):
        return [parse_csv(member) for member in members_of_zip(opener)]
    return [parse_csv(opener)]


def members_of_zip(opener: Opener) -> list[Opener]:
    try:
        archive = zipfile.ZipFile(opener())
    except zipfile.BadZipFile:
        raise FileProblem(
            "this .zip file is damaged or not a zip; download the export from LinkedIn again"
        ) from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise FileProblem(f"this .zip holds {len(infos)} files, far more than a LinkedIn export; not opened")
    wanted = [info for info in infos if info.filename.rsplit("/", 1)[-1].lower() in WANTED]
    if not wanted:
        raise FileProblem(
            "this .zip holds no Connections.csv or Jobs/Job Applications.csv; is it LinkedIn's export?"
        )
    for name in WANTED:
        copies = [info for info in wanted if info.filename.rsplit("/", 1)[-1].lower() == name]
        if len(copies) > 1:
            raise FileProblem(
                f"this .zip holds {len(copies)} files named {copies[0].filename.rsplit('/', 1)[-1]}, and "
                "a LinkedIn export holds one; not opened. Upload that one file on its own instead"
            )
    total = sum(info.file_size for info in wanted)
    if total > MAX_TOTAL_BYTES:
        raise FileProblem(
            f"the LinkedIn files in this .zip unpack to {total:,} bytes, more than the "
            f"{MAX_TOTAL_BYTES // 2**20} MB nextround opens; not opened"
        )
    for info in wanted:
        too_big = info.file_size > MAX_MEMBER_BYTES
        if too_big or (
            info.file_size > 10 * 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise FileProblem(f"{info.filename} in the .zip unpacks to {info.file_size:,} bytes; not opened")
    return [_member_opener(archive, info) for info in sorted(wanted, key=lambda item: item.filename)]


def _member_opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Opener:
    return lambda: io.BufferedReader(_Bounded(archive.open(info), info))


class _Bounded(io.RawIOBase):
    """A zip member read as a stream that stops with a FileProblem past its declared size: a lying header
    cannot make nextround inflate more than the directory promised."""

    def __init__(self, member, info: zipfile.ZipInfo):
        self.member, self.info, self.seen = member, info, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self.member.read(len(buffer))
        self.seen += len(chunk)
        if self.seen > self.info.file_size:
            raise FileProblem(f"{self.info.filename} in the .zip is larger than it says; not opened")
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self.member.close()
        super().close()


def parse_csv(opener: Opener) -> Parsed:
    check_text(opener)
    table = find_header(opener, CONNECTION_COLUMNS)
    if table is not None:
        return Parsed(CONNECTIONS, lambda: _records(table, _contact))
    table = find_header(opener, APPLICATION_COLUMNS)
    if table is not None:
        return Parsed(JOB_APPLICATIONS, lambda: _records(table, _application))
    raise FileProblem(
        "this is not a LinkedIn Connections.csv or Job Applications.csv: no header with "
        "“First Name, Last Name, Company, Connected On” or “Application Date, Company Name, Job Title” "
        "in its first lines"
    )


def _date(line: int, row: dict, column: str, formats, *, example: str) -> dt.date | None | RowProblem:
    """The date in the row's `column` (None when it is empty), or the row's problem when it is not one."""
    value = row[column.lower()]
    if not value:
        return None
    try:
        return parse_date(value, formats)
    except ValueError:
        return RowProblem(line, f"“{column}” is “{value}”, not a date like {example}")


def _records(table, read) -> Iterator[ContactRecord | ApplicationRecord | RowProblem]:
    """Each row of the table read into a record by `read`, or the row's problem."""
    for line, row in table.rows():
        yield row if isinstance(row, RowProblem) else read(line, row)


def _contact(line: int, row: dict) -> ContactRecord | RowProblem:
    name = " ".join(part for part in (row["first name"], row["last name"]) if part)
    if not name:
        return RowProblem(
            line, "no first or last name (LinkedIn leaves them out for people who hide their profile)"
        )
    connected_on = _date(line, row, "Connected On", CONNECTED_ON_FORMATS, example="15 Mar 2024")
    if isinstance(connected_on, RowProblem):
        return connected_on
    return ContactRecord(
        line=line,
        name=name,
        company=row["company"],
        title=row.get("position", ""),
        email=row.get("email address", ""),
        linkedin_url=row.get("url", ""),
        connected_on=connected_on,
    )


def _application(line: int, row: dict) -> ApplicationRecord | RowProblem:
    if not row["company name"] or not row["job title"]:
        return RowProblem(line, "a company name and a job title are both needed")
    applied_on = _date(line, row, "Application Date", APPLIED_FORMATS, example="7/6/23, 2:20 PM")
    if isinstance(applied_on, RowProblem):
        return applied_on
    # The contact email and phone columns are the applicant's own details, so they are not imported.
    return ApplicationRecord(
        line=line,
        company=row["company name"],
        role_title=row["job title"],
        applied_on=applied_on,
        posting_url=row.get("job url", ""),
        source=Source.LINKEDIN,
        stage=Stage.APPLIED,
    )
