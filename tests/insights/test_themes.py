"""The feedback themes count every log but read in full only the quotes the page draws; on random searches
(deletes and same-moment logs included) they equal the themes worked out from every log read in full."""

import datetime as dt

import pytest
import time_machine
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.insights import debrief, metrics, queries
from nextround.insights.feedback import load_feedback
from nextround.playbook import content
from nextround.playbook.models import Plan, PlanStep, StepLog
from nextround.playbook.services import delete_feedback, log_step, record_feedback
from nextround.tracker.services import change_stage
from nextround.tracker.vocabulary import Stage
from tests.personas import make_application, make_user

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
TAGS = [tag["key"] for tag in content.load().tags][:3]

feedback = st.tuples(
    st.lists(st.sampled_from(TAGS), max_size=3),  # tags, perhaps none
    st.one_of(st.none(), st.integers(min_value=0, max_value=60)),  # days ago, or written (no moment)
    st.booleans(),  # deleted afterwards
)


def reference(owner, quotes: int) -> debrief.Themes:
    """Every feedback log read in full, as the page did before, then cut to what the page draws."""
    ids = StepLog.objects.filter(owner=owner, outcome="feedback").values_list("pk", flat=True)
    logs = list(load_feedback(owner, list(ids)).values())
    vocabulary = [debrief.Tag(tag["key"], tag["label"], tag["actionable"]) for tag in content.load().tags]
    themes = debrief.themes(logs, vocabulary)
    for theme in themes.actionable + themes.not_actionable:
        theme.quotes = theme.quotes[:quotes]
    themes.untagged_count = len(themes.untagged)
    themes.untagged = themes.untagged[:quotes]
    return themes


@time_machine.travel(NOW, tick=False)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(logs=st.lists(feedback, min_size=3, max_size=12))
def test_themes_read_in_part_equal_themes_read_whole(logs, monkeypatch):
    monkeypatch.setattr(queries, "QUOTES", 1)  # so that random searches go past the cap
    with transaction.atomic():
        owner = make_user("themes-owner")
        application = make_application(owner, role_title="Analyst", at=NOW - dt.timedelta(days=70))
        change_stage(application=application, stage=Stage.REJECTED, at=NOW - dt.timedelta(days=65))
        plan = Plan.objects.get(owner=owner)
        steps = list(PlanStep.objects.filter(plan=plan).order_by("position", "pk"))
        for index, (tags, days, deleted) in enumerate(logs):
            words = f"Feedback {index}."
            if days is None:
                log = record_feedback(plan=plan, words=words)
                StepLog.objects.filter(pk=log.pk).update(tags=tags)
            else:
                at = NOW - dt.timedelta(days=days)
                step = steps[index % len(steps)]
                log = log_step(step=step, outcome="feedback", words=words, tags=tags, at=at)
            if deleted:
                delete_feedback(log=log)
        page = queries.compute_insights(owner, metrics.Period(None, None), NOW.date()).themes
        assert page == reference(owner, 1)
        transaction.set_rollback(True)
