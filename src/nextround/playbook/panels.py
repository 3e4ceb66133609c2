"""The playbook's panels on the tracker's pages (see `tracker/panels.py`)."""

from nextround.playbook import queries
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
