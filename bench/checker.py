"""Benchmark the message checker (rules and classifier) against alex (not part of the tests).

    python bench/checker.py [--messages 20000] [--stream 100000] [--no-alex]

Builds a deterministic corpus of ~40-word messages from realistic sentences (about one in five risky),
times nextround.checker.check on one core, installs the npm package alex into a temporary folder when
node and npm are present and times it inside node over the same corpus, measures single 2,000-character
messages, streams JSON Lines through `python -m nextround check --jsonl` (the throughput compared with
alex's, and the peak memory), and times the command's start-up on a one-line message.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from nextround.checker import check  # noqa: E402

OPENERS = [
    "Hi Sam,",
    "Hello Priya,",
    "Dear Ms Okafor,",
    "Hi Jordan,",
    "Thanks for the call today.",
    "Hi team,",
]
BENIGN = [
    "Thank you for letting me know, and for the time you gave me during the interviews.",
    "I really enjoyed meeting the team and learning about how you plan each release.",
    "If any other openings come up that fit my background, I would be glad to hear about them.",
    "Do you know of colleagues at other companies who are hiring for similar roles?",
    "I have been working on the system design feedback and I am reading a good book on it.",
    "It would be great to stay in touch, and I will keep an eye on your careers page.",
    "If we speak again about a future role, what could I do to make a stronger impression?",
    "The case study on pricing was fascinating and I learned a lot from the discussion.",
    "We chose a candidate with deeper Kubernetes experience, which the role needs every day.",
    "Your answers on incident response were clear, and we would like to keep your details on file.",
]
RISKY = [
    "Could you tell me why I wasn't selected, because I thought it went well?",
    "Honestly the whole process felt rigged from the start and I expect a full explanation.",
    "I have far more experience than the person you hired, so I don't understand it.",
    "Please reply within 24 hours or I will be speaking to my lawyer about this.",
    "Thanks for nothing, after all I did to prepare for your take-home test.",
    "You were overqualified and we wanted someone younger for our energetic team.",
    "We weren't sure you would be a culture fit, and your accent might worry clients.",
]
CLOSERS = ["Best wishes, Alex", "Thanks again, Maria", "Kind regards, Tom", "All the best.", "Cheers, Lin"]


def corpus(count: int, seed: int = 4) -> list[str]:
    rng = random.Random(seed)
    messages = []
    for _ in range(count):
        body = rng.sample(BENIGN, 2)
        if rng.random() < 0.2:
            body.insert(rng.randrange(3), rng.choice(RISKY))
        messages.append(" ".join([rng.choice(OPENERS), *body, rng.choice(CLOSERS)]))
    return messages


def time_nextround(messages: list[str], audience: str) -> tuple[float, float]:
    """(messages per wall-clock second, messages per CPU second) for check() one message at a time.

    The CPU rate is what the machine can do when nothing else runs: on a shared machine the wall-clock
    rate depends on everyone else's load."""
    check("warm up", audience)
    start, cpu = time.perf_counter(), time.process_time()
    for message in messages:
        check(message, audience)
    return len(messages) / (time.perf_counter() - start), len(messages) / (time.process_time() - cpu)


