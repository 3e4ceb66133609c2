"""The job title a letter names (plain Python, no Django).

Letters name the role in the subject ("Your application for Data Analyst", "Acme | Data Analyst"), on a
"Role:" line, or in a sentence ("for the Senior Analyst position", "joining us as a Junior Designer",
"the post of Analyst", "close the Clinical Data Manager req"). Each place gives candidates; a candidate is
a run of capitalised words that ends in a job's noun (Analyst, Engineer, Nurse…) or starts "Head of" and the
like. A signature is never read: the sender's own title ("Recruiter | Acme") is not the role applied for.
"""

import re

from nextround.mail.parse import strip_prefixes

# Capitalised words of a title, joined by the few small words titles contain ("Head of Data", "Sales and
# Marketing Lead", "R&D Engineer", "Engineer II").
TITLE_WORD = r"(?:[A-Z][\w/&+#.’'\-]*[\w+#]|[A-Z]|\(?[IVX]{1,3}\)?|\d+)"
SMALL = r"(?:of|and|for|in|&|-|–|/|de|the)"
TITLE = rf"{TITLE_WORD}(?:[ ](?:{SMALL}[ ])?{TITLE_WORD}){{0,8}}"

JOB_NOUNS = (
    "Engineer|Developer|Analyst|Manager|Designer|Scientist|Researcher|Writer|Coordinator|Executive|"
    "Generalist|Strategist|Consultant|Specialist|Lead|Director|Architect|Administrator|Officer|"
    "Assistant|Associate|Intern|Accountant|Advisor|Adviser|Representative|Recruiter|Nurse|Teacher|"
    "Technician|Editor|Owner|Partner|Programmer|Tester|Operator|Planner|Buyer|Producer|Marketer|"
    "Counsel|Lawyer|Auditor|Steward|Supervisor|Controller|Economist|Statistician|Paralegal|"
    "Pharmacist|Physician|Therapist|Chef|Driver|Agent|Clerk|Trainee|Apprentice|Fellow|Lecturer|"
    "Professor|Librarian|Curator|Pilot|Mechanic|Electrician|Surveyor|Copywriter|Photographer|"
    "Illustrator|Animator|Bookkeeper|Receptionist|Secretary|Instructor|Coach|Trainer|Actuary|"
    "Underwriter|Translator|Journalist|Investigator|Inspector|Estimator|Expert|Evangelist|Advocate|"
    "Principal|Hygienist|Midwife|Paramedic|Dietitian|Psychologist|Counsellor|Counselor|Caseworker|"
    "Worker|Artist|Modeller|Modeler|Guide|Host|Sommelier|Barista|Cook|Baker|Cashier|Storekeeper|"
    "Merchandiser|Machinist|Welder|Carpenter|Plumber|Fitter|Graduate|Ingenieur|Entwickler|Referent|"
    "Berater|Leiter|Leiterin|Sachbearbeiter"
)
JOB_NOUN = re.compile(rf"\b(?:{JOB_NOUNS})s?(?:\s+(?:I{{1,3}}|IV|\d))?$")
JOB_HEAD = re.compile(
    r"^(?:Head|Director|VP|Vice President|Chief|Lead|Manager) of\b|^(?:VP|SVP|EVP|CTO|CFO)\b"
)

# Tails that are not part of the title: requisition numbers, gender markers, places, work modes.
TAIL = re.compile(
    r"(?:\s*[\(\[](?:[mwfdxh]\s*/\s*[mwfdxh](?:\s*/\s*[mwfdxh])?|all genders|[^)\]]*\b(?:remote|hybrid|"
    r"on-?site|part[- ]time|full[- ]time|contract|ref|req|id)\b[^)\]]*|R?-?\d{3,}[^)\]]*)[\)\]])"
    r"|\s+(?:[mwfd]/[mwfd](?:/[mwfd])?)"
    r"|\s*(?:[-–,|]\s*|\s+in\s+|\s+at\s+)(?:Remote|Hybrid|[A-Z][a-zé]+(?:[ ][A-Z][a-zé]+)?)\s*$"
    r"|\s*(?:[-–#|]\s*|\s)(?:(?:Job|Req|Ref|ID)\s*[#:]?\s*)?[A-Z]{0,4}-?\d{3,}[\w-]*\s*$",
)
PLACE_OK = re.compile(r"\b(?:of|and)\s+\w+$")
NOT_A_ROLE = re.compile(
    r"^(?:this|that|the|our|your|a|an|other|open|future|same|new|next|any|another|similar|right|current|"
    r"following|interview|application|role|position|job|team|company|opportunity|hiring manager|"
    r"hiring team|talent team|recruiting team|the team|dear \w+)$",
    re.I,
)
SUBJECT_PATTERNS = [
    re.compile(p)
    for p in (
        rf"\b(?:for|to|as)(?: the| our| an?)?\s+(?P<role>{TITLE})"
        rf"\s+(?i:role|position|opening|vacancy|job|post)\b",
        rf"\b(?i:role|position|post|vacancy) of\s+(?P<role>{TITLE})",
        rf"(?:^|[-–|:]\s*)(?P<role>{TITLE})\s+(?:at|with|@)\s+\S",
        rf"(?i:\b(?:application|applying|candidacy|interview|assessment|offer|invitation|update|"
        rf"received|confirmation|test|challenge|exercise|task)\b)(?: (?i:for|to|as))?(?: (?i:the|our|an?))?"
        rf"\s*[:\-–]?\s*(?P<role>{TITLE})",
        rf"^[^:|–-]{{2,60}}\s*[-–|:]\s*(?P<role>{TITLE})\s*(?:\(|$|[-–|,])",
        rf"^(?P<role>{TITLE})\s*(?:[-–|:(]|$)",
        rf"(?P<role>{TITLE})\s+(?i:role|position|opening|vacancy|job|post|application|opportunity|interview)\b",
        rf"\b(?i:for|as)(?: (?i:the|our|an?))?\s+(?P<role>{TITLE})",
    )
]
BODY_PATTERNS = [
    re.compile(p)
    for p in (
        r"(?m)^\s*(?:Role|Position|Job title|Job|Vacancy|Post|Requisition|Stelle)\s*:"
        r"\s*(?P<role>[^\n]{3,90})",
        rf"\b(?:for|to|as|in|about|on|into|of)(?: the| our| this| a| an| your| my)?\s+(?P<role>{TITLE})"
        rf"\s+(?i:role|position|opening|vacancy|job|opportunity|post|req|requisition|search|application|"
        rf"process|team)\b",
        rf"\b(?i:role|position|job|opening|post|vacancy)(?: (?i:of|as)|:)\s+(?:an? )?(?P<role>{TITLE})",
        rf"\b(?i:as|for|be|become|hire|hiring|need|needs|seeking|recruiting|looking for|searching for|"
        rf"search for|offer you)(?: (?i:the|our|a|an|new|your))?\s+(?P<role>{TITLE})",
        rf"(?P<role>{TITLE})",
    )
]
# The people a letter mentions by their part in the process, not the job applied for.
PROCESS_PEOPLE = re.compile(
    r"^(?:(?:the|our|your)\s+)?(?:hiring|recruiting|talent|people|hr)\s+(?:manager|team|partner|lead|"
    r"coordinator|specialist|advisor|director)s?$|^(?:recruiter|interviewer|hiring manager)s?$",
    re.I,
)
SIGN_OFF = re.compile(
    r"(?im)^[ \t]*(?:(?:best|kind|warm|warmest|many|with)?[ \t]*(?:regards|wishes|thanks)|best|cheers|"
    r"sincerely|yours(?: sincerely| faithfully| truly)?|thank you|thanks(?: again| so much)?|all the best|"
    r"talk soon|speak soon|take care|good luck(?: out there)?|mvh|viele grüße|met vriendelijke groet|"
    r"cordialement|saludos)[ \t]*[,.!]?[ \t]*$|^-- ?$"
)


