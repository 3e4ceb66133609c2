"""`nextround mail import FILE --user NAME` and `nextround mail sync --user NAME`."""

import json
import sys
from pathlib import Path

from nextround.cli import CommandError


def register(subparsers) -> None:
    mail = subparsers.add_parser("mail", help="read job-search mail: import a mailbox file or sync over IMAP")
    commands = mail.add_subparsers(dest="mail_command", metavar="COMMAND", required=True)

    importer = commands.add_parser(
        "import", help="an .mbox, a .zip of .eml files or one .eml, into the Mail page's review queue"
    )
    importer.add_argument("file", metavar="FILE")
    importer.add_argument("--user", required=True, metavar="NAME", help="the account to import into")
    importer.add_argument("--dry-run", action="store_true", help="change nothing; say what would happen")
    importer.add_argument(
        "--json", action="store_true", help="one JSON line per message instead of the progress bar"
    )
    importer.set_defaults(func=run_import, needs_django=True)

    sync = commands.add_parser("sync", help="fetch new messages from the mailbox set up on the Mail page")
    sync.add_argument("--user", required=True, metavar="NAME", help="whose mailbox")
    sync.add_argument("--json", action="store_true", help="one JSON line per new message")
    sync.set_defaults(func=run_sync, needs_django=True)


def run_import(args) -> int:
    from django.db import transaction

    from nextround.mail import services, sources
    from nextround.mail.vocabulary import MailOrigin
    from nextround.transfer.commands import existing_user

    user = existing_user(args.user)
    path = Path(args.file)
    try:
        raw = sources.iter_file(path)
        first = next(raw, None)  # reads the start, so a file that is not mail is refused before anything
    except sources.MailFileProblem as exc:
        raise CommandError(str(exc)) from None
    if first is None:
        raise CommandError(f"{args.file}: holds no messages")
    bar = None if args.json else progress_bar(path)

    def chain():
        yield first
        yield from raw

    try:
        with transaction.atomic():
            outcomes, summary = services.import_mail(
                owner=user,
                mails=services.parse_raw(chain()),
                origin=MailOrigin.COMMAND,
                dry_run=args.dry_run,
                progress=bar.update if bar else None,
            )
            for outcome in outcomes:
                if args.json:
                    print(json.dumps(outcome.as_json(), ensure_ascii=False))
    except sources.MailFileProblem as exc:
        raise CommandError(f"{exc} Nothing was imported.") from None
    finally:
        if bar:
            bar.close()
    prefix = "dry run, nothing changed: " if args.dry_run else ""
    print(f"nextround: {prefix}{summary}", file=sys.stderr if args.json else sys.stdout)
    return 0


def progress_bar(path: Path):
    from tqdm import tqdm

    from nextround.mail.sources import count_hint

    return tqdm(total=count_hint(path), unit=" messages", desc="Reading", file=sys.stderr, leave=False)


def run_sync(args) -> int:
    from nextround.mail import imap
    from nextround.mail.models import MailAccount
    from nextround.transfer.commands import existing_user

    user = existing_user(args.user)
    account = MailAccount.objects.filter(owner=user).first()
    if account is None:
        raise CommandError(
            f"“{args.user}” has no mailbox set up; connect one on the Mail page (Mail → Connect a mailbox)"
        )
    try:
        result = imap.sync(account=account, on_outcome=print_json if args.json else None)
    except imap.SyncFailed as exc:
        raise CommandError(str(exc)) from None
    print(f"nextround: {result}", file=sys.stderr if args.json else sys.stdout)
    return 0


def print_json(outcome) -> None:
    print(json.dumps(outcome.as_json(), ensure_ascii=False))
