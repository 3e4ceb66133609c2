"""Employer sentences that are not feedback about a person, so neither the rules nor the model flag them:

- guidance that names a risky phrase in order to forbid it: HR guidance, interview training, style guides
  ("Never ask a candidate what year they graduated", "Replace 'not a good fit' with the specific
  requirement");
- the company's own benefits or policy, stated for everyone and about no one ("Parental leave: 26 weeks at
  full pay for any new parent"), with no preference or worry in the sentence.

This is also why employer text in quotes is read, unlike a candidate's: a case summary or a call note
quotes the manager's own words ("the team 'already had enough women'"), and those words are the risk.
Quoted words are let through only where the sentence around them forbids them.
"""

import re
from functools import lru_cache

from nextround.checker.classifier import READS_QUOTES, blank_quotes

__all__ = ["READS_QUOTES", "exempt_spans", "outside"]

_SAYING = (
    r"(?:ask|asking|say|saying|write|writing|use|using|mention|mentioning|note|noting|comment|commenting|"
    r"refer|referring|record|recording|raise|raising|put|putting|include|including)"
)
# Words that may stand between "never" and "ask" in guidance ("never directly ask", "don't ever write");
# not "want to", which is a manager's own reluctance ("I don't want to say it, but ...").
_BETWEEN = r"(?:ever|directly|openly|publicly|again|anyone|anybody|candidates?|applicants?|people|them)"
_WORDING = r"(?:phrases?|words?|wording|terms?|language|expressions?|questions?)"
# Each cue is read with quotations blanked, so a manager's quoted "don't say ..." is not a cue.
_CUES = re.compile(
    "|".join(
        [
            # "Never ask ...", "please don't write ...", "managers must not use ...", "avoid phrases ..."
            rf"\b(?:never|don'?t|do not|must not|mustn'?t|should not|shouldn'?t|avoid|refrain from|"
            rf"steer clear of|stop|ban|banning)\s+(?:{_BETWEEN}\s+){{0,2}}?"
            rf"(?:{_SAYING}|{_WORDING})\b(?! me\b)",
            # "... must never be asked", "should not be used"
            r"\b(?:must|should|may) (?:never|not) be (?:asked|said|written|used|mentioned|recorded|raised)\b",
            # "instead of asking about children, ...", "rather than asking what they earn"
            rf"\b(?:instead of|rather than)\s+(?:\w+\s+){{0,1}}?{_SAYING}\b",
            # "phrases such as ' ...'", "words like ..."
            r"\b(?:phrases?|words?|wording|terms?|language|expressions?) (?:such as|like)\b",
            # An instruction that opens the sentence: "Replace ... with ...", "Swap ... for ..."
            r"^(?:[-*\u2022]\s*)?(?:[\w ]{1,20}:\s*)?(?:please\s+)?(?:replace|swap|rewrite|rephrase|reword)\b"
            r"[^.;!?]{1,80}\b(?:with|for|into|as)\b",
        ]
    ),
    re.IGNORECASE,
)


# The company's own provision, for everyone ...
_OWN = re.compile(
    r"\b(?:benefits|allowance|entitlement|at full pay|paid (?:leave|days?|time off)|"
    r"we (?:offer|provide)|(?:open|available) to (?:all|every|any)|anyone can|for (?:any|every|all|each) "
    r"(?:new )?(?:parents?|staff|employees|colleagues|starters?|applicants?|candidates?))\b",
    re.IGNORECASE,
)
# ... about no one in particular, with no preference, worry, contrast or restriction in the sentence. Not
# "policy" as a cue: a rule that shuts people out is risky however it is framed ("our dress policy bans
# head coverings").
_PERSON_OR_JUDGEMENT = re.compile(
    r"\b(?:you|your|yours|you're|youre|u|ur|she|her|hers|he|his|him|they|their|them|candidate|claimant|"
    r"applicant|cand|interviewee|prefer\w*|rather|worr\w*|concern\w*|risk\w*|problem\w*|issues?|"
    r"struggl\w*|can'?t|cannot|won'?t|unable|suit\w*|ideal|looking for|need\w*|want\w*|instead|but|"
    r"however|though|only|not|no|never|\w+n't|dont|doesnt|isnt|arent|wont|cant|ban\w*|forbid\w*|"
    r"prohibit\w*|allow\w*|must|required?)\b",
    re.IGNORECASE,
)


def _exempt(sentence: str) -> bool:
    if _CUES.search(sentence):
        return True
    return bool(_OWN.search(sentence)) and not _PERSON_OR_JUDGEMENT.search(sentence)


# Every match of _CUES or _OWN contains one of these (lower case): a few substring tests spare the two
# regular expressions on most texts, which would otherwise cost a third of an employer check.
_HINTS = (
    "never", "don", "do not", "must", "should", "avoid", "refrain", "steer", "stop", "ban", "may not",
    "instead", "rather", "phrase", "word", "term", "language", "expression", "replace", "swap", "rewrit",
    "rephras", "reword", "benefits", "allowance", "entitlement", "full pay", "paid ", "we offer",
    "we provide", "open to", "available to", "anyone can", "for any", "for every", "for all", "for each",
)  # fmt: skip
# Curly quotes straightened, as the rules read them; one character for one, so offsets hold.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"})


@lru_cache(maxsize=1024)
def exempt_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `text` that is guidance forbidding a phrase or the company's own
    provision for everyone (see the module docstring). The rules and the model both ask, so it is cached."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _HINTS):
        return ()
    blanked = blank_quotes(text.translate(_STRAIGHTEN))
    if not (_CUES.search(blanked) or _OWN.search(blanked)):
        return ()
    from nextround.semantic import split_sentences

    return tuple((s.start, s.end) for s in split_sentences(blanked) if _exempt(s.text))


def outside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """True if [start, end) touches none of `spans`."""
    return all(end <= first or start >= last for first, last in spans)
