"""Keeping each application's facts (`tracker/facts.py`) in step with its history.

Every service that records a stage change or a message about an application calls `refresh_facts` for the
applications it touched, inside its transaction, so every path (forms, the board, imports, restores, mail,
the demo) leaves the row right. The facts are recomputed from the history, not patched, so a backdated
move, an edited or deleted message comes out the same as a replay would.
"""

from collections.abc import Iterable

from django.db.models import Case, DateTimeField, F, IntegerField, Max, Min, Value, When

from nextround.tracker import facts
from nextround.tracker.models import Application, Interaction, StageChange
from nextround.tracker.vocabulary import Direction

# Applications per round of reads and one UPDATE (a restore refreshes ten thousand).
BATCH = 500
FIELDS = ["furthest_rank", "sent_at", "first_answer_at", "decided_at"]


def first_time(stages) -> Min:
    return Min(Case(When(to_stage__in=sorted(stages), then=F("changed_at")), output_field=DateTimeField()))


def computed(ids: list[int]) -> dict[int, facts.Reduced]:
    """The facts of the applications `ids` worked out from their history (two grouped reads)."""
    rank = Max(
        Case(
            *[When(to_stage=stage, then=Value(value)) for stage, value in facts.RANK.items()],
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    moves = (
        StageChange.objects.filter(application_id__in=ids)
        .values("application_id")
        .annotate(
            rank=rank,
            sent=first_time(facts.SENT_STAGES),
            answered=first_time(facts.ANSWER_STAGES),
            decided=first_time(facts.DECISION_STAGES),
        )
        .values_list("application_id", "rank", "sent", "answered", "decided")
        .order_by()
    )
    incoming = dict(
        Interaction.objects.filter(application_id__in=ids, direction=Direction.INCOMING)
        .values("application_id")
        .annotate(first=Min("occurred_at"))
        .values_list("application_id", "first")
        .order_by()
    )
    found = {}
    for pk, rank_, sent, answered, decided in moves:
        answers = [when for when in (answered, incoming.pop(pk, None)) if when is not None]
        found[pk] = facts.Reduced(max(rank_ or 0, 0), sent, min(answers) if answers else None, decided)
    for pk, first in incoming.items():  # messages on an application with no recorded move
        found[pk] = facts.Reduced(0, None, first, None)
    return found


def refresh_facts(*, application_ids: Iterable[int | None]) -> None:
    """Recompute the facts of these applications from their history and store them (call it inside the
    writing transaction, after the write)."""
    ids = sorted({pk for pk in application_ids if pk is not None})
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        found = computed(batch)
        rows = []
        for pk in batch:
            reduced = found.get(pk, facts.NOTHING)
            rows.append(
                Application(
                    pk=pk,
                    furthest_rank=reduced.rank,
                    sent_at=reduced.sent_at,
                    first_answer_at=reduced.answered_at,
                    decided_at=reduced.decided_at,
                )
            )
        Application.objects.bulk_update(rows, FIELDS)


def set_first_facts(application: Application) -> None:
    """A new application's facts from its first stage alone (no reads: it has no other history yet)."""
    reduced = facts.reduce_history([facts.Move(application.stage, application.stage_changed_at)])
    application.furthest_rank = reduced.rank
    application.sent_at = reduced.sent_at
    application.first_answer_at = reduced.answered_at
    application.decided_at = reduced.decided_at
