"""`nextround import ...`, `nextround export ...` and `nextround backup FILE`."""

import contextlib
import os
import sys
import time
from pathlib import Path

from nextround.cli import CommandError
from nextround.core.errors import unreadable

MAX_FILE_BYTES = 512 * 1024 * 1024


def register(subparsers) -> None:
    importer = subparsers.add_parser(
        "import", help="import LinkedIn connections, a spreadsheet, or a JSON export"
    )
    kinds = importer.add_subparsers(dest="kind", metavar="KIND", required=True)
    linkedin = kinds.add_parser(
        "linkedin", help="Connections.csv, Job Applications.csv or the whole export .zip"
    )
    csv_parser = kinds.add_parser("csv", help="applications from a spreadsheet, with a column mapping")
    json_parser = kinds.add_parser("json", help="restore or merge a nextround JSON export")
    for parser in (linkedin, csv_parser, json_parser):
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--user", required=True, metavar="NAME", help="the account to import into")
    csv_parser.add_argument("--mapping", required=True, metavar="MAPPING.json", help="see docs/import.md")
    for parser in (linkedin, csv_parser):
        parser.add_argument(
            "--skip-bad-rows", action="store_true", help="import the good rows, list the bad ones"
        )
    linkedin.set_defaults(func=run_import_linkedin, needs_django=True)
    csv_parser.set_defaults(func=run_import_csv, needs_django=True)
    json_parser.set_defaults(func=run_import_json, needs_django=True)

    exporter = subparsers.add_parser(
        "export", help="export your data as JSON, or applications/contacts as CSV"
    )
    formats = exporter.add_subparsers(dest="kind", metavar="FORMAT", required=True)
    as_json = formats.add_parser("json", help="everything, in nextround's documented JSON format")
    as_csv = formats.add_parser("csv", help="applications or contacts, for a spreadsheet")
    as_csv.add_argument("what", choices=("applications", "contacts"))
    for parser in (as_json, as_csv):
        parser.add_argument("--user", required=True, metavar="NAME")
        parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of to standard output")
    as_json.set_defaults(func=run_export_json, needs_django=True)
    as_csv.set_defaults(func=run_export_csv, needs_django=True)

    backup = subparsers.add_parser("backup", help="copy the SQLite database safely, even while the app runs")
    backup.add_argument("file", metavar="FILE")
    backup.set_defaults(func=run_backup, needs_django=True)


@contextlib.contextmanager
def reading(name: str):
    """A file that cannot be read is one clear line naming it."""
    try:
        yield
    except OSError as exc:
        raise CommandError(unreadable(name, exc)) from None


def read_file(name: str) -> bytes:
    path = Path(name)
    with reading(name):
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(f"{name}: larger than {MAX_FILE_BYTES // 2**20} MB; is this the right file?")
        return path.read_bytes()


def readable_file(name: str) -> Path:
    """The path of a file to stream from, checked now so that a problem is one clear line."""
    path = Path(name)
    with reading(name), path.open("rb") as handle:
        handle.read(1)
    return path


class Progress:
    """Says on standard error how far a long import has got, at most once a second."""

    def __init__(self, every: float = 1.0):
        self.every, self.last = every, time.monotonic()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        finished = total is not None and done >= total
        if now - self.last < self.every and not (finished and done >= 10_000):
            return
        self.last = now
        of = f" of {total:,}" if total else ""
        print(f"nextround: {stage} rows: {done:,}{of}", file=sys.stderr, flush=True)


def existing_user(name: str):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=name).first()
    if user is None:
        raise CommandError(f"--user: there is no account “{name}”; sign up in the web app first")
    return user


def print_summary(summary) -> None:
    print(f"nextround: {summary}")
    for problem in summary.skipped:
        print(f"  skipped {problem}")
    for suggestion in summary.suggestions:
        print(
            f"  “{suggestion.name}” looks like your “{suggestion.company_name}” but is not the same name, "
            "so it was added as a new company; if it is the same employer, say so on the Import page"
        )


def run_import_linkedin(args) -> int:
    from nextround.transfer.jobs import ImportBusy, ImportStopped
    from nextround.transfer.services import ImportFailed, import_linkedin
    from nextround.transfer.tables import FileProblem

    user = existing_user(args.user)
    path = readable_file(args.file)
    try:
        summaries = import_linkedin(
            owner=user, path=path, filename=args.file, skip_bad_rows=args.skip_bad_rows, progress=Progress()
        )
    except (FileProblem, ImportFailed, ImportBusy, ImportStopped) as exc:
        raise CommandError(f"{args.file}: {exc}") from None
    for summary in summaries:
        print_summary(summary)
    return 0


