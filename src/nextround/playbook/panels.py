"""The playbook's panels on the tracker's pages (see `tracker/panels.py`)."""

from nextround.playbook import queries
from nextround.playbook.services import PLAN_STAGES
from nextround.tracker import panels


def register() -> None:
    panels.register(
        "dashboard",
        template="playbook/_dashboard_steps.html",
        gather=lambda *, owner, today: {"steps": queries.dashboard_steps(owner, today)},
    )
    panels.register(
        "application",
        template="playbook/_application_plan.html",
        gather=lambda *, application: {"summary": queries.plan_summary(application)},
    )
    panels.register("moved", template="playbook/_plan_ready.html", gather=plan_ready)


def plan_ready(*, application, change) -> dict:
    """Right after a move to rejected or no answer: the plan it made, to point to at once."""
    made = change.to_stage in PLAN_STAGES and application.stage == change.to_stage
    return {"summary": queries.plan_summary(application) if made else None}
