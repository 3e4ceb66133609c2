"""Employer sentences that are not feedback about a person, so neither the rules nor the model flag them:

- guidance that names a risky phrase in order to forbid it: HR guidance, interview training, style guides
  ("Never ask a candidate what year they graduated", "Replace 'not a good fit' with the specific
  requirement");
- the company's own benefits or policy, stated for everyone and about no one ("Parental leave: 26 weeks at
  full pay for any new parent"), with no preference or worry in the sentence;
- the law or guidance stated in general terms, about no one in particular ("Turning down an applicant over
  a disability may be unlawful", "State law prohibits asking about past pay", "Lawful alternative: ...",
  "Avoid comments about accents", "Record only the adjustment asked for"), with no report of what was said
  or done to a person and no one's own decision in the sentence (round 8).

This is also why employer text in quotes is read, unlike a candidate's: a case summary or a call note
quotes the manager's own words ("the team 'already had enough women'"), and those words are the risk.
Quoted words are let through only where the sentence around them forbids them.
"""

import re
from functools import lru_cache

from nextround.checker.about import YOUR_WRITING, about_no_one
from nextround.checker.classifier import READS_QUOTES, blank_quotes
from nextround.checker.facilities import facility_in_passing, mentions_facility
from nextround.checker.law import (
    DEFINED_ACT_ANYWHERE,
    defined_act,
    law_or_red_flag,
    round_13_cue,
    round_13_guidance,
    round_14_guidance,
    round_14_hint,
)
from nextround.checker.plain import (
    ALTERNATIVE_AFTER,
    ASKED_OF_ALL,
    PAIRED,
    joined_case_names,
    minimum_age_question,
    round_15_guidance,
    round_15_hint,
    simplify,
)

__all__ = ["READS_QUOTES", "exempt_spans", "law_spans", "outside"]

_SAYING = (
    r"(?:ask|asking|say|saying|write|writing|use|using|mention|mentioning|note|noting|comment|commenting|"
    r"refer|referring|record|recording|raise|raising|put|putting|include|including)"
)
# Words that may stand between "never" and "ask" in guidance ("never directly ask", "don't ever write");
# not "want to", which is a manager's own reluctance ("I don't want to say it, but ...").
_BETWEEN = r"(?:ever|directly|openly|publicly|again|anyone|anybody|candidates?|applicants?|people|them|to)"
_WORDING = r"(?:phrases?|words?|wording|terms?|language|expressions?|questions?)"
# Each cue is read with quotations blanked, so a manager's quoted "don't say ..." is not a cue.
_CUES = re.compile(
    "|".join(
        [
            # "Never ask ...", "please don't write ...", "managers must not use ...", "avoid phrases ..."
            rf"\b(?:never|don'?t|do not|must not|mustn'?t|should not|shouldn'?t|avoid|refrain from|"
            rf"steer clear of|stop|ban|banning)\s+(?:{_BETWEEN}\s+){{0,2}}?"
            rf"(?:{_SAYING}|{_WORDING})\b(?! me\b)",
            # A notice asking the reader not to disclose something ("please do not provide any genetic
            # information", "we ask that you not include family medical history": GINA's safe harbour,
            # round 10)
            r"\b(?:please|kindly|we ask that you|you are asked to|we request that you|applicants should|"
            r"candidates should)\s+(?:do\s+)?not\s+"
            r"(?:provide|disclose|submit|supply|include|share|send|give)\b",
            # "... must never be asked", "should not be used"
            r"\b(?:must|should|may) (?:never|not) be (?:asked|said|written|used|mentioned|recorded|raised)\b",
            # "instead of asking about children, ...", "rather than asking what they earn"
            rf"\b(?:instead of|rather than)\s+(?:\w+\s+){{0,1}}?{_SAYING}\b",
            # "phrases such as ' ...'", "words like ..."
            r"\b(?:phrases?|words?|wording|terms?|language|expressions?) (?:such as|like)\b",
            # An instruction that opens the sentence: "Replace ... with ...", "Swap ... for ..."
            r"^(?:[-*\u2022]\s*)?(?:[\w ]{1,20}:\s*)?(?:please\s+)?(?:replace|swap|rewrite|rephrase|reword)\b"
            r"[^.;!?]{1,80}\b(?:with|for|into|as)\b",
            # A guide or a trainer telling the people who write feedback what to leave out (round 9): "the
            # guide reminds recruiters to leave out any remark about ...", "we tell managers never to write"
            rf"\b(?:remind|tell|train|teach|instruct|brief|coach|ask|warn)\w* (?:\w+ ){{0,2}}?"
            rf"(?:recruiters|managers|interviewers|panels?|panellists|assessors|reviewers|hiring teams?|"
            rf"line managers|staff)\b(?: (?:never|not) to (?:\w+ )?(?:{_SAYING}|{_WORDING})| to "
            rf"(?:avoid|leave out|drop|remove|skip|steer clear of|refrain from) (?:any |all |the )?"
            rf"(?:{_SAYING}|{_WORDING}|mentions?|remarks?|comments?|references?|assumptions?|jokes?|guesses|speculation)\b)",
        ]
    ),
    re.IGNORECASE,
)


