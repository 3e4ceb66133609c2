"""Turn one rejected or silent application into a dated list of steps (plain Python, no Django).

The engine takes plain data (`Situation`) and returns `StepSpec`s; the words and timing come from the content
file. Keys are stable ("interviewer:12"), so the service can regenerate a plan without duplicating steps.
"""

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass, field

from nextround.core.dates import business_days_after
from nextround.playbook import content as content_module
from nextround.playbook.vocabulary import OUTREACH, PlanKind, StepChannel, StepKind
from nextround.tracker.vocabulary import ContactRole


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str  # a ContactRole
    email: str = ""
    phone: str = ""
    connected: bool = False  # "we connected" on this application
    on_networking_list: bool = False
    interviewed_on: dt.date | None = None  # the day of the last interview logged with them


@dataclass(frozen=True)
class Situation:
    kind: str  # a PlanKind
    company: str
    role_title: str
    decided_at: dt.datetime  # when the rejection came (or when the user marked the silence), timezone-aware
    time_zone: str
    user_name: str = ""
    people: tuple[Person, ...] = ()  # contacts linked to the application, with their role on it
    at_company: tuple[Person, ...] = ()  # other contacts who work at the company: possible common connections
    references_checked: bool = False
    upset: bool = False
    interview_on: dt.date | None = None
    last_heard_at: dt.datetime | None = None  # ghosted: the last sign of life; defaults to decided_at
    ghost_checkin_days: int = 5
    not_before: dt.date | None = (
        None  # never schedule before this day (a plan made late for an old rejection)
    )


@dataclass(frozen=True)
class StepSpec:
    key: str
    kind: str
    title: str
    why: str
    due_on: dt.date
    channel: str
    contact_id: int | None = None
    subject: str = ""
    draft: str | None = None
    script: tuple[tuple[str, str], ...] = field(default=())


def build_plan(situation: Situation, content: content_module.Content | None = None) -> list[StepSpec]:
    content = content or content_module.load()
    builder = _Builder(situation, content)
    if situation.kind == PlanKind.GHOSTED:
        builder.ghosted()
    else:
        builder.rejection()
    order = list(StepKind)
    return sorted(builder.steps, key=lambda step: (step.due_on, order.index(step.kind), step.key))