def run_import_csv(args) -> int:
    from nextround.transfer import spreadsheet
    from nextround.transfer.jobs import ImportBusy, ImportStopped
    from nextround.transfer.services import ImportFailed, import_spreadsheet
    from nextround.transfer.tables import FileProblem, first_row_header, opener_for

    user = existing_user(args.user)
    try:
        table = first_row_header(opener_for(path=readable_file(args.file)))
    except FileProblem as exc:
        raise CommandError(f"{args.file}: {exc}") from None
    try:
        mapping = spreadsheet.load_mapping(read_file(args.mapping).decode("utf-8", "replace"), table.header)
    except FileProblem as exc:
        raise CommandError(f"--mapping {args.mapping}: {exc}") from None
    try:
        summary = import_spreadsheet(
            owner=user,
            table=table,
            mapping=mapping,
            skip_bad_rows=args.skip_bad_rows,
            progress=Progress(),
            label=f"Importing {Path(args.file).name} (command line)",
        )
    except (FileProblem, ImportFailed, ImportBusy, ImportStopped) as exc:
        raise CommandError(f"{args.file}: {exc}") from None
    print_summary(summary)
    return 0


def run_import_json(args) -> int:
    from nextround.transfer.restore import RestoreProblem, restore

    # Read as a stream: memory stays flat however big the export (docs/performance.md).
    path = readable_file(args.file)
    try:
        with reading(args.file), path.open("rb") as stream:
            summary = restore(username=args.user, stream=stream)
    except RestoreProblem as exc:
        raise CommandError(f"{args.file}: {exc}; nothing was imported") from None
    if summary.user_created:
        print(
            f"nextround: created the account “{args.user}” without a password; set one with "
            f"`nextround manage changepassword {args.user}` before logging in."
        )
    action = "merged into" if summary.merged else "restored into"
    print(f"nextround: {args.file} {action} “{args.user}”.")
    for line in summary.lines():
        print(f"  {line}")
    return 0


def write_output(text: str, output: str | None) -> None:
    if not output or output == "-":
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise CommandError(f"--output {output}: cannot write it ({exc.strerror})") from None
    print(f"nextround: wrote {output}", file=sys.stderr)


def run_export_json(args) -> int:
    from nextround.transfer.export import export_json

    write_output(export_json(existing_user(args.user)), args.output)
    return 0


def run_export_csv(args) -> int:
    from nextround.transfer.export import applications_csv, contacts_csv

    build = applications_csv if args.what == "applications" else contacts_csv
    write_output(build(existing_user(args.user)), args.output)
    return 0


PG_DUMP_ADVICE = (
    "the database is PostgreSQL; back it up with pg_dump, for example "
    '`pg_dump --format=custom --file=nextround.dump "$DATABASE_URL"` '
    '(restore with `pg_restore --clean --dbname="$DATABASE_URL" nextround.dump`); see docs/import.md'
)


def run_backup(args) -> int:
    import sqlite3

    from django.db import connection

    if connection.vendor != "sqlite":
        raise CommandError(PG_DUMP_ADVICE)
    source_path = Path(connection.settings_dict["NAME"])
    target = Path(args.file)
    if target.exists():
        raise CommandError(f"{args.file}: already exists; pick a new file name so no backup is overwritten")
    if not source_path.exists():
        raise CommandError(f"there is no database at {source_path} yet; run `nextround init` first")
    partial = target.with_name(target.name + ".partial")
    started = time.monotonic()
    try:
        # SQLite's online backup in one step (pages=-1) reads one consistent snapshot; in WAL mode that
        # never waits for writers. Copying in small steps restarts whenever another process writes, so under
        # a steady writer it never finished.
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
        try:
            destination = sqlite3.connect(partial)
            with destination:
                source.backup(destination, pages=-1)
            destination.close()
        finally:
            source.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise CommandError(f"{args.file}: the backup failed ({exc})") from None
    seconds = time.monotonic() - started
    size = target.stat().st_size
    print(f"nextround: backed up {source_path} to {target} ({size:,} bytes) in {seconds:.1f} s.")
    return 0
