"""The company a letter is about (plain Python, no Django).

Letters name the company in a handful of places: the subject ("Your application to Acme"), the display
name ("Acme Hiring Team <no-reply@greenhouse.io>", "Jane at Acme"), the address (a company's own domain, or
the slug a system puts there), the body ("Thank you for your interest in Acme", "on behalf of Acme") and
the signature ("Recruiter | Acme Analytics"). Every place gives candidates with a weight for how rarely it
lies; a name the sender's address spells counts more, a short name counts for the longer one it begins
("Oakhaven" for "Oakhaven Council"), and an agency's client counts more than the agency.
"""

import re
from collections import defaultdict
from functools import lru_cache

from nextround.mail.parse import strip_prefixes
from nextround.mail.roles import title_like
from nextround.mail.senders import Sender, domain_stem, words
from nextround.tracker.matching import normalise_company

# A proper name: capitalised words ("Blue Heron Insurance", "Marlow & Finch", "S.A."), joined by a few
# lower-case connectors only when a capitalised word follows ("Bank of Ireland"); no word ends with a dot.
WORD = r"[A-Z0-9](?:[\w&'’\-]|\.(?=\w))*"
NAME = rf"{WORD}(?:[ ](?:(?:of|and|de|la|du|von|für|&|y|e)[ ])?{WORD}){{0,5}}"

TEAM_WORDS = re.compile(
    r"\s*(?:[-–|,:]\s*)?\b(?:Hiring|Recruiting|Recruitment|Talent(?: Acquisition)?|People(?: Ops| Team)?|"
    r"Careers?|Jobs|HR|Human Resources|Team|Notifications?|via \w+|no-?reply|Applicant Tracking|"
    r"Candidate Experience|Karriere|Rekrytointi|Rekrytering|Recrutement|Werving)\b.*$",
    re.I,
)
NOT_A_COMPANY = words(
    "you your we us our the a an this that it hi hello dear thanks thank application applications "
    "interview update unfortunately congratulations re fwd fw next regarding important information "
    "job jobs new alert position role candidate linkedin indeed glassdoor greenhouse lever ashby "
    "workday icims teamtailor smartrecruiters status notification reminder action required i if "
    "please our unfortunately sadly hope good great kind best regards sincerely after following "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today tomorrow"
)

SUBJECT_PATTERNS = [
    re.compile(p)
    for p in (
        rf"(?i:\b(?:application|applying|candidacy|interest)\s+(?:to|at|with|in)\s+)(?P<company>{NAME})",
        rf"(?i:\b(?:sent|submitted) to\s+)(?P<company>{NAME})",
        rf"^(?P<company>{NAME})\s+(?i:viewed|has viewed|reviewed|has reviewed)\b",
        rf"(?i:\b(?:interview|call|chat|conversation|next steps?|offer|assessment|update|news)\s+)"
        rf"(?i:(?:with|from|at)\s+)(?P<company>{NAME})",
        rf"(?i:\bat\s+)(?P<company>{NAME})\s*(?:$|[-–|:(!.,])",
        rf"^(?P<company>{NAME})\s*(?:[-–|:])\s",
        rf"(?i:\b(?:from|with|at|to|join)\s+)(?P<company>{NAME})\s*[!.?]?$",
        rf"^Your\s+(?P<company>{NAME})\s+(?i:application|offer|interview|onsite|assessment)\b",
        rf"^(?P<company>{NAME})\s+(?i:is hiring|careers|take-home|application|interview|offer|update)\b",
    )
]
BODY_PATTERNS = [
    re.compile(p)
    for p in (
        rf"\b(?i:interest in|applying (?:to|at|with|for)|applied (?:to|at|with|for)|"
        rf"application (?:to|at|with)|"
        rf"career opportunities at|careers at|role at|position at|opportunity at|opening at|team at|"
        rf"recruiter at|recruiting for|talent at|joining|join|working at|work at|chosen|considering|"
        rf"job at|jobs at|vacancy at|post at|here at|interviewing with|interview with|time with)"
        rf"\s+(?:the\s+)?(?P<company>{NAME})",
        rf"(?m:^)(?:[-–|]\s*)?(?:The\s+)?(?P<company>{NAME})\s+(?:Hiring|Recruiting|Recruitment|Talent|People|"
        rf"Careers|HR)\b",
        rf"\b(?i:everyone|all of us|we) (?:here )?at\s+(?P<company>{NAME})",
        rf"(?m:^©\s*(?:\d{{4}}\s+)?)(?P<company>{NAME})",
        rf"\b(?P<company>{NAME})\s+(?i:is hiring|is an equal opportunity employer|uses \w+ to manage|"
        rf"is committed to)",
    )
]
# An agency or a relay names the employer it writes for: that is the company the letter is about.
CLIENT_PATTERNS = [
    re.compile(p)
    for p in (
        rf"\b(?i:on behalf of|my client,?|our client,?|client of ours,?|working with|partnered with|"
        rf"partnering with|recruiting for|hiring for)\s+(?:the\s+)?(?P<company>{NAME})",
    )
]
SIGNATURE_LINE = re.compile(rf"(?m)^[^\n]{{0,60}}?(?:\||,|–|-| at )[ \t]*(?P<company>{NAME})[ \t]*$")


