"""The playbook's words and timing rules, loaded from one TOML file per language (plain Python, no Django).

The file is meant to be edited by people who do not write code, so `load()` checks it thoroughly and names
the exact key of anything missing or misspelled, instead of failing later on a user's page.
"""

import dataclasses
import functools
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

from nextround.playbook.vocabulary import OUTREACH, REJECTION_STEPS, Outcome, StepChannel, StepKind

CONTENT_DIR = Path(__file__).parent / "content"

PLACEHOLDERS = frozenset(
    {"first_name", "contact_name", "user_name", "company", "role", "interview_date", "on_interview_date"}
)
# Placeholders that may simply be left out when unknown (no [hint]): " on Wednesday 2 December", or nothing.
OPTIONAL_PLACEHOLDERS = frozenset({"on_interview_date"})
# The tag vocabulary is a contract with the insights page, so the keys are fixed here and the file only
# supplies labels; `actionable` must match, because insights counts actionable feedback.
TAGS = {
    "skills": True,
    "experience": True,
    "communication": True,
    "interview": True,
    "fit": False,
    "compensation": False,
    "budget": False,
    "internal_candidate": False,
    "known_candidate": False,
    "process": False,
}


class ContentError(Exception):
    """The content file is invalid; the message names the file and the key."""


@dataclass(frozen=True)
class Content:
    """The checked content file, one field per section."""

    timing: dict
    placeholders: dict
    outcomes: dict
    tags: list[dict]
    explainer: dict
    interview_questions: dict
    steps: dict

    def step(self, kind: str) -> dict:
        return self.steps[kind]

    @property
    def tag_choices(self) -> list[tuple[str, str]]:
        return [(tag["key"], tag["label"]) for tag in self.tags]

    @property
    def outcome_choices(self) -> list[tuple[str, str]]:
        return [(key, self.outcomes[key]) for key in Outcome.values]


@functools.cache
def load(language: str = "en") -> Content:
    path = CONTENT_DIR / f"{language}.toml"
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ContentError(f"no playbook content for language {language!r} ({path} is missing)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{path.name}: not valid TOML ({exc})") from None
    validate(data, path.name)
    return Content(**{section.name: data[section.name] for section in dataclasses.fields(Content)})


def validate(data: dict, source: str = "content") -> None:
    def fail(key: str, message: str):
        raise ContentError(f"{source}: {key}: {message}")

    def text(table: dict, key: str, where: str, required: bool = True) -> None:
        value = table.get(key)
        if value is None:
            if required:
                fail(f"{where}.{key}", "is missing")
            return
        if not isinstance(value, str) or not value.strip():
            fail(f"{where}.{key}", "must be a non-empty text")
        check_placeholders(value, f"{where}.{key}", fail)

    for section in ("timing", "placeholders", "outcomes", "explainer", "interview_questions", "steps"):
        if not isinstance(data.get(section), dict):
            fail(section, "section is missing")
    for kind in (*REJECTION_STEPS, "upset_delay", "network_cadence_days", "max_mutuals"):
        value = data["timing"].get(kind)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 365:
            fail(f"timing.{kind}", "must be a whole number of days from 0 to 365")
    for name in (*(PLACEHOLDERS - OPTIONAL_PLACEHOLDERS), "recruiter", "reference"):
        if not isinstance(data["placeholders"].get(name), str) or not data["placeholders"][name].strip():
            fail(f"placeholders.{name}", "is missing (the text shown when the value is unknown)")
    for outcome in Outcome.values:
        text(data["outcomes"], outcome, "outcomes")
    for key in ("title", "intro", "outro"):
        text(data["explainer"], key, "explainer")
    reasons = data["explainer"].get("reasons")
    if not isinstance(reasons, list) or not reasons or not all(isinstance(r, str) and r for r in reasons):
        fail("explainer.reasons", "must be a list of texts")
    for key in ("wanted", "objections"):
        text(data["interview_questions"], key, "interview_questions")
    validate_tags(data.get("tags"), fail)
    for kind in StepKind:
        step = data["steps"].get(kind)
        where = f"steps.{kind}"
        if not isinstance(step, dict):
            fail(where, "section is missing")
        text(step, "title", where)
        text(step, "why", where)
        if step.get("channel") not in StepChannel.values:
            fail(f"{where}.channel", f"must be one of {', '.join(sorted(StepChannel.values))}")
        if kind in OUTREACH:  # a step that reaches out carries the message to send
            text(step, "subject", where)
            text(step, "draft", where)
    call = data["steps"][StepKind.CALL_RECRUITER]
    text(call, "why_no_phone", "steps.call_recruiter")
    script = call.get("script")
    if not isinstance(script, list) or not script:
        fail("steps.call_recruiter.script", "must be a list of { label, text } lines")
    for number, line in enumerate(script, start=1):
        if not isinstance(line, dict):
            fail(f"steps.call_recruiter.script[{number}]", "must be { label = ..., text = ... }")
        text(line, "label", f"steps.call_recruiter.script[{number}]")
        text(line, "text", f"steps.call_recruiter.script[{number}]")


def validate_tags(tags, fail) -> None:
    if not isinstance(tags, list):
        fail("tags", "must be a list of [[tags]] entries")
    seen = set()
    for number, tag in enumerate(tags, start=1):
        where = f"tags[{number}]"
        key = tag.get("key") if isinstance(tag, dict) else None
        if key not in TAGS:
            fail(f"{where}.key", f"must be one of {', '.join(TAGS)} (got {key!r})")
        if key in seen:
            fail(f"{where}.key", f"{key!r} appears twice")
        seen.add(key)
        if not isinstance(tag.get("label"), str) or not tag["label"].strip():
            fail(f"{where}.label", "is missing")
        if tag.get("actionable") is not TAGS[key]:
            fail(f"{where}.actionable", f"must be {'true' if TAGS[key] else 'false'} for {key!r}")
    missing = [key for key in TAGS if key not in seen]
    if missing:
        fail("tags", f"missing {', '.join(missing)}")


def check_placeholders(value: str, where: str, fail) -> None:
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
    except ValueError as exc:
        fail(where, f"has a broken placeholder ({exc}); write {{{{ and }}}} for literal braces")
    for name in fields:
        if name not in PLACEHOLDERS:
            fail(
                where,
                f"uses the unknown placeholder {{{name}}}; use one of {', '.join(sorted(PLACEHOLDERS))}",
            )


class Filler(dict):
    """Placeholder values; an unknown or empty one shows as a visible [bracketed] hint, never as 'None'."""

    def __init__(self, values: dict, hints: dict):
        super().__init__({key: value for key, value in values.items() if value})
        self.hints = hints

    def __missing__(self, key: str) -> str:
        if key in OPTIONAL_PLACEHOLDERS:
            return ""
        return self.hints.get(key, f"[{key.replace('_', ' ')}]")


def fill(template: str, values: dict, hints: dict) -> str:
    # A value that ends a sentence itself ("Initech, Inc.") takes the place of the template's full stop.
    for key, value in values.items():
        if isinstance(value, str) and value.endswith("."):
            template = template.replace("{" + key + "}.", "{" + key + "}")
    return template.format_map(Filler(values, hints))
