import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from nextround.core.choices import Choices
from nextround.core.models import OwnedModel


class Upload(OwnedModel):
    """A spreadsheet waiting between the steps of the CSV import (map columns, map stages, preview, confirm).

    The file itself is kept in the data directory under a random name (big files never sit in memory or in
    the session); this row says whose it is and what the user mapped so far.
    """

    token = models.CharField(max_length=64, unique=True)
    original_name = models.CharField(max_length=255)
    mapping = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.original_name


class JobState(Choices):
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"
    STOPPED = "stopped", "Stopped before it finished"


class ImportJob(OwnedModel):
    """One import into an account (from the web page or the command line): how far it has got, then what
    happened. Kept in the database, so that whichever server process a page asks answers it, and so that
    the database itself allows one running import per account (see `transfer/jobs.py`)."""

    label = models.CharField(max_length=300)
    state = models.CharField(max_length=10, choices=JobState.choices, default=JobState.RUNNING)
    stage = models.CharField(max_length=10, default="checking")  # "checking" every row, then "saving"
    done = models.PositiveIntegerField(default=0)  # rows of the file checked, or saved, so far
    total = models.PositiveIntegerField(null=True, blank=True)
    summaries = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    started_at = models.DateTimeField()
    heartbeat_at = models.DateTimeField()  # the import's process last said it was alive
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner"],
                condition=models.Q(state="running"),
                name="one_running_import_per_owner",
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def stale(self) -> bool:
        """Running, but its process has not been heard from for too long: it died (or was killed)."""
        return self.state == JobState.RUNNING and self.heartbeat_at < stale_before(timezone.now())

    @property
    def finished(self) -> bool:
        return self.state != JobState.RUNNING or self.stale

    @property
    def problem(self) -> str:
        """What went wrong, for a job that failed or stopped; "" while it runs or once it is done."""
        if not self.finished or self.state == JobState.DONE:
            return ""
        saved = self.stage == "saving" and self.done > 0
        if self.state == JobState.FAILED:
            said = self.error or "Something went wrong while saving this file, and the import stopped."
        else:
            said = "This import stopped before it finished: the server running it stopped or restarted."
        if not saved:
            return said if self.error else f"{said} Nothing from the file was saved; import it again."
        of = f" of {self.total:,}" if self.total else ""
        return (
            f"{said} The first {self.done:,}{of} rows were saved and are kept. Import the same file again "
            "to add the rest: the rows already saved are recognised and left alone."
        )

    @property
    def percent(self) -> int | None:
        if self.stage != "saving" or not self.total:
            return None
        return min(100, round(self.done * 100 / self.total))


def stale_before(now: dt.datetime) -> dt.datetime:
    """A running import last heard from before this moment is over: its process stopped."""
    return now - dt.timedelta(seconds=settings.IMPORT_STALE_SECONDS)
