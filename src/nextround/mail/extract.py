"""The company and the role a message is about, and any real feedback in it (plain Python, no Django).

Letters name the company in a handful of places: the subject ("Your application to Acme"), the display
name ("Acme Hiring Team <no-reply@greenhouse.io>"), the address (a company's own domain, or the slug a
system puts there) and the body ("Thank you for your interest in Acme", "The Acme Talent Team"). Each
place is tried in order of how rarely it lies.
"""

import re

from nextround.mail.senders import Sender, domain_stem, words

NAME = r"[A-Z0-9][\w&'’.\-]*(?:[ ](?:&[ ])?(?:[A-Z0-9][\w&'’.\-]*|of|and|de|la|du|von|für|for))*"
ROLE_WORDS = (
    r"(?:[A-Z][\w/&+#.\-]*|\(?[IVX]+\)?|II|III|of|and|for|in|&|-|–|/|\d+)"  # Title-Case words of a job title
)
ROLE = rf"{ROLE_WORDS}(?:[ ]{ROLE_WORDS}){{0,9}}"

TEAM_WORDS = re.compile(
    r"\s*(?:[-–|,:]\s*)?\b(?:Hiring|Recruiting|Recruitment|Talent(?: Acquisition)?|People|Careers?|Jobs|HR|"
    r"Human Resources|Team|Notifications?|via \w+|no-?reply|Applicant Tracking|Candidate Experience)\b.*$",
    re.I,
)
NOT_A_COMPANY = words(
    "you your we us our the a an this that it hi hello dear thanks thank application applications "
    "interview update unfortunately congratulations re fwd fw next regarding important information "
    "job jobs new alert position role candidate linkedin indeed glassdoor greenhouse lever ashby "
    "workday icims teamtailor smartrecruiters status notification reminder action required"
)

SUBJECT_COMPANY = [
    re.compile(p, re.I)
    for p in (
        rf"\b(?:application|applying|candidacy|interest)\s+(?:to|at|with)\s+(?P<company>{NAME})",
        rf"\b(?:interview|call|chat|conversation|next steps?|offer|assessment|update)\s+(?:with|from|at)\s+"
        rf"(?P<company>{NAME})",
        rf"\bat\s+(?P<company>{NAME})\s*(?:$|[-–|:(!.,])",
        rf"^(?P<company>{NAME})\s*(?:[-–|:])\s",
        rf"\bfrom\s+(?P<company>{NAME})\s*$",
    )
]
BODY_COMPANY = [
    re.compile(p)
    for p in (
        rf"\b(?:interest in|applying (?:to|at|with)|applied (?:to|at|with)|application (?:to|at|with)|"
        rf"career opportunities at|careers at|role at|position at|opportunity at|opening at|team at|"
        rf"joining|join|working at|work at|chosen|considering|on behalf of)\s+(?:the\s+)?(?P<company>{NAME})",
        rf"^(?:[-–]\s*)?(?:The\s+)?(?P<company>{NAME})\s+(?:Hiring|Recruiting|Recruitment|Talent|People|"
        rf"Careers|HR)\b",
        rf"\b(?:everyone|all of us|we) (?:here )?at\s+(?P<company>{NAME})",
    )
]
SUBJECT_ROLE = [
    re.compile(p)
    for p in (
        rf"\b(?:for|to)(?: the)?\s+(?P<role>{ROLE})\s+(?:role|position|opening|vacancy|job)\b",
        rf"\b(?:for|to)(?: the)?\s+(?:role|position) of\s+(?P<role>{ROLE})",
        rf"(?:^|[-–|:]\s*)(?P<role>{ROLE})\s+(?:at|with|@)\s+{NAME}",
        rf"\bapplication(?: for| to)?(?: the)?\s*[:\-–]?\s*(?P<role>{ROLE})\s*(?:\(|$|[-–|,])",
        rf"^{NAME}\s*[-–|:]\s*(?P<role>{ROLE})\s*(?:\(|$)",
        rf"\binterview(?: for)?(?: the)?\s*[:\-–]?\s*(?P<role>{ROLE})\s*(?:\(|$|[-–|,])",
    )
]
BODY_ROLE = [
    re.compile(p)
    for p in (
        rf"\b(?:for|to|as|in)(?: the| our| a| an)?\s+(?P<role>{ROLE})\s+(?:role|position|opening|vacancy|job|"
        rf"opportunity)\b",
        rf"\b(?:role|position|job|opening)(?: of| as|:)\s+(?P<role>{ROLE})",
        r"\b(?:Role|Position|Job title|Job|Requisition)\s*:\s*(?P<role>[^\n]{3,80})",
        rf"\b(?:application|candidacy)\s+(?:for|to)(?: the)?\s+(?P<role>{ROLE})\s+(?:at|with)\b",
    )
]
NOT_A_ROLE = re.compile(
    r"^(?:this|that|the|our|your|a|an|other|open|future|same|new|next|any|another|similar|right|"
    r"current|following|interview|application|role|position|job|team|company|opportunity)$",
    re.I,
)
REQUISITION = re.compile(r"\s*(?:\(|\[)?\b(?:R|REQ|JR|ID|Job ID)?[-# ]?\d{3,}\b(?:\)|\])?\s*$", re.I)


