"""Which application a message is about (plain Python, no Django).

A message names a company (in its sender domain, display name, subject or body) and sometimes a role.
An application fits when its company does: the same name written differently ("ACME Inc."), a parent or
sister brand ("Instagram" for Meta), the company's website domain, or the system's slug
("acme@myworkday.com"). Among the fitting applications the role decides; open ones come before closed
ones. When two still fit equally, nextround never guesses: the user chooses.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from nextround.mail import senders
from nextround.mail.vocabulary import Action, MessageType
from nextround.tracker.matching import CompanyIndex, normalise_company
from nextround.tracker.vocabulary import Stage

# Brands that belong to one employer. A letter from any of them fits an application at any other.
PARENT_BRANDS = [
    {"alphabet", "google", "youtube", "deepmind", "waymo", "verily", "fitbit"},
    {"meta", "facebook", "instagram", "whatsapp", "oculus"},
    {"amazon", "aws", "amazon web services", "audible", "twitch", "whole foods market", "zappos", "ring"},
    {"microsoft", "linkedin", "github", "xbox", "nuance", "activision blizzard"},
    {"salesforce", "slack", "tableau", "mulesoft", "heroku"},
    {"apple", "beats"},
    {"atlassian", "trello", "loom", "bitbucket"},
    {"booking holdings", "bookingcom", "booking", "kayak", "priceline", "opentable", "agoda"},
    {"unilever", "ben and jerrys", "dove"},
    {"lvmh", "sephora", "tiffany and co", "louis vuitton"},
    {"ikea", "ingka", "inter ikea"},
]
BRAND_FAMILY = {brand: frozenset(group) for group in PARENT_BRANDS for brand in group}
ROLE_THRESHOLD = 85


@dataclass(frozen=True)
class Candidate:
    id: int
    company: str
    role_title: str
    stage: str
    open: bool
    website: str = ""


@dataclass(frozen=True)
class Match:
    application_id: int | None
    candidates: tuple[int, ...] = ()  # when several fit equally: the ones to choose from
    reason: str = ""


def website_domain(url: str) -> str:
    found = re.match(r"^(?:[a-z]+://)?(?:www\.)?([^/:?#]+)", (url or "").strip().lower())
    return found.group(1) if found else ""


def squash(name: str) -> str:
    return normalise_company(name).replace(" ", "")


class Matcher:
    """The user's applications indexed by every way a message can name their company (built once per
    import, so each message costs a few dictionary look-ups and one fuzzy search in a small bucket)."""

    def __init__(self, candidates: Sequence[Candidate]):
        self.by_id = {c.id: c for c in candidates}
        self.names = CompanyIndex((c.company, c.id) for c in candidates)
        self.by_key: dict[str, set[int]] = defaultdict(set)  # squashed name, its first word(s), brands
        self.by_site: dict[str, set[int]] = defaultdict(set)
        for c in candidates:
            normal = normalise_company(c.company)
            words = normal.split()
            self.by_key[normal.replace(" ", "")].add(c.id)
            for size in range(1, len(words)):
                prefix = "".join(words[:size])
                if len(prefix) >= 4:
                    self.by_key["prefix:" + prefix].add(c.id)
            for brand in BRAND_FAMILY.get(normal, ()):
                self.by_key["brand:" + brand.replace(" ", "")].add(c.id)
            site = website_domain(c.website)
            if site:
                self.by_site[site].add(c.id)

    def fitting(self, *, company: str, sender: senders.Sender) -> dict[int, str]:
        """Ids of the applications whose company the message names, each with the reason."""
        found: dict[int, str] = {}

        def add(ids, why):
            for pk in ids:
                found.setdefault(pk, why)

        if company:
            add(self.names.find_all(company), "company name")
            # A close spelling ("Northwind Analytcs") is only a proposal here: the user accepts or not.
            close = self.names.suggest(company)
            if close is not None and not found:
                add(
                    [close] + [pk for pk in self.names.find_all(self.by_id[close].company) if pk != close],
                    "similar name",
                )
            key = squash(company)
            add(self.by_key.get(key, ()), "company name")
            add(self.by_key.get("prefix:" + key, ()), "company name")
            add(self.by_key.get("brand:" + key, ()), "parent brand")
            # The letter's longer name for a company the user saved in short ("Acme Analytics" -> "Acme").
            words = normalise_company(company).split()
            for size in range(1, len(words)):
                prefix = "".join(words[:size])
                if len(prefix) >= 4:
                    add(self.by_key.get(prefix, ()), "company name")
        own = sender.company_domain
        if own:
            parts = own.split(".")
            for start in range(len(parts) - 1):
                add(self.by_site.get(".".join(parts[start:]), ()), "sender domain")
            stem = senders.domain_stem(own).replace(" ", "")
            if len(stem) >= 3:
                add(self.by_key.get(stem, ()), "sender domain")
        if sender.slug and len(sender.slug.replace(" ", "")) >= 3:
            add(self.by_key.get(sender.slug.replace(" ", ""), ()), "sender address")
        return found

    def match(self, *, company: str, role: str, from_address: str) -> Match:
        fitting = self.fitting(company=company, sender=senders.classify(from_address))
        return choose([(self.by_id[pk], why) for pk, why in sorted(fitting.items())], role)


def role_score(wanted: str, role_title: str) -> float:
    if not wanted or not role_title:
        return 0.0
    return fuzz.token_set_ratio(wanted.lower(), role_title.lower())


def choose(fitting: list[tuple[Candidate, str]], role: str) -> Match:
    """One application among those at the right company: the role decides, then open before closed."""
    if not fitting:
        return Match(None)
    if role:
        scored = [(role_score(role, c.role_title), c, why) for c, why in fitting]
        best = max(score for score, _, _ in scored)
        if best >= ROLE_THRESHOLD:
            top = [(c, why) for score, c, why in scored if score == best]
            if len(top) == 1:
                return Match(top[0][0].id, reason=f"{top[0][1]} and role")
            fitting = top
    open_ones = [(c, why) for c, why in fitting if c.open]
    pool = open_ones or fitting
    if len(pool) == 1:
        return Match(pool[0][0].id, reason=pool[0][1])
    return Match(None, candidates=tuple(sorted(c.id for c, _ in pool)), reason="several applications fit")


INTERVIEW_BEFORE = frozenset({Stage.SAVED, Stage.APPLIED, Stage.SCREENING})


def propose(kind: MessageType, found: Match, stage: str | None, company: str) -> Action:
    """The action nextround proposes for a message of `kind` matched as `found`."""
    if kind == MessageType.OTHER:
        return Action.SKIP
    if found.candidates:
        return Action.CHOOSE
    if found.application_id is None:
        if kind == MessageType.OUTREACH or not company:
            return Action.LOG
        return Action.CREATE
    if kind == MessageType.REJECTION and stage != Stage.REJECTED:
        return Action.REJECT
    if kind == MessageType.INTERVIEW and stage in INTERVIEW_BEFORE:
        return Action.INTERVIEW
    return Action.LOG


def candidates_from(rows: Iterable[tuple], closed_stages: Iterable[str]) -> list[Candidate]:
    """Candidates from (id, company name, website, role title, stage) rows."""
    closed = set(closed_stages)
    return [
        Candidate(
            id=pk, company=name, website=site or "", role_title=role, stage=stage, open=stage not in closed
        )
        for pk, name, site, role, stage in rows
    ]