def latency(audience: str, runs: int = 2000, clock=time.perf_counter) -> tuple[float, float]:
    rng = random.Random(9)
    texts = []
    for _ in range(50):
        text = ""
        while len(text) < 2000:
            text += rng.choice(BENIGN + RISKY) + " "
        texts.append(text[:2000])
    times = []
    for n in range(runs):
        started = clock()
        check(texts[n % len(texts)], audience)
        times.append(clock() - started)
    times.sort()
    return times[len(times) // 2] * 1000, times[int(len(times) * 0.99)] * 1000


ALEX_SCRIPT = """
import {text} from 'alex';
import {readFileSync} from 'node:fs';
const messages = JSON.parse(readFileSync(process.argv[2], 'utf8'));
text(messages[0]);
const start = performance.now();
const cpu = process.cpuUsage();
let warnings = 0;
for (const m of messages) warnings += text(m).messages.length;
const seconds = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
const cpuRate = messages.length / cpuSeconds;
console.log(JSON.stringify({rate: messages.length / seconds, cpuRate, warnings}));
"""


def time_alex(messages: list[str]) -> tuple[float, float] | None:
    if not (shutil.which("node") and shutil.which("npm")):
        print("node or npm not found: skipping alex")
        return None
    with tempfile.TemporaryDirectory() as folder:
        install = subprocess.run(
            ["npm", "install", "--prefix", folder, "--no-audit", "--no-fund", "alex"],
            capture_output=True,
            text=True,
        )
        if install.returncode != 0:
            print(f"npm install alex failed, skipping alex:\n{install.stderr[-800:]}")
            return None
        (Path(folder) / "corpus.json").write_text(json.dumps(messages), encoding="utf-8")
        (Path(folder) / "run.mjs").write_text(ALEX_SCRIPT, encoding="utf-8")
        result = subprocess.run(
            ["node", "run.mjs", "corpus.json"], cwd=folder, capture_output=True, text=True, check=True
        )
        answer = json.loads(result.stdout.strip().splitlines()[-1])
        return answer["rate"], answer["cpuRate"]


def time_stream(messages: list[str], count: int) -> tuple[float, float, int, int]:
    """Feed `count` JSON lines to the command; return (messages per second, per CPU second of the
    command, output lines, peak KiB)."""
    command = [sys.executable, "-m", "nextround", "check", "--audience", "candidate", "--jsonl"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    lines = [json.dumps({"id": n, "text": m}).encode() + b"\n" for n, m in enumerate(messages)]

    def feed():
        batch = len(lines)
        for start in range(0, count, batch):
            process.stdin.writelines(lines[: min(batch, count - start)])
        process.stdin.close()

    started = time.perf_counter()
    writer = threading.Thread(target=feed)
    writer.start()
    produced = sum(1 for _ in process.stdout)
    _, _, usage = os.wait4(process.pid, 0)  # this child's own peak memory, not any earlier child's
    process.returncode = 0
    writer.join()
    cpu = usage.ru_utime + usage.ru_stime
    return count / (time.perf_counter() - started), count / cpu, produced, usage.ru_maxrss


def time_startup(runs: int = 7) -> float:
    """Median wall time of `python -m nextround check` on a one-line message (model loaded and used)."""
    command = [sys.executable, "-m", "nextround", "check", "--audience", "candidate"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            command, input=b"Thanks for your time. You lot are clowns.\n", env=env, capture_output=True
        )
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument(
        "--stream", type=int, default=100_000, help="JSON lines for the stream test (0 skips)"
    )
    parser.add_argument("--no-alex", action="store_true")
    args = parser.parse_args()

    messages = corpus(args.messages)
    words = sum(len(m.split()) for m in messages) / len(messages)
    flagged = sum(1 for m in messages if check(m, "candidate") or check(m, "employer"))
    print(f"corpus: {len(messages)} messages, {words:.1f} words each on average, {flagged} flagged")
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    rows = []
    candidate = time_nextround(messages, "candidate")
    employer = time_nextround(messages, "employer")
    rows += [
        ("nextround check, candidate", f"{candidate[0]:,.0f} msg/s (per CPU second {candidate[1]:,.0f})"),
        ("nextround check, employer", f"{employer[0]:,.0f} msg/s (per CPU second {employer[1]:,.0f})"),
    ]
    alex = None if args.no_alex else time_alex(messages)
    if alex:
        rows += [
            ("alex (node, same corpus)", f"{alex[0]:,.0f} msg/s (per CPU second {alex[1]:,.0f})"),
            (
                "ratio, slower audience vs alex",
                f"{min(candidate[0], employer[0]) / alex[0]:,.1f}x"
                f" (CPU {min(candidate[1], employer[1]) / alex[1]:,.1f}x)",
            ),
        ]
    for audience in ("candidate", "employer"):
        p50, p99 = latency(audience)
        cpu50, cpu99 = latency(audience, clock=time.process_time)
        rows.append(
            (
                f"2,000-char message, {audience}",
                f"p50 {p50:.2f} ms, p99 {p99:.2f} ms (CPU time p50 {cpu50:.2f}, p99 {cpu99:.2f})",
            )
        )
    if args.stream:
        rate, cpu_rate, produced, peak = time_stream(messages, args.stream)
        assert produced == args.stream, f"expected {args.stream} output lines, got {produced}"
        rows.append(
            (
                f"check --jsonl, {args.stream:,} lines",
                f"{rate:,.0f} msg/s (per CPU second {cpu_rate:,.0f}), peak RSS {peak / 1024:.0f} MiB",
            )
        )
        if alex:
            rows.append(
                ("ratio, check --jsonl vs alex", f"{rate / alex[0]:,.1f}x (CPU {cpu_rate / alex[1]:,.1f}x)")
            )
    rows.append(("start-up, check on one line (median of 7)", f"{time_startup():.2f} s"))
    width = max(len(name) for name, _ in rows)
    print(f"\n{'measure':<{width}}  result\n{'-' * width}  {'-' * 30}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
