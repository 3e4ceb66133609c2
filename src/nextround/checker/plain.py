"""Round 15: the law and guidance read through the lists and asides inserted in them (`guidance.law_spans`).

A known frame ("Many states prohibit employers from asking about pay history") must survive an inserted
list (", including California, New York and Massachusetts,"), an aside in brackets or an "e.g." list; so
the frames are also tried on the sentence with those removed (`simplify`). The sentence as written must
still be about no one in particular: what the aside says counts (see `about.about_no_one`), so "Many states
(we checked) ban it, but ..." stays what it was. Also a few shapes of the law stated with a statute, a
case or a list of characteristics as its subject (`round_15_guidance`).
"""

import re

from nextround.checker.law import law_or_red_flag

__all__ = [
    "ALTERNATIVE_AFTER",
    "ASKED_OF_ALL",
    "PAIRED",
    "joined_case_names",
    "minimum_age_question",
    "round_15_guidance",
    "round_15_hint",
    "simplify",
]

_ITEM = r"(?:[\w'&/.-]+\s+){0,4}[\w'&/.-]+"
_LIST_START = (
    r"\s*,\s*(?:including|such as|e\.\s?g\.,?|eg|for example|for instance|like|notably|especially|"
    r"in particular|among them|as amended by|as interpreted by|as read with|as set out in)\s+"
    + _ITEM
    + r"(?:\s*,\s*(?:and\s+|or\s+)?"
    + _ITEM
    + r")*"
)
# A list closed by a comma is an aside ("states, such as A and B, protect ..."); one that runs to the end of
# the sentence is cut only when no closed list is found, so the verb after a closed list is never eaten.
_LIST = re.compile(_LIST_START + r"\s*,", re.IGNORECASE)
_LIST_AT_END = re.compile(_LIST_START + r"(?=\s*[;:.!?]?\s*$)", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^()]{1,160}\)")
_SPACES = re.compile(r"\s{2,}")


def simplify(sentence: str) -> str:
    """`sentence` with bracketed asides and example lists (", including A, B and C,") taken out."""
    text = _PAREN.sub("", sentence)
    cut = _LIST.sub(" ", text)
    if cut == text:
        cut = _LIST_AT_END.sub("", text)
    return _SPACES.sub(" ", cut).strip()


