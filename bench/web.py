"""How fast are the tracker pages with a very long job search? Run: .venv/bin/python bench/web.py [--quick]

Fills one user with 10,000 applications, 30,000 contacts and 100,000 interactions and another with 100
applications (and proportional contacts and interactions), then requests the same pages for both in the
same run, in-process through Django's test client, and prints median and p95 server-side times and the
large/small ratio. Targets: ratio under 1.5 and p95 under 150 ms for every page.

Requests for the two users alternate, so that anything else happening on the machine hits both alike.

The database is a throwaway SQLite file in a temporary directory, or with --database-url a PostgreSQL
database that is dropped and created again (its name must contain "bench"; see bench/common.py).

--profile PAGE prints a cProfile of that page for the large user instead of the table.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import Clock, add_database_option, analyze, describe, setup_django  # noqa: E402

TARGET_RATIO = 1.5
TARGET_P95_MS = 150.0
PAGES = ["dashboard", "applications", "board", "application detail", "contacts"]


def make_user(username: str, *, applications: int, seed: int):
    from bench.fill import fill
    from django.contrib.auth import get_user_model

    from nextround.core.services import create_user
    from nextround.core.versions import bump

    user = create_user(user=get_user_model()(username=username))
    started = time.perf_counter()
    counts = fill(user, applications=applications, seed=seed)
    # The fill inserts in bulk, around the services; a real account that wrote this much has a data
    # version, which the pages' caches are filed under (`core.versions`).
    bump(user)
    print(
        f"  {username}: {counts['applications']:,} applications, {counts['contacts']:,} contacts, "
        f"{counts['interactions']:,} interactions, {counts['stage_changes']:,} stage changes, "
        f"{counts['follow_ups']:,} follow-ups in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return user


def urls_for(user) -> dict[str, str]:
    from django.urls import reverse

    from nextround.tracker.models import Application
    from nextround.tracker.vocabulary import Stage

    # A typical detail page: an application in the interviews, with its history, people and interactions.
    application = (
        Application.objects.filter(owner=user, stage=Stage.INTERVIEWING).order_by("pk").first()
        or Application.objects.filter(owner=user).order_by("pk").first()
    )
    return {
        "dashboard": reverse("tracker:dashboard"),
        "applications": reverse("tracker:application_list"),
        "board": reverse("tracker:board"),
        "application detail": reverse("tracker:application_detail", args=[application.pk]),
        "contacts": reverse("tracker:contact_list"),
    }


def client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def timed_get(client, url: str) -> float:
    started = Clock.now()
    response = client.get(url)
    elapsed = (Clock.now() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"bench: GET {url} answered {response.status_code}, expected 200")
    return elapsed


def query_count(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(clients: dict, urls: dict, *, repeats: int, warmup: int) -> list[dict]:
    rows = []
    for page in PAGES:
        times = {size: [] for size in clients}
        for _ in range(warmup):
            for size, client in clients.items():
                timed_get(client, urls[size][page])
        for _ in range(repeats):
            for size, client in clients.items():  # alternate, so that noise hits both sizes alike
                times[size].append(timed_get(client, urls[size][page]))
        row = {"page": page}
        for size, client in clients.items():
            row[size] = {
                "median": statistics.median(times[size]),
                "p95": p95(times[size]),
                "queries": query_count(client, urls[size][page]),
            }
        row["ratio"] = row["large"]["median"] / row["small"]["median"]
        row["ok"] = row["ratio"] < TARGET_RATIO and row["large"]["p95"] < TARGET_P95_MS
        rows.append(row)
        print(f"  measured {page}", flush=True)
    return rows


def table(rows: list[dict], large: int, small: int) -> str:
    head = (
        f"| Page | {small:,} apps median | {small:,} p95 | {large:,} apps median | {large:,} p95 "
        f"| Ratio (median) | Queries | Target |"
    )
    lines = [head, "|" + "---|" * 8]
    for row in rows:
        s, big = row["small"], row["large"]
        queries = (
            f"{s['queries']}" if s["queries"] == big["queries"] else f"{s['queries']} / {big['queries']}"
        )
        lines.append(
            f"| {row['page']} | {s['median']:.1f} ms | {s['p95']:.1f} ms | {big['median']:.1f} ms "
            f"| {big['p95']:.1f} ms | {row['ratio']:.2f} | {queries} | {'met' if row['ok'] else 'MISSED'} |"
        )
    return "\n".join(lines)


def profile(client, url: str) -> None:
    for _ in range(3):
        client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(10):
        client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="2,000 applications instead of 10,000; fewer repeats"
    )
    parser.add_argument("--applications", type=int, help="applications for the large user (default 10,000)")
    parser.add_argument(
        "--repeats", type=int, help="timed requests per page and size (default 30; 10 with --quick)"
    )
    parser.add_argument("--profile", choices=PAGES, help="profile one page for the large user and stop")
    add_database_option(parser)
    args = parser.parse_args(argv)
    if args.cpu:
        Clock.now = time.process_time
    large = args.applications or (2_000 if args.quick else 10_000)
    small = 100
    repeats = args.repeats or (10 if args.quick else 30)

    with tempfile.TemporaryDirectory(prefix="nextround-bench-") as data_dir:
        setup_django(data_dir, args.database_url)
        print(f"Database: {describe()}")
        print("Filling (bulk inserts)…", flush=True)
        users = {
            "large": make_user("bench-large", applications=large, seed=1),
            "small": make_user("bench-small", applications=small, seed=2),
        }
        analyze()
        clients = {size: client_for(user) for size, user in users.items()}
        urls = {size: urls_for(user) for size, user in users.items()}
        if args.profile:
            profile(clients["large"], urls["large"][args.profile])
            return 0
        print(f"Timing {repeats} requests per page and size after warm-up…", flush=True)
        rows = measure(clients, urls, repeats=repeats, warmup=3)
        print()
        print(table(rows, large, small))
        missed = [row["page"] for row in rows if not row["ok"]]
        print()
        print("All pages meet the targets." if not missed else f"Missed the targets: {', '.join(missed)}.")
        return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
