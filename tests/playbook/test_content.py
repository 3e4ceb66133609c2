"""The content file: the shipped one is valid, and a broken one fails with the key named."""

import copy
import tomllib

import pytest

from nextround.playbook import content
from nextround.playbook.vocabulary import StepKind


def shipped() -> dict:
    with (content.CONTENT_DIR / "en.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_the_english_content_loads_with_every_step_and_the_fixed_tag_vocabulary():
    words = content.load("en")
    assert set(words.steps) == set(StepKind.values)
    assert {tag["key"]: tag["actionable"] for tag in words.tags} == content.TAGS


@pytest.mark.parametrize(
    ("break_it", "key"),
    [
        (lambda d: d["steps"]["thank_you"].pop("draft"), "steps.thank_you.draft: is missing"),
        (
            lambda d: d["steps"]["mutual"].update(draft="Hi {frist_name}"),
            "steps.mutual.draft: uses the unknown",
        ),
        (lambda d: d["steps"]["checkin"].update(channel="fax"), "steps.checkin.channel"),
        (lambda d: d["timing"].update(thank_you="soon"), "timing.thank_you"),
        (lambda d: d["tags"][0].update(actionable=False), "tags[1].actionable"),
        (lambda d: d["tags"].pop(), "tags: missing process"),
        (
            lambda d: d["steps"]["call_recruiter"]["script"][1].pop("text"),
            "steps.call_recruiter.script[2].text",
        ),
        (lambda d: d["steps"].pop("referral"), "steps.referral: section is missing"),
        (lambda d: d["steps"]["thank_you"].update(title="Send {contact_name"), "steps.thank_you.title"),
    ],
)
def test_a_broken_content_file_names_the_key(break_it, key):
    data = copy.deepcopy(shipped())
    break_it(data)
    with pytest.raises(content.ContentError) as error:
        content.validate(data, "en.toml")
    assert f"en.toml: {key}" in str(error.value)


def test_an_unknown_language_is_a_clear_error():
    with pytest.raises(content.ContentError, match="no playbook content for language 'xx'"):
        content.load("xx")


def test_missing_values_show_as_bracketed_hints():
    hints = content.load().placeholders
    assert content.fill("Hi {first_name}, {user_name}", {"first_name": "", "user_name": None}, hints) == (
        "Hi [their first name], [your name]"
    )
