"""Where messages come from: an .mbox, a .zip of .eml files, or one .eml (plain Python, no Django).

Files are read one message at a time, so memory stays flat however big the mailbox is. A file that is not
mail (a picture, a spreadsheet, a truncated mbox) is refused with a message saying what it is instead.
"""

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nextround.core.errors import unreadable

# One message larger than this is an attachment-heavy mail, never a letter worth reading here; it is skipped.
MAX_MESSAGE_BYTES = 25 * 1024 * 1024
# A .zip may not unpack to more than this (a zip bomb), nor hold more files.
MAX_ZIP_TOTAL = 2 * 1024**3
MAX_ZIP_FILES = 100_000
SNIFF = 64 * 1024


class MailFileProblem(Exception):
    """The file cannot be read as mail; the message says why and what to do, and nothing was imported."""


@dataclass(frozen=True)
class RawMessage:
    where: str  # "message 12 (line 3,401)", "offer.eml in the .zip": names the message in an error
    data: bytes


def kind_of(head: bytes, name: str = "") -> str:
    """'mbox', 'zip' or 'eml' from the first bytes of a file; raises MailFileProblem for anything else."""
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    stripped = head.lstrip(b"\r\n\t ")
    if stripped.startswith(b"From "):
        return "mbox"
    if b"\x00" in head[:SNIFF] or looks_binary(head):
        raise MailFileProblem(
            f"{name or 'This file'} is a binary file, not mail. Upload an .mbox export (Google Takeout, "
            "Thunderbird), a .zip of .eml files, or one .eml."
        )
    if looks_like_headers(stripped):
        return "eml"
    if name.lower().endswith(".mbox"):
        raise MailFileProblem(
            f"{name} does not start like a mailbox: an .mbox file begins with a line “From …”. It may be "
            "cut short or not an mbox at all; export the folder again."
        )
    raise MailFileProblem(
        f"{name or 'This file'} is text, but not an email: it has no headers (From:, Subject:, Date:). "
        "Paste the words on the Mail page instead, or export the message as .eml."
    )


def looks_binary(head: bytes) -> bool:
    sample = head[:SNIFF]
    if not sample:
        return False
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return control / len(sample) > 0.01


def looks_like_headers(head: bytes) -> bool:
    first_lines = head.split(b"\n", 20)[:20]
    names = [line.split(b":", 1)[0].strip().lower() for line in first_lines if b":" in line[:80]]
    return bool({b"from", b"subject", b"date", b"message-id", b"received", b"return-path"} & set(names))


def iter_file(path: Path) -> Iterator[RawMessage]:
    """Every message in the file at `path`, whichever kind it is."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF)
    except OSError as exc:
        raise MailFileProblem(unreadable(path, exc)) from None
    if not head.strip():
        raise MailFileProblem(f"{path.name} is empty.")
    kind = kind_of(head, path.name)
    if kind == "zip":
        yield from iter_zip(path)
    elif kind == "mbox":
        yield from iter_mbox(path)
    else:
        if path.stat().st_size > MAX_MESSAGE_BYTES:
            raise MailFileProblem(f"{path.name} is larger than one email can sensibly be (25 MB).")
        yield RawMessage(path.name, path.read_bytes())


def iter_mbox(path: Path) -> Iterator[RawMessage]:
    """Messages of an mbox, split on "From " lines, read line by line (mboxrd's ">From " unescaped)."""
    with open(path, "rb") as handle:
        current: list[bytes] = []
        size = 0
        start_line = 0
        count = 0
        previous_blank = True
        for number, line in enumerate(handle, start=1):
            if line.startswith(b"From ") and previous_blank:
                if start_line:
                    count += 1
                    yield from finish(current, size, count, start_line)
                current, size, start_line = [], 0, number
            elif start_line == 0:
                if line.strip():
                    raise MailFileProblem(
                        f"{path.name}, line {number}: an mbox starts with a line “From …”; this one does "
                        "not, so it is not an mbox (or it is cut short). Export the folder again."
                    )
            else:
                if line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
                    line = line[1:]
                if size <= MAX_MESSAGE_BYTES:
                    current.append(line)
                size += len(line)
            previous_blank = not line.strip()
        if start_line:
            count += 1
            yield from finish(current, size, count, start_line)


def finish(lines: list[bytes], size: int, count: int, start_line: int) -> Iterator[RawMessage]:
    where = f"message {count:,} (line {start_line:,})"
    if size > MAX_MESSAGE_BYTES:
        return  # a huge attachment; a letter about a job is never 25 MB
    yield RawMessage(where, b"".join(lines))


def iter_zip(path: Path) -> Iterator[RawMessage]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise MailFileProblem(f"{path.name} is not a readable .zip ({exc}).") from None
    with archive:
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir()
            and info.filename.lower().endswith((".eml", ".mbox"))
            and not info.filename.startswith("__MACOSX/")
        ]
        if not members:
            raise MailFileProblem(f"{path.name} holds no .eml files; put each message in as an .eml file.")
        if len(members) > MAX_ZIP_FILES:
            raise MailFileProblem(f"{path.name} holds more than {MAX_ZIP_FILES:,} files; split it up.")
        if sum(info.file_size for info in members) > MAX_ZIP_TOTAL:
            raise MailFileProblem(f"{path.name} unpacks to more than 2 GB; split it or use IMAP sync.")
        for info in members:
            if info.file_size > MAX_MESSAGE_BYTES:
                continue
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
                raise MailFileProblem(f"{info.filename} in {path.name} cannot be unpacked ({exc}).") from None
            if info.filename.lower().endswith(".mbox"):
                yield from iter_mbox_bytes(data, f"{info.filename} in {path.name}")
                continue
            kind_of(data[:SNIFF], info.filename)  # refuses a binary file renamed .eml
            yield RawMessage(f"{info.filename} in the .zip", data)


def iter_mbox_bytes(data: bytes, name: str) -> Iterator[RawMessage]:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".mbox") as handle:
        handle.write(data)
        handle.flush()
        for message in iter_mbox(Path(handle.name)):
            yield RawMessage(f"{message.where} of {name}", message.data)


def iter_bytes(data: bytes, name: str = "") -> Iterator[RawMessage]:
    """The same from bytes in memory (one dropped .eml, or a small upload)."""
    kind = kind_of(data[:SNIFF], name)
    if kind == "eml":
        yield RawMessage(name or "the message", data)
    elif kind == "mbox":
        yield from iter_mbox_bytes(data, name or "the mailbox")
    else:
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".zip") as handle:
            handle.write(data)
            handle.flush()
            yield from iter_zip(Path(handle.name))


def count_hint(path: Path) -> int | None:
    """How many messages the file holds, cheaply, for a progress bar (None when unknown)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF)
            if not head.lstrip().startswith(b"From "):
                return None
            handle.seek(0)
            count, previous_blank = 0, True
            for line in handle:
                if previous_blank and line.startswith(b"From "):
                    count += 1
                previous_blank = not line.strip()
            return count
    except OSError:
        return None