def without_signature(text: str) -> str:
    """The letter before its sign-off ("Best regards," and the name, title and company under it)."""
    for found in SIGN_OFF.finditer(text):
        before = text[: found.start()].rstrip()
        # "Thanks!" under "Hi Alex," opens a letter; after a sentence, it closes one.
        if len(before) > 40 or before.endswith((".", "!", "?")):
            return before
    return text


def clean(value: str, company: str = "") -> str:
    value = value.strip(" \t'\"“”‘’.,:;!-–|")
    for _ in range(3):
        shorter = TAIL.sub("", value).strip(" \t'\"“”‘’.,:;!-–|")
        if shorter == value:
            break
        value = shorter
    value = re.sub(r"^(?:the|our|a|an|new|your|open|senior-level)\s+", "", value, flags=re.I)
    value = re.sub(
        r"(?:\s+(?:role|position|opening|at|with|in|for|job|vacancy|and|of|&|-|–|/|post|team))+$",
        "",
        value,
        flags=re.I,
    ).strip(" '\".,:;!-–|")
    if not value or NOT_A_ROLE.match(value) or len(value) > 80 or len(value.split()) > 9:
        return ""
    if PROCESS_PEOPLE.match(value):
        return ""
    if company and (value.casefold() == company.casefold() or value.casefold() in company.casefold()):
        return ""
    return value


def job_like(role: str) -> bool:
    return bool(JOB_NOUN.search(role) or JOB_HEAD.search(role))


SINGULAR_JOB_NOUN = re.compile(rf"\b(?:{JOB_NOUNS})(?:\s+(?:I{{1,3}}|IV|\d))?$")


def title_like(name: str) -> bool:
    """A job title rather than a company's name: "Account Executive", not "Meridian Health Partners"."""
    return bool(SINGULAR_JOB_NOUN.search(name) or JOB_HEAD.search(name))


def trim_to_job(role: str) -> str:
    """ "Data Analyst Opening Update" -> "Data Analyst": cut after the last job noun."""
    if JOB_NOUN.search(role):
        return role
    words = role.split()
    for end in range(len(words) - 1, 0, -1):
        head = " ".join(words[:end])
        if JOB_NOUN.search(head):
            return head
    return role


# Before a bare title, these words make it a person the candidate meets ("with our VP of Engineering").
A_PERSON_BEFORE = re.compile(
    r"\b(?:our|with|from|by|meet|meeting|to|and|cc)\s+(?:the\s+|your\s+|our\s+)?$", re.I
)


def candidates(patterns, text: str, company: str):
    last = len(patterns) - 1
    for rank, pattern in enumerate(patterns):
        for found in pattern.finditer(text):
            if rank == last and A_PERSON_BEFORE.search(text, max(0, found.start() - 30), found.start()):
                continue
            role = clean(found.group("role"), company)
            if role:
                yield rank, found.start("role"), trim_to_job(role)


def role_of(*, subject: str, text: str, company: str = "") -> str:
    """The job title a message names, or "" (never the company's name, never the sender's own title)."""
    subject = strip_prefixes(subject)
    for _, _, role in candidates(SUBJECT_PATTERNS, subject, company):
        if job_like(role):
            return role
    body = without_signature(text[:5000])
    best = None
    for rank, start, role in candidates(BODY_PATTERNS, body, company):
        labelled = rank == 0
        if not (labelled or job_like(role)):
            continue
        key = (rank if labelled or rank < 3 else 3, start)
        if best is None or key < best[0]:
            best = (key, role)
    return best[1] if best else ""
