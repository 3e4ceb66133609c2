"""The audit of issue 14, re-run: big imports under load, and files built to break things.

Run: .venv/bin/python bench/abuse.py [--mb 100] [--web-mb 95] [--only load|cli|bad|web]

Everything runs against real processes on a throwaway SQLite data directory: `nextround serve` (waitress),
`nextround import ...` as a separate process, and a second person who keeps logging in and saving their
settings while the import runs (each request timed). Peak memory is the import process's peak resident
size (from wait4) and the server's VmHWM. Prints Markdown tables for docs/performance.md.

Load table: a LinkedIn Connections.csv and a spreadsheet of --mb megabytes each imported by the command
line while the other person works (`--only cli`: these two rows alone); the spreadsheet preview (a GET)
of a 20 MB file while they work; the same LinkedIn file uploaded through the web page (capped just under
the 100 MB upload limit).

While each import runs, a probe on its own SQLite connection takes the write lock (BEGIN IMMEDIATE,
then ROLLBACK) every 50 ms and times how long it waited: the longest wait is the longest time an import
batch held the lock. The machine's load average is printed before and after each row.

Bad-input table: the crafted files of the audit, through the web page and the command line.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.live import Visitor, environment, served  # noqa: E402

FIRST = ["Ann", "Bo", "Chen", "Dara", "Émile", "Farah", "Gustav", "Hana", "Ivan", "Józef", "Kwame", "太郎"]
LAST = ["Lee", "Okafor", "Nguyen", "Schmidt", "García", "Kowalski", "Haddad", "Sato", "Berg", "Rossi"]
WORDS = ["Northwind", "Bluefin", "Acme", "Cobalt", "Harbor", "Lumen", "Quartz", "Summit", "Vertex", "Willow"]
KINDS = ["Analytics", "Robotics", "Health", "Logistics", "Labs", "Energy", "Media", "Systems"]
SUFFIX = ["", " Inc.", " GmbH", " Ltd", ""]
PASSWORD = "a-long-Passphrase-9"


def company(rng: random.Random) -> str:
    return f"{rng.choice(WORDS)} {rng.choice(KINDS)} {rng.randrange(4000)}{rng.choice(SUFFIX)}"


def connections_file(path: Path, megabytes: float, seed: int = 1) -> int:
    rng = random.Random(seed)
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write('Notes:\n"Some email addresses may be missing."\n\n')
        out.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
        while out.tell() < megabytes * 2**20:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            out.write(
                f"{first},{last},https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{rows},,"
                f'"{company(rng)}",Senior Data Analyst,{rng.randrange(1, 28)} Mar 20{rng.randrange(10, 25)}\n'
            )
            rows += 1
    return rows


def spreadsheet_file(path: Path, megabytes: float, seed: int = 2) -> int:
    rng = random.Random(seed)
    stages = ["Applied", "Absage", "Interview 2", "Phone screen", "Offer", "Waiting"]
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("Company,Role,Applied,Status,Link,Notes\n")
        while out.tell() < megabytes * 2**20:
            out.write(
                f'"{company(rng)}",Data Analyst {rows},'
                f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d},{rng.choice(stages)},"
                f"https://jobs.example.org/{rows},Found through a friend; follow up soon\n"
            )
            rows += 1
    return rows


MAPPING = {
    "columns": {
        "Company": "company",
        "Role": "role_title",
        "Applied": "applied_on",
        "Status": "stage",
        "Link": "posting_url",
        "Notes": "notes",
    },
    "stages": {
        "Applied": "applied",
        "Absage": "rejected",
        "Interview 2": "interviewing",
        "Phone screen": "screening",
        "Offer": "offer",
        "Waiting": "applied",
    },
    "date_format": "%Y-%m-%d",
}


class Background:
    """Work that runs on its own thread for the length of a `with` block."""

    def __init__(self):
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


class Other(Background):
    """The other person: logs in and saves their settings over and over, each request timed."""

    def __init__(self, port: int):
        super().__init__()
        self.port = port
        self.timings: list[tuple[str, float, int]] = []

    def run(self) -> None:
        settings = {
            "full_name": "Sam",
            "time_zone": "UTC",
            "ghost_checkin_days": "5",
            "weekly_goal_applications": "5",
            "weekly_goal_followups": "5",
            "weekly_goal_contacts": "3",
        }
        while not self.stop.is_set():
            sam = Visitor(self.port)
            sam.request("GET", "/accounts/login/")
            started = time.perf_counter()
            response, _ = sam.post("/accounts/login/", {"username": "sam", "password": PASSWORD})
            self.timings.append(("login", time.perf_counter() - started, response.status))
            sam.request("GET", "/settings/")
            started = time.perf_counter()
            response, _ = sam.post("/settings/", settings)
            self.timings.append(("save", time.perf_counter() - started, response.status))
            time.sleep(0.2)

    def report(self) -> str:
        if not self.timings:
            return "no request finished"
        seconds = sorted(t for _kind, t, _status in self.timings)
        failures = [status for _kind, _t, status in self.timings if status >= 400]
        p95 = seconds[int(len(seconds) * 0.95) - 1] if len(seconds) >= 20 else seconds[-1]
        return (
            f"{len(seconds)} requests, median {statistics.median(seconds) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {seconds[-1] * 1000:.0f} ms, "
            f"{len(failures)} failed{' ' + str(sorted(set(failures))) if failures else ''}"
        )


class LockProbe(Background):
    """Takes SQLite's write lock every 50 ms on its own connection and times each wait: a wait is at most
    how long someone else (an import's batch) held the lock."""

    def __init__(self, database: Path):
        super().__init__()
        self.database = database
        self.waits: list[float] = []

    def run(self) -> None:
        probe = sqlite3.connect(self.database, isolation_level=None, timeout=120)
        while not self.stop.is_set():
            started = time.perf_counter()
            probe.execute("BEGIN IMMEDIATE")
            self.waits.append(time.perf_counter() - started)
            probe.execute("ROLLBACK")
            time.sleep(0.05)
        probe.close()

    def report(self) -> str:
        if not self.waits:
            return "no probe"
        waits = sorted(self.waits)
        p99 = waits[int(len(waits) * 0.99) - 1] if len(waits) >= 100 else waits[-1]
        slow = sum(1 for wait in waits if wait >= 0.1)
        return (
            f"lock waits: {len(waits)} probes, median {statistics.median(waits) * 1000:.1f} ms, "
            f"p99 {p99 * 1000:.0f} ms, max {waits[-1] * 1000:.0f} ms, {slow} of 100 ms or more"
        )


def load_average() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


CPU_SECONDS: list[float] = []  # of the last run_measured, so a busy machine's wall time can be read aright


def run_measured(args: list[str], env: dict) -> tuple[float, float, int, str, str]:
    """(seconds, peak MiB, exit code, stdout, stderr) of a `nextround` command run as its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "nextround", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out_chunks: list[str] = []
    err_chunks: list[str] = []
    readers = [
        threading.Thread(target=lambda: out_chunks.append(process.stdout.read())),
        threading.Thread(target=lambda: err_chunks.append(process.stderr.read())),
    ]
    for reader in readers:
        reader.start()
    _pid, status, usage = os.wait4(process.pid, 0)
    for reader in readers:
        reader.join()
    seconds = time.perf_counter() - started
    CPU_SECONDS[:] = [usage.ru_utime + usage.ru_stime]
    return (
        seconds,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
        "".join(out_chunks),
        "".join(err_chunks),
    )


def server_peak_mib(port: int) -> float:
    """VmHWM of the process listening on `port` (the waitress server), from /proc."""
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            if (
                "nextround serve" in cmdline.replace("-m nextround", "nextround")
                and f"--port {port}" in cmdline
            ):
                status = Path(f"/proc/{pid}/status").read_text()
                return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
        except (OSError, AttributeError):
            continue
    return float("nan")


def first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if not line.startswith("nextround: checking")]
    return (lines[-1] if lines else "")[:150]


def load_table(
    megabytes: float, web_megabytes: float, command_line: bool = True, only_command_line: bool = False
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = environment(folder / "data")
        (folder / "data").mkdir()
        connections = folder / "Connections.csv"
        sheet = folder / "applications.csv"
        rows_c = connections_file(connections, megabytes)
        rows_s = spreadsheet_file(sheet, megabytes)
        (folder / "mapping.json").write_text(json.dumps(MAPPING))
        print(
            f"files: Connections.csv {connections.stat().st_size / 2**20:.1f} MB ({rows_c:,} rows), "
            f"spreadsheet {sheet.stat().st_size / 2**20:.1f} MB ({rows_s:,} rows)",
            flush=True,
        )
        with served(env) as port:
            for name in ("importer", "sam"):
                Visitor(port).sign_up(name, PASSWORD)
            with Other(port) as idle, LockProbe(folder / "data" / "nextround.sqlite3") as probe:
                time.sleep(8)
            print(
                f"| nobody importing (baseline; load {load_average()}) | | | {idle.report()}; "
                f"{probe.report()} |",
                flush=True,
            )
            print("| what | time | peak memory | the other person meanwhile |")
            print("| --- | ---: | ---: | --- |")
            for label, args in (
                ()
                if not command_line
                else (
                    (f"LinkedIn {rows_c:,} rows, command line", ["import", "linkedin", str(connections)]),
                    (
                        f"spreadsheet {rows_s:,} rows, command line",
                        ["import", "csv", str(sheet), "--mapping", str(folder / "mapping.json")],
                    ),
                )
            ):
                before = load_average()
                with Other(port) as other, LockProbe(folder / "data" / "nextround.sqlite3") as probe:
                    seconds, peak, code, out, err = run_measured([*args, "--user", "importer"], env)
                outcome = first_line(out) if code == 0 else f"exit {code}: {first_line(err)}"
                cpu = CPU_SECONDS[0]
                print(
                    f"| {label} | {seconds:.0f} s ({cpu:.0f} s CPU) | {peak:.0f} MiB | {other.report()} |",
                    flush=True,
                )
                print(
                    f"|   ({outcome}) | | | {probe.report()}; load {before} -> {load_average()} |",
                    flush=True,
                )
            if only_command_line:
                return
            web_file = folder / "web-Connections.csv"
            web_rows = connections_file(web_file, min(web_megabytes, 95), seed=7)
            importer = Visitor(port)
            importer.request("GET", "/accounts/login/")
            importer.post("/accounts/login/", {"username": "importer", "password": PASSWORD})
            importer.request("GET", "/import/")
            with Other(port) as other:
                started = time.perf_counter()
                response, text = importer.upload(
                    "/import/linkedin/", {}, "Connections.csv", web_file.read_bytes()
                )
                # The import goes on in the server; the page polls its progress, as here.
                job = re.search(r'hx-get="(/import/jobs/[^"]+/)"', text)
                while job and "every 1s" in text:
                    time.sleep(1)
                    _r, text = importer.request("GET", job.group(1), headers={"HX-Request": "true"})
                seconds = time.perf_counter() - started
            found = re.search(r'class="[^"]*summary[^"]*".*?</p>', text, re.S) or re.search(
                r"errorlist.*?</li>", text, re.S
            )
            summary = re.sub(r"<[^>]+>", "", found.group(0) if found else text[:200])
            print(
                f"| LinkedIn {web_rows:,} rows, web upload (HTTP {response.status}) | {seconds:.0f} s | "
                f"server {server_peak_mib(port):.0f} MiB | {other.report()} |",
                flush=True,
            )
            print(f"|   ({' '.join(summary.split())[:150]}) | | | |", flush=True)
            preview_sheet = folder / "preview.csv"
            preview_rows = spreadsheet_file(preview_sheet, min(megabytes, 20), seed=9)
            response, _ = importer.upload("/import/csv/", {}, "preview.csv", preview_sheet.read_bytes())
            map_url = response.headers["Location"]
            columns = {f"column_{i}": target for i, target in enumerate(MAPPING["columns"].values())}
            response, _ = importer.post(map_url, {"date_format": "%Y-%m-%d", **columns})
            stages_url = response.headers["Location"]
            _r, page = importer.request("GET", stages_url)
            names = re.findall(r'<label for="id_stage_(\d+)">([^<]+)</label>', page)
            choices = {f"stage_{i}": MAPPING["stages"].get(name.strip(), "applied") for i, name in names}
            response, _ = importer.post(stages_url, choices)
            preview_url = response.headers["Location"]
            with Other(port) as other:
                started = time.perf_counter()
                response, text = importer.request("GET", preview_url)
                seconds = time.perf_counter() - started
            counted = re.search(r"would add <strong>([\d,]+)</strong>", text)
            print(
                f"| spreadsheet preview (GET) of {preview_rows:,} rows, 20 MB (HTTP {response.status}, "
                f"would add {counted.group(1) if counted else '?'}) | {seconds:.0f} s | "
                f"server {server_peak_mib(port):.0f} MiB | {other.report()} |",
                flush=True,
            )


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def bad_inputs(folder: Path) -> list[tuple[str, str, bytes, list[str]]]:
    """(label, web form, file bytes, command-line arguments) for each crafted file."""
    connection_rows = (
        "First Name,Last Name,Company,Connected On\n" + "Ada,Lovelace,Engines,1 Mar 2024\n" * 1000
    )
    one_member = connection_rows.encode() * 10
    many = zip_of({f"folder{n}/Connections.csv": one_member for n in range(300)})
    deep = ("[" * 100_000 + "]" * 100_000).encode()
    giant = b'Company,Role\nAcme,"' + b"x" * 1_100_000 + b'"\nBluefin,Analyst\n'
    cadence = json.dumps(
        {
            "format": "nextround",
            "version": 1,
            "data": {
                "contacts": [
                    {
                        "id": "contact-1",
                        "name": "Mira",
                        "keep_in_touch": True,
                        "keep_in_touch_days": 3_000_000,
                    }
                ]
            },
        }
    ).encode()
    mapping = folder / "giant-mapping.json"
    mapping.write_text(json.dumps({"columns": {"Company": "company", "Role": "role_title"}}))
    return [
        ("zip of 300 copies of Connections.csv", "linkedin", many, ["import", "linkedin"]),
        ("JSON nested 100,000 deep", "restore", deep, ["import", "json"]),
        (
            "CSV cell of 1.1 million characters",
            "csv_upload",
            giant,
            ["import", "csv", "--mapping", str(mapping)],
        ),
        ("keep in touch every 3,000,000 days (JSON)", "restore", cadence, ["import", "json"]),
    ]


def bad_table() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = environment(folder / "data")
        (folder / "data").mkdir()
        with served(env) as port:
            visitor = Visitor(port)
            visitor.sign_up("tester", PASSWORD)
            visitor.request("GET", "/import/")
            print("| input | web page | command line | command peak memory |")
            print("| --- | --- | --- | ---: |")
            names = {
                "linkedin": "/import/linkedin/",
                "restore": "/import/json/",
                "csv_upload": "/import/csv/",
            }
            suffix = {"linkedin": "export.zip", "restore": "x.json", "csv_upload": "sheet.csv"}
            for label, form, data, args in bad_inputs(folder):
                path = folder / suffix[form]
                path.write_bytes(data)
                response, text = visitor.upload(names[form], {}, suffix[form], data)
                message = re.search(r'class="errorlist"[^>]*><li>(.*?)</li>', text, re.S)
                web = f"{response.status}: {(message.group(1) if message else '')[:90]}"
                _s, peak, code, _out, err = run_measured(
                    [args[0], args[1], str(path), *args[2:], "--user", "tester"], env
                )
                print(
                    f"| {label} | {web} | exit {code}: {first_line(err)[:90]} | {peak:.0f} MiB |", flush=True
                )
            contact = {
                "name": "Mira",
                "keep_in_touch": "on",
                "keep_in_touch_days": "3000000",
                "role": "other",
            }
            visitor.request("GET", "/contacts/new/")
            response, text = visitor.post("/contacts/new/", contact)
            message = re.search(r'class="errorlist"[^>]*><li>(.*?)</li>', text, re.S)
            print(
                f"| keep in touch every 3,000,000 days (form) | {response.status}: "
                f"{message.group(1) if message else ''} | | |",
                flush=True,
            )
            attacker = Visitor(port)
            attacker.request("GET", "/accounts/login/")
            statuses = []
            started = time.perf_counter()
            for _ in range(50):
                response, _ = attacker.post("/accounts/login/", {"username": "tester", "password": "guess"})
                statuses.append(response.status)
            response, _ = attacker.post("/accounts/login/", {"username": "tester", "password": PASSWORD})
            print(
                f"| 50 wrong passwords, then the right one | {statuses.count(200)} refused as wrong, "
                f"{statuses.count(429)} paused (429) in {time.perf_counter() - started:.1f} s; "
                f"the right one: {response.status} | | |",
                flush=True,
            )
            response, body = visitor.request(
                "GET", "/static/insights/vendor/echarts-6.1.0.min.js", headers={"Accept-Encoding": "gzip"}
            )
            encoding, size = response.headers.get("Content-Encoding"), response.headers.get("Content-Length")
            cache = response.headers.get("Cache-Control")
            print(
                f"| the charts script | {encoding}, {int(size or 0):,} bytes sent, `{cache}` | | |",
                flush=True,
            )
        # Backup while another process keeps writing, as tight as it can.
        database = folder / "data" / "nextround.sqlite3"
        with sqlite3.connect(database) as setup:
            setup.execute("create table if not exists filler (payload blob)")
            setup.executemany("insert into filler values (randomblob(4000))", [()] * 20_000)
        stop = threading.Event()

        def keep_writing():
            writer = sqlite3.connect(database, timeout=30)
            while not stop.is_set():
                writer.execute("insert into filler values (randomblob(100))")
                writer.commit()
            writer.close()

        thread = threading.Thread(target=keep_writing)
        thread.start()
        try:
            time.sleep(0.5)
            seconds, _peak, code, out, err = run_measured(["backup", str(folder / "copy.sqlite3")], env)
        finally:
            stop.set()
            thread.join()
        size = database.stat().st_size / 2**20
        print(
            f"| backup of a {size:.0f} MB database under a tight writer | | exit {code} in {seconds:.1f} s: "
            f"{first_line(out or err)[-60:]} | |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=100, help="size of the big files (default 100)")
    parser.add_argument("--web-mb", type=float, default=95, help="size of the web upload (at most 95)")
    parser.add_argument("--only", choices=("load", "cli", "bad", "web"))
    args = parser.parse_args()
    if args.only in (None, "bad"):
        bad_table()
    if args.only in (None, "load", "cli", "web"):
        load_table(
            args.mb, args.web_mb, command_line=args.only != "web", only_command_line=args.only == "cli"
        )


if __name__ == "__main__":
    main()
