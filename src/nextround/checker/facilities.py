"""The company's facilities and leave mentioned in passing to someone who may join (round 11): "you'd also
be able to use our multi-faith room", "our parental leave starts from day one". Not feedback, so guidance.py
lets such a sentence through, rules and model alike, when it carries no judgement: "you" may stand in it,
a worry, a need, a contrast or a person in the third person may not ("You'd need our prayer room a lot,
which is a concern for the rota" stays risky).
"""

import re

_FACILITY = re.compile(
    r"\b(?:our|the|an?) (?:on-?site |dedicated |staff )?(?:multi-?faith|prayer|quiet|reflection|wellbeing|"
    r"parents'?|nursing|lactation|baby-changing)(?: \w+)? (?:room|space|area|facilit\w+)\b|"
    r"\bour (?:parental|maternity|paternity|adoption|shared parental|family|carers'?) leave\b",
    re.IGNORECASE,
)
_JUDGEMENT = re.compile(
    r"\b(?:prefer\w*|rather|worr\w*|concern\w*|risk\w*|problem\w*|issues?|struggl\w*|can'?t|cannot|won'?t|"
    r"unable|suit\w*|ideal|looking for|need\w*|want\w*|instead|but|however|though|only|not|no|never|\w+n't|"
    r"dont|doesnt|isnt|arent|wont|cant|ban\w*|forbid\w*|prohibit\w*|allow\w*|must|required?|often|"
    r"much|lot|time off|away|absen\w*|she|her|he|his|him|candidate|cand|applicant)\b",
    re.IGNORECASE,
)


# Every _FACILITY match has one of these (lower case).
_FACILITY_HINTS = ("room", "space", "area", "facilit", " leave")


def mentions_facility(lowered: str, text: str) -> bool:
    """Whether `text` (`lowered` is it in lower case) names one of the company's facilities or leave."""
    return any(hint in lowered for hint in _FACILITY_HINTS) and bool(_FACILITY.search(text))


def facility_in_passing(sentence: str) -> bool:
    """Whether `sentence` names a facility or the company's leave with no judgement in it."""
    return bool(_FACILITY.search(sentence)) and not _JUDGEMENT.search(sentence)
