"""The recogniser's figures, guarded: a change that reads the labelled letters worse fails here.

The blind sets (tests/mail/corpus/blind.jsonl, then blind2.jsonl, then the fresh blind3.jsonl) were written
apart from the recogniser and measured once per final recogniser (docs/mail.md gives every measurement and
every failure); they are never used to tune. These floors are the last measurement's figures, less a
rounding margin, so they catch a regression, not a promise. The dev set is part of the training letters, so
its floors guard the fit, not how well it reads.
"""

from pathlib import Path

import pytest

from nextround.mail import evaluate

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "tests" / "mail" / "corpus" / "blind.jsonl"
BLIND2 = ROOT / "tests" / "mail" / "corpus" / "blind2.jsonl"
BLIND3 = ROOT / "tests" / "mail" / "corpus" / "blind3.jsonl"
DEV = ROOT / "training" / "mail" / "dev.jsonl"

# (type accuracy, rejection precision, rejection recall) as measured (docs/mail.md), less about 0.01.
# The first blind set is used up: its precision floor is where round 4's model, chosen on the training letters
# alone, reads it (0.952: three wrong "rejected" in 232), so the guard still runs. The fresh blind set
# (blind2.jsonl) was measured once on round 4's final model: 0.880 / 0.988 / 0.908; round 5 was written from
# its described misses and reads it 0.908 / 0.988 / 0.920. The fresh blind3.jsonl was measured once on round
# 5's final model: 0.925 / 1.000 / 0.963.
FLOORS = {
    BLIND: (0.90, 0.95, 0.84),
    BLIND2: (0.87, 0.98, 0.90),
    BLIND3: (0.91, 0.99, 0.95),
    DEV: (0.99, 0.99, 0.99),
}


@pytest.mark.parametrize("corpus", [BLIND, BLIND2, BLIND3, DEV], ids=["blind", "blind2", "blind3", "dev"])
def test_the_figures_do_not_fall(corpus):
    rows = list(evaluate.read_corpus(corpus))
    scores = evaluate.score(
        ({"id": row["id"], **row["expect"]}, found)
        for row, found in zip(rows, evaluate.read_with_library(rows), strict=True)
    )
    accuracy, precision, recall = FLOORS[corpus]
    rejection = scores.per_type["rejection"]
    assert scores.accuracy >= accuracy, "\n".join(scores.lines())
    assert rejection["precision"] >= precision, "\n".join(scores.lines())
    assert rejection["recall"] >= recall, "\n".join(scores.lines())


def test_the_labelled_sets_are_as_large_as_promised():
    paths = (BLIND, BLIND2, BLIND3, DEV)
    blind, blind2, blind3, dev = (len(list(evaluate.read_corpus(path))) for path in paths)
    assert blind >= 220 and blind2 >= 260 and blind3 >= 260 and dev >= 250 and blind + dev >= 400
