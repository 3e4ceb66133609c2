"""Playbook writes: building and refreshing plans, step status, drafts, logs, and keep-in-touch reminders.

The playbook hears about the tracker's writes through `subscribers` (connected in `apps.py`); it writes
tracker rows (interactions, reminders, checklist items, a contact joining the networking list) only
through the tracker's services, like every other path. One module per part: `plans`, `steps`,
`keep_in_touch`, `facts` (each plan's debrief counts, kept on its row); callers use this package.
"""

from nextround.playbook.services.facts import refresh_plan_facts
from nextround.playbook.services.keep_in_touch import add_to_networking_list, sync_keep_in_touch
from nextround.playbook.services.plans import (
    PLAN_STAGES,
    add_interview_questions,
    on_interviewing,
    on_stage_change,
    refresh_plan,
    save_reflection,
    set_upset,
    step_identity,
    sync_steps,
)
from nextround.playbook.services.steps import (
    delete_feedback,
    discard_plan,
    log_step,
    record_feedback,
    save_draft,
    set_step_status,
)

__all__ = [
    "PLAN_STAGES",
    "add_interview_questions",
    "add_to_networking_list",
    "delete_feedback",
    "discard_plan",
    "log_step",
    "on_interviewing",
    "on_stage_change",
    "record_feedback",
    "refresh_plan",
    "refresh_plan_facts",
    "save_draft",
    "save_reflection",
    "set_step_status",
    "set_upset",
    "step_identity",
    "sync_keep_in_touch",
    "sync_steps",
]
