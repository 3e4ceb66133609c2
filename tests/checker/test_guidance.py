"""Employer text: guidance that names a risky phrase to forbid it passes; the same words quoted as what a
manager said are flagged (docs/checker.md, "Context")."""

import pytest

from nextround.checker import check
from nextround.checker.guidance import exempt_spans


@pytest.mark.parametrize(
    "text",
    [
        "Replace 'not a good fit' with the specific requirement the candidate did not meet.",
        'Never write "too old" in interview notes.',
        "Don't ask candidates when they graduated; ask whether they hold the qualification.",
        "HR tip: avoid asking what a candidate earns now. Ask what range they are looking for.",
        "Instead of asking about children, describe the hours and ask whether they suit.",
        "Phrases such as 'young and dynamic' or 'native English speaker' can signal bias.",
        "Questions you must never ask: how old someone is, or whether they plan a family.",
    ],
)
def test_guidance_that_forbids_a_phrase_is_not_flagged(text):
    assert check(text, "employer") == []


def test_only_the_guidance_sentence_is_let_through():
    text = "Please don't write 'overqualified' in feedback. We felt you were too old for the team."
    [finding] = check(text, "employer")
    assert finding.category == "age" and finding.start > text.index("feedback.")
    assert exempt_spans(text) == ((0, len("Please don't write 'overqualified' in feedback.")),)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The hiring manager said she was 'too old' for the role.", "age"),
        ('The claimant was told the team wanted "fresh blood".', "age"),
        ("You'd need sponsorship, which we'd rather avoid.", "citizenship"),
        ("Don't worry, your age was not a factor.", "age"),
    ],
)
def test_a_managers_quoted_words_and_look_alike_cues_are_still_flagged(text, category):
    assert category in {f.category for f in check(text, "employer")}


def test_a_candidate_quoting_advice_still_passes():
    assert check('My coach said never to ask "why didn\'t you hire me?"', "candidate") == []
