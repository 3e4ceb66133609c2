"""The company and the role a message is about, and any real feedback in it (plain Python, no Django).

Letters name the company in a handful of places: the subject ("Your application to Acme"), the display
name ("Acme Hiring Team <no-reply@greenhouse.io>"), the address (a company's own domain, or the slug a
system puts there) and the body ("Thank you for your interest in Acme", "The Acme Talent Team"). Each
place is tried in order of how rarely it lies.
"""

import re

from nextround.mail.parse import strip_prefixes
from nextround.mail.senders import Sender, domain_stem, words

# A proper name: capitalised words ("Blue Heron Insurance", "Marlow & Finch", "S.A."), joined by a few
# lower-case connectors only when a capitalised word follows ("Bank of Ireland"); no word ends with a dot.
WORD = r"[A-Z0-9](?:[\w&'’\-]|\.(?=\w))*"
NAME = rf"{WORD}(?:[ ](?:(?:of|and|de|la|du|von|für|&)[ ])?{WORD}){{0,5}}"
ROLE_WORDS = (
    r"(?:[A-Z][\w/&+#.\-]*|\(?[IVX]+\)?|II|III|of|and|for|in|&|-|–|/|\d+)"  # Title-Case words of a job title
)
ROLE = rf"{ROLE_WORDS}(?:[ ]{ROLE_WORDS}){{0,9}}"
# The last word of most job titles; where a pattern alone is weak ("Exciting opportunity"), it must end so.
JOB_NOUN = re.compile(
    r"\b(?:Engineer|Developer|Analyst|Manager|Designer|Scientist|Researcher|Writer|Coordinator|Executive"
    r"|Generalist|Strategist|Consultant|Specialist|Lead|Director|Architect|Administrator|Officer|Assistant"
    r"|Associate|Intern|Accountant|Advisor|Representative|Recruiter|Nurse|Teacher|Technician|Editor|Owner"
    r"|Partner|Head|Programmer|Tester|Operator|Planner|Buyer|Producer|Marketer|Counsel|Lawyer|Auditor"
    r"|II|III|IV)s?$"
)

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
    re.compile(p)
    for p in (
        rf"(?i:\bat\s+)(?P<company>{NAME})\s*[!.]?$",
        rf"(?i:\b(?:sent|submitted) to\s+)(?P<company>{NAME})",
        rf"^(?P<company>{NAME})\s+(?i:viewed|has viewed|reviewed|has reviewed)\b",
        rf"(?i:\b(?:application|applying|candidacy|interest)\s+(?:to|at|with|in)\s+)(?P<company>{NAME})",
        rf"(?i:\b(?:interview|call|chat|conversation|next steps?|offer|assessment|update)\s+)"
        rf"(?i:(?:with|from|at)\s+)(?P<company>{NAME})",
        rf"(?i:\bat\s+)(?P<company>{NAME})\s*(?:$|[-–|:(!.,])",
        rf"^(?P<company>{NAME})\s*(?:[-–|:])\s",
        rf"(?i:\bfrom\s+)(?P<company>{NAME})\s*[!.]?$",
        rf"^Your\s+(?P<company>{NAME})\s+(?i:application|offer|interview)\b",
        rf"^(?P<company>{NAME})\s+(?i:is hiring|careers|take-home)\b",
    )
]
BODY_COMPANY = [
    re.compile(p)
    for p in (
        rf"\b(?i:interest in|applying (?:to|at|with|for)|applied (?:to|at|with|for)|"
        rf"application (?:to|at|with)|"
        rf"career opportunities at|careers at|role at|position at|opportunity at|opening at|team at|"
        rf"recruiter at|recruiting for|talent at|joining|join|working at|work at|chosen|considering|"
        rf"on behalf of|job at|jobs at)\s+(?:the\s+)?(?P<company>{NAME})",
        rf"(?m:^)(?:[-–|]\s*)?(?:The\s+)?(?P<company>{NAME})\s+(?:Hiring|Recruiting|Recruitment|Talent|People|"
        rf"Careers|HR)\b",
        rf"\b(?i:everyone|all of us|we) (?:here )?at\s+(?P<company>{NAME})",
        rf"(?m:\|\s*)(?P<company>{NAME})(?m:\s*$)",
        rf"(?m:^©\s*(?:\d{{4}}\s+)?)(?P<company>{NAME})",
        rf"\b(?P<company>{NAME})\s+(?i:is hiring|is an equal opportunity employer|uses \w+ to manage)",
    )
]
SUBJECT_ROLE = [
    re.compile(p)
    for p in (
        rf"\b(?:for|to)(?: the)?\s+(?P<role>{ROLE})\s+(?:role|position|opening|vacancy|job)\b",
        rf"\b(?:for|to)(?: the)?\s+(?:role|position) of\s+(?P<role>{ROLE})",
        rf"(?:^|[-–|:]\s*)(?P<role>{ROLE})\s+(?:at|with|@)\s+{NAME}",
        rf"(?i:\bapplication)(?: for| to)?(?: the)?\s*[:\-–]?\s*(?P<role>{ROLE})\s*(?:\(|$|[-–|,])",
        rf"(?i:\b(?:received|confirmation|invitation|update|assessment|interview|test|challenge)\b)"
        rf"(?: for)?(?: the)?\s*[:\-–]\s*(?P<role>{ROLE})\s*(?:\(|$|[-–|,])",
        rf"(?i:\b(?:interview|assessment) for)(?: the)?\s+(?P<role>{ROLE})\s*(?:\(|$|[-–|,])",
        rf"^{NAME}\s*[-–|:]\s*(?P<role>{ROLE})\s*(?:\(|$|[-–|])",
        rf"^(?P<role>{ROLE})\s+(?i:opportunity|role|position|opening|application)\b",
        rf"(?i:\boffer(?: letter)?\s*[-–:]\s*)(?P<role>{ROLE})\s*$",
        rf"(?i:\babout the\s+)(?P<role>{ROLE})\s+(?i:role|position|opening)\b",
        rf"^(?P<role>{ROLE})\s*[-–|:]\s*(?i:status|update|next steps|application|interview|offer)",
    )
]
BODY_ROLE = [
    re.compile(p)
    for p in (
        rf"\b(?:for|to|as|in|about|on)(?: the| our| a| an)?\s+(?P<role>{ROLE})\s+(?:role|position|opening|"
        rf"vacancy|job|opportunity)\b",
        rf"\b(?:role|position|job|opening)(?: of| as|:)\s+(?P<role>{ROLE})",
        r"\b(?:Role|Position|Job title|Job|Requisition)\s*:\s*(?P<role>[^\n]{3,80})",
        rf"\b(?:interviews?|application|candidacy|applying|applied)\s+(?:for|to)(?: the| our)?\s+"
        rf"(?P<role>{ROLE})(?=\s*(?:[.,;!(]|$| at | with | and | role\b| position\b))",
        rf"\b(?:looking for|hiring|recruiting for|searching for)(?: a| an)\s+(?P<role>{ROLE})",
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
    value = re.sub(
        r"(?:\s+(?:role|position|opening|at|with|in|for|job|vacancy|and|of|&|-|–|/))+$", "", value, flags=re.I
    )
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


def squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def fits_stem(name: str, stem: str) -> bool:
    """Whether a name can be the one a domain or address slug spells: "Blue Heron Insurance" and
    "blueheron", "Juniper Payments" and "juniperpay", "Meridian Health Partners" and "meridianhp"."""
    squashed, stem = squash(name), squash(stem)
    if len(stem) < 3 or not squashed:
        return False
    if squashed.startswith(stem) or (len(squashed) >= 4 and stem.startswith(squashed)):
        return True
    words = [w for w in re.split(r"[^a-z0-9]+", name.casefold()) if w]
    return len(words) > 1 and stem == words[0] + "".join(w[0] for w in words[1:])


def name_candidates(
    *, subject: str, from_name: str, sender: Sender, head: str
) -> tuple[list[str], list[str]]:
    """The names the header gives (subject, display name), and those the body gives, each best first."""
    subject = strip_prefixes(subject)
    found = [m.group("company") for pattern in SUBJECT_COMPANY for m in pattern.finditer(subject)]
    display = re.sub(r"\s+(?:at|@|from|via)\s+", " at ", from_name)
    if " at " in display:  # "Jane at Acme", "Jane Doe from Acme"
        found.append(display.split(" at ", 1)[1])
    # A system's or a no-reply address's display name is the company's; a person's own address shows theirs.
    if from_name and not sender.board and (sender.automated or not person_like(from_name)):
        found.append(from_name)
    body = [m.group("company") for pattern in BODY_COMPANY for m in pattern.finditer(head)]
    unwanted = {sender.ats.lower(), sender.board.lower(), "no reply", "noreply"}

    def cleaned(values):
        return [name for name in map(clean_company, values) if name and name.lower() not in unwanted]

    return cleaned(found), cleaned(body)


def company_of(
    *, subject: str, from_name: str, sender: Sender, text: str, known: tuple[str, ...] = ()
) -> str:
    """The company a message is about, or "" when nothing names it.

    Where the address spells the company (its own domain, or the slug a system puts in it), the name
    that fits that spelling wins; otherwise the first name found, in the order of how rarely each place lies.
    """
    head = text[:3000]

    def known_in(where: str) -> str:
        found = [n for n in known if n and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", where, re.I)]
        return found[0] if found else ""

    # A company the user applied to, named in the subject or the sender's name, is the surest sign.
    found = known_in(f"{subject}\n{from_name}")
    if found:
        return found
    header, body = name_candidates(subject=subject, from_name=from_name, sender=sender, head=head)
    names = header + body
    stem = sender.slug or (domain_stem(sender.company_domain) if sender.company_domain else "")
    if stem:
        fitting = [name for name in names if fits_stem(name, stem)]
        if fitting:
            return max(fitting, key=len) if len(squash(fitting[0])) < len(squash(stem)) else fitting[0]
        if sender.company_domain or not names:
            return known_in(head) or stem.title()
    # The header's names, then a company of the user's named in the opening, then the body's own guesses.
    return (header[0] if header else "") or known_in(head) or (body[0] if body else "")


def role_of(*, subject: str, text: str, company: str = "") -> str:
    """The job title a message names, or "" (never the company's name read as a title)."""
    taken = company.casefold()

    def clean(value: str) -> str:
        role = clean_role(value)
        if not JOB_NOUN.search(role) and len(role.split()) < 2:
            return ""  # "Exciting", "Update": one word that is not a job
        return "" if taken and (role.casefold() in taken or taken in role.casefold()) else role

    found = first_match(SUBJECT_ROLE, strip_prefixes(subject), "role", clean)
    return found or first_match(BODY_ROLE, text[:4000], "role", clean)


# A sentence that gives the candidate something real: what the team saw, or what it wanted more of.
FEEDBACK = re.compile(
    r"\b(?:feedback|the (?:team|panel|interviewers?|hiring manager) (?:felt|thought|noted|found|was|were|"
    r"liked|appreciated)|we (?:felt|were looking for|found|noted|thought)|"
    r"looking for (?:someone|a candidate) with|"
    r"(?:more|deeper|stronger|broader) (?:experience|background|depth|exposure|knowledge)|"
    r"your (?:take-home|assessment|exercise|case study|presentation|portfolio|technical|coding|system design)"
    r"|(?:strong|impressive|great) .{0,40}\bbut\b|did not (?:quite )?(?:demonstrate|show|meet)|"
    r"(?:areas?|room) (?:for|to) (?:grow|improve|development)|\bgap\b|identified|lacked|would benefit from|"
    r"not (?:quite )?(?:as )?(?:deep|strong|broad) as)",
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
