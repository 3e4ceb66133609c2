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


# Round 14: the law and guidance shapes blind11's writer used (described by family; our own wording), read
# like round 13's: behind one hint regular expression, and only about no one in particular.
# A duty stated of employers generically: "employers must make reasonable adjustments ...", "religious
# accommodation should be considered on request", "unless it would cause undue hardship". Not when denied.
_NOT = r"(?!not\b|never\b|no\b|rarely\b|seldom\b|hardly\b)"
_DUTY = re.compile(
    "|".join(
        [
            r"\b(?:employers?|organi[sz]ations?|companies|businesses|recruiters|interviewers|"
            r"hiring managers?|hr|firms)\s+(?:[\w,]+\s+){0,4}?(?:must|should|shall|need to|have to|has to|"
            r"ought to|"
            r"(?:are|is) (?:required|obliged|expected|bound) to|ha(?:ve|s) an? (?:legal |positive |"
            r"statutory )?duty to)\s+" + _NOT + r"(?:\w+\s+){0,2}?(?:make|provide|offer|consider|arrange|"
            r"accommodate|allow|agree to|put in place|grant|engage|discuss|explore|assess|look at)\b",
            r"\b(?:accommodations?|adjustments?)\b[^.;]{0,80}?\b(?:is|are|must be|should be|has to be|"
            r"have to be|needs? to be|will be)\s+"
            + _NOT
            + r"(?:(?!too\b|not\b|never\b)\w+\s+){0,2}?(?:to\s+)?"
            r"(?:required|considered|offered|provided|made|granted|available|arranged|expected|arrange|make|"
            r"provide|offer)\b",
            r"\bduty to (?:accommodate|make (?:reasonable )?adjustments|"
            r"consider (?:reasonable )?adjustments)\b",
            r"\b(?:undue|unjustifiable) hardship\b",
            # "religious holidays may be accommodated where ...", not "can't be"
            r"\b(?:may|can|should|must|will|are to|is to)\s+be\s+(?:reasonably\s+)?accommodated\b",
        ]
    ),
    re.IGNORECASE,
)
_DUTY_OBJECT = re.compile(
    r"\b(?:reasonabl[ey]|adjustments?|accommodat\w*|undue hardship|on request|(?:if|when|where) "
    r"(?:asked|requested))\b",
    re.IGNORECASE,
)
# The law letting candidates volunteer what an employer may not ask: "applicants may choose to disclose
# a disability", "a candidate who voluntarily shares their pay". Said in the present, with no figure: "cand
# volunteered 62k" is a note about someone.
_VOLUNTEER = re.compile(
    r"\b(?:volunteer|volunteers|volunteering|voluntarily|of (?:their|his or her|her or his) own (?:accord|"
    r"volition|free will)|unprompted|without being (?:asked|prompted))\b|"
    r"\b(?:candidates?|applicants?|job ?seekers|people|employees|workers)\s+(?:\w+\s+){0,2}?(?:may|can|"
    r"(?:are|is) (?:free|allowed|entitled|permitted|welcome) to|(?:choose|chooses|decide|decides|opt|"
    r"opts) to)\s+(?:\w+\s+)?(?:disclose|share|mention|tell|offer|provide|raise)\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\d|\b(?:volunteered|disclosed|shared|mentioned|offered|provided|raised)\b", re.IGNORECASE
)
# Training that a trait or a vague word "is not a valid reason to reject", or "is irrelevant to the hiring
# decision". Not "not the only reason", which makes it one.
_NOT_A_REASON = re.compile(
    "|".join(
        [
            r"\b(?:(?:is|are|was|were)\s+(?:not|never)|isn'?t|aren'?t|(?:should|must|can|may|will|would)\s+"
            r"(?:not|never)\s+be|(?:shouldn|mustn|can|won|wouldn)'?t\s+be|cannot\s+be|(?:is|are)\s+no)\s*,?\s*"
            r"(?:(?:on its own|by itself|in itself|alone|in isolation|of itself),?\s*)?"
            r"(?:an?\s+|the\s+|any\s+)?"
            r"(?!only\b|main\b|sole\b|just\b|real\b|whole\b|biggest\b|primary\b|key\b)(?:\w+\s+)?"
            r"(?:reason|grounds?|basis|justification|excuse)\s+(?:to|for)\s+(?:\w+\s+){0,2}?(?:reject\w*|"
            r"turn\w*|declin\w*|refus\w*|exclud\w*|not\s+(?:hir|shortlist|progress|interview|offer)\w*|"
            r"pass\w*\s+over|screen\w*|rul\w*\s+out|dismiss\w*|(?:a\s+)?rejection)\b",
            r"\b(?:is|are)\s+(?:\w+\s+)?(?:irrelevant|not relevant)\s+(?:to|in)\s+(?:the\s+|a\s+|any\s+)?"
            r"(?:hiring|recruitment|selection|shortlisting|interview\w*)\b",
            # "... should never be a factor in the decision", "should have no bearing on", "play no part in"
            r"\b(?:(?:should|must|can|may|will)\s+(?:never|not)\s+be|(?:is|are)\s+(?:never|not))\s+a\s+factor\s+in\b",
            r"\b(?:should|must|will|may|can)\s+(?:have|play)\s+no\s+(?:bearing|part|role)\s+(?:on|in)\b",
        ]
    ),
    re.IGNORECASE,
)
# A neutral rule "generally lawful", "usually fine if applied to everyone"; a job advert or a set of
# questions told what not to hold ("job ads should not specify ...", "questions about ... should be limited
# to ...").
_USUALLY_LAWFUL = re.compile(
    r"\b(?:is|are)\s+(?:generally|usually|normally|typically|ordinarily|often|mostly|broadly)\s+(?:lawful|"
    r"legal|fine|permitted|permissible|allowed|acceptable|ok|okay)\b",
    re.IGNORECASE,
)
_KEEP_TO = re.compile(
    r"\b(?:(?:job )?(?:ads|adverts|advertisements|postings|listings|job descriptions|application forms)\s+"
    r"(?:should|must)(?: not|n'?t| never)\s+(?:specify|state|set|list|include|ask|require|mention)\b|"
    r"(?:questions?|enquir(?:y|ies)|inquir(?:y|ies))\s+(?:about|on|regarding)\s+[^.;]{1,60}?\b(?:should|"
    r"must)\s+(?:be\s+)?(?:limited|restricted|confined|kept)\s+to)\b",
    re.IGNORECASE,
)
# A duty of confidentiality ("the employer must keep any disability information confidential"), a scheme
# that guarantees an interview, training not to assume ("interviewers should not assume that ...").
_KEEP_PRIVATE = re.compile(
    r"\b(?:must|should|shall|has to|have to|(?:are|is) required to)\s+(?:keep|treat|hold|store)\s+"
    r"(?:\w+\s+){0,4}?(?:confidential|confidentially|private|securely|separately)\b|"
    r"\bguarantee[sd]?\s+(?:an?\s+)?interview\b|\binterview guarantee\b|"
    r"\b(?:should|must)\s+(?:not|never)\s+(?:assume|presume|speculate)\b|\bshouldn'?t\s+(?:assume|presume)\b",
    re.IGNORECASE,
)
# "The Fair Work Ombudsman says employers can't ...": a public body stating the law is not a report about
# anyone; what it says is read as the law.
_BODY_SAYS = re.compile(
    r"^(?:[\w' ]{0,40}?\b(?:ombudsman|eeoc|acas|commission|regulator|guidance|website|agency|government|"
    r"department|law|act|code)\s+(?:says|states|advises|explains|notes|makes clear)\s+(?:that\s+)?)",
    re.IGNORECASE,
)
_CANT_BECAUSE = re.compile(
    r"\b(?:employers?|companies|businesses|organi[sz]ations)\s+(?:can'?t|cannot|may not|must not|mustn'?t)\s+"
    r"(?:\w+\s+){1,5}?(?:because of|on (?:the )?(?:basis|grounds) of)\b",
    re.IGNORECASE,
)
# What such a sentence may add of its own: why a practice harms ("as this can exclude older workers"), a
# contrast ("but employers may not ask"), an instruction to the reader ("but allow for ... where you can").
_HARM = re.compile(
    r"\b(?:as|because|since)\s+(?:this|that|it|such \w+)\s+(?:can|may|could|might|would|will|tends? to)\s+"
    r"(?:\w+\s+)?(?:exclude|discourage|deter|disadvantage|put off|shut out)\b.*$",
    re.IGNORECASE,
)
_BUT_ALLOW = re.compile(
    r",?\s*but\s+(?:do\s+)?(?:allow|make|consider|check|remember|ensure|be ready|think about|offer)\b.*$",
    re.IGNORECASE,
)
# "any applicant who tells them about ...": anyone the law speaks of, not a report.
_WHO_TELLS = re.compile(
    r"\b((?:any|an?|every)\s+(?:\w+\s+)?(?:applicant|candidate|person|employee|worker|job ?seeker)\s+who)\s+"
    r"(?:tells|says)\b",
    re.IGNORECASE,
)
_BUT = re.compile(r"\b(?:but|though|however)\b", re.IGNORECASE)
# Every match of the round-14 patterns has one of these at the start of a word (lower case): a key word of
# each shape, or for what candidates may volunteer, its subject. Grouped by first letter, which the regular
# expression engine tries faster than a flat list.
_HINTS_14 = re.compile(
    r"\b(?:a(?:ccommodat|djust|sked|dvert|ds\b)|b(?:asis|roadly)|c(?:onfined|andidates?\s)|"
    r"d(?:isclos|escription)|e(?:xcuse|mployees)|f(?:orms|actor)|g(?:round|enerally|uarantee)|hardship|"
    r"bearing|no (?:part|role)|confidential|private|securely|separately|assum|presum|speculat|says|states|"
    r"advises|explains|notes|makes clear|"
    r"irrelevant|justification|kept|l(?:imited|isting)|mostly|normally|"
    r"o(?:ften|wn (?:accord|volition|free will)|rdinarily)|"
    r"p(?:osting|eople)|r(?:eason|equest|elevant|estricted)|shar|typically|u(?:sually|nprompted)|volunt|"
    r"w(?:ithout being|orkers)|applicants?\s|job ?seekers)"
)


def round_14_hint(lowered: str) -> bool:
    return bool(_HINTS_14.search(lowered))


def round_14_guidance(sentence: str, anyone) -> bool:
    """Whether `sentence` is one of round 14's law or guidance shapes, about no one in particular
    (`anyone(text)`)."""
    if not round_14_hint(sentence.lower()):
        return False
    text = _WHO_TELLS.sub(r"\1", _HARM.sub("", sentence, count=1))
    if _DUTY.search(text) and _DUTY_OBJECT.search(text):
        return anyone(text)
    if _VOLUNTEER.search(text) and not _REPORTED.search(text):
        return anyone(_BUT.sub(" ", text))
    if _NOT_A_REASON.search(text) or _KEEP_TO.search(text):
        return anyone(text)
    if _USUALLY_LAWFUL.search(text):
        return anyone(_BUT_ALLOW.sub("", text, count=1))
    if _KEEP_PRIVATE.search(text):
        return anyone(text)
    said = _BODY_SAYS.sub("", text, count=1)
    return said != text and bool(_CANT_BECAUSE.search(said)) and anyone(said)
