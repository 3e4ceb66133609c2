"""Load test on loopback: N people using nextround at once, one process against several workers.

    .venv/bin/python bench/load.py [--users 32] [--seconds 60] [--workers 3]
        [--database-url postgres://postgres@127.0.0.1:55433/scale_load_bench] [--setups ...] [--proxy]

For each setup it starts the real server (`nextround serve`, a subprocess on 127.0.0.1) on a fresh
database, signs up N users through the sign-up page (each with an account, a company and a few
applications of their own), then lets each user loop for --seconds: mostly reads (dashboard, list, board,
an application's page, insights, the calendar feed) and about one write in four (add an application, move
one to another stage, log an interaction, add a follow-up). Afterwards it stops the server and looks in
the database for every write the server acknowledged (a redirect after the POST): a missing one is a lost
write. It prints requests per second, p50/p95/p99 latency, errors and lost writes, one row per setup.

Setups: `waitress-sqlite` (one process, the default server, SQLite), `workers-postgres` (gunicorn with
--workers processes on the PostgreSQL database of --database-url, dropped and created again, so its name
must contain "bench"), and `waitress-postgres` / `workers-sqlite` to separate the two changes.
--proxy puts Caddy (Debian's `caddy`) in front of the workers setups, with two app processes sharing the
workers, as deploy/compose.yaml runs them. Only 127.0.0.1 is ever contacted; every loop is bounded.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import fresh_postgres  # noqa: E402

HOST = "127.0.0.1"
PASSWORD = "load-Test-passphrase-42"
# Path -> weight. About a quarter of the requests write, as a person adding and updating their search would.
READS = {"dashboard": 20, "list": 12, "board": 10, "detail": 18, "insights": 5, "feed": 5}
WRITES = {"new_application": 10, "stage": 8, "interaction": 7, "follow_up": 5}
STAGES = ["screening", "interviewing", "rejected", "offer", "ghosted"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"load: the server on port {port} did not answer /healthz within {seconds:.0f} s")


class Session:
    """One person's browser: cookies, the CSRF token, and a timed request."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        headers = {"Host": HOST, "Connection": "close"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        elapsed = time.perf_counter() - started
        connection.close()
        for line in response.headers.get_all("Set-Cookie") or []:
            name, value = line.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response.status, response.headers.get("Location", ""), text, elapsed


@dataclass
class User:
    name: str
    session: Session
    company: int = 0
    applications: list[int] = field(default_factory=list)
    feed: str = ""
    # Acknowledged writes, by table and the unique text that finds them.
    written: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in WRITES})
    counter: int = 0


def pk_from(location: str, prefix: str) -> int:
    match = re.search(rf"{prefix}(\d+)/", location)
    if not match:
        raise RuntimeError(f"expected a redirect to {prefix}<id>/, got {location!r}")
    return int(match.group(1))


def sign_up(port: int, name: str, applications: int) -> User:
    user = User(name, Session(port))
    s = user.session
    s.request("GET", "/accounts/signup/")
    form = {"username": name, "password1": PASSWORD, "password2": PASSWORD, "full_name": ""}
    status, location, text, _ = s.request("POST", "/accounts/signup/", form)
    if status != 302:
        raise SystemExit(f"load: signing up {name} answered {status}: {text[:300]}")
    status, location, _, _ = s.request("POST", "/companies/new/", {"name": f"Company of {name}"})
    user.company = pk_from(location, "/companies/")
    for _ in range(applications):
        new_application(user)
    _, _, text, _ = s.request("GET", "/settings/")
    user.feed = re.search(r"(/calendar/[^\"\s<]+\.ics)", text).group(1)
    return user


def unique(user: User, kind: str) -> str:
    user.counter += 1
    return f"load {kind} {user.name} #{user.counter}"


def new_application(user: User):
    role = unique(user, "role")
    form = {"company": user.company, "role_title": role, "source": "job_board", "stage": "applied"}
    result = user.session.request("POST", "/applications/new/", form)
    if result[0] == 302:
        user.applications.append(pk_from(result[1], "/applications/"))
        user.written["new_application"].append(role)
    return result


