"""The numbers behind the insights page, as plain functions over small row objects (no Django here).

`queries.py` loads rows into these dataclasses; everything that decides what a number means lives here, so
that each number can be tested with a hand-built search whose answer is known.
"""

import datetime as dt
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from nextround.tracker.facts import (  # noqa: F401 (the rules have one home; metrics' callers use them here)
    ANSWER_STAGES,
    DECISION_STAGES,
    EXITS,
    RANK,
    Move,
    Reduced,
    reduce_history,
)
from nextround.tracker.vocabulary import Stage

# Forward stages in order; "accepted" counts as having reached an offer.
PROGRESS = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER)
OPEN = "open"  # still in progress: not yet out of the funnel by one of the EXITS
# The funnel's words: the stages' own, except a silence (shorter in a chart), and the open applications.
STAGE_LABELS = {
    **{stage: stage.label for stage in (*PROGRESS, *EXITS)},
    Stage.GHOSTED: "No answer",
    OPEN: "Still in progress",
}
# Below this many applications a rate says more about chance than about the source.
MIN_SAMPLE = 5
WAITING_DAYS = 21
Z_95 = 1.959964


@dataclass(frozen=True)
class Period:
    """Inclusive local dates; None means open-ended."""

    since: dt.date | None = None
    until: dt.date | None = None

    def contains(self, day: dt.date | None) -> bool:
        if day is None:
            return False
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)


# Slots, and no list per application unless there are moves: a big search builds thousands of these per
# request, and every extra object the garbage collector tracks made its full passes (the page's slowest
# requests) longer.
@dataclass(slots=True)
class AppFacts:
    id: int
    source: str
    stage: str
    moves: Sequence[Move] = ()
    applied_on: dt.date | None = None
    first_incoming: dt.datetime | None = None
    company: str = ""
    role: str = ""
    # The history already reduced to what the numbers need (the application row's facts, which the
    # tracker keeps with `reduce_history`'s rules); None means "work it out from `moves`".
    reduced: "Reduced | None" = None


def history(app: AppFacts) -> Reduced:
    if app.reduced is None:
        app.reduced = reduce_history(app.moves)
    return app.reduced


def applied_day(app: AppFacts, tz: dt.tzinfo) -> dt.date | None:
    """The day the user applied: the date they gave, else the first move out of "saved"; None if never."""
    if app.applied_on:
        return app.applied_on
    sent_at = history(app).sent_at
    return sent_at.astimezone(tz).date() if sent_at else None


def in_period(apps: list[AppFacts], period: Period, tz: dt.tzinfo) -> list[AppFacts]:
    """Applications sent in the period (a cohort: what happened to them later still counts)."""
    return [app for app in apps if period.contains(applied_day(app, tz))]


def furthest(app: AppFacts) -> str:
    return furthest_of(history(app).rank, app.stage)


def furthest_of(rank: int, stage: str) -> str:
    """The furthest forward stage from the history's rank and the current stage (the database groups by
    both and calls this once per group)."""
    return PROGRESS[max(rank, RANK.get(stage, 0), 0)]


def exit_of(app: AppFacts) -> str:
    return exit_of_stage(app.stage)


def exit_of_stage(stage: str) -> str:
    return stage if stage in EXITS else OPEN


def first_answer(app: AppFacts) -> dt.datetime | None:
    times = [when for when in (history(app).answered_at, app.first_incoming) if when is not None]
    return min(times) if times else None


def decision(app: AppFacts) -> dt.datetime | None:
    return history(app).decided_at


# --- funnel ------------------------------------------------------------------------------------------------


@dataclass
class FunnelRow:
    stage: str
    label: str
    reached: int
    moved_on: int
    rejected: int
    ghosted: int
    withdrawn: int
    accepted: int
    open: int
    share_of_previous: float | None  # reached / reached at the previous stage


@dataclass
class Funnel:
    total: int
    rows: list[FunnelRow]
    links: list[tuple[str, str, int]]  # (from label, to label, applications) for the flow chart

    @property
    def nodes(self) -> list[str]:
        return list(dict.fromkeys(name for link in self.links for name in link[:2]))


def funnel(apps: list[AppFacts]) -> Funnel:
    """Stage reached per application (from its history) and where it left the funnel."""
    return funnel_from_ends(Counter((furthest(app), exit_of(app)) for app in apps))


