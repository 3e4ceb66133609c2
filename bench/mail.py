"""How fast is mail intake, and does memory stay flat? Run: .venv/bin/python bench/mail.py [--quick]

1. `nextround mail import FILE --user bench` on an .mbox of 1,000 and of 10,000 messages (the team's dev
   letters repeated with new Message-IDs, so every one is read, recognised, matched against 200
   applications and the job-search ones stored), each in its own process: wall time, CPU time, messages a
   second and the process's peak memory. Target: 10,000 in under 30 s, with peak memory about the same
   for both sizes.
2. IMAP: fills a mailbox on a local Dovecot (started here, as the tests do; needs dovecot-imapd) with
   1,000 new messages and times `nextround mail sync` for them. Target: under 30 s.

Uses a throwaway data directory and SQLite database. --quick runs a tenth of the sizes.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]


def setup(data_dir: str) -> None:
    os.environ["NEXTROUND_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextround.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_user():
    from tests.personas import make_user as persona

    from nextround.mail import evaluate
    from nextround.tracker.models import Application, Company, StageChange

    user = persona("bench")
    rows = list(evaluate.read_corpus(ROOT / "training" / "mail" / "dev.jsonl"))
    names = sorted({r["expect"]["company"] for r in rows if r["expect"]["company"]})
    from django.utils import timezone

    now = timezone.now()
    for index in range(200):
        name = names[index % len(names)] if index < len(names) else f"Filler Company {index}"
        company, _ = Company.objects.get_or_create(owner=user, name=name)
        application = Application.objects.create(
            owner=user, company=company, role_title=f"Role {index}", stage="applied", stage_changed_at=now
        )
        StageChange.objects.create(owner=user, application=application, to_stage="applied", changed_at=now)
    return user, rows


def numbered(rows, count: int, prefix: str):
    """`count` letters taken from `rows` in turn, each with a Message-ID of its own."""
    for index in range(count):
        row = dict(rows[index % len(rows)])
        row["message_id"] = f"{prefix}-{index}@bench.example"
        yield row


def write_mbox(rows, count: int, path: Path, prefix: str) -> None:
    from nextround.mail import evaluate

    evaluate.write_mbox(numbered(rows, count, prefix), path)


def run_import(path: Path, data_dir: str) -> dict:
    """One `nextround mail import` in a child process: its own peak memory, wall and CPU time."""
    env = {**os.environ, "NEXTROUND_DATA_DIR": data_dir}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "nextround", "mail", "import", str(path), "--user", "bench"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(done.stderr)
    return {
        "wall": wall,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "peak_mb": after.ru_maxrss / 1024,  # the largest child so far (the runs go small to large)
        "summary": done.stdout.strip().splitlines()[-1],
    }


def bench_import(rows, data_dir: str, sizes: list[int]) -> None:
    print("mail import (.mbox, one process each)")
    print(f"{'messages':>9} {'MB':>6} {'wall s':>7} {'cpu s':>6} {'msg/s':>7} {'peak MB':>8}")
    for size in sizes:
        path = Path(data_dir) / f"bench-{size}.mbox"
        write_mbox(rows, size, path, f"b{size}")
        result = run_import(path, data_dir)
        print(
            f"{size:>9,} {path.stat().st_size / 2**20:>6.1f} {result['wall']:>7.1f} {result['cpu']:>6.1f} "
            f"{size / result['wall']:>7.0f} {result['peak_mb']:>8.0f}"
        )
        print(f"          {result['summary']}")
        path.unlink()


def bench_imap(rows, data_dir: str, count: int) -> None:
    from tests.mail import dovecot

    if not dovecot.installed():
        print("IMAP: skipped, Dovecot is not installed (apt-get install dovecot-imapd)")
        return
    from django.conf import settings
    from tests.personas import make_user as persona

    from nextround.mail import evaluate, imap

    folder = Path(tempfile.mkdtemp(prefix="nextround-bench-dovecot-"))
    server = dovecot.start(folder)
    try:
        settings.MAIL_IMAP_CA_FILE = str(server.cert)
        mailbox = server.new_user()
        server.fill(mailbox, (evaluate.to_message(row) for row in numbered(rows, count, "imap")))
        account = server.connect(owner=persona("imapbench"), user=mailbox)
        start, cpu = time.perf_counter(), time.process_time()
        result = imap.sync(account=account)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"IMAP sync of {count:,} new messages: {wall:.1f} s wall, {cpu:.1f} s CPU ({count / wall:.0f}/s)"
        )
        print(f"          {result}")
        start = time.perf_counter()
        again = imap.sync(account=account)
        print(f"second sync (nothing new): {time.perf_counter() - start:.2f} s, fetched {again.fetched}")
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--skip-imap", action="store_true")
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="nextround-bench-mail-")
    try:
        setup(data_dir)
        _, rows = make_user()
        sizes = [100, 1_000] if args.quick else [1_000, 10_000]
        bench_import(rows, data_dir, sizes)
        if not args.skip_imap:
            bench_imap(rows, data_dir, 100 if args.quick else 1_000)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
