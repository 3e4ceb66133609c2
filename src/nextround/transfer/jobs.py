"""Imports and how far they have got, kept in the database (`ImportJob`), one running per account.

Several server processes (gunicorn workers, app containers) share nothing but the database, so the page
that polls an import may ask any of them: each reads the job's row. The same row is the account's import
slot: a unique index over the running jobs lets the database, not a lock in one process, refuse a second
import, on the web page or the command line alike (two at once would miss each other's new rows).

A web import runs in a thread of the process that received the upload (the file is on its disk). Nothing
tells the database when a process dies (kill -9, a restart, a recycled worker), so each import writes a
heartbeat as it goes: with every batch it saves (inside the batch's transaction), and every few seconds
while it checks. A running job not heard from for `IMPORT_STALE_SECONDS` is over: its page says it stopped
and how many rows were saved, and the account may import again. A process that was only paused and wakes
up later finds its heartbeat refused and stops, undoing the batch in hand, so a job shown as stopped never
saves another row.
"""

import contextlib
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from nextround.transfer.models import ImportJob, JobState, stale_before

KEEP_FOR = dt.timedelta(days=7)  # a finished job (its summary) stays this long
log = logging.getLogger(__name__)

# progress(stage, rows so far, rows in all or None): "checking" reads the file, "saving" writes it.
Progress = Callable[[str, int, int | None], None]


class ImportBusy(Exception):
    """Another import into the same account is running."""

    def __init__(self):
        super().__init__(
            "another import into your account is still running; wait until it has finished, then try again "
            "(nothing from this file was saved)"
        )


class ImportStopped(Exception):
    """This import's job is over (it was not heard from for too long): it must not save another row."""

    def __init__(self):
        super().__init__(
            "this import was taken for stopped: it was not heard from for too long (was the computer asleep "
            "or the process paused?). The rows it saved are kept; run it again to add the rest"
        )


def begin(*, owner, label: str) -> ImportJob:
    """A new running job for `owner`, or ImportBusy if one is running (the database's unique index says)."""
    now = timezone.now()
    # A job whose process stopped gives the account back; old summaries go.
    ImportJob.objects.filter(owner=owner, state=JobState.RUNNING, heartbeat_at__lt=stale_before(now)).update(
        state=JobState.STOPPED, finished_at=now
    )
    ImportJob.objects.filter(owner=owner, finished_at__lt=now - KEEP_FOR).delete()
    try:
        with transaction.atomic():  # a savepoint when inside a transaction: PostgreSQL needs it to go on
            return ImportJob.objects.create(owner=owner, label=label[:300], started_at=now, heartbeat_at=now)
    except IntegrityError:
        raise ImportBusy from None


def running_now(*, owner) -> ImportJob | None:
    """The import running in `owner`'s account, if one is (and has been heard from lately)."""
    now = timezone.now()
    return ImportJob.objects.filter(
        owner=owner, state=JobState.RUNNING, heartbeat_at__gte=stale_before(now)
    ).first()


def beat_every() -> float:
    """Seconds between heartbeats while checking: a small part of the time after which a job is stale."""
    return min(5.0, settings.IMPORT_STALE_SECONDS / 6)


class Running:
    """A running job as its import sees it: a `Progress` (it echoes to `echo`, the command line's), and
    `saved()` inside each batch's transaction. Both raise ImportStopped once the job is over."""

    def __init__(self, job: ImportJob, echo: Progress | None = None):
        self.job, self.echo = job, echo
        self.summaries: list[dict] = []
        self._last = time.monotonic()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if self.echo:
            self.echo(stage, done, total)
        if stage == "saving":
            return  # written with the batch, by saved()
        if total is None and time.monotonic() - self._last < beat_every():
            return
        try:
            self._beat(stage=stage, done=done, total=total)
        except OperationalError:
            # SQLite's write lock stayed busy past its timeout: the next heartbeat will do.
            if connection.in_atomic_block:
                raise
            log.warning("import %s: heartbeat skipped, the database was busy", self.job.pk)

    def alive(self) -> None:
        """A heartbeat if one is due, during long work that is neither checking nor saving."""
        if time.monotonic() - self._last >= beat_every():
            self(self.job.stage, self.job.done, self.job.total)

    def saved(self, done: int, total: int) -> None:
        """Rows up to `done` are in the batch being saved: said in the batch's own transaction, so the count
        is exact, and a job that is over undoes the batch (ImportStopped)."""
        self._beat(stage="saving", done=done, total=total)

    def _beat(self, **fields) -> None:
        now = timezone.now()
        alive = ImportJob.objects.filter(
            pk=self.job.pk, state=JobState.RUNNING, heartbeat_at__gte=stale_before(now)
        ).update(heartbeat_at=now, **fields)
        if not alive:
            raise ImportStopped
        self._last = time.monotonic()
        for name, value in fields.items():
            setattr(self.job, name, value)

    def finish(self, summaries: list[dict]) -> None:
        self.summaries = summaries


@contextlib.contextmanager
def running(
    *,
    owner,
    label: str,
    job: ImportJob | None = None,
    echo: Progress | None = None,
    problems: tuple[type[Exception], ...] = (),
):
    """The import's slot in `owner`'s account: `job` (begun by the page that started it) or a new one, ended
    on the way out: done with the summaries given to `finish`, failed with the message of one of `problems`
    (or a general one), or stopped."""
    job = job or begin(owner=owner, label=label)
    run = Running(job, echo)
    try:
        yield run
    except (ImportStopped, KeyboardInterrupt, SystemExit):
        end(job, JobState.STOPPED)
        raise
    except problems as exc:
        end(job, JobState.FAILED, error=str(exc))
        raise
    except Exception:
        log.exception("import %s failed", job.pk)
        end(job, JobState.FAILED)
        raise
    else:
        end(job, JobState.DONE, summaries=run.summaries)


def end(job: ImportJob, state: str, **fields) -> None:
    """Mark a running job over (a job already over stays as it is)."""
    now = timezone.now()
    try:
        ImportJob.objects.filter(pk=job.pk, state=JobState.RUNNING).update(
            state=state, finished_at=now, **fields
        )
        job.refresh_from_db()
    except DatabaseError:  # the database went away too: the heartbeat rule will end the job
        log.exception("import %s: could not record its end", job.pk)


def start(*, owner, label: str, work: Callable[[ImportJob], object], cleanup=lambda: None) -> ImportJob:
    """Begin an import for `owner` (ImportBusy if one is running) and run `work(job)`: in a thread, so that
    the page can answer at once and show its progress, unless `settings.IMPORTS_IN_BACKGROUND` is off (the
    tests), in which case it has finished when this returns."""
    job = begin(owner=owner, label=label)
    if getattr(settings, "IMPORTS_IN_BACKGROUND", True):
        threading.Thread(
            target=_run, args=(job, work, cleanup, True), daemon=True, name=f"import-{job.pk}"
        ).start()
    else:
        _run(job, work, cleanup, False)
        job.refresh_from_db()
    return job


def _run(job: ImportJob, work: Callable[[ImportJob], object], cleanup, own_connection: bool) -> None:
    try:
        work(job)
    except Exception:  # the job's row says what happened (`running` recorded it); the page shows it
        end(job, JobState.FAILED)
    else:
        # Work that ended its job (through `running`) keeps that ending; any other is done when it returns,
        # rather than holding the account's slot until the heartbeat rule frees it.
        end(job, JobState.DONE)
    finally:
        cleanup()
        if own_connection:
            connection.close()


def remove_file(path: Path) -> Callable[[], None]:
    return lambda: path.unlink(missing_ok=True)
