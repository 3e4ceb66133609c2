"""How fast are imports and exports, and do they stay linear? Run: .venv/bin/python bench/transfer.py

    (add --quick for a tenth of the sizes)

1. LinkedIn connections: imports a generated Connections.csv of 3,000 rows and one of 30,000 rows (each into a
   fresh account), prints rows per second and the 30,000 / 3,000 time ratio (linear is about 10; the target
   is at most 11, and 30,000 rows in under 10 s), then re-imports the 30,000 rows (nothing changes).
2. JSON export and restore of a search with 10,000 applications (and the bulk filler's contacts,
   interactions, follow-ups...), against 1,000 applications as the baseline measured in the same run.

Peak memory is the process's peak resident size after each part. Uses a throwaway SQLite database, or the
PostgreSQL database named by --database-url (dropped and created again; see bench/common.py).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import add_database_option, describe, setup_django  # noqa: E402

FIRST = [
    "Ann",
    "Bo",
    "Chen",
    "Dara",
    "Émile",
    "Farah",
    "Gustav",
    "Hana",
    "Ivan",
    "Józef",
    "Kwame",
    "Lucía",
    "太郎",
    "Mia",
    "Noor",
    "Olu",
    "Priya",
    "Quinn",
    "Rosa",
    "Søren",
    "Tariq",
    "Uma",
    "Viktor",
    "Wen",
    "Yusuf",
    "Zoë",
]
LAST = [
    "Lee",
    "Okafor",
    "Nguyen",
    "Schmidt",
    "García",
    "Kowalski",
    "Haddad",
    "Sato",
    "O'Brien",
    "Müller",
    "Rossi",
    "Novak",
    "山田",
    "Johansson",
    "Patel",
    "Silva",
    "Cohen",
    "Dubois",
    "Yilmaz",
    "Andersen",
]
WORDS = [
    "North",
    "Blue",
    "Cobalt",
    "Helix",
    "Meridian",
    "Quill",
    "Orchard",
    "Saffron",
    "Kestrel",
    "Tide",
    "Lark",
    "Bright",
    "Stone",
    "Pine",
    "River",
    "Summit",
    "Atlas",
    "Nova",
    "Delta",
    "Echo",
]
KINDS = [
    "Analytics",
    "Robotics",
    "Health",
    "Ledger",
    "Maps",
    "Energy",
    "Foods",
    "Bio",
    "Learning",
    "Security",
]
SUFFIXES = ["", " Inc.", " GmbH", " Ltd", ", LLC", " S.A.", " plc"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def connections_csv(rows: int, seed: int = 1) -> bytes:
    """A LinkedIn-shaped Connections.csv: notes above the header, empty emails, quotes, commas, accents."""
    rng = random.Random(seed)
    companies = [
        f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(KINDS)}" for _ in range(max(rows // 8, 10))
    ]
    lines = [
        'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are '
        'missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
    ]
    for index in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"person.{index}@example.com" if rng.random() < 0.15 else ""
        company = rng.choice(companies) + rng.choice(SUFFIXES)
        title = rng.choice(["Data Analyst", 'Head of "Growth"', "Engineer, Platform", "Recruiter"])
        date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2012, 2026)}"
        cells = [first, last, f"https://www.linkedin.com/in/person-{index}", email, company, title, date]
        lines.append(
            ",".join(
                f'"{c.replace(chr(34), chr(34) * 2)}"' if any(x in c for x in ',"') else c for c in cells
            )
            + "\n"
        )
    return "".join(lines).encode()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def new_user(name: str):
    from django.contrib.auth import get_user_model

    from nextround.core.services import create_user

    user = create_user(user=get_user_model()(username=name))
    return user


def bench_connections(small: int, large: int) -> None:
    from nextround.transfer.services import import_linkedin

    print(f"LinkedIn connections ({small:,} vs {large:,} rows)")
    times = {}
    for rows in (small, large):
        data = connections_csv(rows)
        user = new_user(f"linkedin-{rows}")
        started = time.perf_counter()
        [summary] = import_linkedin(owner=user, data=data)
        times[rows] = time.perf_counter() - started
        print(
            f"  {rows:>7,} rows: {times[rows]:6.2f} s, {rows / times[rows]:>8,.0f} rows/s "
            f"({summary.created:,} contacts, {summary.companies_created:,} companies); "
            f"peak {peak_mb():.0f} MB"
        )
    ratio = times[large] / times[small]
    print(f"  ratio {large:,} / {small:,}: {ratio:.2f} (rows ratio {large / small:.0f}; target <= 11)")
    started = time.perf_counter()
    [summary] = import_linkedin(owner=user, data=connections_csv(large))
    elapsed = time.perf_counter() - started
    print(
        f"  re-import {large:,} rows: {elapsed:6.2f} s, {large / elapsed:>8,.0f} rows/s "
        f"({summary.created} created, {summary.unchanged:,} unchanged); peak {peak_mb():.0f} MB"
    )


def bench_json(small: int, large: int) -> None:
    from bench.fill import fill

    from nextround.transfer.export import export_json
    from nextround.transfer.restore import restore

    print(f"JSON export and restore ({small:,} vs {large:,} applications)")
    results = {}
    for applications in (small, large):
        user = new_user(f"json-{applications}")
        counts = fill(user, applications=applications, seed=3)
        total = sum(counts.values())
        started = time.perf_counter()
        text = export_json(user)
        exported = time.perf_counter() - started
        started = time.perf_counter()
        restore(username=f"json-{applications}-copy", text=text)
        restored = time.perf_counter() - started
        results[applications] = (exported, restored)
        print(
            f"  {applications:>7,} applications ({total:,} rows, {len(text) / 2**20:.1f} MB of JSON): "
            f"export {exported:5.2f} s ({total / exported:,.0f} rows/s), "
            f"restore {restored:5.2f} s ({total / restored:,.0f} rows/s); peak {peak_mb():.0f} MB"
        )
    print(
        f"  ratio {large:,} / {small:,}: export {results[large][0] / results[small][0]:.2f}, "
        f"restore {results[large][1] / results[small][1]:.2f} (rows ratio {large / small:.0f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    add_database_option(parser)
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir, args.database_url)
        print(f"Database: {describe()}")
        bench_connections(3_000 // scale, 30_000 // scale)
        bench_json(1_000 // scale, 10_000 // scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
