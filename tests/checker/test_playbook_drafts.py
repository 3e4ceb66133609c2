"""Every draft and call-script line the playbook writes passes the checker with no finding at all.

The playbook's words are the product's own advice; if the checker (rules or classifier) warns about them,
one of the two is wrong. Plans are built for many shapes of application, so every step kind is covered.
"""

import datetime as dt

import time_machine

from nextround.checker import check_many
from nextround.playbook import content
from nextround.playbook.engine import Person, Situation, build_plan
from nextround.playbook.vocabulary import PlanKind

PEOPLE = (
    Person(1, "Hannah Becker", "recruiter", email="hannah@acme.example", phone="+49 30 5550 1201"),
    Person(2, "Jonas Richter", "hiring_manager"),
    Person(3, "Amira Haddad", "interviewer", connected=True),
    Person(4, "Sofia Marino", "interviewer", phone="+49 89 555"),
    Person(5, "Felix Wagner", "reference", email="felix@example.org"),
    Person(7, "Ruth Adler", "mutual"),
)


def _situations():
    decided = dt.datetime(2026, 11, 20, 17, 0, tzinfo=dt.UTC)
    common = dict(company="Acme Analytics", role_title="Data Analyst", decided_at=decided, time_zone="UTC")
    yield Situation(
        kind=PlanKind.REJECTION, user_name="Olive Owner", people=PEOPLE, references_checked=True, **common
    )
    yield Situation(kind=PlanKind.REJECTION, people=(), upset=True, **common)  # placeholders instead of names
    yield Situation(kind=PlanKind.REJECTION, people=PEOPLE[1:2], interview_on=dt.date(2026, 11, 12), **common)
    yield Situation(kind=PlanKind.GHOSTED, user_name="Olive Owner", people=PEOPLE[:1], **common)
    yield Situation(kind=PlanKind.GHOSTED, people=(), **common)


def _texts() -> list[tuple[str, str]]:
    texts = []
    with time_machine.travel("2026-11-20 18:00 +0000", tick=False):
        for number, situation in enumerate(_situations()):
            for step in build_plan(situation):
                where = f"plan {number} step {step.key}"
                if step.draft:
                    texts.append((where, step.draft))
                texts += [(f"{where} script {who}", line) for who, line in step.script]
    return texts


def test_every_generated_draft_and_script_line_passes_clean():
    texts = _texts()
    assert len(texts) > 30
    kinds = {where.split(" step ")[1].split(":")[0].split(" ")[0] for where, _ in texts}
    assert {"thank_you", "call_recruiter", "referral", "checkin"} <= kinds
    findings = check_many([text for _, text in texts], "candidate")
    flagged = [
        (where, [(f.source, f.category, f.excerpt) for f in found])
        for (where, _), found in zip(texts, findings, strict=True)
        if found
    ]
    assert flagged == []


def _message_templates(steps: dict):
    """The words the user sends or says, as the content file holds them (placeholders unfilled)."""
    for name, step in steps.items():
        for key in ("subject", "draft"):
            if step.get(key):
                yield f"{name}.{key}", step[key]
        for number, line in enumerate(step.get("script", []), start=1):
            yield f"{name}.script[{number}]", line["text"]


def test_every_message_template_in_the_content_file_passes_clean():
    templates = list(_message_templates(content.load("en").steps))
    assert len(templates) > 15
    found = check_many([text for _, text in templates], "candidate")
    flagged = [
        (where, [(f.source, f.category, f.excerpt) for f in fs])
        for (where, _), fs in zip(templates, found, strict=True)
        if fs
    ]
    assert flagged == []
