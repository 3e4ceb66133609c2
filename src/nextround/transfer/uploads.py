"""Where spreadsheets wait between the import steps: <data dir>/uploads/<random token>.csv."""

import datetime as dt
import secrets
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from nextround.transfer.models import Upload
from nextround.transfer.tables import Table, first_row_header, opener_for

KEEP_FOR = dt.timedelta(days=2)


def folder() -> Path:
    path = Path(settings.DATA_DIR) / "uploads"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def path_of(upload: Upload) -> Path:
    return folder() / f"{upload.token}.csv"


@transaction.atomic
def keep(*, owner, uploaded_file) -> Upload:
    """Store an uploaded file (streamed to disk in chunks) and forget the user's abandoned ones."""
    discard_old(owner=owner)
    upload = Upload.objects.create(
        owner=owner, token=secrets.token_urlsafe(24), original_name=uploaded_file.name[:255]
    )
    with open(path_of(upload), "wb") as out:
        for chunk in uploaded_file.chunks():
            out.write(chunk)
    return upload


@transaction.atomic
def save_mapping(*, upload: Upload, mapping: dict) -> Upload:
    """Remember how the file's columns and stage names map, between the import's steps."""
    upload.mapping = mapping
    upload.save(update_fields=["mapping"])
    return upload


def read_table(upload: Upload) -> Table:
    path = path_of(upload)
    if not path.exists():
        raise FileNotFoundError(path)
    return first_row_header(opener_for(path=path))


def stash(*, uploaded_file) -> Path:
    """Copy an uploaded file (in chunks) where an import running after the request can read it; files left
    behind by a server that stopped mid-import are removed after two days."""
    cutoff = (timezone.now() - KEEP_FOR).timestamp()
    for old in folder().glob("import-*.upload"):
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)
    path = folder() / f"import-{secrets.token_urlsafe(18)}.upload"
    with open(path, "wb") as out:
        for chunk in uploaded_file.chunks():
            out.write(chunk)
    return path


def discard(*, upload: Upload) -> None:
    path_of(upload).unlink(missing_ok=True)
    upload.delete()


def discard_old(*, owner) -> None:
    for upload in Upload.objects.filter(owner=owner, created_at__lt=timezone.now() - KEEP_FOR):
        discard(upload=upload)
