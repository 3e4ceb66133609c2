"""Rounds 16 and 17: the learned "general statement" reader (checker/generality.py), asked by the engine
only for an employer message that already has a finding. The sentences are written for these tests; none is
in training/checker/generality.jsonl."""

import numpy as np
import pytest

from nextround.checker import check, engine, generality
from nextround.checker.about import about_no_one, no_one_named
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


# Round 17: guidance with a contrast, a role noun or "said/held", which round 16's gate never let the reader
# judge, and guidance shapes round 16's reader scored too low.
GENERAL_17 = [
    "Interviewers should write down what the candidate said about the project, not remarks on the "
    "candidate's age.",
    "The appeal court held that a blanket ban on headscarves at interview amounted to indirect religious "
    "discrimination.",
    "Hiring panels can ask about availability for night shifts, though questions about childcare are out of "
    "bounds.",
    "Feedback may mention missing certifications, but never a candidate's pregnancy or plans for a family.",
    'Scorecards should record only the evidence against each criterion; "seems tired", "bit old-school" and '
    '"foreign-sounding name" have no place there.',
    'A recruiter who hears a client ask for "young blood" should push back and ask for the actual skills.',
]
# Notes and reports with the same words: the loosened gate hands them to the reader, which keeps them.
PARTICULAR_17 = [
    "The manager said the applicant's accent would put clients off.",
    "Candidate is great, but the accent will be a problem on the phones.",
    "Strong interview, though the applicant mentioned three kids under five.",
    "Solid answers, however the candidate is a bit long in the tooth for a startup.",
    "The interviewer said the applicant looked too old for the floor.",
    "The client held firm that the hire must be under 35.",
    # Round 17b: owned preferences and feedback, which the stricter threshold keeps.
    "We would rather hire someone without children.",
    "Our clients prefer a native speaker on the phones.",
    "We decided the role needs someone younger.",
    "You seem like you'd struggle with the kids and the shifts.",
]


def test_round_17b_a_sentence_that_names_someone_passes_only_when_the_reader_is_nearly_sure(monkeypatch):
    sentence = (
        "Your notes should record the evidence against each criterion, never remarks about a person's accent."
    )
    assert not no_one_named(sentence)
    assert generality.general_scores([sentence])[0] >= generality.threshold(named=True)
    assert check(sentence, "employer") == []
    # With the stricter threshold out of reach it is flagged: round 17b is what lets it through.
    monkeypatch.setattr(
        engine, "generality_threshold", lambda named=False: 2.0 if named else generality.threshold()
    )
    assert check(sentence, "employer")


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Employers may ask about shifts, but not about children.", False),
        ("Record what the candidate said, not impressions.", False),
        ("The court held that the rule was indirect discrimination.", False),
        ("We would rather not hire parents.", True),
        ("She is too old for the team.", True),
        ("You seemed distracted by your kids.", True),
    ],
)
def test_the_reader_gate_leaves_contrasts_role_nouns_and_said_to_the_reader(sentence, named):
    assert no_one_named(sentence) is not named
    # The hand-written frames keep the stricter reading.
    assert about_no_one(sentence) is False


@pytest.mark.parametrize("sentence", GENERAL + GENERAL_17)
def test_a_general_statement_in_a_new_shape_passes(sentence, monkeypatch):
    assert check(sentence, "employer") == []
    # Without the reader (no score reaches 2) it is flagged: the reader is what lets it through.
    monkeypatch.setattr(engine, "generality_threshold", lambda named=False: 2.0)
    assert check(sentence, "employer")


@pytest.mark.parametrize("sentence", PARTICULAR + PARTICULAR_17)
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
