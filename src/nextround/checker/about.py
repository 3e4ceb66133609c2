"""Who an employer sentence is about: a person in particular (a candidate, the writer, someone reported on)
or no one (the law, guidance, a policy for everyone).

The guidance frames (guidance.py, law.py, plain.py) let a sentence pass only when it is about no one in
particular (`about_no_one`): a case summary or a manager's note stays risky however legal its words. The
generality reader (engine._spare_the_general) reads more: `no_one_named` leaves contrasts, role nouns and
"said/held" to its score, and a sentence that names someone needs a stricter score (round 17).
"""

import re

__all__ = ["YOUR_WRITING", "about_no_one", "no_one_named"]

# A person in particular, someone's own decision or preference, or a report of what was said or done: a
# case summary or a manager's note stays risky however legal its words ("The tribunal found the remark
# unlawful", "We cannot take on someone pregnant, which the law allows"). Three of its parts are left to the
# learned generality reader (see `no_one_named`): law and guidance use them too ("may ask X, but not Y",
# "record what the candidate said", "the court held that").
_NAMED = (
    r"you|your|yours|you're|youre|u|ur|she|her|hers|he|his|him|i|i'm|im|me|my|we|we're|our|(?-i:us)|"
    r"the (?:claimant|respondent)|this (?:claimant|candidate|applicant|person)|mr|mrs|ms|miss|dr|told|tells|"
    r"found|ruled|awarded|decided|remarked|commented|claimed|alleged|complained|wrote|described|explained|"
    r"replied|prefer\w*|rather|worr\w*|concern\w*|anyway|frankly|honestly|ideally|suit\w*|"
    r"(?:not|never|no longer) (?:be )?(?:considered|shortlisted|hired|interviewed|progressed|eligible|"
    r"accepted)|only (?:consider|hire|shortlist|interview|take|accept)|exclud\w*|screen(?:ed|s)? out"
)
_CONTRAST = r"but|however|though|although|yet|still"
_ROLE = r"the (?:candidate|applicant|interviewee|employee|worker|manager|panel)"
_REPORTED = r"said|says|held"
_PARTICULAR = re.compile(rf"\b(?:{_NAMED}|{_CONTRAST}|{_ROLE}|{_REPORTED})\b", re.IGNORECASE)
_PARTICULAR_NAMED = re.compile(rf"\b(?:{_NAMED})\b", re.IGNORECASE)
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
    return not _PARTICULAR.search(_generic(sentence))


def no_one_named(sentence: str) -> bool:
    """True if the sentence names no one in particular outright: `about_no_one` without the contrast words,
    the role nouns and "said/says/held", which the generality reader weighs instead (round 17)."""
    return not _PARTICULAR_NAMED.search(_generic(sentence))


def _generic(sentence: str) -> str:
    return _GENERIC.sub(r"\1 they", _EITHER.sub(" ", sentence))


# Guidance speaks to the writer of feedback ("in your notes, write ..."): that "your" is no one (round 11).
YOUR_WRITING = re.compile(
    r"\b(?:in |on |from )?your (?:notes?|feedback|write-?ups?|scorecards?|reports?|emails?|letters?|"
    r"drafts?|summar(?:y|ies))\b",
    re.IGNORECASE,
)
