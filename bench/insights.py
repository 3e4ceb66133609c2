"""Benchmark: server time of the insights page for a big search against a small one, in the same run.

    .venv/bin/python bench/insights.py [--requests 20] [--data-dir DIR] [--profile] [--database-url URL]

--data-dir keeps the filled database in DIR and reuses it on the next run (saves the 10–15 s fill while
iterating); --profile prints each query's time and the top functions (cProfile) for one request per page
on the big search instead of timing, each the first view after a write (a repeated view reads the cache).

Fills a fresh database (a temporary SQLite file, or the PostgreSQL database named by --database-url,
dropped and created again; see bench/common.py) with one user holding 10,000 applications (each with a
stage history) and 100,000 interactions, plus rejection plans with steps and logs, and a second user with 100
applications and 1,000 interactions, both spread over the last year. It then times GET /insights/ (the
default: last 90 days) and /insights/?period=all (the heaviest) with the Django test client and prints the
median and p95 of each and their ratio. Target: p95 < 300 ms, ratio < 3.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import Clock, add_database_option, analyze, describe, setup_django  # noqa: E402

SOURCES = ["referral", "job_board", "company_site", "recruiter", "linkedin", "other"]
PATHS = [
    ["applied"],
    ["applied", "ghosted"],
    ["applied", "rejected"],
    ["applied", "screening", "rejected"],
    ["applied", "screening", "interviewing", "rejected"],
    ["applied", "screening", "interviewing"],
    ["applied", "screening", "interviewing", "offer"],
    ["applied", "withdrawn"],
]
TAGS = ["skills", "experience", "communication", "interview", "fit", "budget", "internal_candidate"]


def fill(username: str, applications: int, interactions: int, seed: int):
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from nextround.core.models import Profile
    from nextround.insights import totals
    from nextround.playbook.models import Plan, PlanStep, StepLog
    from nextround.playbook.services.facts import refresh_plan_facts
    from nextround.tracker.models import Application, Company, Contact, Interaction, StageChange
    from nextround.tracker.services.facts import refresh_facts

    rng = random.Random(seed)
    now = timezone.now()
    user = get_user_model().objects.create_user(username, password="bench-password-123")
    Profile.objects.create(user=user)
    with transaction.atomic():
        companies = Company.objects.bulk_create(
            [Company(owner=user, name=f"Company {i}") for i in range(max(10, applications // 10))]
        )
        contacts = Contact.objects.bulk_create(
            [Contact(owner=user, name=f"Person {i}") for i in range(max(10, applications // 5))]
        )
        plans_of = []
        apps, histories = [], []
        for i in range(applications):
            applied = now - dt.timedelta(days=rng.randint(0, 365), hours=rng.randint(0, 23))
            path = rng.choice(PATHS)
            dates = [applied + dt.timedelta(days=4 * step) for step in range(len(path))]
            dates = [min(when, now) for when in dates]
            apps.append(
                Application(
                    owner=user,
                    company=rng.choice(companies),
                    role_title=f"Analyst {i}",
                    source=rng.choice(SOURCES),
                    applied_on=applied.date(),
                    stage=path[-1],
                    stage_changed_at=dates[-1],
                )
            )
            histories.append(list(zip(path, dates, strict=True)))
        apps = Application.objects.bulk_create(apps, batch_size=2000)
        StageChange.objects.bulk_create(
            [
                StageChange(
                    owner=user,
                    application=app,
                    from_stage=(history[k - 1][0] if k else ""),
                    to_stage=stage,
                    changed_at=when,
                )
                for app, history in zip(apps, histories, strict=True)
                for k, (stage, when) in enumerate(history)
            ],
            batch_size=5000,
        )
        made = Interaction.objects.bulk_create(
            [
                Interaction(
                    owner=user,
                    kind=rng.choice(["call", "email", "message", "meeting"]),
                    direction=rng.choice(["in", "out", ""]),
                    summary="bench",
                    occurred_at=now - dt.timedelta(days=rng.randint(0, 365), minutes=rng.randint(0, 1440)),
                    application=rng.choice(apps) if rng.random() < 0.9 else None,
                )
                for _ in range(interactions)
            ],
            batch_size=5000,
        )
        through = Interaction.contacts.through
        through.objects.bulk_create(
            [
                through(interaction_id=interaction.pk, contact_id=rng.choice(contacts).pk)
                for interaction in made
                if interaction.direction == "out"
            ],
            batch_size=5000,
        )
        # The facts the tracker's services keep on each application, from the history written above, and the
        # weekly totals the insights keep as messages are logged.
        refresh_facts(application_ids=[app.pk for app in apps])
        totals.rebuild(owner=user)
        rejected = [app for app in apps if app.stage in ("rejected", "ghosted")]
        plans_of = Plan.objects.bulk_create(
            [
                Plan(
                    owner=user,
                    application=app,
                    kind="ghosted" if app.stage == "ghosted" else "rejection",
                    decided_at=app.stage_changed_at,
                )
                for app in rejected
            ],
            batch_size=2000,
        )
        steps = PlanStep.objects.bulk_create(
            [
                PlanStep(
                    owner=user,
                    plan=plan,
                    key=kind,
                    kind=kind,
                    title=kind,
                    why="bench",
                    due_on=now.date(),
                    channel="phone" if kind == "call_recruiter" else "email",
                    status=rng.choice(["todo", "done", "declined", "skipped"]),
                    completed_at=now - dt.timedelta(days=rng.randint(0, 300)),
                )
                for plan in plans_of
                for kind in ("thank_you", "call_recruiter", "reference", "network")
            ],
            batch_size=5000,
        )
        StepLog.objects.bulk_create(
            [
                StepLog(
                    owner=user,
                    step=step,
                    outcome=rng.choice(["declined", "feedback", "referral", "no_answer"]),
                    words="Some words heard on the phone.",
                    tags=rng.sample(TAGS, 2),
                )
                for step in steps
                if step.status in ("done", "declined")
            ],
            batch_size=5000,
        )
        # The debrief counts the playbook keeps on each plan as its steps and logs change.
        refresh_plan_facts(plan_ids=[plan.pk for plan in plans_of])
    return user


def measure(user, requests: int, url: str, *, cold: bool = False) -> list[float]:
    """Times of `requests` views of `url`; `cold`: each the first view after a write (the page's numbers
    are cached under the user's data version, which a write changes: the view works them out again)."""
    from django.test import Client

    from nextround.core.versions import bump

    client = Client()
    client.force_login(user)
    client.get(url)  # warm up
    times = []
    for _ in range(requests):
        if cold:
            bump(user)  # what every write does; not timed
        start = Clock.now()
        response = client.get(url)
        times.append((Clock.now() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return times


def profile(user, url: str) -> None:
    import cProfile
    import pstats

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from nextround.core.versions import bump

    client = Client()
    client.force_login(user)
    client.get(url)  # warm up
    # Profile the first view after a write: a repeated view reads the page's numbers from the cache.
    bump(user)
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        client.get(url)
        total = (time.perf_counter() - start) * 1000
    # Django times `execute` only, and SQLite does most of its work while rows are fetched: run each query
    # again and time it to the last row.
    timed = []
    for query in captured.captured_queries:
        with connection.cursor() as cursor:
            start = time.perf_counter()
            cursor.execute(query["sql"])
            rows = len(cursor.fetchall())
            timed.append(((time.perf_counter() - start) * 1000, rows, query["sql"]))
    spent = sum(ms for ms, _, _ in timed)
    print(f"GET {url}: {total:.1f} ms, {len(timed)} queries, {spent:.1f} ms in them (fetching included)")
    for ms, rows, sql in sorted(timed, reverse=True):
        print(f"  {ms:6.1f} ms {rows:6} rows  {sql[:140]}")
    bump(user)
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--data-dir", help="keep the filled database here and reuse it")
    parser.add_argument("--profile", action="store_true", help="profile one request instead of timing")
    add_database_option(parser)
    args = parser.parse_args()
    if args.cpu:
        Clock.now = time.process_time
    with tempfile.TemporaryDirectory(prefix="nextround-bench-") as scratch:
        data_dir = args.data_dir or scratch
        os.makedirs(data_dir, exist_ok=True)
        # With --data-dir, a PostgreSQL database is kept too (the users are found there on the next run).
        setup_django(data_dir, args.database_url, keep=bool(args.data_dir))
        print(f"Database: {describe()}")
        from django.contrib.auth import get_user_model

        users = get_user_model().objects
        if users.filter(username="big").exists():
            small, big = users.get(username="small"), users.get(username="big")
        else:
            started = time.perf_counter()
            small = fill("small", 100, 1_000, seed=1)
            big = fill("big", 10_000, 100_000, seed=2)
            analyze()
            print(f"filled in {time.perf_counter() - started:.1f} s")
        from nextround.core.versions import bump

        # The fill inserts in bulk, around the services; a real account that wrote this much has a data
        # version, which the page's numbers are cached under (`core.versions`).
        bump(small)
        bump(big)
        if args.profile:
            for url in ("/insights/", "/insights/?period=all"):
                profile(big, url)
            return 0
        results = {
            (url, cold): (
                measure(small, args.requests, url, cold=cold),
                measure(big, args.requests, url, cold=cold),
            )
            for url in ("/insights/", "/insights/?period=all")
            for cold in (False, True)
        }
    ok = True
    for (url, cold), (small_times, big_times) in results.items():
        when = "first view after a write (numbers worked out)" if cold else "again (numbers from the cache)"
        print(f"GET {url}, {when}  ({args.requests} requests each)")
        for label, times in (
            ("100 applications, 1,000 interactions", small_times),
            ("10,000 applications, 100,000 interactions", big_times),
        ):
            print(f"  {label:43} median {statistics.median(times):6.1f} ms   p95 {p95(times):6.1f} ms")
        ratio_median = statistics.median(big_times) / statistics.median(small_times)
        ratio_p95 = p95(big_times) / p95(small_times)
        met = p95(big_times) < 300 and ratio_p95 < 3
        ok = ok and met
        print(
            f"  ratio big/small: median {ratio_median:.2f}, p95 {ratio_p95:.2f}; "
            f"target (p95 < 300 ms, ratio < 3) {'met' if met else 'NOT met'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
