"""Round 16: the learned "general statement" reader (checker/generality.py), asked by the engine only
for an employer message that already has a finding. The sentences are written for these tests; none is
in training/checker/generality.jsonl."""

import numpy as np
import pytest

from nextround.checker import check, engine, generality
from nextround.checker.train import DATA_DIR
from nextround.checker.train_generality import corpus_digest, load_rows, train
from nextround.semantic import LinearModel

# Law, guidance and training text in shapes the hand-written frames (guidance.py) do not know.
GENERAL = [
    "Recruiters should never call an applicant 'too old for the pace'; they should name the skill the role "
    "needed.",
    "Describing an applicant as 'overqualified' has been treated by tribunals as evidence of age bias.",
    "Questions about childcare belong nowhere in a structured interview.",
]
# Feedback, notes, reports and general statements that discriminate or urge it: never let through.
PARTICULAR = [
    "Employers should avoid hiring older people",
    "Age is a valid reason to reject candidates",
    "We don't hire mothers of small children",
    "The manager said the team needed new blood",
    "Older applicants should be kept off the shortlist.",
    "Mothers are a poor investment for the night shift.",
    "Recruiters should screen out candidates who need a visa.",
    "Pregnancy is a fair reason to pass on someone.",
    "Never hire anyone with an accent for the phones.",
    "Candidate is 58, too old for the pace.",
    "Her husband is in the army, so she'll move soon.",
]


@pytest.mark.parametrize("sentence", GENERAL)
def test_a_general_statement_in_a_new_shape_passes(sentence, monkeypatch):
    assert check(sentence, "employer") == []
    # Without the reader (no score reaches 2) it is flagged: the reader is what lets it through.
    monkeypatch.setattr(engine, "generality_threshold", lambda: 2.0)
    assert check(sentence, "employer")


@pytest.mark.parametrize("sentence", PARTICULAR)
def test_a_particular_statement_or_an_exhortation_stays_flagged(sentence):
    assert check(sentence, "employer")


def test_the_reader_scores_guidance_above_an_exhortation_in_the_same_words():
    guidance, urging = generality.general_scores(
        ["Employers should avoid asking about age.", "Employers should avoid hiring older people."]
    )
    assert guidance > generality.threshold() > urging


@pytest.mark.xfail(strict=True, reason="no rule or model flags it today; the reader can only drop findings")
def test_a_stereotype_with_no_risky_word_is_flagged():
    assert check("Applicants over 50 rarely adapt", "employer")


def test_the_committed_model_is_what_the_committed_corpus_trains(tmp_path):
    pytest.importorskip("sklearn")
    committed = LinearModel.load(generality.MODEL_FILE)
    assert committed.meta["corpus_sha256"] == corpus_digest(DATA_DIR)
    train(DATA_DIR, tmp_path / "generality.npz")
    again = LinearModel.load(tmp_path / "generality.npz")
    assert again.meta == committed.meta
    assert np.array_equal(again.weights, committed.weights) and np.array_equal(again.bias, committed.bias)


def test_a_wrong_label_names_its_line(tmp_path):
    (tmp_path / "generality.jsonl").write_text(
        '{"text": "x", "label": "general"}\n{"text": "y", "label": "g"}\n'
    )
    (tmp_path / "employer.jsonl").write_text("")
    with pytest.raises(SystemExit, match="generality.jsonl line 2"):
        load_rows(tmp_path)
