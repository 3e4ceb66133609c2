"""docs/export-format.md is what the exporter writes, and version 1 stays version 1.

A new model or field is not exported by itself: it must be added to `transfer/sections.py` (or said to stay
out), this page's table must say so, and the version must go up, because files written with it are no
longer version 1 files.
"""

import json
import re
from pathlib import Path

import pytest
from django.apps import apps

from nextround.core.models import OwnedModel, Profile
from nextround.demo import load_demo
from nextround.transfer.export import export_document
from nextround.transfer.sections import BOOKKEEPING, PROFILE_FIELDS, VERSION, sections

DOC = Path(__file__).resolve().parents[2] / "docs" / "export-format.md"
# Version 1 as it was released: section -> fields. Any change to the format must raise VERSION.
VERSION_1 = {
    "profile": [
        "full_name",
        "time_zone",
        "ghost_checkin_days",
        "weekly_goal_applications",
        "weekly_goal_followups",
        "weekly_goal_contacts",
    ],
    "companies": ["name", "website", "location", "notes"],
    "contacts": [
        "name",
        "email",
        "phone",
        "linkedin_url",
        "company",
        "title",
        "role",
        "how_we_know",
        "notes",
        "keep_in_touch",
        "keep_in_touch_days",
        "linkedin_connected_on",
    ],
    "applications": [
        "company",
        "role_title",
        "posting_url",
        "source",
        "location",
        "work_mode",
        "salary_min",
        "salary_max",
        "salary_currency",
        "applied_on",
        "stage",
        "stage_changed_at",
        "reference_checked",
        "notes",
    ],
    "stage_changes": [
        "application",
        "from_stage",
        "to_stage",
        "changed_at",
        "what_was_said",
        "told_by",
        "told_via",
    ],
    "application_contacts": ["application", "contact", "role", "connected"],
    "interactions": ["kind", "direction", "occurred_at", "summary", "application", "contacts"],
    "follow_ups": ["title", "notes", "due_on", "status", "application", "contact", "origin", "completed_at"],
    "checklist_items": ["application", "text", "done", "key"],
    "playbook_plans": [
        "application",
        "kind",
        "decided_at",
        "upset",
        "went_well",
        "do_differently",
        "learned",
    ],
    "playbook_plan_steps": [
        "plan",
        "key",
        "kind",
        "title",
        "why",
        "due_on",
        "contact",
        "channel",
        "status",
        "subject",
        "generated_draft",
        "draft",
        "script",
        "position",
        "completed_at",
    ],
    "playbook_step_logs": ["step", "interaction", "outcome", "words", "said_by", "tags", "questions_asked"],
}
# Kept per user but not part of the export, on purpose: uploads waiting between import steps.
# The mailbox (its app password is never exported) and the mail review queue: what accepting a letter did
# (the stage move, the logged letter, the contact) is in the tracker's sections.
# The insights' weekly totals are worked out from the messages (again after a restore), like the facts.
NOT_EXPORTED_MODELS = {
    "transfer.upload",
    "transfer.importjob",
    "mail.mailaccount",
    "mail.mailmessage",
    "insights.peopleweek",
}
# Profile settings that stay with the installation: the calendar token is new after a restore; applying
# rejections from mail automatically goes with the mailbox, which is not exported either.
NOT_EXPORTED_PROFILE = {"id", "user", "calendar_token", "apply_rejections_automatically"}


def exporter_format() -> dict[str, list[str]]:
    found = {"profile": list(PROFILE_FIELDS)}
    for section in sections():
        found[section.name] = [field.name for field in [*section.fields, *section.many]]
    return found


def documented_format() -> tuple[int, dict[str, list[str]]]:
    text = DOC.read_text(encoding="utf-8")
    version = int(re.search(r"^# .*\(version (\d+)\)$", text, re.M).group(1))
    table = text[text.index("## Sections and fields") :]
    rows = re.findall(r"^\| `(\w+)`[^|]* \| (.+) \|$", table, re.M)
    return version, {name: re.findall(r"`(\w+)`", fields) for name, fields in rows}


def test_the_page_lists_every_section_and_field_the_exporter_writes_in_order():
    version, documented = documented_format()
    assert version == VERSION
    assert documented == exporter_format()


def test_version_1_is_frozen():
    if VERSION == 1:
        assert exporter_format() == VERSION_1, "the format changed: raise VERSION (and say what changed)"


@pytest.mark.django_db
def test_an_export_has_exactly_the_documented_sections_and_fields():
    load_demo()
    owner = apps.get_model("auth", "User").objects.get(username="demo")
    data = json.loads(json.dumps(export_document(owner)))["data"]
    expected = exporter_format()
    assert list(data) == list(expected)
    assert list(data["profile"]) == expected["profile"]
    for name, records in data.items():
        if name == "profile":
            continue
        assert records, f"the demo has no {name}: the check would prove nothing"
        for record in records:
            assert list(record) == ["id", *expected[name]], name


def test_every_field_of_every_users_row_is_exported_or_left_out_on_purpose():
    exported = {section.model: section for section in sections()}
    per_user = [model for model in apps.get_models() if issubclass(model, OwnedModel)]
    missing_models = [
        model._meta.label_lower
        for model in per_user
        if model not in exported and model._meta.label_lower not in NOT_EXPORTED_MODELS
    ]
    assert not missing_models, f"neither exported nor left out on purpose: {missing_models}"
    for model, section in exported.items():
        # Non-editable fields are worked out by nextround itself (an application's facts, from its history).
        fields = {f.name for f in [*model._meta.concrete_fields, *model._meta.many_to_many] if f.editable}
        listed = {field.name for field in [*section.fields, *section.many]}
        assert fields - BOOKKEEPING == listed, f"{section.name}: a field is neither exported nor bookkeeping"
    profile_fields = {field.name for field in Profile._meta.concrete_fields}
    assert profile_fields - NOT_EXPORTED_PROFILE == set(PROFILE_FIELDS)
