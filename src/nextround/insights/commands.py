"""`nextround report`: the insights page as one self-contained HTML file, to send to a coach or mentor."""

import argparse
import datetime as dt
from pathlib import Path

from nextround.cli import CommandError


def register(subparsers) -> None:
    report = subparsers.add_parser(
        "report",
        help="write a user's insights to one HTML file that opens offline",
        description="Write the insights page (funnel, sources, timing, feedback, weekly activity) of one "
        "user to a single HTML file with its charts inside; it opens offline.",
    )
    report.add_argument("--user", required=True, metavar="NAME", help="the username whose search to report")
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it (default: nextround-report-NAME-DATE.html here)",
    )
    report.add_argument(
        "--since",
        type=iso_date("--since"),
        metavar="DATE",
        help="first day of applications to include, as YYYY-MM-DD (default: the very first)",
    )
    report.add_argument(
        "--until",
        type=iso_date("--until"),
        metavar="DATE",
        help="last day to include, as YYYY-MM-DD (default: today)",
    )
    report.set_defaults(func=run_report, needs_django=True)


def iso_date(option: str):
    def parse(value: str) -> dt.date:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            message = f"{option} must be a date like 2026-10-01 (got {value!r})"
            raise argparse.ArgumentTypeError(message) from None

    return parse


def run_report(args) -> int:
    import zoneinfo

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from nextround.core.access import profile_for
    from nextround.core.commands import database_errors, first_line, pending_migrations
    from nextround.core.dates import today_in
    from nextround.insights.metrics import Period

    if args.since and args.until and args.since > args.until:
        raise CommandError(f"--since {args.since} is after --until {args.until}; swap them")
    try:
        if pending_migrations():
            raise CommandError("the database is not set up yet: run `nextround init` first")
        user = get_user_model().objects.filter(username=args.user).first()
    except database_errors() as exc:
        raise CommandError(f"cannot reach the database ({first_line(exc)}); check DATABASE_URL") from None
    if user is None:
        raise CommandError(f"--user: there is no user named {args.user!r}")
    profile = profile_for(user)
    today = today_in(profile.time_zone)
    output = Path(args.output or f"nextround-report-{user.username}-{today}.html")
    with timezone.override(zoneinfo.ZoneInfo(profile.time_zone)):
        html = render_report(user, Period(args.since, args.until), today, profile.display_name)
    try:
        output.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"-o: cannot write {output} ({exc.strerror})") from None
    print(f"nextround: wrote the insights of {user.username} to {output}")
    return 0


def render_report(user, period, today: dt.date, name: str) -> str:
    from django.contrib.staticfiles import finders
    from django.template.loader import render_to_string

    from nextround.insights import queries
    from nextround.insights.forms import describe

    def static_text(path: str) -> str:
        return Path(finders.find(path)).read_text(encoding="utf-8")

    # Everything inline, so the file opens offline and can be mailed as it is.
    css = static_text("nextround/app.css") + static_text("insights/insights.css")
    script = static_text("insights/vendor/echarts-6.1.0.min.js") + "\n" + static_text("insights/insights.js")
    return render_to_string(
        "insights/report.html",
        {
            "insights": queries.insights_for(user, period, today),
            "period_text": describe(period),
            "report": True,
            "name": name or user.username,
            "css": css,
            "script": script.replace("</script", "<\\/script"),
        },
    )
