"""What an application's history comes to, kept on its row (plain Python, no Django).

The insights count these for thousands of applications per page, so the tracker keeps them up to date
as it writes (`services/facts.py`) instead of the page replaying every history. The rules live here, once:
the tracker applies them when it writes and the insights read the result; a test recomputes them from
random histories and compares.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from nextround.tracker.vocabulary import Stage

# How far an application got; "accepted" counts as having reached an offer.
RANK = {
    Stage.SAVED: -1,
    Stage.APPLIED: 0,
    Stage.SCREENING: 1,
    Stage.INTERVIEWING: 2,
    Stage.OFFER: 3,
    Stage.ACCEPTED: 3,
}
# How an application can leave the funnel; anything else is still in progress.
EXITS = (Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN, Stage.ACCEPTED)
# A move to one of these means the employer answered (a rejection is an answer too).
ANSWER_STAGES = frozenset({Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.ACCEPTED, Stage.REJECTED})
DECISION_STAGES = frozenset({Stage.REJECTED, Stage.OFFER, Stage.ACCEPTED})
# A move to one of these means the application was sent.
SENT_STAGES = frozenset(set(RANK) - {Stage.SAVED} | set(EXITS))


@dataclass(frozen=True)
class Move:
    stage: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class Reduced:
    rank: int  # furthest RANK reached (0 at least)
    sent_at: dt.datetime | None  # first move out of "saved"
    answered_at: dt.datetime | None  # first move to an ANSWER_STAGES stage, or first message from them
    decided_at: dt.datetime | None  # first move to a DECISION_STAGES stage


NOTHING = Reduced(0, None, None, None)


def reduce_history(moves: Iterable[Move], first_incoming: dt.datetime | None = None) -> Reduced:
    moves = list(moves)

    def first(stages, *also) -> dt.datetime | None:
        times = [move.at for move in moves if move.stage in stages] + [when for when in also if when]
        return min(times) if times else None

    return Reduced(
        rank=max([RANK.get(move.stage, 0) for move in moves] + [0]),
        sent_at=first(SENT_STAGES),
        answered_at=first(ANSWER_STAGES, first_incoming),
        decided_at=first(DECISION_STAGES),
    )
