"""A per-user version of their data, for caches and HTTP validators (the calendar feed's ETag).

Every service that writes a user's rows calls `bump(owner)` inside its transaction, so the new token is
committed with the rows it stands for: whoever reads the token and then the rows never caches new rows
under a token that a later write would leave unchanged. The token is random rather than a counter, so
bumping is one upsert with no read (two writers never race to create the row).
"""

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import cache
from django.utils import timezone

from nextround.core.models import DataVersion

T = TypeVar("T")
NEVER = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
NO_TOKEN = "0"  # a user who never wrote through a service; rows made any other way leave no trace


@dataclass(frozen=True)
class Version:
    token: str
    changed_at: dt.datetime


def owner_id(owner) -> int:
    return owner if isinstance(owner, int) else owner.pk


def bump(owner) -> None:
    """Record that `owner`'s data changed (call it inside the writing transaction)."""
    DataVersion.objects.bulk_create(
        [DataVersion(user_id=owner_id(owner), token=uuid.uuid4().hex, changed_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["user"],
        update_fields=["token", "changed_at"],
    )


def current(owner) -> Version:
    """The token and time of `owner`'s last write (a fixed one if they never wrote)."""
    row = DataVersion.objects.filter(user_id=owner_id(owner)).values_list("token", "changed_at").first()
    return Version(*row) if row else Version(NO_TOKEN, NEVER)


def cached(owner, name: str, compute: Callable[[], T], *, seconds: int = 24 * 3600) -> T:
    """`compute()`, kept in the cache under `owner`'s data version: worked out once per change of their
    data, not once per page. `name` must say everything else the value depends on (a period, a date).

    The version is read before `compute` reads the rows, so rows newer than it never go under it. A user
    whose rows were made around the services (no token) is never cached.
    """
    version = current(owner)
    if version.token == NO_TOKEN:
        return compute()
    key = f"nextround:{name}:{owner_id(owner)}:{version.token}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
