"""A regression guard on the second-generation blind sets (tests/checker/blind2/).

These sets were written apart from the training corpus and never used for development: the model and its
thresholds were final before they were evaluated (see docs/checker.md). The floors below sit at or just
under what was measured then, so a change that loses ground on them fails here. Do not tune on them.
"""

from pathlib import Path

import pytest

from nextround.checker.evaluate import evaluate, read_labelled

BLIND2 = Path(__file__).parent / "blind2"

# (file, audience, F1 at least, right category at least, risky caught at least, clean flagged at most)
FLOORS = [
    ("candidate.jsonl", "candidate", 0.89, 0.86, 0.86, 0.080),
    ("real_candidate.jsonl", "candidate", 0.90, 0.80, 0.88, 0.065),
    ("employer.jsonl", "employer", 0.94, 0.88, 0.94, 0.050),
    ("real_employer.jsonl", "employer", 0.89, 0.86, 0.88, 0.075),
]


@pytest.mark.parametrize(("name", "audience", "f1", "category", "caught", "clean"), FLOORS)
def test_blind_figures_do_not_regress(name, audience, f1, category, caught, clean):
    report = evaluate(read_labelled(BLIND2 / name), audience)
    assert report.overall.f1 >= f1
    assert report.category_accuracy >= category
    assert report.overall.recall >= caught
    assert report.clean_flagged <= clean
