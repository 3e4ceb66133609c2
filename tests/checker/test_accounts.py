"""Candidate text that is not words to the employer (accounts.py): an account of a polite reply or call,
advice to other job seekers, a polite check on an application. The model leaves such sentences to the
rules; anything sharp in them is read as usual."""

import json
from pathlib import Path

import pytest

from nextround.checker import check
from nextround.checker.accounts import exempt_spans
from nextround.checker.classifier import blank_quotes, text_for_model
from nextround.semantic import split_sentences

DATA = Path(__file__).resolve().parents[2] / "training" / "checker"


def _exempt(text: str):
    return exempt_spans(list(split_sentences(blank_quotes(text, keep_replies=True))))


@pytest.mark.parametrize(
    "text",
    [
        "Had the call with the hiring manager this morning.",
        "I wrote back within the hour: 'Thank you for letting me know.'",
        "Rang the agency back and told them I understood completely.",
        "Always send the thank-you, even after a no.",
        "Rule one: never burn a bridge with a recruiter.",
        "Could you let me know whether my application went through?",
        "I want to double-check that my cover letter was attached, as the upload page showed an error.",
    ],
)
def test_polite_accounts_advice_and_checks_are_left_out_of_the_model(text):
    assert _exempt(text)
    assert check(text, "candidate") == []


@pytest.mark.parametrize(
    "text",
    [
        "I wrote back and told them they'd regret it.",
        "Rang them back and asked why they picked someone else.",
        "Never treat an applicant like that again.",
        "Always answer your emails, it's basic courtesy.",
        "This is the third time I've asked whether you got my application.",
        "Thank you for the generic rejection.",
    ],
)
def test_sharp_look_alikes_are_read_as_usual(text):
    assert _exempt(text) == ()


def test_no_risky_corpus_sentence_or_dev_message_sentence_is_left_out():
    let_through = []
    for name in ("candidate.jsonl",):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("category") and _exempt(row["text"]):
                let_through.append(row["text"])
    for line in (DATA / "candidate_messages.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["categories"] and _exempt(row["text"]):
            let_through.append(row["text"])
    assert let_through == []


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        ("Voicemail - Hi, Leila here, returning your call from this morning.", None),
        (
            "Call notes: thanked them, asked about the Leeds role.",
            "thanked them, asked about the Leeds role.",
        ),
        ("Notes: you lot are clowns", "Notes: you lot are clowns"),
    ],
)
def test_a_label_before_a_pasted_call_is_cut(sentence, read):
    assert text_for_model(sentence) == read


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Our rejected applicant wrote back: 'I'm suing your firm, expect my lawyer's letter.'", "threat"),
        ('He replied: "Why did you reject me?"', "why_question"),
    ],
)
def test_a_reply_quoted_in_an_account_is_judged_by_its_words(text, category):
    """Round 11: the quotation after "replied:" or "wrote back:" is the reply, and the reply counts."""
    assert category in {f.category for f in check(text, "candidate")}


def test_a_polite_reply_quoted_in_an_account_and_quoted_advice_pass():
    assert check("I replied: 'Thank you, and best of luck to the team.'", "candidate") == []
    assert check('My mentor said: "never ask why they turned you down"', "candidate") == []
    assert blank_quotes("She said 'why me'", keep_replies=True) == "She said '      '"
