"""Playbook writes. The tracker calls `on_stage_change` and `on_keep_in_touch_done` after its own writes."""


def on_stage_change(*, change) -> None:
    """Hook called inside the stage-change transaction (the playbook issue builds plans here)."""


def on_keep_in_touch_done(*, follow_up) -> None:
    """Hook called when a keep-in-touch follow-up is done (the playbook issue schedules the next one)."""
