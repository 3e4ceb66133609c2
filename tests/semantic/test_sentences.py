"""Sentence splitting keeps offsets into the original text and does not cut at abbreviations."""

import pytest

from nextround.semantic import split_sentences


def texts(message: str) -> list[str]:
    return [s.text for s in split_sentences(message)]


def test_every_sentence_is_a_slice_of_the_original():
    message = "Hi Sam,\n\n  Thanks for the call!  Why wasn't I chosen?\u2026 I'll wait.\nBest,\nAlex  "
    sentences = split_sentences(message)
    assert [s.text for s in sentences] == [
        "Hi Sam,",
        "Thanks for the call!",
        "Why wasn't I chosen?\u2026",
        "I'll wait.",
        "Best,",
        "Alex",
    ]
    assert all(message[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    "message",
    [
        "Dr. Okafor and Ms. Lee were kind.",
        "Tools, e.g. dbt and Airflow, matter here.",
        "I met J. Smith at 3.30 today.",
        "It pays approx. 50k a year.",
    ],
)
def test_abbreviations_initials_and_numbers_do_not_end_a_sentence(message):
    assert texts(message) == [message]


def test_closing_quotes_and_brackets_stay_with_their_sentence():
    assert texts('She said "no." (Fine.) Ok') == ['She said "no."', "(Fine.)", "Ok"]


def test_a_hard_wrapped_paragraph_is_one_sentence_but_short_lines_are_their_own():
    wrapped = (
        "I really enjoyed meeting the whole team last week and learning how\n"
        "you plan each release, thank you."
    )
    assert texts(wrapped) == [wrapped]
    assert texts("thanks for nothing\nyou lot are clowns") == ["thanks for nothing", "you lot are clowns"]


def test_text_without_letters_or_digits_gives_no_sentence():
    assert split_sentences("") == []
    assert split_sentences(" \n -- \n ...") == []


def test_offsets_count_code_points_with_emoji():
    message = "🙂 Thanks! Why me?"
    [first, second] = split_sentences(message)
    assert (first.text, second.text) == ("🙂 Thanks!", "Why me?")
    assert message[second.start : second.end] == "Why me?"
