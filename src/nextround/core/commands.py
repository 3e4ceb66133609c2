"""`nextround init`, `serve` and `manage` (`demo` lives in `nextround/demo.py`, above every capability)."""

import argparse
import sys

from nextround.cli import CommandError


def register(subparsers) -> None:
    init = subparsers.add_parser("init", help="create or migrate the database")
    init.set_defaults(func=run_init, needs_django=True)

    serve = subparsers.add_parser("serve", help="serve the web app with a production WSGI server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=port_number, default=8000)
    serve.add_argument(
        "--workers",
        type=worker_count,
        default=1,
        metavar="N",
        help="serve with N processes (gunicorn; Linux and macOS) instead of one; for a team on PostgreSQL",
    )
    serve.add_argument("--threads", type=int, default=None, help=argparse.SUPPRESS)
    serve.set_defaults(func=run_serve, needs_django=True)

    manage = subparsers.add_parser("manage", help="run a Django management command", add_help=False)
    manage.add_argument("args", nargs=argparse.REMAINDER)
    manage.set_defaults(func=run_manage, needs_django=True)


def port_number(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--port must be a number from 1 to 65535 (got {value!r})") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"--port must be a number from 1 to 65535 (got {value!r})")
    return port


def worker_count(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 64:
        raise argparse.ArgumentTypeError(f"--workers must be a number from 1 to 64 (got {value!r})")
    return int(value)


def database_errors():
    from django.db import DatabaseError

    return DatabaseError


def describe_database() -> str:
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite database {settings['NAME']}"
    return f"PostgreSQL database {settings.get('NAME')} on {settings.get('HOST') or 'localhost'}"


def first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]


def run_init(args) -> int:
    from django.core.management import call_command

    try:
        call_command("migrate", interactive=False, verbosity=0)
    except database_errors() as exc:
        raise CommandError(f"cannot set up the database ({first_line(exc)}); check DATABASE_URL") from None
    print(f"nextround: the {describe_database()} is ready.")
    return 0


def pending_migrations() -> bool:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def run_serve(args) -> int:
    import waitress
    from django.conf import settings

    from nextround.wsgi import application

    try:
        if pending_migrations():
            raise CommandError("the database is not set up yet: run `nextround init` first")
    except database_errors() as exc:
        raise CommandError(f"cannot reach the database ({first_line(exc)}); check DATABASE_URL") from None
    if settings.DEBUG:
        print(
            "nextround: warning: NEXTROUND_DEBUG is on; never expose this server to others.", file=sys.stderr
        )
    processes = f" with {args.workers} worker processes" if args.workers > 1 else ""
    print(
        f"nextround: serving on http://{args.host}:{args.port}/{processes} (press Ctrl+C to stop)", flush=True
    )
    if settings.PUBLIC_URL:
        print(f"nextround: people reach it at {settings.PUBLIC_URL}/", flush=True)
    if args.workers > 1:
        return serve_workers(args, settings, application)
    try:
        waitress.serve(application, **waitress_options(args, settings))
    except OSError as exc:
        raise CommandError(f"cannot listen on {args.host}:{args.port} ({exc.strerror})") from None
    return 0


def serve_workers(args, settings, application) -> int:
    from django.db import connection

    from nextround.core import workers

    if connection.vendor == "sqlite":
        print(
            "nextround: note: the workers share one SQLite file, so their writes wait for each other; "
            "PostgreSQL (DATABASE_URL) suits several workers better (docs/deploy.md).",
            file=sys.stderr,
        )
    try:
        workers.serve(
            application,
            host=args.host,
            port=args.port,
            workers=args.workers,
            threads=args.threads or workers.THREADS_PER_WORKER,
            trusted_proxy=settings.TRUSTED_PROXY,
        )
    except workers.Unavailable as exc:
        raise CommandError(str(exc)) from None
    return 0


def waitress_options(args, settings) -> dict:
    options = {"host": args.host, "port": args.port, "threads": args.threads or 8, "ident": "nextround"}
    if settings.TRUSTED_PROXY:
        # Believe X-Forwarded-* only from the reverse proxy; waitress drops them from anyone else.
        options.update(
            trusted_proxy=settings.TRUSTED_PROXY,
            trusted_proxy_count=1,
            trusted_proxy_headers={
                "x-forwarded-for",
                "x-forwarded-host",
                "x-forwarded-proto",
                "x-forwarded-port",
            },
            clear_untrusted_proxy_headers=True,
        )
    return options


def run_manage(args) -> int:
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["nextround manage", *args.args])
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    return 0