def write(user: User, kind: str, rng: random.Random):
    if kind == "new_application":
        return new_application(user)
    application = rng.choice(user.applications)
    text = unique(user, kind)
    if kind == "stage":
        form = {"stage": rng.choice(STAGES), "what_was_said": text}
        path = f"/applications/{application}/stage/"
    elif kind == "interaction":
        when = time.strftime("%Y-%m-%dT%H:%M", time.gmtime(time.time() - 3600))
        form = {"kind": "email", "direction": "in", "occurred_at": when, "summary": text}
        form["application"] = application
        path = "/interactions/new/"
    else:
        form = {"title": text, "due_on": time.strftime("%Y-%m-%d", time.gmtime()), "application": application}
        path = "/follow-ups/new/"
    result = user.session.request("POST", path, form)
    if result[0] in (302, 303):
        user.written[kind].append(text)
    return result


def read(user: User, kind: str, rng: random.Random):
    path = {
        "dashboard": "/",
        "list": "/applications/",
        "board": "/applications/board/",
        "insights": "/insights/",
        "feed": user.feed,
    }.get(kind) or f"/applications/{rng.choice(user.applications)}/"
    return user.session.request("GET", path)


@dataclass
class Tally:
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def run_user(user: User, deadline: float, seed: int, tally: Tally) -> None:
    rng = random.Random(seed)
    kinds = list(READS) + list(WRITES)
    weights = list(READS.values()) + list(WRITES.values())
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        try:
            status, _, text, elapsed = (write if kind in WRITES else read)(user, kind, rng)
            ok = status in (200, 302, 303) if kind in WRITES else status == 200
            problem = None if ok else f"{kind}: {status} {text[:120]!r}"
        except (OSError, http.client.HTTPException, RuntimeError) as exc:
            elapsed, problem = 0.0, f"{kind}: {type(exc).__name__} {exc}"
        with tally.lock:
            if problem:
                tally.errors.append(problem)
            else:
                tally.times.append(elapsed)


TABLES = {
    "new_application": ("tracker_application", "role_title"),
    "stage": ("tracker_stagechange", "what_was_said"),
    "interaction": ("tracker_interaction", "summary"),
    "follow_up": ("tracker_followup", "title"),
}


def lost_writes(users: list[User], database: str) -> tuple[int, int]:
    """(acknowledged, missing): every acknowledged write looked up in the database after the run."""
    if database.startswith("postgres"):
        import psycopg

        connection = psycopg.connect(database)
        marker = "%s"
    else:
        connection = sqlite3.connect(database)
        marker = "?"
    acknowledged = missing = 0
    try:
        for kind, (table, column) in TABLES.items():
            expected = {text for user in users for text in user.written[kind]}
            acknowledged += len(expected)
            found = set()
            cursor = connection.cursor()
            cursor.execute(f"SELECT {column} FROM {table} WHERE {column} LIKE {marker}", ["load %"])
            found.update(row[0] for row in cursor.fetchall())
            missing += len(expected - found)
    finally:
        connection.close()
    return acknowledged, missing


def caddyfile(port: int, upstreams: list[int]) -> str:
    to = " ".join(f"{HOST}:{p}" for p in upstreams)
    return (
        "{\n\tadmin off\n\tauto_https off\n\tpersist_config off\n}\n"
        f"http://{HOST}:{port} {{\n\treverse_proxy {to} {{\n\t\tlb_policy least_conn\n\t}}\n}}\n"
    )


def start_servers(setup: str, env: dict, workers: int, proxy: bool, scratch: str) -> tuple[list, int]:
    """The server processes for `setup` and the port the users talk to."""
    serve = [sys.executable, "-m", "nextround", "serve", "--host", HOST]
    log = open(os.path.join(scratch, f"{setup}.log"), "w")  # noqa: SIM115 (closed with the process)
    processes = []
    if setup.startswith("waitress"):
        port = free_port()
        processes.append(subprocess.Popen([*serve, "--port", str(port)], env=env, stdout=log, stderr=log))
        wait_for(port)
        return processes, port
    apps = 2 if proxy else 1
    ports = [free_port() for _ in range(apps)]
    for port, share in zip(ports, split(workers, apps), strict=True):
        command = [*serve, "--port", str(port), "--workers", str(share)]
        processes.append(subprocess.Popen(command, env=env, stdout=log, stderr=log))
    for port in ports:
        wait_for(port)
    if not proxy:
        return processes, ports[0]
    front = free_port()
    config = os.path.join(scratch, "Caddyfile")
    Path(config).write_text(caddyfile(front, ports))
    caddy = subprocess.Popen(
        ["caddy", "run", "--config", config, "--adapter", "caddyfile"], stdout=log, stderr=log
    )
    processes.append(caddy)
    wait_for(front)
    return processes, front


