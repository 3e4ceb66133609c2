"""Two real server processes on one database, each with its own data folder (as two app containers): an
import started on one is followed on the other, the database refuses a second import into the account
from either, and when the first server dies mid-import the second says so, with the rows saved, and lets
the same file be imported again to finish it."""

import os
import re
import signal
import sqlite3
import time

from tests.live import Visitor, environment, server_process
from tests.transfer.helpers import connections

JOB = re.compile(r'hx-get="(/import/jobs/[^"/]+/)"')


def people(count: int, prefix: str) -> bytes:
    return connections(
        *(
            f"Person,{prefix}{n},https://linkedin.com/in/{prefix}{n},,Company {n % 40},Analyst,1 Mar 2024"
            for n in range(count)
        )
    )


def follow(visitor: Visitor, url: str, until, seconds: float = 180) -> str:
    deadline = time.monotonic() + seconds
    while True:
        response, text = visitor.request("GET", url, headers={"HX-Request": "true"})
        assert response.status == 200, text[:300]
        if until(text) or time.monotonic() > deadline:
            return text
        time.sleep(0.1)


def contacts(database) -> int:
    with sqlite3.connect(database) as db:
        return db.execute("select count(*) from tracker_contact").fetchone()[0]


def test_any_server_follows_an_import_and_one_that_died_is_reported_with_what_it_saved(tmp_path):
    database = tmp_path / "shared.sqlite3"
    shared = {"DATABASE_URL": f"sqlite:///{database}"}
    env_a = environment(tmp_path / "a", **shared)
    env_b = environment(tmp_path / "b", NEXTROUND_IMPORT_STALE_SECONDS="8", **shared)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    with server_process(env_a) as (port_a, server_a), server_process(env_b) as (port_b, _server_b):
        on_a = Visitor(port_a)
        on_a.sign_up("ana")
        on_a.request("GET", "/import/")
        on_b = Visitor(port_b)
        on_b.cookies = dict(on_a.cookies)  # the same browser session, answered by the other server

        # Started on A, followed on B to its end.
        response, page = on_a.upload("/import/linkedin/", {}, "Connections.csv", people(2000, "s"))
        assert response.status == 200, page[:300]
        small = JOB.search(page).group(1)
        done = follow(on_b, small, lambda text: "every 1s" not in text)
        assert "2000 added" in done, done[:500]

        # A big one on A. While it runs, the database refuses a second import into the account, whichever
        # server is asked.
        big = people(30_000, "b")
        response, page = on_a.upload("/import/linkedin/", {}, "Connections.csv", big)
        url = JOB.search(page).group(1)
        response, page = on_b.upload("/import/linkedin/", {}, "Connections.csv", people(10, "t"))
        assert response.status == 422
        assert "another import into your account is still running" in page

        # A dies once it has saved a batch. When it has not been heard from for 8 s, B says the import
        # stopped, and how many rows it saved.
        follow(on_b, url, lambda text: re.search(r"saving rows, [1-9][\d,]* of", text), seconds=120)
        os.kill(server_a.pid, signal.SIGKILL)
        server_a.wait(timeout=10)
        stopped = follow(on_b, url, lambda text: "every 1s" not in text, seconds=60)
        assert "This import stopped before it finished" in stopped, stopped[:500]
        saved = re.search(r"The first ([\d,]+) of 30,000 rows were saved", stopped).group(1)
        saved = int(saved.replace(",", ""))
        assert 0 < saved < 30_000 and contacts(database) == 2000 + saved

        # The same file again, on B: only the rest is added.
        response, page = on_b.upload("/import/linkedin/", {}, "Connections.csv", big)
        assert response.status == 200, page[:300]
        again = follow(on_b, JOB.search(page).group(1), lambda text: "every 1s" not in text)
        assert f"{30_000 - saved} added" in again, again[:500]
        assert contacts(database) == 32_000