def funnel_from_ends(ends: Counter) -> Funnel:
    """The funnel from the number of applications per (furthest stage, exit): what `funnel` counts one
    application at a time, and what the database counts in a GROUP BY for a big search."""
    rows, links, previous = [], [], None
    for index, stage in enumerate(PROGRESS):
        later = PROGRESS[index:]
        reached = sum(count for (top, _), count in ends.items() if top in later)
        moved_on = sum(count for (top, _), count in ends.items() if top in later[1:])
        here = {exit: ends[(stage, exit)] for exit in (*EXITS, OPEN)}
        rows.append(
            FunnelRow(
                stage=stage,
                label=STAGE_LABELS[stage],
                reached=reached,
                moved_on=moved_on,
                open=here[OPEN],
                rejected=here[Stage.REJECTED],
                ghosted=here[Stage.GHOSTED],
                withdrawn=here[Stage.WITHDRAWN],
                accepted=here[Stage.ACCEPTED],
                share_of_previous=(reached / previous) if previous else None,
            )
        )
        previous = reached
        if moved_on and index + 1 < len(PROGRESS):
            links.append((STAGE_LABELS[stage], STAGE_LABELS[PROGRESS[index + 1]], moved_on))
        for exit, count in here.items():
            if count:
                links.append((STAGE_LABELS[stage], STAGE_LABELS[exit], count))
    return Funnel(total=sum(ends.values()), rows=rows, links=links)


# --- response rates ----------------------------------------------------------------------------------------


def wilson_interval(successes: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """95% Wilson score interval for a proportion; sensible even for 0 or n successes and small n."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass
class Rate:
    count: int
    n: int

    @property
    def share(self) -> float:
        return self.count / self.n if self.n else 0.0

    @property
    def enough(self) -> bool:
        return self.n >= MIN_SAMPLE

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.count, self.n)


@dataclass
class SourceRow:
    source: str
    label: str
    applications: int
    heard_back: Rate
    moved_forward: Rate


def by_source(apps: list[AppFacts], labels: dict[str, str] | None = None) -> list[SourceRow]:
    """Per source: how many heard back at all, and how many reached a screen or beyond."""
    groups: dict[str, SourceCounts] = defaultdict(SourceCounts)
    for app in apps:
        groups[app.source].add(
            heard=first_answer(app) is not None, forward=RANK[furthest(app)] >= RANK[Stage.SCREENING]
        )
    return sources_from_counts(groups, labels)


@dataclass(slots=True)
class SourceCounts:
    applications: int = 0
    heard: int = 0
    forward: int = 0

    def add(self, *, heard: bool, forward: bool, count: int = 1) -> None:
        self.applications += count
        self.heard += count if heard else 0
        self.forward += count if forward else 0


def sources_from_counts(
    groups: dict[str, SourceCounts], labels: dict[str, str] | None = None
) -> list[SourceRow]:
    labels = labels or {}
    rows = [
        SourceRow(
            source,
            labels.get(source, source.replace("_", " ").capitalize()),
            counts.applications,
            Rate(counts.heard, counts.applications),
            Rate(counts.forward, counts.applications),
        )
        for source, counts in groups.items()
    ]
    return sorted(rows, key=lambda row: (-row.applications, row.label))


# --- time --------------------------------------------------------------------------------------------------


@dataclass
class Durations:
    days: list[int]  # sorted

    @classmethod
    def from_histogram(cls, counts: dict[int, int]) -> "Durations":
        """From the number of applications per day count (what the database groups by); a negative
        count (an answer dated before the day applied) is day 0, as in `_days_after_applying`."""
        clipped = Counter()
        for days, count in counts.items():
            clipped[max(0, days)] += count
        return cls([days for days in sorted(clipped) for _ in range(clipped[days])])

    @property
    def count(self) -> int:
        return len(self.days)

    @property
    def median(self) -> float | None:
        return statistics.median(self.days) if self.days else None

    @property
    def quickest(self) -> int | None:
        return min(self.days) if self.days else None

    @property
    def slowest(self) -> int | None:
        return max(self.days) if self.days else None


def _days_after_applying(app: AppFacts, when: dt.datetime | None, tz: dt.tzinfo) -> int | None:
    start = applied_day(app, tz)
    if when is None or start is None:
        return None
    return max(0, (when.astimezone(tz).date() - start).days)


def time_to_answer(apps: list[AppFacts], tz: dt.tzinfo) -> Durations:
    days = (_days_after_applying(app, first_answer(app), tz) for app in apps)
    return Durations(sorted(d for d in days if d is not None))


def time_to_decision(apps: list[AppFacts], tz: dt.tzinfo) -> Durations:
    days = (_days_after_applying(app, decision(app), tz) for app in apps)
    return Durations(sorted(d for d in days if d is not None))


def waiting_without_answer(
    apps: list[AppFacts], today: dt.date, tz: dt.tzinfo, days: int = WAITING_DAYS
) -> list[AppFacts]:
    """Still "applied", never answered, sent at least `days` ago: most likely ghosted."""
    cutoff = today - dt.timedelta(days=days)
    waiting = [
        app
        for app in apps
        if app.stage == Stage.APPLIED
        and first_answer(app) is None
        and (day := applied_day(app, tz)) is not None
        and day <= cutoff
    ]
    return sorted(waiting, key=lambda app: (applied_day(app, tz), app.id))