def split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def run_setup(setup: str, args, scratch: str) -> dict:
    data_dir = tempfile.mkdtemp(dir=scratch, prefix=setup + "-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEXTROUND_", "DJANGO_"))}
    env.update(NEXTROUND_DATA_DIR=data_dir, NEXTROUND_SECRET_KEY="load-test-" + "s3cr3t-Key-" * 4)
    if setup.endswith("postgres"):
        if not args.database_url:
            raise SystemExit(
                f"load: {setup} needs --database-url (a PostgreSQL database with 'bench' in its name)"
            )
        fresh_postgres(args.database_url)
        env["DATABASE_URL"] = database = args.database_url
    else:
        env.pop("DATABASE_URL", None)
        database = os.path.join(data_dir, "nextround.sqlite3")
    subprocess.run([sys.executable, "-m", "nextround", "init"], env=env, check=True, capture_output=True)
    processes, port = start_servers(setup, env, args.workers, args.proxy and "workers" in setup, scratch)
    try:
        print(f"{setup}: signing up {args.users} users…", flush=True)
        users = [sign_up(port, f"load{i}", applications=5) for i in range(args.users)]
        tally = Tally()
        print(f"{setup}: {args.users} users for {args.seconds} s…", flush=True)
        started = time.monotonic()
        deadline = started + args.seconds
        threads = [
            threading.Thread(target=run_user, args=(user, deadline, i, tally)) for i, user in enumerate(users)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 120)
        elapsed = time.monotonic() - started
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
    acknowledged, missing = lost_writes(users, database)
    times = sorted(tally.times)
    return {
        "setup": setup,
        "requests": len(times),
        "rps": len(times) / elapsed,
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "p99": percentile(times, 99),
        "errors": len(tally.errors),
        "first_errors": tally.errors[:3],
        "acknowledged": acknowledged,
        "lost": missing,
    }


def percentile(ordered: list[float], p: float) -> float:
    if not ordered:
        return float("nan")
    return 1000 * ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=32, help="people at once (default 32; at most 200)")
    parser.add_argument(
        "--seconds", type=int, default=60, help="how long they work (default 60; at most 600)"
    )
    parser.add_argument("--workers", type=int, default=3, help="worker processes for the workers setups")
    parser.add_argument("--database-url", metavar="URL", help="PostgreSQL database for the postgres setups")
    parser.add_argument("--setups", default="waitress-sqlite,workers-postgres", help="comma-separated")
    parser.add_argument("--proxy", action="store_true", help="Caddy in front of the workers setups")
    args = parser.parse_args()
    if not (1 <= args.users <= 200 and 1 <= args.seconds <= 600):
        raise SystemExit("load: --users must be 1 to 200 and --seconds 1 to 600")
    if args.proxy and not shutil.which("caddy"):
        raise SystemExit("load: --proxy needs Caddy (apt-get install caddy)")
    rows = []
    with tempfile.TemporaryDirectory(prefix="nextround-load-") as scratch:
        for setup in args.setups.split(","):
            rows.append(run_setup(setup.strip(), args, scratch))
            print(f"  {rows[-1]}", flush=True)
    print(f"\n{args.users} users, {args.seconds} s, loopback; workers setups: {args.workers} processes")
    print("| setup | requests/s | p50 ms | p95 ms | p99 ms | errors | writes acknowledged | lost |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        name = row["setup"] + (" behind Caddy" if args.proxy and "workers" in row["setup"] else "")
        print(
            f"| {name} | {row['rps']:.1f} | {row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} "
            f"| {row['errors']} | {row['acknowledged']} | {row['lost']} |"
        )
    if any(row["errors"] or row["lost"] for row in rows):
        for row in rows:
            for problem in row["first_errors"]:
                print(f"  {row['setup']}: {problem}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
