"""The law stated in general terms, or a red flag named, in an employer's text (rounds 8-12): the sentence
shapes `guidance.py` lets through when they are about no one in particular ("Turning down an applicant
over a disability may be unlawful", "State law prohibits asking about past pay", "Preferring applicants
without children is family status discrimination").
"""

import re

__all__ = ["DEFINED_ACT_ANYWHERE", "defined_act", "law_or_red_flag"]

# The law, or guidance, stated in general terms (round 8). Read only where the sentence is about no one
# in particular: see `guidance._PARTICULAR`.
_NORMATIVE = re.compile(
    "|".join(
        [
            # "... may be unlawful", "is illegal", "can amount to direct discrimination"
            r"\b(?:is|are|may be|might be|can be|could be|would be|will be|be|becomes?|remains?|counts? as|"
            r"risks? being|likely to be|potentially) (?:\w+ )?(?:unlawful|illegal|discriminatory|"
            r"against the law|prohibited|protected|a protected characteristic)\b",
            r"\b(?:amounts?|amounting) to (?:\w+ ){0,2}(?:discrimination|harassment|victimi[sz]ation)\b",
            # "... is direct sex discrimination", "may be indirect discrimination" (round 9)
            r"\b(?:is|are|may be|might be|can be|could be|would be|counts? as|treated as) (?:an? )?"
            r"(?:form of )?(?:direct|indirect|unlawful|illegal) (?:\w+ ){0,2}?"
            r"(?:discrimination|harassment|victimi[sz]ation)\b",
            # "An employer may not turn someone down because of their religion" (round 9)
            r"\b(?:may|must|should|can) ?not (?:\w+ ){1,5}?(?:because of|on (?:the )?(?:basis|grounds) of)\b",
            r"\bit is (?:\w+ )?(?:unlawful|illegal|discriminatory|against the law)\b",
            # "State law prohibits ...", "the Act protects ...", "many states ban ..."
            r"\b(?:law|laws|act|acts|statute|legislation|regulations?|ordinance|code|eeoc|title vii|adea|ada|"
            r"equality act|states?|jurisdictions?|countries|cities|provinces|employers|guidance|courts?|"
            r"tribunals?) (?:\w+ )?(?:prohibits?|forbids?|outlaws?|bans?|bars?|protects?|requires?|covers?|"
            r"treats?|lists?|generally|usually|may not|must not|cannot|can't|should not|shouldn't)\b",
            r"\b(?:under|by) (?:the |federal |state |uk |us |eu |local )?(?:\w+ )?(?:law|act|statute|"
            r"legislation|regulations?|title vii)\b",
            r"\bprotected (?:characteristics?|class(?:es)?|grounds?)\b",
            # "Avoid comments about ...", "avoid assumptions on ..."
            r"\b(?:avoid|no|never make|don'?t make|do not make) (?:\w+ )?(?:comments?|remarks?|references?|"
            r"assumptions?|speculation|jokes?|guesses|questions?) (?:about|on|regarding|around|as to|that)\b",
            # An instruction that opens the sentence: "Record only ...", "Ask only ...", "Focus on ..."
            r"^(?:[-*\u2022]\s*)?(?:[\w ]{1,20}:\s*)?(?:please\s+)?(?:record|note|ask|write|keep|focus|base|"
            r"limit|stick|document|describe|judge|assess|score)\b(?: \w+)? (?:only|solely|just|on|to)\b",
        ]
    ),
    re.IGNORECASE,
)
# Round 10's ways of stating the law or naming a red flag. Searched only when one of _NORMATIVE_10_HINTS
# is in the text: inside _NORMATIVE they cost every employer check a tenth more.
_NORMATIVE_10 = re.compile(
    "|".join(
        [
            # "Employers are barred from asking ...", "such questions are banned in many states" (round 10)
            r"\b(?:is|are|be|been|were|was) (?:now |generally |largely |often )?(?:barred|banned|prohibited|"
            r"forbidden|outlawed|restricted|not allowed|not permitted) (?:from|in|under|by)\b",
            r"\b(?:employers|companies|businesses|organi[sz]ations|recruiters|interviewers) (?:in|across) "
            r"[\w ]{1,30}? (?:can'?t|cannot|may not|must not|are not allowed to|aren'?t allowed to)\b",
            r"\b(?:salary|pay|wage|compensation) history (?:bans?|laws?|rules?|restrictions?|legislation)\b",
            # Red flags named in order to avoid them (round 10): "red flags to avoid in feedback: ...",
            # "mentioning someone's family situation in feedback is a red flag"
            r"\b(?:red flags?|warning signs?) "
            r"(?:to avoid|to watch for|to look out for|such as|like|include)\b",
            r"\b(?:avoid|watch (?:out )?for|look out for|spot) (?:these |the |any |common |obvious )?"
            r"(?:red flags?|warning signs?)\b",
            r"\b(?:is|are|as) (?:an? |another )?(?:obvious |clear |big )?(?:red flags?|warning signs?) "
            r"(?:in|for) (?:any |a |an |your )?(?:feedback|notes?|letters?|rejections?|"
            r"rejection (?:letters?|notes?|emails?)|emails?|reports?|write-?ups?|scorecards?)\b",
            r"^(?:[-*\u2022]\s*)?"
            r"(?:mentioning|referring to|naming|citing|commenting on|asking about|noting)\b"
            r"[^.;]{1,80}\b(?:is|are) (?:an? )?(?:red flags?|warning signs?)\b",
            # Round 11: "mention attitude only when a behaviour backs it up", "... off-limits; describe the
            # schedule instead"
            r"\bonly (?:when|if|where) (?:\w+ ){0,5}?(?:backed|backs?|supported|supports?|evidenced|tied|"
            r"linked|grounded|based)\b",
            r"\b(?:off-limits|off limits|out of bounds)\b",
        ]
    ),
    re.IGNORECASE,
)
_NORMATIVE_10_HINTS = (
    "barred", "banned", "prohibited", "forbidden", "outlawed", "restricted", "not allowed", "not permitted",
    "can't", "cant", "cannot", "may not", "must not", "allowed to", "history", "red flag", "warning sign",
    "only when", "only if", "only where", "off-limits", "off limits", "out of bounds",
)  # fmt: skip


