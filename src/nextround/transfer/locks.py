"""One import per account at a time, across the web server's threads and any `nextround import` process.

Two imports into one account at once would each miss the other's new rows and make duplicates, so the
second is refused politely. The lock is an advisory file lock in the data directory (released by the
operating system if a process dies), with a thread lock inside the process for platforms without fcntl.
"""

import contextlib
import threading
from pathlib import Path

from django.conf import settings

try:
    import fcntl
except ImportError:  # Windows: the thread lock below still keeps the web server's imports apart
    fcntl = None

_held: set[int] = set()
_guard = threading.Lock()


class ImportBusy(Exception):
    """Another import into the same account is running."""

    def __init__(self):
        super().__init__(
            "another import into your account is still running; wait until it has finished, then try again "
            "(nothing from this file was saved)"
        )


@contextlib.contextmanager
def one_import_at_a_time(owner):
    with _guard:
        if owner.pk in _held:
            raise ImportBusy
        _held.add(owner.pk)
    handle = None
    try:
        if fcntl is not None:
            folder = Path(settings.DATA_DIR) / "uploads"
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle = open(folder / f".import-{owner.pk}.lock", "w")  # noqa: SIM115 (closed below)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise ImportBusy from None
        yield
    finally:
        if handle is not None:
            handle.close()
        with _guard:
            _held.discard(owner.pk)
