"""Insights writes: only one, marking long-silent applications as ghosted through the tracker."""

from django.db import transaction

from nextround.tracker.models import Application
from nextround.tracker.services import change_stage
from nextround.tracker.vocabulary import Channel, Stage


@transaction.atomic
def mark_ghosted(*, applications: list[Application]) -> list[Application]:
    """Move each application still at "applied" to "no answer"; ones that moved on meanwhile are left alone.

    Going through `change_stage` keeps the history and starts the playbook's no-answer plan for each.
    """
    marked = []
    for application in applications:
        if application.stage != Stage.APPLIED:
            continue
        change_stage(application=application, stage=Stage.GHOSTED, told_via=Channel.NONE)
        marked.append(application)
    return marked