# A statute, an agency or a case as the subject of the law: "GINA prohibits ...", "USERRA protects ...",
# "Under Bostock v. Clayton County, ...".
_STATUTE = (
    r"(?:gina|userra|the ada|ada|adea|the adea|title vii|title i|the pda|pda|fmla|the fmla|the eeoc|eeoc|"
    r"the (?:equality|employment equality|human rights|civil rights|rehabilitation|age discrimination in "
    r"employment|pregnancy discrimination|americans with disabilities|equal pay|genetic information "
    r"nondiscrimination) act(?: \d{4})?|(?:the )?(?:\w+ )?human rights (?:code|act)|the charter|"
    r"(?:the )?(?:\w+ )?(?:fair employment|equal opportunit(?:y|ies)) (?:act|law|code))"
)
_STATUTE_SAYS = re.compile(
    r"\b" + _STATUTE + r"\s+(?:also\s+|generally\s+|expressly\s+|specifically\s+)?(?:prohibits?|protects?|"
    r"bars?|forbids?|outlaws?|bans?|makes? it (?:\w+ )?(?:unlawful|illegal)|covers?|lists?)\b",
    re.IGNORECASE,
)
_UNDER_CASE = re.compile(
    r"^(?i:under|in|following|since|after)\s+(?i:the\s+)?[A-Z][\w'-]+(?:\s+v\.?\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)?"
    r"(?:\s+(?:ruling|decision|judgment|judgement|case))?\s*,"
)
# "... is a form of sex discrimination", "counts as a kind of religious discrimination".
_FORM_OF = re.compile(
    r"\b(?:is|are|counts? as|amounts? to|constitutes?)\s+(?:also\s+)?(?:a|an)\s+(?:form|kind|type)\s+of\s+"
    r"(?:\w+\s+){0,2}?(?:discrimination|harassment)\b",
    re.IGNORECASE,
)
# "regardless of age, race, religion or disability": consistency over a list of two or more characteristics.
_TRAIT = (
    r"(?:age|race|colou?r|sex|gender(?: identity| reassignment)?|religion(?: or belief)?|belief|disability|"
    r"pregnancy(?: and maternity)?|maternity|marital status|marriage(?: and civil partnership)?|"
    r"family (?:status|responsibilities)|national origin|nationality|ethnicity|ethnic origin|"
    r"sexual orientation|citizenship|veteran status|military service|genetic information|caste|creed)"
)
_REGARDLESS_LIST = re.compile(
    r"\b(?:regardless|irrespective) of (?:their |an applicant's |a candidate's |someone's )?"
    + _TRAIT
    + r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    + _TRAIT,
    re.IGNORECASE,
)
# "because of a protected characteristic, which includes age, disability, ...": the law's list.
_PROTECTED_LIST = re.compile(
    r"\bprotected (?:characteristics?|class(?:es)?|grounds?|attributes?)\b", re.IGNORECASE
)
# Guidance speaking to its reader: "You must not discriminate against ...", "you should never treat ...".
_READER_DUTY = re.compile(
    r"(?:\byou (?:must|should|may|cannot|can't)(?: not| never|n't)?|^(?:please )?(?:do not|don'?t|never))\s+"
    r"(?:discriminate|treat (?:\w+ ){0,3}?"
    r"(?:less favourably|less favorably|differently|unfairly))\b",
    re.IGNORECASE,
)
# "Culture fit is not a legitimate reason by itself", "... not a lawful reason on its own".
_NOT_LEGITIMATE = re.compile(
    r"\b(?:is|are)\s+(?:not|never)\s+(?:an?\s+)?(?:legitimate|lawful|legal|valid|acceptable|sufficient|"
    r"proper|good|fair)\s+(?:reason|ground|grounds|basis|justification)\b(?!\s+(?:to|for)\s+(?:\w+\s+)?"
    r"(?:hire|hiring|keep|promot))",
    re.IGNORECASE,
)
# "Avoid vague comments such as '...'": a kind of remark named to forbid it.
_AVOID_SUCH_AS = re.compile(
    r"\b(?:avoid|don'?t use|do not use|never use|steer clear of|cut|drop)\s+(?:\w+\s+){0,2}?(?:comments?|"
    r"remarks?|phrases?|labels?|language|wording|terms?|words?|descriptions?|feedback|shorthand)\s+"
    r"(?:such as|like)\b",
    re.IGNORECASE,
)
# "... are only allowed for specific reasons": what the law permits, and when.
_ONLY_ALLOWED = re.compile(
    r"\b(?:is|are)\s+only\s+(?:allowed|permitted|lawful|legal|allowable|justified)\s+(?:for|in|when|where|"
    r"if|to)\b",
    re.IGNORECASE,
)
# What the reader is told to do instead, after ";" or ":" ("; say which requirement was not met").
_INSTEAD = re.compile(
    r"[;:]\s*(?:instead,?\s+)?(?:say|state|name|describe|explain|write|document|record|give|list|note|cite|"
    r"focus|point to|refer to)\b.*$",
    re.IGNORECASE,
)
_BECAUSE_OF = re.compile(r"\b(?:because of|on (?:the )?(?:basis|grounds) of|based on)\b", re.IGNORECASE)
_CASE_HOLDS = re.compile(
    r"\b(?:is|are)\b[^.;]{0,40}\b(?:discrimination|unlawful|illegal|protected)\b", re.IGNORECASE
)
_CANT = re.compile(r"\bcant\b", re.IGNORECASE)
_HINT = re.compile(
    r"gina|userra|discriminat|less favou?rabl|\bada\b|adea|title vii|\bpda\b|fmla|eeoc|\bact\b|"
    r"human rights|charter|fair employment|equal opportunit|\bv\.|form of|kind of|type of|regardless|"
    r"irrespective|protected|not an? |"
    r"such as|\blike\b|including|e\.\s?g|for example|for instance|notably|especially|in particular|"
    r"among them|"
    r"only allowed|only permitted|only lawful|only legal|only justified|\bunder\b"
)