class _Builder:
    def __init__(self, situation: Situation, content: content_module.Content):
        self.s = situation
        self.content = content
        self.steps: list[StepSpec] = []
        decided_on = situation.decided_at.astimezone(zoneinfo.ZoneInfo(situation.time_zone)).date()
        self.start = max(decided_on, situation.not_before or decided_on)

    # --- the two kinds of plan -------------------------------------------------------------------------

    def rejection(self) -> None:
        people = self.s.people
        main = self.main_contact()
        self.add(StepKind.REFLECTION, StepKind.REFLECTION)
        self.add(StepKind.THANK_YOU, StepKind.THANK_YOU, main)
        call_has_phone = bool(main and main.phone)
        self.add(
            StepKind.CALL_RECRUITER,
            StepKind.CALL_RECRUITER,
            main,
            channel=StepChannel.PHONE if call_has_phone else StepChannel.EMAIL,
            why_key="why" if call_has_phone else "why_no_phone",
            draft=not call_has_phone,
            script=True,
        )
        secondary = [
            p for p in people if p.role in (ContactRole.INTERVIEWER, ContactRole.HIRING_MANAGER) and p != main
        ]
        for person in secondary:
            self.add(
                f"{StepKind.INTERVIEWER}:{person.id}",
                StepKind.INTERVIEWER,
                person,
                channel=StepChannel.PHONE if person.phone else StepChannel.EMAIL,
            )
        for person in people:
            if person.connected and not person.on_networking_list and person.role != ContactRole.REFERENCE:
                self.add(f"{StepKind.NETWORK}:{person.id}", StepKind.NETWORK, person)
        connected = next((p for p in people if p.connected and p.role != ContactRole.REFERENCE), None)
        self.add(StepKind.REFERRAL, StepKind.REFERRAL, connected or main)
        if self.s.references_checked:
            references = [p for p in people if p.role == ContactRole.REFERENCE]
            for person in references:
                self.add(f"{StepKind.REFERENCE}:{person.id}", StepKind.REFERENCE, person, hint="reference")
            if not references:
                self.add(StepKind.REFERENCE, StepKind.REFERENCE, None, hint="reference")
        for person in self.mutuals():
            self.add(f"{StepKind.MUTUAL}:{person.id}", StepKind.MUTUAL, person)
        self.add(StepKind.NEXT_INTERVIEW, StepKind.NEXT_INTERVIEW)

    def ghosted(self) -> None:
        main = self.main_contact()
        days = max(self.s.ghost_checkin_days, 1)
        last_heard = (self.s.last_heard_at or self.s.decided_at).astimezone(
            zoneinfo.ZoneInfo(self.s.time_zone)
        )
        checkin_on = max(business_days_after(last_heard.date(), days), business_days_after(self.start, 0))
        checkin_on = self.delayed(checkin_on, StepKind.CHECKIN)
        self.add(StepKind.CHECKIN, StepKind.CHECKIN, main, due_on=checkin_on)
        self.add(StepKind.CLOSE_LOOP, StepKind.CLOSE_LOOP, main, due_on=business_days_after(checkin_on, days))

    # --- helpers ----------------------------------------------------------------------------------------

    def main_contact(self) -> Person | None:
        for role in (ContactRole.RECRUITER, ContactRole.HIRING_MANAGER):
            for person in self.s.people:
                if person.role == role:
                    return person
        return None

    def mutuals(self) -> list[Person]:
        linked = {p.id for p in self.s.people}
        found = [p for p in self.s.people if p.role == ContactRole.MUTUAL]
        found += [
            p
            for p in self.s.at_company
            if p.id not in linked and p.role in (ContactRole.MUTUAL, ContactRole.OTHER)
        ]
        # Mutual connections the user marked as such come first; LinkedIn imports can list dozens at a big
        # company, so only the first few become steps.
        found.sort(key=lambda p: p.role != ContactRole.MUTUAL)
        return found[: self.content.timing["max_mutuals"]]

    def delayed(self, day: dt.date, kind: str) -> dt.date:
        if self.s.upset and kind in OUTREACH:
            return business_days_after(day, self.content.timing["upset_delay"])
        return day

    def add(
        self,
        key: str,
        kind: str,
        person: Person | None = None,
        *,
        channel: str | None = None,
        why_key: str = "why",
        draft: bool = True,
        script: bool = False,
        hint: str = "recruiter",
        due_on: dt.date | None = None,
    ) -> None:
        text = self.content.step(kind)
        values = self.values(person)
        hints = dict(self.content.placeholders)
        hints["first_name"] = hints["contact_name"] = self.content.placeholders[hint]

        def fill(template: str) -> str:
            return content_module.fill(template, values, hints)

        # A title names the role when the person is unknown ("Send the recruiter a polite check-in"); the
        # [bracketed] hint belongs in drafts, where the user must fill it in before sending.
        role = re.sub(r"^\[|(?:'s name)?\]$", "", hints["contact_name"])
        title_hints = {**hints, "first_name": role, "contact_name": role}

        if due_on is None:
            due_on = self.delayed(business_days_after(self.start, self.content.timing[kind]), kind)
        has_message = kind in OUTREACH and draft
        self.steps.append(
            StepSpec(
                key=key,
                kind=kind,
                title=content_module.fill(text["title"], values, title_hints),
                why=fill(text[why_key]),
                due_on=due_on,
                channel=channel or text["channel"],
                contact_id=person.id if person else None,
                subject=fill(text["subject"]) if has_message else "",
                draft=fill(text["draft"]) if has_message else None,
                script=tuple((line["label"], fill(line["text"])) for line in text["script"])
                if script
                else (),
            )
        )

    def values(self, person: Person | None) -> dict:
        interview = (person.interviewed_on if person else None) or self.s.interview_on
        return {
            "first_name": person.name.split()[0] if person and person.name.strip() else "",
            "contact_name": person.name.strip() if person else "",
            "user_name": self.s.user_name.strip(),
            "company": self.s.company.strip(),
            "role": self.s.role_title.strip(),
            "interview_date": f"{interview:%A} {interview.day} {interview:%B}" if interview else "",
            "on_interview_date": f" on {interview:%A} {interview.day} {interview:%B}" if interview else "",
        }