def law_or_red_flag(sentence: str) -> bool:
    if _NORMATIVE.search(sentence):
        return True
    lowered = sentence.lower()
    return any(hint in lowered for hint in _NORMATIVE_10_HINTS) and bool(_NORMATIVE_10.search(sentence))


# "Preferring applicants without children is family status discrimination": an act named by a gerund and
# called discrimination or unlawful is the law defined, of anyone (law articles in blind7-10). Denied ("is
# not ...") it matches nothing; owned or addressed ("we", "you") or reported ("said") it stays risky.
_DEFINED_ACT_TEXT = (
    r"(?:preferring|rejecting|refusing|asking|commenting|treating|turning|excluding|"
    r"dismissing|hiring|choosing|selecting|using|basing|requiring|questioning|telling|paying|setting|"
    r"screening|declining|passing|overlooking|favou?ring|offering|denying|withdrawing|rescinding|"
    r"advertising|specifying|insisting|making|judging|scoring|ranking)\b"
    r"[^.;]{3,160}?\b(?:is|are|can be|may be|could be|might be|would be|will be|counts? as|amounts? to|"
    r"constitutes?)\s+(?!not\b|never\b|no\b|hardly\b|rarely\b)(?:often |usually |generally |likely |"
    r"potentially |still |also |itself )?(?:(?:treated as |seen as |regarded as )?(?:evidence of |a form of |"
    r"an example of |a kind of )?(?:\w+ ){0,3}?(?:discrimination|harassment)|unlawful|illegal|"
    r"discriminatory|against the law|prohibited)\b"
)
_DEFINED_ACT = re.compile(r"^(?:[-*\u2022]\s*)?" + _DEFINED_ACT_TEXT, re.IGNORECASE)
# The same anywhere in a message: exempt_spans' first look, before it splits sentences.
DEFINED_ACT_ANYWHERE = re.compile(r"\b" + _DEFINED_ACT_TEXT, re.IGNORECASE)
_OWNED_OR_REPORTED = re.compile(
    r"\b(?:you|your|you're|youre|u|ur|i|i'm|im|me|my|we|we're|our|(?-i:us)|mr|mrs|ms|dr|said|says|told|"
    r"found|held|ruled|decided|claimant|respondent)\b",
    re.IGNORECASE,
)


def defined_act(sentence: str) -> bool:
    return bool(_DEFINED_ACT.search(sentence)) and not _OWNED_OR_REPORTED.search(sentence)


