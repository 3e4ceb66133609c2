"""`nextround today` and `nextround calendar`."""

import json
import os
import sys

from nextround.cli import CommandError

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def register(subparsers) -> None:
    today = subparsers.add_parser("today", help="list the plan steps and follow-ups due today and overdue")
    today.add_argument("--user", required=True, metavar="NAME", help="whose list (a username)")
    today.add_argument("--json", action="store_true", help="print JSON for other tools and scripts")
    today.set_defaults(func=run_today, needs_django=True)

    calendar = subparsers.add_parser("calendar", help="write the iCalendar of open plan steps and follow-ups")
    calendar.add_argument("--user", required=True, metavar="NAME", help="whose calendar (a username)")
    calendar.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    calendar.set_defaults(func=run_calendar, needs_django=True)


def find_user(name: str):
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError

    try:
        user = get_user_model().objects.filter(username=name).first()
    except DatabaseError as exc:
        raise CommandError(
            f"cannot read the database ({str(exc).splitlines()[0]}); run `nextround init`"
        ) from None
    if user is None:
        raise CommandError(f"--user: there is no user called {name!r}")
    return user


def run_today(args) -> int:
    from nextround.core.access import profile_for
    from nextround.core.dates import today_in
    from nextround.playbook.queries import DUE_DAYS_BACK, due_items

    user = find_user(args.user)
    today = today_in(profile_for(user).time_zone)
    items, more = due_items(user, today)
    if args.json:
        print(
            json.dumps(
                [{key: value for key, value in item.items() if key != "type"} for item in items],
                ensure_ascii=False,
                indent=2,
            )
        )
        if more:
            print(f"nextround today: only the {len(items)} most recent items are listed", file=sys.stderr)
        return 0
    if not items:
        print(
            f"Nothing due on {today:%A %d %B %Y}. A good day to add an application or catch up with someone."
        )
        return 0
    print(f"Due on {today:%A %d %B %Y}, and overdue from the last {DUE_DAYS_BACK} days:")
    for item in items:
        late = " (overdue)" if item["due"] < today.isoformat() else ""
        where = f" · {item['application']}" if item["application"] else ""
        who = f" · with {item['contact']}" if item["contact"] else ""
        print(f"- {item['due']}{late}: {item['title']}{where}{who}")
    if more:
        print("Older items are left out; the Follow-ups page and your plans list every one of them.")
    return 0


def run_calendar(args) -> int:
    from django.conf import settings

    from nextround.core.access import profile_for
    from nextround.core.dates import today_in
    from nextround.playbook.feed import build_calendar

    user = find_user(args.user)
    today = today_in(profile_for(user).time_zone)

    # Links in the events point to the web app: NEXTROUND_PUBLIC_URL when it is set (NEXTROUND_BASE_URL is
    # the older name), else this machine.
    base_url = (settings.PUBLIC_URL + "/") if settings.PUBLIC_URL else None
    body = build_calendar(
        user, base_url=base_url or os.environ.get("NEXTROUND_BASE_URL", DEFAULT_BASE_URL), today=today
    )
    if not args.output or args.output == "-":
        sys.stdout.write(body.decode("utf-8"))
        return 0
    try:
        with open(args.output, "wb") as handle:
            handle.write(body)
    except OSError as exc:
        raise CommandError(f"-o: cannot write {args.output} ({exc.strerror})") from None
    print(f"nextround: wrote the calendar of {args.user} to {args.output}", file=sys.stderr)
    return 0
