"""The checker meets its targets on the labelled sets (a regression guard, not a tuning target)."""

from pathlib import Path

import pytest

from nextround.checker.evaluate import evaluate, main, read_labelled

HERE = Path(__file__).parent
SETS = [
    ("candidate", "eval_candidate.jsonl"),
    ("employer", "eval_employer.jsonl"),
    ("candidate", "heldout_candidate.jsonl"),
    ("employer", "heldout_employer.jsonl"),
    ("candidate", "fresh_candidate.jsonl"),
    ("employer", "fresh_employer.jsonl"),
    ("candidate", "fresh2_candidate.jsonl"),
    ("employer", "fresh2_employer.jsonl"),
    ("candidate", "blind_candidate.jsonl"),
    ("employer", "blind_employer.jsonl"),
]


@pytest.mark.parametrize(("audience", "name"), SETS)
def test_targets_are_met(audience, name):
    report = evaluate(read_labelled(HERE / name), audience)
    assert report.overall.f1 >= 0.90, report.misses
    assert report.category_accuracy >= 0.80, report.misses


@pytest.mark.parametrize("audience", ["candidate", "employer"])
def test_main_sets_are_big_enough_and_balanced(audience):
    rows = read_labelled(HERE / f"eval_{audience}.jsonl")
    flagged = sum(1 for row in rows if row["categories"])
    assert len(rows) >= 150
    assert 0.4 <= flagged / len(rows) <= 0.6


def test_a_missed_message_lowers_recall():
    rows = [{"text": "Thank you for your time.", "categories": ["why_question"]}]
    report = evaluate(rows, "candidate")
    assert report.overall.recall == 0.0
    assert report.misses == [("Thank you for your time.", ["why_question"], [])]


def test_script_prints_per_category_figures(capsys):
    assert main([str(HERE / "eval_employer.jsonl"), "--audience", "employer"]) == 0
    out = capsys.readouterr().out
    assert "precision" in out and "F1" in out and "right category" in out
    assert "vague_fit" in out and "salary_history" in out
