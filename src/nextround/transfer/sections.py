"""What the JSON export holds, section by section, and how one field's value is written down.

Sections are listed parents first, so every reference points to a section already read. The playbook's
models are found at run time (any model of the playbook app that belongs to a user), so a new playbook
model is exported without a change here.
"""

import datetime as dt
import re

from django.apps import apps
from django.conf import settings
from django.db import models

from nextround.core.models import OwnedModel
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
# Bookkeeping the database sets itself; a restore gets fresh values, so they are not part of the format.
SKIPPED_FIELDS = {"id", "owner", "created_at", "updated_at"}
PROFILE_FIELDS = (
    "full_name",
    "time_zone",
    "ghost_checkin_days",
    "weekly_goal_applications",
    "weekly_goal_followups",
    "weekly_goal_contacts",
)

# (section name, model, fields that order its rows before the rest of their content)
TRACKER_SECTIONS = (
    ("companies", Company, ("name",)),
    ("contacts", Contact, ("name", "company")),
    ("applications", Application, ("company", "role_title", "applied_on")),
    ("stage_changes", StageChange, ("application", "changed_at")),
    ("application_contacts", ApplicationContact, ("application", "contact")),
    ("interactions", Interaction, ("occurred_at",)),
    ("follow_ups", FollowUp, ("due_on", "title")),
    ("checklist_items", ChecklistItem, ("application", "text")),
)


class Section:
    def __init__(self, name: str, model: type[models.Model], order: tuple[str, ...] = ()):
        self.name, self.model, self.order = name, model, order
        self.prefix = model._meta.model_name
        self.fields = [
            field
            for field in model._meta.concrete_fields
            if field.name not in SKIPPED_FIELDS
            and not field.primary_key
            and not getattr(field, "auto_now", False)
            and not getattr(field, "auto_now_add", False)
            and not (field.is_relation and field.related_model._meta.label == settings.AUTH_USER_MODEL)
        ]
        self.many = [field for field in model._meta.many_to_many]

    def field_names(self) -> set[str]:
        return {"id"} | {field.name for field in self.fields} | {field.name for field in self.many}


def _playbook_models() -> list[type[models.Model]]:
    try:
        config = apps.get_app_config("playbook")
    except LookupError:
        return []
    found = [model for model in config.get_models() if issubclass(model, OwnedModel)]
    # Parents before children: a model comes after every playbook model it points to.
    ordered: list = []
    while found:
        ready = [
            model
            for model in found
            if all(
                field.related_model not in found or field.related_model is model
                for field in model._meta.concrete_fields
                if field.is_relation
            )
        ]
        if not ready:
            ready = found[:1]
        for model in sorted(ready, key=lambda item: item._meta.model_name):
            ordered.append(model)
            found.remove(model)
    return ordered


def sections() -> list[Section]:
    result = [Section(name, model, order) for name, model, order in TRACKER_SECTIONS]
    for model in _playbook_models():
        name = re.sub(r"\W+", "_", str(model._meta.verbose_name_plural)).strip("_").lower()
        result.append(Section(f"playbook_{name}", model))
    return result


def encode(value):
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
