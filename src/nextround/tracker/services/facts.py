"""Keeping each application's facts (`tracker/facts.py`) in step with its history.

Every service that records a stage change or a message about an application calls `refresh_facts` for the
applications it touched, inside its transaction, so every path (forms, the board, imports, restores, mail,
the demo) leaves the row right. The facts are recomputed from the history, not patched, so a backdated
move, an edited or deleted message comes out the same as a replay would.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Case, DateTimeField, F, IntegerField, Max, Min, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest, Least

from nextround.tracker import facts
from nextround.tracker.models import Application, Interaction, StageChange
from nextround.tracker.vocabulary import Direction

# Applications per round of reads and one UPDATE (a restore refreshes ten thousand).
BATCH = 500
# Inside `refreshed_once`, the applications whose facts are still to be worked out.
_pending: ContextVar[set[int] | None] = ContextVar("pending_facts", default=None)


def first_time(stages) -> Min:
    return Min(Case(When(to_stage__in=sorted(stages), then=F("changed_at")), output_field=DateTimeField()))


def _over_moves(aggregate) -> Subquery:
    """`aggregate` over the stage changes of the application being updated."""
    moves = StageChange.objects.filter(application_id=OuterRef("pk")).order_by().values("application_id")
    return Subquery(moves.annotate(value=aggregate).values("value"))


def _earliest(*times):
    """The earliest of date-times that may be NULL (SQLite's MIN(a, b) is NULL if either is)."""
    first, second = times
    return Least(Coalesce(first, second), Coalesce(second, first))


def refresh_facts(*, application_ids: Iterable[int | None]) -> None:
    """Recompute the facts of these applications from their history and store them (call it inside the
    writing transaction, after the write).

    One UPDATE per batch whose values are worked out by the database from each row's own history
    (correlated subqueries on indexed columns): Django's `bulk_update` wrote the same values as a CASE
    with one arm per row, which cost a restore of 10,000 applications most of its time.
    """
    rank = Max(
        Case(
            *[When(to_stage=stage, then=Value(value)) for stage, value in facts.RANK.items()],
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    first_incoming = Subquery(
        Interaction.objects.filter(application_id=OuterRef("pk"), direction=Direction.INCOMING)
        .order_by()
        .values("application_id")
        .annotate(first=Min("occurred_at"))
        .values("first")
    )
    ids = {pk for pk in application_ids if pk is not None}
    pending = _pending.get()
    if pending is not None:
        pending.update(ids)
        return
    ids = sorted(ids)
    for start in range(0, len(ids), BATCH):
        Application.objects.filter(pk__in=ids[start : start + BATCH]).update(
            furthest_rank=Greatest(Coalesce(_over_moves(rank), Value(0)), Value(0)),
            sent_at=_over_moves(first_time(facts.SENT_STAGES)),
            first_answer_at=_earliest(_over_moves(first_time(facts.ANSWER_STAGES)), first_incoming),
            decided_at=_over_moves(first_time(facts.DECISION_STAGES)),
        )


@contextmanager
def refreshed_once() -> Iterator[None]:
    """Inside this block (within the writing transaction), the facts the services refresh are worked out
    once, at its end, for every application touched: a restore writes each application's history in many
    batches (its moves, then its messages) and would otherwise work the same facts out several times."""
    pending: set[int] = set()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    refresh_facts(application_ids=pending)  # not reached when the block failed: nothing is kept then


def set_first_facts(application: Application) -> None:
    """A new application's facts from its first stage alone (no reads: it has no other history yet)."""
    reduced = facts.reduce_history([facts.Move(application.stage, application.stage_changed_at)])
    application.furthest_rank = reduced.rank
    application.sent_at = reduced.sent_at
    application.first_answer_at = reduced.answered_at
    application.decided_at = reduced.decided_at
