"""What the JSON export holds, section by section, and how one field's value is written down.

Every section and every field is listed here, in the order the file writes them (docs/export-format.md
says the same, and a test holds the two together). A field added to a model is not exported until it is
added here, which changes the format: a deliberate change, with the version bumped (see the test).
Sections are listed parents first, so every reference points to a section already read.
"""

import datetime as dt

from django.db import models

from nextround.core.models import Profile
from nextround.playbook.models import Plan, PlanStep, StepLog
from nextround.tracker.models import (
    Application,
    ApplicationContact,
    ChecklistItem,
    Company,
    Contact,
    FollowUp,
    Interaction,
    StageChange,
)

FORMAT = "nextround"
VERSION = 1
PROFILE_FIELDS = Profile.SETTINGS
# Bookkeeping the database sets itself; a restore gets fresh values, so they are not part of the format.
BOOKKEEPING = frozenset({"id", "owner", "created_at", "updated_at", "refreshed_at"})

# Section name, model, its fields in the order written, and the fields that order its rows (before the rest
# of their content), each list written as words.
SECTIONS = (
    ("companies", Company, "name website location notes", "name"),
    (
        "contacts",
        Contact,
        "name email phone linkedin_url company title role how_we_know notes keep_in_touch keep_in_touch_days "
        "linkedin_connected_on",
        "name company",
    ),
    (
        "applications",
        Application,
        "company role_title posting_url source location work_mode salary_min salary_max salary_currency "
        "applied_on stage stage_changed_at reference_checked notes",
        "company role_title applied_on",
    ),
    (
        "stage_changes",
        StageChange,
        "application from_stage to_stage changed_at what_was_said told_by told_via",
        "application changed_at",
    ),
    ("application_contacts", ApplicationContact, "application contact role connected", "application contact"),
    ("interactions", Interaction, "kind direction occurred_at summary application contacts", "occurred_at"),
    (
        "follow_ups",
        FollowUp,
        "title notes due_on status application contact origin completed_at",
        "due_on title",
    ),
    ("checklist_items", ChecklistItem, "application text done key", "application text"),
    ("playbook_plans", Plan, "application kind decided_at upset went_well do_differently learned", ""),
    (
        "playbook_plan_steps",
        PlanStep,
        "plan key kind title why due_on contact channel status subject generated_draft draft script position "
        "completed_at",
        "",
    ),
    ("playbook_step_logs", StepLog, "step interaction outcome words said_by tags questions_asked", ""),
)


class Section:
    def __init__(
        self, name: str, model: type[models.Model], names: tuple[str, ...], order: tuple[str, ...] = ()
    ):
        self.name, self.model, self.order = name, model, order
        self.prefix = model._meta.model_name
        listed = [model._meta.get_field(field_name) for field_name in names]
        self.fields = [field for field in listed if not field.many_to_many]
        self.many = [field for field in listed if field.many_to_many]

    def field_names(self) -> set[str]:
        return {"id"} | {field.name for field in self.fields} | {field.name for field in self.many}


def sections() -> list[Section]:
    return [
        Section(name, model, tuple(names.split()), tuple(order.split()))
        for name, model, names, order in SECTIONS
    ]


def encode(value):
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