def round_15_hint(lowered: str) -> bool:
    return bool(_HINT.search(lowered))


def round_15_guidance(sentence: str, anyone) -> bool:
    """Whether `sentence` states the law or guidance in one of round 15's shapes, about no one in particular
    (`anyone(text)`)."""
    if not round_15_hint(sentence.lower()):
        return False
    text = _INSTEAD.sub("", sentence, count=1)
    if _READER_DUTY.search(text):
        text = _READER_DUTY.sub(" discriminate", text)
        if _BECAUSE_OF.search(text):
            return anyone(text)
    case = _UNDER_CASE.search(text)
    if case:
        text = text[case.end() :]
    shapes = (_STATUTE_SAYS, _FORM_OF, _REGARDLESS_LIST, _PROTECTED_LIST, _NOT_LEGITIMATE, _AVOID_SUCH_AS)
    if case and (_CASE_HOLDS.search(text) or law_or_red_flag(_CANT.sub("can't", text))):
        return anyone(text)
    if any(shape.search(text) for shape in shapes) or _ONLY_ALLOWED.search(simplify(text)):
        return anyone(text)
    return False


# "Are you at least 18?", "Applicants must be 18 or over": a legal minimum age, asked of everyone.
_MINIMUM_AGE = re.compile(
    r"^(?:are you|can you confirm (?:that )?you(?:'re| are)|please confirm (?:that )?you(?:'re| are)|"
    r"you must be|applicants must be|candidates must be|all applicants must be|staff must be)\s+"
    r"(?:at least |over |aged |aged at least |)(?:1[6-9]|21)"
    r"(?:\s*\+|\s+years?(?: of age| old)?|\s+or (?:over|older|above))*\s*[?.!]?$",
    re.IGNORECASE,
)


def minimum_age_question(sentence: str) -> bool:
    return bool(_MINIMUM_AGE.match(sentence.strip()))


# A case name cut at "v." ("Under Bostock v. Clayton County, ...") is one sentence.
_CASE_CUT = re.compile(r"\bv\.$")
# "Illegal: '...' Lawful alternative: '...'": the pair is guidance; "Illegal: '...'" alone is not read so.
PAIRED = re.compile(
    r"^(?:[-*\u2022]\s*)?(?:illegal|unlawful|not allowed|prohibited|avoid|don'?t ask|never ask|"
    r"wrong|bad)\s*:",
    re.IGNORECASE,
)
ALTERNATIVE_AFTER = re.compile(
    r"\b(?:lawful|legal|compliant|acceptable|permitted|neutral|safe|safer|suggested|recommended) "
    r"(?:alternatives?|questions?|wording|phrasing|versions?)\s*:",
    re.IGNORECASE,
)
# "Are you legally entitled to work here? (asked of every applicant)"
ASKED_OF_ALL = re.compile(
    r"^\(\s*(?:asked|put|checked) (?:of|to|with) (?:every|all|each) (?:applicants?|candidates?)\b[^()]*\)$",
    re.IGNORECASE,
)


def joined_case_names(sentences) -> list[tuple[int, int, str]]:
    pieces: list[tuple[int, int, str]] = []
    for s in sentences:
        if pieces and _CASE_CUT.search(pieces[-1][2]):
            start, _, before = pieces[-1]
            pieces[-1] = (start, s.end, before + " " + s.text)
        else:
            pieces.append((s.start, s.end, s.text))
    return pieces
