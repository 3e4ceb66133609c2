"""A learned reading of "a general statement about no one in particular" (round 16, issue 10).

The employer rules flag words; some of the sentences they flag are guidance, law or training text that
names a risky phrase or a protected ground in order to forbid it ("Questions about marital status are
generally not job-related and should be avoided"). Hand-written frames (guidance.py) catch the shapes they
were written from and carry over poorly to new writers, so this small linear model reads the flagged
sentence instead: class `general` (lawful guidance, law, policy, training text, including guidance that
quotes a phrase to forbid it) against `other` (feedback to or about a person, notes, case reports, an owned
preference, and any general statement that itself discriminates or urges it).

It is asked only by engine._spare_the_general, for messages that already have a finding. A sentence that
names no one outright (about.no_one_named: no we/I/our/you, no named or singular person, no owned
preference) passes at `threshold()`; since round 17 that includes contrasts ("may ask X, but not Y"), role
nouns ("the candidate") and "said/held", which round 16 ruled out on sight. A sentence that names someone
passes only when the reader is nearly sure, at `threshold(named=True)` (round 17b: "Our reservists policy
gives paid leave to any employee who needs it"). Trained by
`python -m nextround.checker.train_generality`; its threshold is chosen by the rule in docs/decisions.md.
"""

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from nextround.semantic import LinearModel, featurize

MODEL_FILE = Path(__file__).parent / "models" / "generality.npz"
GENERAL = "general"


@cache
def model() -> LinearModel:
    return LinearModel.load(MODEL_FILE)


def threshold(named: bool = False) -> float:
    """P(general) at or above which a sentence reads as a general statement (from the model file); a
    sentence that names someone (not about.no_one_named) needs the stricter `threshold_named` (round 17b)."""
    return float(model().meta["threshold_named" if named else "threshold"])


def general_scores(sentences: Sequence[str]) -> np.ndarray:
    """P(general) for each sentence, in one batch."""
    if not sentences:
        return np.zeros(0, dtype=np.float32)
    reader = model()
    probabilities = reader.probabilities(featurize(list(sentences), reader.meta["recipe"]))
    return probabilities[:, reader.classes.index(GENERAL)]
