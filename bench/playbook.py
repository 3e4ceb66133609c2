"""How do the playbook reads scale with the number of plans? Run: .venv/bin/python bench/playbook.py [--quick]

Fills a small user (100 applications) and a large one (2,000 applications with --quick, 5,000 without) with
the bulk filler, builds a plan for every rejected or ghosted application through the real service, then
times the reads that run on every page or request, alternating the two users, and prints median times and
the large/small ratio:

- the dashboard steps, the plan page and `nextround today` (ratio target <= 2),
- the calendar feed as a calendar app fetches it: GET /calendar/<token>.ics through Django's test client
  with nothing cached (as after a change; target < 100 ms at 1,000 open plans), the same GET again with
  the body cached, and with the ETag it answered, as an app polling an unchanged calendar sends it
  (target: 304 in < 10 ms).

The database is a throwaway SQLite file, or the PostgreSQL database named by --database-url (dropped and
created again; see bench/common.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import Clock, add_database_option, analyze, describe, setup_django  # noqa: E402


def make_user(username: str, applications: int):
    from bench.fill import fill
    from django.contrib.auth import get_user_model

    from nextround.core.services import create_user
    from nextround.playbook.services import refresh_plan
    from nextround.tracker.models import Application

    user = create_user(user=get_user_model()(username=username))
    fill(user, applications=applications, seed=7)
    started = time.perf_counter()
    closed = Application.objects.filter(owner=user, stage__in=["rejected", "ghosted"]).select_related(
        "company"
    )
    for application in closed:
        refresh_plan(application=application)
    elapsed = time.perf_counter() - started
    print(
        f"  {username}: {applications:,} applications, {closed.count():,} plans built in {elapsed:.1f} s "
        f"({1000 * elapsed / max(closed.count(), 1):.1f} ms per plan)",
        flush=True,
    )
    return user


def timed(function, repeat: int) -> float:
    """Median milliseconds of `function`; one that times itself returns its own seconds."""
    times = []
    for _ in range(repeat):
        started = Clock.now()
        own = function()
        times.append(own if isinstance(own, float) else Clock.now() - started)
    return statistics.median(times) * 1000


def open_plans(user) -> int:
    from nextround.playbook.models import Plan

    return Plan.objects.filter(owner=user, steps__status="todo").distinct().count()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 applications for the large user")
    add_database_option(parser)
    args = parser.parse_args()
    if args.cpu:
        Clock.now = time.process_time
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir, args.database_url)
        from django.core.cache import cache
        from django.test import Client

        from nextround.core.access import profile_for
        from nextround.core.dates import today_in
        from nextround.playbook import queries
        from nextround.playbook.models import Plan

        print(f"Database: {describe()}\nFilling:", flush=True)
        small = make_user("bench-small", 100)
        large = make_user("bench-large", 2000 if args.quick else 5000)
        analyze()
        repeat = 5 if args.quick else 15
        today = today_in("UTC")
        clients = {}
        for user in (small, large):
            clients[user.pk] = Client()
            clients[user.pk].force_login(user)
        feed_url = {user.pk: f"/calendar/{profile_for(user).calendar_token}.ics" for user in (small, large)}
        etags: dict[int, str] = {}
        answers: dict[int, int] = {}

        def plan_page(user):
            plan = Plan.objects.filter(owner=user).order_by("pk").first()
            response = clients[user.pk].get(f"/applications/{plan.application_id}/plan/")
            assert response.status_code == 200

        def feed(user):
            # A calendar app's first fetch after a change: no validator, and nothing rendered to reuse.
            cache.clear()
            started = Clock.now()
            response = Client().get(feed_url[user.pk])
            elapsed = Clock.now() - started
            assert response.status_code == 200, response.status_code
            etags[user.pk] = response.get("ETag", "")
            return elapsed

        def feed_cached(user):
            # Another calendar app (or one that keeps no validators) asking for the same unchanged feed.
            response = Client().get(feed_url[user.pk])
            assert response.status_code == 200, response.status_code

        def feed_unchanged(user):
            response = Client().get(feed_url[user.pk], HTTP_IF_NONE_MATCH=etags[user.pk] or '"none"')
            answers[user.pk] = response.status_code

        reads = {
            "dashboard steps": lambda user: queries.dashboard_steps(user, today),
            "nextround today": lambda user: queries.due_items(user, today),
            "plan page": plan_page,
            "calendar feed": feed,
            "feed, no ETag": feed_cached,
            "feed, unchanged": feed_unchanged,
        }
        print(f"  open plans: small {open_plans(small):,}, large {open_plans(large):,}")
        print(f"\n{'read':<18}{'small ms':>10}{'large ms':>10}{'ratio':>8}")
        for name, read in reads.items():
            small_ms = large_ms = 0.0
            for _ in range(2):  # alternate, so noise on the machine hits both alike
                small_ms += timed(lambda read=read: read(small), repeat) / 2
                large_ms += timed(lambda read=read: read(large), repeat) / 2
            note = ""
            if name == "feed, unchanged":
                note = "  (answered " + ", ".join(str(answers[user.pk]) for user in (small, large)) + ")"
            print(f"{name:<18}{small_ms:>10.1f}{large_ms:>10.1f}{large_ms / small_ms:>8.2f}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
