"""How do the playbook reads scale with the number of plans? Run: .venv/bin/python bench/playbook.py [--quick]

Fills a small user (100 applications) and a large one (2,000 applications; 5,000 without --quick) with the
bulk filler, builds a plan for every rejected or ghosted application through the real service, then times
the reads that run on every page or request, alternating the two users, and prints median times and the
large/small ratio. The dashboard steps, the plan page and `nextround today` should not grow with the number
of plans (ratio near 1); the calendar feed lists every open item, so it grows with them by design.

Uses a throwaway SQLite database in a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def setup_django(data_dir: str) -> None:
    os.environ["NEXTROUND_DATA_DIR"] = data_dir
    os.environ.setdefault("NEXTROUND_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextround.settings")
    root = Path(__file__).resolve().parent.parent
    sys.path[:0] = [str(root), str(root / "src")]
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


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
        f"({1000 * elapsed / max(closed.count(), 1):.1f} ms per plan)"
    )
    return user


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        from django.test import Client

        from nextround.core.dates import today_in
        from nextround.playbook import feed, queries
        from nextround.playbook.models import Plan

        print("Filling:")
        small = make_user("bench-small", 100)
        large = make_user("bench-large", 2000 if args.quick else 5000)
        repeat = 5 if args.quick else 15
        today = today_in("UTC")
        clients = {}
        for user in (small, large):
            clients[user.pk] = Client()
            clients[user.pk].force_login(user)

        def plan_page(user):
            plan = Plan.objects.filter(owner=user).order_by("pk").first()
            response = clients[user.pk].get(f"/applications/{plan.application_id}/plan/")
            assert response.status_code == 200

        reads = {
            "dashboard steps": lambda user: queries.dashboard_steps(user, today),
            "nextround today": lambda user: queries.due_items(user, today),
            "plan page": plan_page,
            "calendar feed": lambda user: feed.build_calendar(user, base_url="http://127.0.0.1:8000"),
        }
        print(f"\n{'read':<18}{'small ms':>10}{'large ms':>10}{'ratio':>8}")
        for name, read in reads.items():
            small_ms = large_ms = 0.0
            for _ in range(2):  # alternate, so noise on the machine hits both alike
                small_ms += timed(lambda read=read: read(small), repeat) / 2
                large_ms += timed(lambda read=read: read(large), repeat) / 2
            print(f"{name:<18}{small_ms:>10.1f}{large_ms:>10.1f}{large_ms / small_ms:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
