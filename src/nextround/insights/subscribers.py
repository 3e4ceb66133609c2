"""What the insights keep when the tracker or the settings announce a write (connected in `ready()`).

Each receiver runs inside the writer's transaction, so the running totals (`totals`) commit with the rows
they count, or not at all.
"""

from nextround.core import events as core_events
from nextround.insights import totals
from nextround.tracker import events
from nextround.tracker.vocabulary import Direction, Origin


def connect() -> None:
    events.interaction_logged.connect(interaction_logged, dispatch_uid="insights.interaction_logged")
    events.interactions_removed.connect(interactions_removed, dispatch_uid="insights.interactions_removed")
    events.history_restored.connect(history_restored, dispatch_uid="insights.history_restored")
    core_events.time_zone_changed.connect(time_zone_changed, dispatch_uid="insights.time_zone_changed")


def sent(interactions) -> list:
    return [i.occurred_at for i in interactions if i.direction == Direction.OUTGOING]


def interaction_logged(sender, *, owner, interactions, origin, previous=(), **kwargs) -> None:
    if origin == Origin.RESTORE:
        return  # rebuilt once when the restore is done (`history_restored`)
    totals.recount(owner=owner, moments=[*sent(interactions), *previous])


def interactions_removed(sender, *, owner, interactions, origin, **kwargs) -> None:
    totals.recount(owner=owner, moments=sent(interactions))


def history_restored(sender, *, owner, **kwargs) -> None:
    totals.rebuild(owner=owner)


def time_zone_changed(sender, *, owner, time_zone, **kwargs) -> None:
    totals.rebuild(owner=owner, time_zone=time_zone)
