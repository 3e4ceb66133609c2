"""Who an employer sentence is about: a person in particular (a candidate, the writer, someone reported on)
or no one (the law, guidance, a policy for everyone).

The guidance frames (guidance.py, law.py, plain.py) and the generality reader (engine._spare_the_general)
let a sentence pass only when it is about no one in particular: a case summary or a manager's note stays
risky however legal its words.
"""

import re

__all__ = ["YOUR_WRITING", "about_no_one"]

# A person in particular, someone's own decision or preference, or a report of what was said or done: a
# case summary or a manager's note stays risky however legal its words ("The tribunal found the remark
# unlawful", "We cannot take on someone pregnant, which the law allows").
_PARTICULAR = re.compile(
    r"\b(?:you|your|yours|you're|youre|u|ur|she|her|hers|he|his|him|i|i'm|im|me|my|we|we're|our|(?-i:us)|"
    r"the (?:claimant|candidate|applicant|interviewee|employee|worker|manager|panel|respondent)|this "
    r"(?:claimant|candidate|applicant|person)|mr|mrs|ms|miss|dr|said|says|told|tells|found|held|ruled|"
    r"awarded|decided|remarked|commented|claimed|alleged|complained|wrote|described|explained|replied|"
    r"prefer\w*|rather|worr\w*|concern\w*|but|however|though|although|yet|still|anyway|frankly|honestly|"
    r"ideally|suit\w*|(?:not|never|no longer) (?:be )?(?:considered|shortlisted|hired|interviewed|"
    r"progressed|eligible|accepted)|only (?:consider|hire|shortlist|interview|take|accept)|exclud\w*|"
    r"screen(?:ed|s)? out)\b",
    re.IGNORECASE,
)
# Law and guidance speak of "his or her", "he or she": that is nobody in particular.
_EITHER = re.compile(
    r"\b(?:he|she|him|her|his|hers)\s*(?:or|/)\s*(?:he|she|him|her|his|hers|they|them|their)\b", re.IGNORECASE
)


# "Rejecting a woman because she ...": a pronoun standing for anyone the law speaks of (round 9).
_GENERIC = re.compile(
    r"\b((?:a|an|any) (?:\w+ )?(?:woman|man|candidate|applicant|person|worker|employee|mother|father|"
    r"parent)\b"
    r"[^.;]{0,30}?\b(?:because|if|when|since|as|who|whether|that))\s+(?:she|he|her|his)\b",
    re.IGNORECASE,
)


def about_no_one(sentence: str) -> bool:
    """True if the sentence is about no one in particular (see _PARTICULAR)."""
    return not _PARTICULAR.search(_GENERIC.sub(r"\1 they", _EITHER.sub(" ", sentence)))


# Guidance speaks to the writer of feedback ("in your notes, write ..."): that "your" is no one (round 11).
YOUR_WRITING = re.compile(
    r"\b(?:in |on |from )?your (?:notes?|feedback|write-?ups?|scorecards?|reports?|emails?|letters?|"
    r"drafts?|summar(?:y|ies))\b",
    re.IGNORECASE,
)
