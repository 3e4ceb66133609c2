"""What every database benchmark shares: the `--database-url` option and a fresh, migrated database.

SQLite (the default) is a throwaway file in a temporary directory. A PostgreSQL URL names a database
that the benchmark drops and creates again, so its name must contain "bench" (for example
postgres://postgres@127.0.0.1:55433/scale_bench): a benchmark must never be pointed at data you keep.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent


class Clock:
    """What the benchmarks time requests with: the wall clock, or with --cpu this process's CPU time."""

    now = staticmethod(time.perf_counter)


def add_database_option(parser) -> None:
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time with this process's CPU time instead of the wall clock: steadier on a busy machine, but "
        "SQLite only (PostgreSQL works in a process of its own, which this does not count)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="a PostgreSQL database to use instead of a throwaway SQLite file; it is dropped and created "
        "again, so its name must contain 'bench' (e.g. postgres://postgres@127.0.0.1:55433/scale_bench)",
    )


def fresh_postgres(url: str, *, keep: bool = False) -> None:
    """Drop and create the database named in `url` (connected through the server's `postgres` database);
    with `keep`, create it only if it is missing."""
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"bench: --database-url must name a database with 'bench' in it (got {name!r})")
    admin = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and keep:
            return
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup_django(data_dir: str, database_url: str | None = None, *, keep: bool = False) -> None:
    """Point nextround at the benchmark's database, migrate it, and make `bench` and `nextround` importable.

    `keep` reuses an existing PostgreSQL database instead of recreating it (for --data-dir style reuse).
    """
    os.environ["NEXTROUND_DATA_DIR"] = data_dir
    os.environ["NEXTROUND_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextround.settings")
    if database_url:
        if not database_url.startswith(("postgres://", "postgresql://")):
            raise SystemExit("bench: --database-url must be a postgres:// URL (SQLite is the default)")
        fresh_postgres(database_url, keep=keep)
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    sys.path[:0] = [str(ROOT), str(ROOT / "src")]  # `bench.fill` and an uninstalled `nextround` both import
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def analyze() -> None:
    """Fresh planner statistics after a bulk fill, as autovacuum would give a real PostgreSQL database."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def describe() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        return "SQLite (a temporary file)"
    return f"PostgreSQL {connection.pg_version // 10000} ({connection.settings_dict['NAME']})"
