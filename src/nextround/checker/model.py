"""The checker's data types: a rule as loaded from its file, and a finding in a message."""

import re
from dataclasses import dataclass

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

# The categories each audience may use, exactly as the product talks about them.
CATEGORIES = {
    "candidate": (
        "why_question",
        "accusation",
        "threat",
        "demand",
        "pressure",
        "self_comparison",
        "resentment",
    ),
    "employer": (
        "age",
        "sex",
        "pregnancy",
        "race",
        "color",
        "national_origin",
        "religion",
        "disability",
        "genetic_information",
        "sexual_orientation",
        "gender_identity",
        "marital_status",
        "family_status",
        "citizenship",
        "veteran_status",
        "vague_fit",
        "salary_history",
    ),
}
AUDIENCES = tuple(CATEGORIES)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a message: where it is, why it hurts, and what to write instead."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    excerpt: str
    message: str
    suggestion: str
    # Set only when `suggestion` can be dropped in place of `excerpt` as it stands (the web page
    # offers a one-click "use suggestion" for these); otherwise None.
    replacement: str | None = None
    # "rule" for a rule's match; "model" for a sentence the trained classifier flagged, with its score
    # (the probability that the sentence is not clean). Rules have no score.
    source: str = "rule"
    score: float | None = None

    def to_dict(self) -> dict:
        # Spelled out rather than dataclasses.asdict, which deep-copies every field: --jsonl calls this
        # for every finding it writes.
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "message": self.message,
            "suggestion": self.suggestion,
            "replacement": self.replacement,
            "source": self.source,
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled rule. `keywords` is the cheap prefilter: the rule runs only on messages containing one."""

    id: str
    category: str
    severity: str
    keywords: frozenset[str]
    pattern: re.Pattern  # all patterns as one alternation
    # Each pattern alone with the keywords it can be woken by, so a message only pays for the patterns
    # that could match it (a rule of twenty patterns usually needs one or two), and the literal text every
    # match of it contains (see literals.py), checked with `in` before the pattern runs.
    parts: tuple[tuple[frozenset[str], re.Pattern, tuple[str, ...]], ...]
    message: str
    suggestion: str
    replacement: str | None
    sentence: str  # "any", "question" or "statement": the kind of sentence the match must sit in
    unless_before: re.Pattern | None  # searched in the sentence up to the match
    unless_after: re.Pattern | None  # searched in the sentence after the match
    unless: re.Pattern | None  # searched in the whole sentence
    examples_flag: tuple[str, ...]
    examples_pass: tuple[str, ...]
