"""The families of phrasing that issue 10 names as slipping through the rules are flagged, each with a
reason and a better phrasing. These are the issue's own examples (not blind data), in whole messages."""

import pytest

from nextround.checker import check

CANDIDATE = [
    ("You lot are clowns.", {"resentment"}),
    ("What a joke of an outfit.", {"resentment"}),
    ("Honestly this whole thing is bullshit.", {"resentment", "accusation"}),
    ("Your loss.", {"resentment"}),
    ("I was never keen anyway.", {"resentment"}),
    ("Good luck finding anyone better.", {"resentment"}),
    ("I find it hard to accept anyone was better qualified.", {"self_comparison"}),
    ("I ticked every box in the advert.", {"self_comparison"}),
    ("I was counting on this.", {"pressure"}),
    ("I have rent due.", {"pressure"}),
    ("Why is this taking forever?", {"pressure"}),
    ("What tipped it against me?", {"why_question"}),
    ("What was the reason?", {"why_question"}),
    ("Where did I fall short?", {"why_question"}),
    ("How come you didn't take me on?", {"why_question"}),
    ("Why didn't you hire me?", {"why_question"}),
    ("They wronged me and I'll get back at them.", {"threat", "accusation", "resentment"}),
    ("I'll be passing this to my solicitor.", {"threat"}),
    ("I'm taking this to the labour board.", {"threat"}),
    ("Everyone will hear about this.", {"threat"}),
]
EMPLOYER = [
    ("We want someone young and hungry.", {"age"}),
    ("The team needs fresh blood.", {"age"}),
    ("We need someone with no family commitments.", {"family_status"}),
    ("With a little one at home, the travel would be hard for you.", {"family_status"}),
    ("Since you're expecting, the timing doesn't work for us.", {"pregnancy"}),
    ("Your accent would be hard for our clients.", {"national_origin"}),
    ("Your hairstyle isn't right for client meetings.", {"race", "color"}),
    ("We wondered where you're really from.", {"national_origin"}),
    ("You'd need sponsorship, which we'd rather avoid.", {"citizenship"}),
    ("Your church commitments might clash with weekend cover.", {"religion"}),
    ("You graduated in 1988, so this may not be the role for you.", {"age"}),
    ("What are you on now?", {"salary_history"}),
    ("Given your current package, we'd offer a little more.", {"salary_history"}),
]
OPENING = "Thank you for letting me know. "


@pytest.mark.parametrize(
    ("audience", "sentence", "categories"),
    [("candidate", s, c) for s, c in CANDIDATE] + [("employer", s, c) for s, c in EMPLOYER],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_every_family_is_flagged_with_a_reason_and_a_better_phrasing(audience, sentence, categories):
    text = OPENING + sentence
    findings = check(text, audience)
    assert findings, f"not flagged: {sentence}"
    first = min(findings, key=lambda f: (-["info", "warning", "error"].index(f.severity), f.start))
    assert first.category in categories
    assert first.message and first.suggestion
    assert first.start >= len(OPENING)  # the polite opening is not what it flags


def _edits(sentence: str) -> list[str]:
    """The same sentence with the small edits people make: a trailing clause, a word or a name before
    it, no capitals, no punctuation."""
    base = sentence.rstrip(".?!")
    end = sentence[-1] if sentence[-1] in ".?!" else "."
    lowered = base[0].lower() + base[1:]
    return [
        f"{base}, one way or another{end}",
        f"{base}, to be honest{end}",
        f"{base} tbh",
        f"Honestly, {lowered}{end}",
        f"Look, {lowered}{end}",
        f"Sarah, {lowered}{end}",
        sentence.lower(),
        base,
        base.lower(),
    ]


@pytest.mark.parametrize(
    ("audience", "sentence", "categories"),
    [("candidate", s, c) for s, c in CANDIDATE] + [("employer", s, c) for s, c in EMPLOYER],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_every_family_survives_small_edits(audience, sentence, categories):
    missed = [
        text
        for text in _edits(sentence)
        if not {f.category for f in check(OPENING + text, audience)} & categories
    ]
    assert missed == []