def clean_company(value: str) -> str:
    value = TEAM_WORDS.sub("", value.strip(" \t'\"“”‘’.,:;!-–|"))
    value = re.sub(r"^(?:the|team)\s+", "", value, flags=re.I).strip(" '\".,:;!-–|")
    value = re.sub(r"[’']s$", "", value)
    found = value.split()
    if not found or found[0].lower() in NOT_A_COMPANY or len(value) > 60 or len(found) > 5:
        return ""
    return value


def person_like(name: str) -> bool:
    """ "Jane Doe", "Sam": a person's name in a display name, not a company's."""
    found = name.split()
    return (
        1 <= len(found) <= 3
        and all(re.fullmatch(r"[A-Z][a-z'’\-]+\.?", word) for word in found)
        and not TEAM_WORDS.search(name)
    )


def squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def abbreviates(short: str, word: str) -> bool:
    """ "mfg" abbreviates "manufacturing", "intl" "international": same first letter, letters in order."""
    if not short or not word or short[0] != word[0] or len(short) > len(word):
        return False
    position = 0
    for letter in short:
        position = word.find(letter, position) + 1
        if not position:
            return False
    return True


def fits_stem(name: str, stem: str) -> bool:
    """Whether a name can be the one a domain or address slug spells: "Blue Heron Insurance" and
    "blueheron", "Juniper Payments" and "juniperpay", "Meridian Health Partners" and "meridianhp",
    "Ironclad Manufacturing" and "ironclad-mfg"."""
    squashed, flat = squash(name), squash(stem)
    if len(flat) < 3 or not squashed:
        return False
    if squashed.startswith(flat) or (len(squashed) >= 4 and flat.startswith(squashed)):
        return True
    name_words = [w for w in re.split(r"[^a-z0-9]+", name.casefold()) if w]
    if len(name_words) > 1 and flat == name_words[0] + "".join(w[0] for w in name_words[1:]):
        return True
    stem_words = [w for w in re.split(r"[^a-z0-9]+", stem.casefold()) if w]
    return (
        1 < len(stem_words) <= len(name_words)
        and stem_words[0] == name_words[0]
        and all(abbreviates(s, n) for s, n in zip(stem_words[1:], name_words[1:], strict=False))
    )


SPELLED_WORD = re.compile(r"[^\W_][\w&'’]*")


def spelled_out(stem: str, text: str) -> str:
    """The words of `text` that spell a domain's or a slug's name ("osteriadelponte" -> "Osteria del
    Ponte"), so that a name found only in the address is written as the letter writes it."""
    flat = squash(stem)
    found = list(SPELLED_WORD.finditer(text))
    for start, first in enumerate(found):
        if not flat.startswith(squash(first.group())[:1] or "-"):
            continue
        joined = ""
        for last in found[start : start + 6]:
            joined += squash(last.group())
            if joined == flat and len(found[start : found.index(last) + 1]) > 1:
                return text[first.start() : last.end()]
            if not flat.startswith(joined):
                break
    return ""