def clean_company(value: str) -> str:
    value = TEAM_WORDS.sub("", value.strip(" \t'\"“”‘’.,:;!-–|"))
    value = re.sub(r"^(?:the|team)\s+", "", value, flags=re.I).strip(" '\".,:;!-–|")
    words = value.split()
    if not words or words[0].lower() in NOT_A_COMPANY or len(value) > 60 or len(words) > 5:
        return ""
    return value


def clean_role(value: str) -> str:
    value = REQUISITION.sub("", value.strip(" \t'\"“”‘’.,:;!-–|"))
    value = re.sub(r"\s+(?:role|position|opening|at|with|in|for|job|vacancy)$", "", value, flags=re.I)
    value = value.strip(" '\".,:;!-–|")
    if not value or NOT_A_ROLE.match(value) or len(value) > 100 or len(value.split()) > 10:
        return ""
    return value


def first_match(patterns, text: str, group: str, clean) -> str:
    for pattern in patterns:
        for found in pattern.finditer(text):
            value = clean(found.group(group))
            if value:
                return value
    return ""


def person_like(name: str) -> bool:
    """ "Jane Doe", "Sam": a person's name in a display name, not a company's."""
    words = name.split()
    return (
        1 <= len(words) <= 3
        and all(re.fullmatch(r"[A-Z][a-z'’\-]+\.?", word) for word in words)
        and not (TEAM_WORDS.search(name))
    )


def company_of(
    *, subject: str, from_name: str, sender: Sender, text: str, known: tuple[str, ...] = ()
) -> str:
    """The company a message is about, or "" when nothing names it."""
    head = text[:3000]
    for name in known:  # a company the user applied to, named anywhere in the header or opening
        if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", f"{subject}\n{from_name}\n{head}", re.I):
            return name
    found = first_match(SUBJECT_COMPANY, subject, "company", clean_company)
    if found:
        return found
    display = re.sub(r"\s+(?:at|@|from|via)\s+", " at ", from_name)
    if " at " in display:  # "Jane at Acme", "Jane Doe from Acme"
        found = clean_company(display.split(" at ", 1)[1])
        if found:
            return found
    if from_name and not person_like(from_name) and not sender.board:
        found = clean_company(from_name)
        if found and found.lower() not in {sender.ats.lower(), "no reply", "noreply"}:
            return found
    found = first_match(BODY_COMPANY, head, "company", clean_company)
    if found:
        return found
    if sender.slug:
        return sender.slug.title()
    if sender.company_domain:
        return domain_stem(sender.company_domain).title()
    return ""


def role_of(*, subject: str, text: str, company: str = "") -> str:
    """The job title a message names, or "" (never the company's name read as a title)."""
    taken = company.casefold()

    def clean(value: str) -> str:
        role = clean_role(value)
        return "" if taken and (role.casefold() in taken or taken in role.casefold()) else role

    found = first_match(SUBJECT_ROLE, subject, "role", clean)
    return found or first_match(BODY_ROLE, text[:4000], "role", clean)


# A sentence that gives the candidate something real: what the team saw, or what it wanted more of.
FEEDBACK = re.compile(
    r"\b(?:feedback|the (?:team|panel|interviewers?|hiring manager) (?:felt|thought|noted|found|was|were|"
    r"liked|appreciated)|we (?:felt|were looking for|found|noted|thought)|"
    r"looking for (?:someone|a candidate) with|"
    r"(?:more|deeper|stronger|broader) (?:experience|background|depth|exposure|knowledge)|"
    r"your (?:take-home|assessment|exercise|case study|presentation|portfolio|technical|coding|system design)"
    r"|(?:strong|impressive|great) .{0,40}\bbut\b|did not (?:quite )?(?:demonstrate|show|meet)|"
    r"(?:areas?|room) (?:for|to) (?:grow|improve|development))",
    re.I,
)
NO_FEEDBACK = re.compile(
    r"\b(?:(?:unable|not able|cannot|can't|can not|do not|don't|won't) (?:to )?(?:provide|give|offer|share)"
    r"(?: individual| specific| personal| detailed)? feedback|"
    r"feedback (?:is|cannot be) (?:not )?(?:available|provided)|your feedback|share (?:your|any) feedback|"
    r"feedback (?:on|about) (?:your experience|the process|our process)|survey|rate your)",
    re.I,
)


def feedback_candidates(sentences: list[str]) -> list[str]:
    return [s for s in sentences if FEEDBACK.search(s) and not NO_FEEDBACK.search(s) and 25 <= len(s) <= 400]