# The company's own provision, for everyone ...
_OWN = re.compile(
    r"\b(?:benefits|allowance|entitlement|at full pay|paid (?:leave|days?|time off)|"
    r"we (?:offer|provide)|(?:open|available) to (?:all|every|any|everyone|everybody|anyone)|anyone can|"
    r"for (?:any|every|all|each) "
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


# "Lawful alternative: are you able to work weekends?": the suggested question may speak to "you".
_ALTERNATIVE = re.compile(
    r"^(?:[-*\u2022]\s*)?(?:a |the )?(?:lawful|legal|compliant|acceptable|permitted|allowed|neutral|safe|"
    r"safer|suggested|recommended) (?:alternatives?|questions?|wording|phrasing|versions?)\s*:",
    re.IGNORECASE,
)


# "... easily read as a preference for younger people": what a phrase signals, said of no one (round 9).
_READ_AS = re.compile(
    r"\b(?:read|seen|heard|taken|understood) as (?:an? )?(?:\w+ ){0,2}?(?:preference|bias|signal|code|proxy|"
    r"discrimination|stereotype)\b",
    re.IGNORECASE,
)


# "Recruiters may ask about expectations, but not about current pay": what the people who interview may
# and may not ask, said of no one in particular (round 11); the "but not" is the point, not a contrast.
_MAY_BUT_NOT = re.compile(
    r"\b(?:(?:an? |the )?(?:recruiters?|interviewers?|employers?|managers?|hiring managers?|"
    r"panels?|panellists|assessors|hr|staff|companies|businesses)) (?:may|can|should|are (?:allowed|free) to)"
    r" (?:ask|discuss|raise|cover|request|mention|note|record)\b[^.;]{1,90}?,? (?:but|though) "
    r"(?:not|never)\b",
    re.IGNORECASE,
)


def _normative(sentence: str) -> bool:
    if _ALTERNATIVE.search(sentence) or defined_act(sentence):
        return True
    if _MAY_BUT_NOT.search(sentence) and about_no_one(re.sub(r"\b(?:but|though)\b", " ", sentence)):
        return True
    if _READ_AS.search(sentence) and about_no_one(_READ_AS.sub(" ", sentence)):
        return True
    if round_13_guidance(sentence, lambda text: about_no_one(YOUR_WRITING.sub(" ", text))):
        return True
    return law_or_red_flag(sentence) and about_no_one(sentence)


# A phrase in quotes named in order to replace or forbid it (round 9): "Instead of '...', write ...", "a
# better note than '...'", "Avoid: '...' Ask instead: '...'", "... rather than '...'", "'...' can be read
# as ...". Read with the quotes in; the sentence must still be about no one in particular, its own frame
# words aside, so "we chose someone younger instead of 'a seasoned hand' like you" stays risky.
_QUOTE_FRAME = re.compile(
    "|".join(
        [
            r"\b(?:instead of|rather than|in place of|(?:better|safer|clearer|kinder|fairer|fuller) "
            r"(?:\w+ ){0,2}?than|replac(?:e|ing)|swap(?:ping)?)\s*['\"]",
            r"\b(?:avoid|don'?t|never|not|bad|wrong|before)\s*:\s*['\"]",
            r"['\"]\s*,?\s*(?:\w+ ){0,3}?(?:should|must|can|could|may|will|might) (?:not |never )?be "
            r"(?:avoided|read|seen|heard|taken|replaced|dropped|struck|removed|cut|reworded)\b",
            r"\b(?:ask|say|write|try|use|put|note) instead\s*:",
            # "write 'missed two deadlines', not 'scatterbrained'" (round 11)
            r"\b(?:write|say|put|note|record|use)\s*['\"][^'\"]{1,80}['\"]\s*,?\s*"
            r"(?:not|never|rather than)\s*['\"]",
            # a note that a phrase was taken out of a draft: "I swapped 'good fit' for the skills assessed"
            r"\b(?:replaced|swapped|changed|reworded|removed|deleted|cut|took out|struck out|dropped)\s*['\"]"
            r"[^'\"]{1,60}['\"]\s*(?:\w+ ){0,4}?(?:for|with|to|from)\b(?!\s*['\"])",
        ]
    ),
    re.IGNORECASE,
)
# "Instead of '...', you could ask '...'": the reader is told what to ask; that "you" is no one (round 13).
_SUGGEST = re.compile(
    r"\byou (?:could |can |might |may |should |would |could also |can also )?(?:ask|say|try|write|use|put)\b",
    re.IGNORECASE,
)
_FRAME_WORDS = re.compile(r"\b(?:instead of|rather than|in place of|\w+ instead)\b", re.IGNORECASE)


# Consistency advice: the same standard for everyone "regardless of" a characteristic (round 10). Said of
# no one in particular, with a word of sameness in the sentence.
_REGARDLESS = re.compile(
    r"\b(?:regardless of|irrespective of|whatever (?:their|a candidate's|an applicant's|someone's|"
    r"his or her))\b",
    re.IGNORECASE,
)
_SAMENESS = re.compile(
    r"\b(?:same|identical|equal|equally|consistent\w*|every|all|everyone|everybody|each)\b", re.IGNORECASE
)
# A structured interview or a scorecard that replaced "culture fit" (round 10): the company's own process,
# so "we" and "our" may stand in it, but no one else may.
_PRACTICE = re.compile(
    r"\b(?:structured (?:interview|process|questions?)|score ?cards?|rubrics?|scoring (?:guide|sheet|grid)|"
    r"job-related (?:criteria|questions|skills)|competenc(?:y|ies)|criteria)\b",
    re.IGNORECASE,
)
_SWAPPED = re.compile(
    r"\b(?:replac(?:ed|es|ing)|swapp?(?:ed|ing)|scrapp?(?:ed|ing)|dropp?(?:ed|ing)|retir(?:ed|ing)|"
    r"abolish(?:ed|ing)|did away with|got rid of|moved away from|in favou?r of|instead of|in place of|"
    r"no longer)\b",
    re.IGNORECASE,
)
_WE = re.compile(r"\b(?:we|our|ours|(?-i:us))\b", re.IGNORECASE)
# "the 'culture fit' round is gone", "the chemistry chat has been dropped": the process itself went (round 10)
_PRACTICE_GONE = re.compile(
    r"\b(?:round|chat|conversation|question|stage|score|interview|criterion|box|section|step)\s+"
    r"(?:is|was|are|were|has been|have been|had been) (?:now |since )?"
    r"(?:gone|dropped|scrapped|retired|removed|abolished|replaced|withdrawn|struck out)\b",
    re.IGNORECASE,
)


# Every match of _REGARDLESS, _SWAPPED or _PRACTICE_GONE contains one of these (lower case).
_POLICY_HINTS = (
    "regardless", "irrespective", "whatever", "replac", "swap", "scrap", "drop", "retir", "abolish",
    "did away", "got rid", "moved away", "in favo", "instead of", "in place of", "no longer", "gone",
    "removed", "withdrawn", "struck",
)  # fmt: skip


def _policy_cue(blanked: str) -> bool:
    return any(pattern.search(blanked) for pattern in (_REGARDLESS, _SWAPPED, _PRACTICE_GONE))


def _policy(blanked: str) -> bool:
    if _REGARDLESS.search(blanked) and _SAMENESS.search(blanked) and about_no_one(blanked):
        return True
    swapped = _SWAPPED.search(blanked) and _PRACTICE.search(blanked) or _PRACTICE_GONE.search(blanked)
    return bool(swapped) and about_no_one(_WE.sub(" ", blanked))


def _quoted_frame(sentence: str, blanked: str) -> bool:
    if not _QUOTE_FRAME.search(sentence):
        return False
    rest = _FRAME_WORDS.sub(" ", YOUR_WRITING.sub(" ", _SUGGEST.sub(" ", blanked)))
    if _EDITED.search(sentence):
        # The writer's own edit of a draft: "I" and "we" did the editing, nobody else may be named.
        rest = _WRITERS.sub(" ", rest)
    return about_no_one(rest)


_EDITED = re.compile(
    r"\b(?:replaced|swapped|changed|reworded|removed|deleted|cut|took out|struck out|dropped)\s*['\"]",
    re.IGNORECASE,
)
_WRITERS = re.compile(r"\b(?:i|i've|ive|i'd|we|we've|our|(?-i:us))\b", re.IGNORECASE)


# Every _MAY_BUT_NOT match has one of these (lower case).
_MAY_BUT_NOT_HINTS = ("but not", "but never", "though not", "though never")


def _round_11_cue(lowered: str, blanked: str) -> bool:
    if any(hint in lowered for hint in _MAY_BUT_NOT_HINTS) and _MAY_BUT_NOT.search(blanked):
        return True
    return mentions_facility(lowered, blanked)


def _exempt(sentence: str, blanked: str) -> bool:
    if _CUES.search(blanked) or _normative(blanked) or _quoted_frame(sentence, blanked) or _policy(blanked):
        return True
    if facility_in_passing(blanked):
        return True
    return bool(_OWN.search(blanked)) and not _PERSON_OR_JUDGEMENT.search(blanked)


# Every match of _CUES or _OWN contains one of these (lower case): a few substring tests spare the two
# regular expressions on most texts, which would otherwise cost a third of an employer check.
_HINTS = (
    "never", "don", "do not", "must", "should", "avoid", "refrain", "steer", "stop", "ban", "may not",
    "instead", "rather", "phrase", "word", "term", "language", "expression", "replace", "swap", "rewrit",
    "rephras", "reword", "benefits", "allowance", "entitlement", "full pay", "paid ", "we offer",
    "we provide", "open to", "available to", "anyone can", "for any", "for every", "for all", "for each",
    # law.py
    "lawful", "illegal", "discriminat", "against the law", "prohibit", "protected", "amount", "harass",
    "victimi", " law", " act", "statute", "legislat", "regulation", "ordinance", "code", "eeoc", "title vii",
    "adea", "ada", "state", "jurisdiction", "countries", "cities", "province", "employers", "guidance",
    "court", "tribunal", "alternative", "question", "wording", "phrasing", "version", "comment",
    "remark", "reference", "assum", "speculat", "joke", "guess", "record", "note", "ask", "write", "keep",
    "focus", "base", "limit", "stick", "document", "describe", "judge", "assess", "score",
    # round 9: _QUOTE_FRAME, _READ_AS and the guide telling recruiters
    "better", "safer", "clearer", "kinder", "fairer", "fuller", "not", "bad", "wrong", "before", "be ",
    "read as", "seen as", "heard as", "taken as", "understood as", "place of", "recruiters", "managers",
    "interviewers", "panel", "assessors", "reviewers", "hiring team", "staff",
    # round 10: red flags, a notice not to disclose, consistency advice, a practice that replaced fit
    "flag", "warning sign", "barred", "banned", "forbidden", "outlawed", "restricted", "allowed", "permitted",
    "history", "provide", "disclose", "regardless", "irrespective", "whatever", "replac", "swap", "scrap",
    "drop", "retir", "abolish", "did away", "got rid", "moved away", "in favo", "no longer", "gone",
    "scrapped", "removed", "withdrawn", "struck",
    # round 11: permitted-but-not guidance, edits of a draft, "off-limits"
    "may ", "can ", "changed", "deleted", "cut", "took out", "off-limits", "off limits", "out of bounds",
    "only when", "only if", "only where", "faith", "prayer", "quiet", "reflection", "wellbeing", "parents",
    "nursing", "lactation", "baby-changing", "leave",
    # round 13 (law.round_13_cue)
    "make it", "makes it", "made it", "making it", "proxy", "proxies", "stand-in", "standin", "shorthand",
    "cover for", "euphemism", "appear", "feature", "contain", "include", "mention", "nothing",
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
    straight = text.translate(_STRAIGHTEN)
    blanked = blank_quotes(straight)
    patterns = (_CUES, _OWN, _ALTERNATIVE, _READ_AS, DEFINED_ACT_ANYWHERE)
    if (
        not any(pattern.search(blanked) for pattern in patterns)
        and not _round_11_cue(lowered, blanked)
        and not law_or_red_flag(blanked)
        and not (any(hint in lowered for hint in _POLICY_HINTS) and _policy_cue(blanked))
        and not _QUOTE_FRAME.search(straight)
        and not round_13_cue(lowered, blanked)
    ):
        return ()
    from nextround.semantic import split_sentences

    return tuple(
        (s.start, s.end) for s in split_sentences(blanked) if _exempt(straight[s.start : s.end], s.text)
    )


def law_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `text` that states the law or guidance in one of round 14's or 15's
    shapes (`law.round_14_guidance`: a duty of employers, what candidates may volunteer, "is not a valid
    reason to reject", a rule "usually lawful"; `plain`: the frames read through inserted lists and
    asides, a statute or a case as subject, "regardless of" a list of characteristics), about no one in
    particular. Unlike `exempt_spans`, asked only of a text that got a finding: these shapes are rare, and
    their hint words are common enough that looking in every message would cost an employer check about
    4% (docs/checker.md, round 14)."""
    lowered = text.lower()
    r14 = round_14_hint(lowered)
    r15 = round_15_hint(lowered) or "(" in text or "alternative" in lowered or bool(_AGE_FIGURE.search(text))
    if not (r14 or r15):
        return ()
    from nextround.semantic import split_sentences

    straight = text.translate(_STRAIGHTEN)
    blanked = blank_quotes(straight)
    pieces = joined_case_names(split_sentences(blanked))
    spans = []
    for index, (start, end, sentence) in enumerate(pieces):
        after = pieces[index + 1][2] if index + 1 < len(pieces) else ""
        if (r14 and round_14_guidance(sentence, about_no_one)) or (
            r15 and _round_15(straight[start:end], sentence, after)
        ):
            spans.append((start, end))
            if after and (PAIRED.search(sentence) or ASKED_OF_ALL.match(after)):
                spans.append(pieces[index + 1][:2])
    return tuple(spans)


# A legal minimum age ("Are you at least 18?"), the one round-15 shape without a hint word.
_AGE_FIGURE = re.compile(r"\b(?:1[6-9]|21)\b")


def _round_15(straight: str, blanked: str, after: str) -> bool:
    if round_15_guidance(blanked, about_no_one) or minimum_age_question(blanked):
        return True
    if PAIRED.search(blanked) and (_ALTERNATIVE.search(after) or ALTERNATIVE_AFTER.search(blanked)):
        return True
    if ASKED_OF_ALL.match(after) and blanked.rstrip().endswith("?"):
        return True
    simpler = simplify(blanked)
    if simpler == blanked or not about_no_one(YOUR_WRITING.sub(" ", blanked)):
        return False
    return _exempt(simplify(straight), simpler) or round_14_guidance(simpler, about_no_one)


def outside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """True if [start, end) touches none of `spans`."""
    return all(end <= first or start >= last for first, last in spans)
