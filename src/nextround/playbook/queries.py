"""Playbook reads (the playbook issue fills these in)."""


def dashboard_steps(owner, today) -> dict:
    """Plan steps due today and overdue, for the dashboard."""
    return {"overdue": [], "due_today": []}
