"""Imports started on the web page run in a thread of the server, so the page can show how far they have got.

The page asks every second (htmx polling, or a plain reload) and gets a <progress> bar, then the summary.
Jobs live in the server's memory: they are about one person's upload in one server process, and a job
whose server stopped simply ends (the rows saved before stay; importing the file again completes it).
`settings.IMPORTS_IN_BACKGROUND = False` runs them inside the request instead (the tests do).
"""

import dataclasses
import datetime as dt
import logging
import secrets
import threading
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from nextround.transfer.locks import ImportBusy
from nextround.transfer.services import ImportFailed
from nextround.transfer.tables import FileProblem

KEEP_FOR = dt.timedelta(hours=1)
log = logging.getLogger(__name__)


@dataclasses.dataclass
class Job:
    id: str
    owner_id: int
    label: str
    started_at: dt.datetime
    stage: str = "checking"
    done: int = 0
    total: int | None = None
    summaries: list = dataclasses.field(default_factory=list)
    error: str = ""
    finished: bool = False

    def progress(self, stage: str, done: int, total: int | None) -> None:
        self.stage, self.done, self.total = stage, done, total

    @property
    def percent(self) -> int | None:
        if self.stage != "saving" or not self.total:
            return None
        return min(100, round(self.done * 100 / self.total))


_jobs: dict[str, Job] = {}
_guard = threading.Lock()


def start(*, owner, label: str, work: Callable, cleanup: Callable[[], None] = lambda: None) -> Job:
    """Run `work(progress)`, which returns summaries, for `owner`: in a thread unless told not to."""
    job = Job(secrets.token_urlsafe(12), owner.pk, label, timezone.now())
    with _guard:
        cutoff = job.started_at - KEEP_FOR
        for key in [key for key, old in _jobs.items() if old.finished and old.started_at < cutoff]:
            del _jobs[key]
        _jobs[job.id] = job
    if getattr(settings, "IMPORTS_IN_BACKGROUND", True):
        threading.Thread(target=_run, args=(job, work, cleanup, True), daemon=True).start()
    else:
        _run(job, work, cleanup, False)
    return job


def _run(job: Job, work: Callable, cleanup: Callable[[], None], own_connection: bool) -> None:
    try:
        job.summaries = list(work(job.progress))
    except (FileProblem, ImportFailed, ImportBusy) as exc:
        job.error = str(exc)
    except Exception:
        log.exception("import %s failed", job.id)
        job.error = (
            "Something went wrong while saving this file, and the import stopped. Rows saved before that "
            "are kept; import the same file again to finish it (the rows already there are recognised)."
        )
    finally:
        cleanup()
        job.finished = True
        if own_connection:
            connection.close()


def get(*, owner, job_id: str) -> Job | None:
    job = _jobs.get(job_id)
    return job if job is not None and job.owner_id == owner.pk else None


def remove_file(path: Path) -> Callable[[], None]:
    return lambda: path.unlink(missing_ok=True)
