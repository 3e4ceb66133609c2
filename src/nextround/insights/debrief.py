"""The rejection debrief in numbers and the feedback themes (plain Python, no Django).

Rows come from the playbook's Plan, PlanStep and StepLog (see `queries.py`); tag keys and whether they are
actionable come from the playbook's content file, passed in as `vocabulary`.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from nextround.playbook.vocabulary import Outcome, PlanKind, StepKind, StepStatus
from nextround.tracker.vocabulary import InteractionKind

# Each row may stand for `count` identical ones, so that the database can group them for big searches.


@dataclass(frozen=True)
class PlanFacts:
    kind: str  # a PlanKind
    count: int = 1


@dataclass(frozen=True)
class StepFacts:
    kind: str
    channel: str
    status: str  # a StepStatus
    count: int = 1


@dataclass(frozen=True)
class LogFacts:
    outcome: str  # an Outcome
    step_kind: str
    interaction_kind: str  # of the timeline entry the log made: "call" for a phone step
    count: int = 1
    tags: tuple[str, ...] = ()
    words: str = ""
    said_by: str = ""
    company: str = ""
    role: str = ""
    application_id: int | None = None
    at: dt.datetime | None = None
    id: int | None = None  # the log's own, to fetch in full only the quotes a page draws


@dataclass(frozen=True)
class Tag:
    key: str
    label: str
    actionable: bool


@dataclass
class Debrief:
    plans: int
    rejection_plans: int
    ghosted_plans: int
    steps: int
    steps_done: int
    steps_skipped: int
    calls: int
    asked: int  # people who answered a request for feedback, one way or the other
    declined: int
    feedback: int
    referrals: int
    references_debriefed: int
    networking_added: int

    @property
    def declined_share(self) -> float | None:
        return self.declined / self.asked if self.asked else None


def debrief(plans: list[PlanFacts], steps: list[StepFacts], logs: list[LogFacts]) -> Debrief:
    """What the user did with their rejections: plans, steps done, calls, and what people said."""
    outcomes = Counter()
    for log in logs:
        outcomes[log.outcome] += log.count
    # The definitions are the playbook's ("Counting" in docs/playbook.md).
    finished = [step for step in steps if step.status == StepStatus.DONE]
    return Debrief(
        plans=sum(plan.count for plan in plans),
        rejection_plans=sum(plan.count for plan in plans if plan.kind == PlanKind.REJECTION),
        ghosted_plans=sum(plan.count for plan in plans if plan.kind == PlanKind.GHOSTED),
        steps=sum(step.count for step in steps),
        steps_done=sum(step.count for step in finished),
        steps_skipped=sum(step.count for step in steps if step.status == StepStatus.SKIPPED),
        # Every call logged counts, even one nobody picked up: the user made it.
        calls=sum(log.count for log in logs if log.interaction_kind == InteractionKind.CALL),
        asked=outcomes[Outcome.DECLINED] + outcomes[Outcome.FEEDBACK] + outcomes[Outcome.REFERRAL],
        declined=outcomes[Outcome.DECLINED],
        feedback=outcomes[Outcome.FEEDBACK],
        referrals=outcomes[Outcome.REFERRAL],
        references_debriefed=sum(step.count for step in finished if step.kind == StepKind.REFERENCE),
        networking_added=sum(step.count for step in finished if step.kind == StepKind.NETWORK),
    )


@dataclass(frozen=True)
class PlanTotals:
    """The counts of the plans of one kind, summed over a period: the playbook keeps each plan's on its row
    (`playbook/services/facts.py`, counted as `debrief` counts the steps and logs; a test compares both)."""

    kind: str  # a PlanKind
    plans: int
    steps_total: int = 0
    steps_done: int = 0
    steps_skipped: int = 0
    references_debriefed: int = 0
    networking_added: int = 0
    calls: int = 0
    declined: int = 0
    feedback: int = 0
    referrals: int = 0


def from_totals(rows: list[PlanTotals]) -> Debrief:
    """`debrief`, from the counts kept on the plans instead of their steps and logs."""

    def total(name: str) -> int:
        return sum(getattr(row, name) for row in rows)

    declined, feedback, referrals = total("declined"), total("feedback"), total("referrals")
    return Debrief(
        plans=total("plans"),
        rejection_plans=sum(row.plans for row in rows if row.kind == PlanKind.REJECTION),
        ghosted_plans=sum(row.plans for row in rows if row.kind == PlanKind.GHOSTED),
        steps=total("steps_total"),
        steps_done=total("steps_done"),
        steps_skipped=total("steps_skipped"),
        calls=total("calls"),
        asked=declined + feedback + referrals,
        declined=declined,
        feedback=feedback,
        referrals=referrals,
        references_debriefed=total("references_debriefed"),
        networking_added=total("networking_added"),
    )


@dataclass
class Theme:
    tag: Tag
    quotes: list[LogFacts] = field(default_factory=list)  # the most recent first, perhaps not all
    count: int = 0  # logs that mention the theme


@dataclass
class Themes:
    actionable: list[Theme]
    not_actionable: list[Theme]
    untagged: list[LogFacts]  # the most recent first, perhaps not all
    feedback: int  # feedback logs in all
    untagged_count: int = 0

    @property
    def actionable_mentions(self) -> int:
        return sum(theme.count for theme in self.actionable)

    @property
    def not_actionable_mentions(self) -> int:
        return sum(theme.count for theme in self.not_actionable)


def themes(logs: list[LogFacts], vocabulary: list[Tag], *, quotes: int | None = None) -> Themes:
    """Feedback tags counted (once per log), each with its quotes, split by what the user can act on.

    With `quotes`, each theme (and the untagged) keeps only that many of its most recent quotes, and
    still counts them all: a page that draws ten need not read the words of thousands.
    """
    feedback = sorted(
        (log for log in logs if log.outcome == Outcome.FEEDBACK),
        key=lambda log: (log.at or dt.datetime.min.replace(tzinfo=dt.UTC), log.id or 0),
        reverse=True,
    )
    by_tag = {tag.key: Theme(tag) for tag in vocabulary}
    untagged = []
    untagged_count = 0
    for log in feedback:
        known = [key for key in dict.fromkeys(log.tags) if key in by_tag]
        for key in known:
            theme = by_tag[key]
            theme.count += 1
            if quotes is None or len(theme.quotes) < quotes:
                theme.quotes.append(log)
        if not known:
            untagged_count += 1
            if quotes is None or len(untagged) < quotes:
                untagged.append(log)
    return _split(by_tag, vocabulary, untagged, len(feedback), untagged_count)


def _split(by_tag: dict, vocabulary: list[Tag], untagged: list, feedback: int, untagged_count: int) -> Themes:
    """The themes mentioned, most mentioned first (ties in the vocabulary's order), by what one can act on."""
    order = {tag.key: index for index, tag in enumerate(vocabulary)}
    found = sorted(
        (theme for theme in by_tag.values() if theme.count),
        key=lambda theme: (-theme.count, order[theme.tag.key]),
    )
    return Themes(
        actionable=[theme for theme in found if theme.tag.actionable],
        not_actionable=[theme for theme in found if not theme.tag.actionable],
        untagged=untagged,
        feedback=feedback,
        untagged_count=untagged_count,
    )


def mentions(
    lists: list[tuple[tuple[str, ...], int]], vocabulary: list[Tag]
) -> tuple[dict[str, int], int, int]:
    """Logs per known tag (a log counts once per tag), logs with no known tag, and logs in all, from the
    number of logs holding each tag list."""
    known = {tag.key for tag in vocabulary}
    counts: Counter = Counter()
    untagged = total = 0
    for tags, n in lists:
        found = [key for key in dict.fromkeys(tags) if key in known]
        counts.update(dict.fromkeys(found, n))
        untagged += 0 if found else n
        total += n
    return dict(counts), untagged, total


def themes_from_counts(
    counts: dict[str, int],
    untagged_count: int,
    feedback: int,
    newest_first: Iterable[LogFacts],
    vocabulary: list[Tag],
    *,
    quotes: int,
) -> Themes:
    """`themes`, from the mentions already counted per tag and the logs newest first, read only until every
    theme (and the untagged) holds its `quotes` most recent quotes."""
    by_tag = {tag.key: Theme(tag, count=counts.get(tag.key, 0)) for tag in vocabulary}
    wanted = {key: min(quotes, theme.count) for key, theme in by_tag.items()}
    untagged: list[LogFacts] = []
    missing = sum(wanted.values()) + min(quotes, untagged_count)
    for log in newest_first:
        if not missing:
            break
        known = [key for key in dict.fromkeys(log.tags) if key in by_tag]
        for key in known:
            if len(by_tag[key].quotes) < wanted[key]:
                by_tag[key].quotes.append(log)
                missing -= 1
        if not known and len(untagged) < min(quotes, untagged_count):
            untagged.append(log)
            missing -= 1
    return _split(by_tag, vocabulary, untagged, feedback, untagged_count)