# Round 13: guidance shapes blind10's writer used (described by family; our own wording). Each is read
# only when one of its hint words is in the text, and only where the sentence is about no one in
# particular once the frame's own "you" is set aside (see `guidance._normative`).
# "Many countries now make it unlawful to ask ...": the law, with "now".
_MAKES_IT = re.compile(
    r"\b(?:make|makes|made|making) it (?:\w+ )?(?:unlawful|illegal|an offen[cs]e|a crime|prohibited)\b",
    re.IGNORECASE,
)
# "Culture fit is often a proxy for similarity; define ...": what a vague word stands in for.
_PROXY = re.compile(
    r"\b(?:(?:often|frequently|easily|usually|commonly|too often|can) )?(?:is|are|becomes?|become|be|"
    r"tends? to be|works? as|acts? as|serves? as|functions? as)\s+(?:often |frequently |easily |usually |"
    r"commonly |really |just |simply |too often |little more than |no more than )?(?:an? |the )?(?:\w+ )?"
    r"(?:proxy|proxies|stand-?ins?|shorthand|code|cover|euphemisms?) for (?:\w+ )?(?:similarity|sameness|"
    r"bias|biases|prejudice|discrimination|class|background|privilege|familiarity|likeness|conformity|"
    r"homogeneity|(?:hiring |picking |choosing )?(?:people|someone|those|candidates) like|age|race|gender|"
    r"sex|ethnicity|nationality|religion|disability|(?:protected|personal) characteristics?)\b",
    re.IGNORECASE,
)
# ... where the instruction that follows may speak to the reader ("define the behaviours you need").
_INSTRUCTION = re.compile(
    r"[;:,.]\s*(?:so |and |instead,? |then )?(?:define|spell out|describe|name|list|write down|set out|"
    r"agree|say|state|decide|score|assess)\b.*$",
    re.IGNORECASE,
)
# "The check must be carried out on all candidates, not only those who ...": the same check for everyone.
_NOT_ONLY_THOSE = re.compile(
    r"\b(?:all|every|each|everyone|everybody|any)\b[^.;]{0,40}?,?\s*(?:and )?not (?:only|just|merely|simply) "
    r"(?:on |for |to |with )?(?:those|the ones|people|candidates|applicants|anyone|someone|whoever|ones)\b",
    re.IGNORECASE,
)
_OBLIGATION = re.compile(
    r"\b(?:carr(?:y|ies|ied) out|appl(?:y|ies|ied)|checks?|checked|checking|verif(?:y|ied|ies)|ask(?:ed)?|"
    r"done|run)\b",
    re.IGNORECASE,
)
# "you think", "you suspect": the reader's guess the guidance warns against, not a person in particular.
_READERS_GUESS = re.compile(r"\byou (?:think|suspect|assume|believe|guess|feel|imagine)\b", re.IGNORECASE)
# A training or scoring note that names what must not appear: "notes must contain no reference to ...",
# "nothing about age should appear in feedback", "age and accent must never appear on the sheet".
_MUST_NOT_APPEAR = re.compile(
    "|".join(
        [
            r"\b(?:must|should|may|can|will|to) (?:contain|include|mention|carry|hold|show|say|record) "
            r"(?:no|nothing)\b",
            r"\b(?:contains?|includes?|mentions?) (?:no|nothing) (?:\w+ )?(?:about|on|of|regarding|"
            r"reference|references|mention|comment|remark)\b",
            r"\b(?:must|should|may|can|is to|are to|will)(?: never| not|n'?t)(?: ever)? "
            r"(?:appear|feature|be (?:written|recorded|included|mentioned|noted|scored|named))\b",
            r"\bnothing (?:about|on|regarding|concerning)\b[^.;]{1,100}?\b(?:should|must|may|can|is to|will) "
            r"(?:ever )?(?:appear|feature|be (?:written|recorded|included|mentioned|noted))\b",
        ]
    ),
    re.IGNORECASE,
)
# Every match of the four patterns above contains one of these (lower case). One regular expression is
# cheaper here than two dozen substring tests (about 2.5 against 4 microseconds on the bench corpus).
_HINTS_13 = re.compile(
    r"prox|stand-?in|shorthand|code for|cover for|euphemism|ma(?:ke|kes|de|king) it|"
    r"not (?:only|just|merely|simply)|appear|feature|contain|include|mention|nothing|"
    r"be (?:written|recorded|noted|scored|named)"
)


def round_13_hint(lowered: str) -> bool:
    return bool(_HINTS_13.search(lowered))


def round_13_guidance(sentence: str, anyone) -> bool:
    """Whether `sentence` is one of round 13's guidance shapes; `anyone(text)` says whether a text is about
    no one in particular."""
    if not round_13_hint(sentence.lower()):
        return False
    if _MAKES_IT.search(sentence) or _MUST_NOT_APPEAR.search(sentence):
        return anyone(sentence)
    if _PROXY.search(sentence):
        return anyone(_INSTRUCTION.sub("", sentence, count=1))
    if _NOT_ONLY_THOSE.search(sentence) and _OBLIGATION.search(sentence):
        return anyone(_READERS_GUESS.sub(" ", sentence))
    return False


def round_13_cue(lowered: str, blanked: str) -> bool:
    """exempt_spans' first look: whether any round-13 shape is anywhere in the text."""
    if not round_13_hint(lowered):
        return False
    patterns = (_MAKES_IT, _MUST_NOT_APPEAR, _PROXY, _NOT_ONLY_THOSE)
    return any(pattern.search(blanked) for pattern in patterns)
