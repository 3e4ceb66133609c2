"""Who sent a message: an applicant-tracking system, a job board, a person at a company, or a friend
(plain Python, no Django).

Applicant-tracking systems send from their own domains, usually from a no-reply address, with the
company's name in the display name or the subject; some put the company's slug in the address
("acme@myworkday.com", "careers-acme@icims.com"). Job boards send alerts and digests in the same words
as the letters, so knowing the sender is half of reading the message.
"""

import re
from dataclasses import dataclass


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Domain suffix -> the system's name. A subdomain matches too ("us.greenhouse-mail.io").
ATS_DOMAINS = {
    "greenhouse.io": "Greenhouse",
    "greenhouse-mail.io": "Greenhouse",
    "lever.co": "Lever",
    "hire.lever.co": "Lever",
    "ashbyhq.com": "Ashby",
    "ashby-mail.com": "Ashby",
    "myworkday.com": "Workday",
    "myworkdayjobs.com": "Workday",
    "workday.com": "Workday",
    "smartrecruiters.com": "SmartRecruiters",
    "smartrecruiters-mail.com": "SmartRecruiters",
    "icims.com": "iCIMS",
    "talent.icims.com": "iCIMS",
    "teamtailor.com": "Teamtailor",
    "teamtailor-mail.com": "Teamtailor",
    "workablemail.com": "Workable",
    "workable.com": "Workable",
    "bamboohr.com": "BambooHR",
    "applytojob.com": "JazzHR",
    "jazzhr.com": "JazzHR",
    "personio.de": "Personio",
    "personio.com": "Personio",
    "recruitee.com": "Recruitee",
    "successfactors.com": "SuccessFactors",
    "successfactors.eu": "SuccessFactors",
    "taleo.net": "Taleo",
    "jobvite.com": "Jobvite",
    "breezy.hr": "Breezy",
    "pinpointhq.com": "Pinpoint",
    "comeet-notifications.com": "Comeet",
    "rippling.com": "Rippling",
    "dover.com": "Dover",
    "gem.com": "Gem",
}

# Job boards and networks: alerts, digests and relayed updates.
BOARD_DOMAINS = {
    "linkedin.com": "LinkedIn",
    "indeed.com": "Indeed",
    "indeedemail.com": "Indeed",
    "glassdoor.com": "Glassdoor",
    "ziprecruiter.com": "ZipRecruiter",
    "monster.com": "Monster",
    "stepstone.de": "StepStone",
    "stepstone.com": "StepStone",
    "welcometothejungle.com": "Welcome to the Jungle",
    "otta.com": "Otta",
    "wellfound.com": "Wellfound",
    "angel.co": "Wellfound",
    "dice.com": "Dice",
    "xing.com": "XING",
    "totaljobs.com": "Totaljobs",
    "reed.co.uk": "Reed",
    "seek.com.au": "SEEK",
    "hired.com": "Hired",
    "builtin.com": "Built In",
    "weworkremotely.com": "We Work Remotely",
    "remoteok.com": "Remote OK",
    "jobs.ch": "jobs.ch",
    "substack.com": "Substack",
    "mailchimp.com": "Mailchimp",
    "mcsv.net": "Mailchimp",
    "sendgrid.net": "SendGrid",
}

# Mail providers where an address is a person's own, not a company's.
FREEMAIL = words(
    "gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk live.com msn.com yahoo.com "
    "yahoo.co.uk icloud.com me.com mac.com aol.com proton.me protonmail.com pm.me gmx.de gmx.net "
    "gmx.com web.de fastmail.com fastmail.fm mail.com yandex.ru zoho.com hey.com posteo.de "
    "mailbox.org t-online.de free.fr orange.fr laposte.net libero.it"
)

NO_REPLY = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|mailer|bounce|alerts?|jobs?"
    r"|careers?|recruiting|talent|hiring|hr|people|apply|applications?|team|info|hello"
    r"|system|workday|jobalerts?[-_.]noreply|jobs[-_.]noreply|messages?[-_.]noreply)\b",
    re.I,
)


@dataclass(frozen=True)
class Sender:
    domain: str
    ats: str = ""  # "Greenhouse", ... when an applicant-tracking system sent it
    board: str = ""  # "LinkedIn", ... when a job board or a newsletter service sent it
    freemail: bool = False  # a personal address (gmail.com, ...)
    automated: bool = False  # a no-reply or role address, not a person
    slug: str = ""  # the company's slug when the system puts it in the address ("acme@myworkday.com")

    @property
    def company_domain(self) -> str:
        """The sender's own domain when it can be a company's (not a system, board or mail provider)."""
        return "" if (self.ats or self.board or self.freemail or not self.domain) else self.domain


def suffix_match(domain: str, table: dict) -> tuple[str, str]:
    """(name, matched suffix) for the longest suffix of `domain` in `table`, else ("", "")."""
    parts = domain.split(".")
    for start in range(len(parts) - 1):
        suffix = ".".join(parts[start:])
        if suffix in table:
            return table[suffix], suffix
    return "", ""


# Subdomains systems use for themselves rather than for one customer.
GENERIC_SUBDOMAINS = words(
    "us eu uk ca au mail email em e hire jobs app apps notifications notify careers www"
)


def classify(address: str) -> Sender:
    local, _, domain = (address or "").lower().rpartition("@")
    domain = domain.strip(".")
    ats, suffix = suffix_match(domain, ATS_DOMAINS)
    board = "" if ats else suffix_match(domain, BOARD_DOMAINS)[0]
    automated = bool(NO_REPLY.match(local)) or not local
    slug = ""
    if ats:
        automated = True  # an address on a system's domain is never a person's inbox
        if local and not NO_REPLY.fullmatch(local):
            slug = re.sub(
                r"^(?:careers?|jobs?|recruiting|talent|hr)[-_.]|[-_.](?:careers?|jobs?|recruiting|hr)$",
                "",
                local,
            )
            slug = "" if NO_REPLY.fullmatch(slug) else slug
        first = domain[: -len(suffix)].rstrip(".").split(".")[0]
        if first and first not in GENERIC_SUBDOMAINS and not re.fullmatch(r"wd\d+", first):
            slug = slug or first  # "acme.teamtailor.com", "acme.wd5.myworkdayjobs.com"
    return Sender(
        domain=domain,
        ats=ats,
        board=board,
        freemail=domain in FREEMAIL,
        automated=automated,
        slug=slug.replace("-", " ").replace("_", " ").replace(".", " "),
    )


SECOND_LEVEL = words("co com org net ac gov ltd plc edu gob nic or ne go")


def domain_stem(domain: str) -> str:
    """The name part of a company's domain: "careers.acme-corp.co.uk" -> "acme corp"."""
    labels = [label for label in domain.lower().split(".") if label]
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL:
        stem = labels[-3]
    elif len(labels) >= 2:
        stem = labels[-2]
    else:
        stem = labels[0] if labels else ""
    return stem.replace("-", " ").replace("_", " ")
