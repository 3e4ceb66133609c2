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
