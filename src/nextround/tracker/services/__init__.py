"""Writes to the tracker: one action per function, keyword-only arguments, one transaction each.

Every write of a tracker row goes through here, from every path (views, imports, restores, the demo, the
playbook, test helpers). Each action has a single form for people and, where imports and restores write
thousands of rows, a bulk form (`create_applications`, `record_stage_changes`, `record_interactions`,
`save_contacts`...) that keeps the same rules and announces once per batch (see `tracker/events.py`).
"""

from nextround.tracker.services.activity import (
    delete_follow_up,
    delete_interaction,
    log_interaction,
    record_interactions,
    save_follow_up,
    set_follow_up_status,
)
from nextround.tracker.services.applications import (
    add_checklist_item,
    add_checklist_items,
    change_stage,
    create_application,
    create_applications,
    delete_application,
    link_contact,
    record_stage_changes,
    remove_stage_change,
    toggle_checklist_item,
    unlink_contact,
    update_application,
    update_applications,
)
from nextround.tracker.services.people import (
    CompanyInUse,
    add_companies,
    add_person,
    delete_company,
    delete_contact,
    merge_companies,
    save_company,
    save_contact,
    save_contacts,
)

__all__ = [
    "CompanyInUse",
    "add_checklist_item",
    "add_checklist_items",
    "add_companies",
    "add_person",
    "change_stage",
    "create_application",
    "create_applications",
    "delete_application",
    "delete_company",
    "delete_contact",
    "delete_follow_up",
    "delete_interaction",
    "link_contact",
    "merge_companies",
    "log_interaction",
    "record_interactions",
    "record_stage_changes",
    "remove_stage_change",
    "save_company",
    "save_contact",
    "save_contacts",
    "save_follow_up",
    "set_follow_up_status",
    "toggle_checklist_item",
    "unlink_contact",
    "update_application",
    "update_applications",
]
