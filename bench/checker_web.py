"""How much the web layer adds to the message check: the live-check fragment and POST /api/check.

Runs in-process through Django's test client (no network), against a baseline measured in the same run:
calling nextround.checker.check directly on the same 2,000-character message. Prints p50 and p99 latency
for each and the ratio to the baseline. Not part of the test suite:

    .venv/bin/python bench/checker_web.py [--runs 2000]
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextround.settings")
os.environ.setdefault("NEXTROUND_DATA_DIR", tempfile.mkdtemp(prefix="nextround-bench-"))

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from nextround.checker import check  # noqa: E402

PARAGRAPH = (
    "Thank you for taking the time to talk with me about the analyst role last week. I enjoyed "
    "meeting the team and learning how you plan the next release. Why wasn't I selected? I expect "
    "an answer by Friday. If another opening comes up that fits my background, I would be glad to "
    "hear about it. "
)


def message(length: int = 2000) -> str:
    return (PARAGRAPH * (length // len(PARAGRAPH) + 1))[:length]


def timed(call, runs: int) -> list[float]:
    for _ in range(min(50, runs)):  # warm caches (rules, templates, URL resolver)
        call()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100)[int(q) - 1] if q < 100 else max(samples)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args(argv)
    setup_test_environment()
    client = Client()
    text = message()
    findings = check(text, "candidate")
    body = json.dumps({"text": text, "audience": "candidate"})

    def fragment():
        response = client.post("/check/", {"audience": "candidate", "text": text}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200

    def api():
        response = client.post("/api/check", body, content_type="application/json")
        assert response.status_code == 200

    rows = [
        ("check() directly (baseline)", timed(lambda: check(text, "candidate"), args.runs)),
        ("POST /check/ live fragment", timed(fragment, args.runs)),
        ("POST /api/check", timed(api, args.runs)),
    ]
    base = statistics.median(rows[0][1])
    print(f"{len(text):,}-character message with {len(findings)} findings, {args.runs} runs each, one core")
    print(f"{'':32} {'p50 ms':>8} {'p99 ms':>8} {'p50 / baseline':>15}")
    for name, samples in rows:
        median = statistics.median(samples)
        print(f"{name:32} {median:8.2f} {p(samples, 99):8.2f} {median / base:14.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
