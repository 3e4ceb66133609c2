"""`nextround demo`: the command that spans the capabilities (the demo fills the tracker and the playbook)."""

from nextround.cli import CommandError


def register(subparsers) -> None:
    demo = subparsers.add_parser(
        "demo", help="load a demo job search for user 'demo' (password nextround-demo)"
    )
    demo.add_argument("--reset", action="store_true", help="delete the demo user's data and load it afresh")
    demo.set_defaults(func=run_demo, needs_django=True)


def run_demo(args) -> int:
    from nextround.core.commands import database_errors, first_line, pending_migrations
    from nextround.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo

    try:
        if pending_migrations():
            raise CommandError("the database is not set up yet: run `nextround init` first")
        created = load_demo(reset=args.reset)
    except database_errors() as exc:
        raise CommandError(f"cannot reach the database ({first_line(exc)}); check DATABASE_URL") from None
    if created:
        print(f"nextround: demo job search loaded. Log in as {DEMO_USERNAME} / {DEMO_PASSWORD}.")
    else:
        print(f"nextround: the demo user is already there (log in as {DEMO_USERNAME} / {DEMO_PASSWORD}).")
    return 0
