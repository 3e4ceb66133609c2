"""The literal prefilter never drops a match: every run it requires is in every text a pattern matches."""

import json
import re
from pathlib import Path

from nextround.checker import check
from nextround.checker.literals import mandatory_choices, mandatory_runs
from nextround.checker.loader import ruleset_for

HERE = Path(__file__).parent


def test_runs_are_the_literal_text_every_match_contains():
    def runs(source: str) -> set[str]:
        return set(mandatory_runs(re.compile(source, re.IGNORECASE)))

    assert runs(r"\bthanks for nothing\b") == {"thanks for nothing"}
    assert runs(r"\bThanks (?:for|on) wasting\b") == {"thanks ", " wasting"}
    assert runs(r"\bover[- ]?qualified\b") == {"qualified", "over"}
    assert runs(r"(?:stronger|better) than") == {" than"}
    assert runs(r"(?<!thanks )\bso much for\b") == {"so much for"}
    assert runs(r"\b(?:why)?\s+me\b") == set()
    assert runs(r"(?:really )+sorry") == {"really ", "sorry"}
    assert runs(r"(?:really )*sorry") == {"sorry"}


def test_choices_are_the_runs_one_of_which_every_match_contains():
    def choices(source: str) -> list[set[str]]:
        return [set(choice) for choice in mandatory_choices(re.compile(source, re.IGNORECASE))]

    assert choices(r"\bThanks (?:for|on) (?:wasting|ruining)\b") == [{"wasting", "ruining"}]
    assert choices(r"\b(?:was|is) it (?:because|since)\b|\bwhy (?:not|me)\b") == [{" it ", "why "}]
    assert choices(r"(?:really|so)? (?:sorry|sad)") == []  # "so" and "sad" are too short to test
    assert choices(r"(?:(?:thanks|cheers) mate|(?:cheers|ta) pal)") == [{" mate", " pal"}]
    assert choices(r"(?:(?:thanks|cheers)!?|goodbye)") == [{"thanks", "cheers", "goodbye"}]
    assert choices(r"(?<=(?:thanks|cheers) )mate") == []  # inside an assertion: consumes nothing


def corpus() -> list[str]:
    texts = []
    for audience in ("candidate", "employer"):
        for rule in ruleset_for(audience).rules:
            texts += [*rule.examples_flag, *rule.examples_pass]
    for path in sorted(HERE.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()]
    return texts


def test_no_pattern_matches_a_text_that_lacks_one_of_its_runs():
    texts = corpus()
    folded = [text.casefold() for text in texts]
    checked = 0
    for audience in ("candidate", "employer"):
        for rule in ruleset_for(audience).rules:
            for _, pattern, runs in rule.parts:
                for text, low in zip(texts, folded, strict=True):
                    if pattern.search(text):
                        checked += 1
                        assert all(run in low for run in runs), (rule.id, pattern.pattern, runs, text)
                        for choice in mandatory_choices(pattern):
                            assert any(run in low for run in choice), (rule.id, pattern.pattern, choice, text)
    assert checked > 500


def test_casefolding_keeps_unusual_capitals_matching():
    assert [f.category for f in check("THANKS FOR NOTHING.", "candidate")] == ["resentment"]