def found_in(patterns, text: str) -> list[str]:
    return [found.group("company") for pattern in patterns for found in pattern.finditer(text)]


class Ballot:
    """Names with their weights; the first place a name was seen breaks a tie."""

    def __init__(self, unwanted: set[str]):
        self.unwanted = unwanted
        self.weight: dict[str, float] = defaultdict(float)
        self.spelling: dict[str, str] = {}
        self.order: dict[str, int] = {}
        self.named: set[str] = set()

    def add(self, names, weight: float, *, spelled: bool = False) -> None:
        """`spelled`: the name only comes from the address, so it earns no bonus for fitting it."""
        for name in names if isinstance(names, list) else [names]:
            name = clean_company(name)
            key = normalise_company(name)
            if not key or key in self.unwanted or title_like(name):
                continue
            self.spelling.setdefault(key, name)
            self.order.setdefault(key, len(self.order))
            self.weight[key] += weight
            if not spelled:
                self.named.add(key)
            weight *= 0.5  # a second mention of the same kind adds less

    def best(self, stem: str) -> str:
        if not self.weight:
            return ""
        score = dict(self.weight)
        for key in self.weight:
            if stem and key in self.named and fits_stem(self.spelling[key], stem):
                score[key] += 3.0
            # A short name counts for the longer one that begins with it ("Oakhaven" -> "Oakhaven Council").
            for longer in self.weight:
                if longer != key and longer.startswith(key + " "):
                    score[longer] += 0.8 * self.weight[key]
        return self.spelling[max(score, key=lambda k: (round(score[k], 6), -self.order[k]))]


@lru_cache(maxsize=8)
def known_pattern(known: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for all the user's companies, longest first (built once per import, not per letter)."""
    names = sorted({n for n in known if n.strip()}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)", re.I)


@lru_cache(maxsize=8)
def pattern_names(known: tuple[str, ...]) -> dict[str, str]:
    """The company's name as the user saved it, by what the pattern finds (case aside)."""
    return {n.casefold(): n for n in known if n.strip()}


def company_of(
    *, subject: str, from_name: str, sender: Sender, text: str, known: tuple[str, ...] = ()
) -> str:
    """The company a message is about, or "" when nothing names it."""
    head = text[:3000]
    pattern = known_pattern(tuple(known))

    def known_in(where: str) -> str:
        found = pattern.search(where) if pattern else None
        return pattern_names(tuple(known)).get(found.group().casefold(), found.group()) if found else ""

    # A company the user applied to, named in the subject or the sender's name, is the surest sign.
    found = known_in(f"{subject}\n{from_name}")
    if found:
        return found
    unwanted = {normalise_company(n) for n in (sender.ats, sender.board, "no reply", "noreply") if n}
    ballot = Ballot(unwanted)
    subject = strip_prefixes(subject)
    ballot.add(found_in(SUBJECT_PATTERNS, subject)[:2], 4.0)
    display = re.sub(r"\s+(?:at|@|from|via|for|on behalf of)\s+", " at ", from_name, flags=re.I)
    if " at " in display:  # "Jane at Acme", "Jane Doe from Acme", "Greenhouse on behalf of Acme"
        ballot.add(display.split(" at ", 1)[1], 4.0)
    # A system's or a no-reply address's display name is the company's; a person's own address shows theirs.
    if from_name and not sender.board and (sender.automated or not person_like(from_name)):
        ballot.add(display.split(" at ", 1)[0] if " at " in display else from_name, 3.5)
    ballot.add(found_in(CLIENT_PATTERNS, head)[:1], 5.0)
    ballot.add(found_in(BODY_PATTERNS, head)[:4], 2.0)
    ballot.add([m.group("company") for m in SIGNATURE_LINE.finditer(head[-800:])][-1:], 1.5)
    known_body = known_in(head)
    if known_body:
        ballot.add(known_body, 3.0)
    stem = sender.slug or (domain_stem(sender.company_domain) if sender.company_domain else "")
    if stem and len(squash(stem)) >= 3:
        ballot.add(spelled_out(stem, f"{subject}\n{from_name}\n{head}") or stem.title(), 2.5, spelled=True)
    return ballot.best(stem)
