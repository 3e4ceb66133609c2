"""The debrief the page sums from the counts each plan keeps equals the debrief counted from every step and
log (`debrief.debrief`, the definition), after random writes through the playbook's and tracker's services:
steps done, skipped and declined, logged outcomes and calls, written feedback added and deleted, a logged
call edited into an email or deleted, plans refreshed, discarded or deleted with their application, and a
restore."""

import datetime as dt
import importlib
import zoneinfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.insights import debrief, metrics, queries
from nextround.playbook import services as playbook
from nextround.playbook.models import Plan, PlanStep, StepLog
from nextround.playbook.services.facts import FIELDS
from nextround.playbook.vocabulary import Outcome, StepStatus
from nextround.tracker import services as tracker
from nextround.tracker.vocabulary import Stage
from nextround.transfer.export import export_json
from nextround.transfer.restore import restore
from tests.personas import make_user
from tests.playbook.helpers import RECRUITER, REFERENCE, rejected_application

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
ALL_TIME = metrics.Period(None, None)
which = st.integers(min_value=0, max_value=1000)
operation = st.one_of(
    st.tuples(st.just("status"), which, st.sampled_from(StepStatus.values)),
    st.tuples(st.just("log"), which, st.sampled_from(Outcome.values)),
    st.tuples(st.just("feedback"), which),
    st.tuples(st.just("delete feedback"), which),
    st.tuples(st.just("call to email"), which),
    st.tuples(st.just("delete message"), which),
    st.tuples(st.just("refresh"), which, st.booleans()),
    st.tuples(st.just("discard"), which),
    st.tuples(st.just("delete application"), which),
)


def from_every_row(owner) -> debrief.Debrief:
    """The debrief as the page counted it before the plans kept their counts: every step and log."""
    plans = [
        debrief.PlanFacts(kind) for kind in Plan.objects.filter(owner=owner).values_list("kind", flat=True)
    ]
    steps = [
        debrief.StepFacts(*row)
        for row in PlanStep.objects.filter(owner=owner).values_list("kind", "channel", "status")
    ]
    logs = [
        debrief.LogFacts(outcome=outcome, step_kind="", interaction_kind=kind or "")
        for outcome, kind in StepLog.objects.filter(owner=owner).values_list("outcome", "interaction__kind")
    ]
    return debrief.debrief(plans, steps, logs)


def kept(owner) -> debrief.Debrief:
    return queries.load_playbook(owner, ALL_TIME, zoneinfo.ZoneInfo("UTC"))[0]


def pick(rows, index):
    rows = list(rows)
    return rows[index % len(rows)] if rows else None


def apply(owner, op) -> None:
    kind, index, *args = op
    step = pick(PlanStep.objects.filter(owner=owner).order_by("pk"), index)
    plan = pick(Plan.objects.filter(owner=owner).order_by("pk"), index)
    log = pick(StepLog.objects.filter(owner=owner, interaction__isnull=False).order_by("pk"), index)
    if kind == "status" and step:
        playbook.set_step_status(step=step, status=args[0])
    elif kind == "log" and step:
        playbook.log_step(
            step=step, outcome=args[0], words="Thanks for asking.", at=NOW - dt.timedelta(hours=1)
        )
    elif kind == "feedback" and plan and plan.steps.exists():
        playbook.record_feedback(plan=plan, words="The team chose someone with more SQL.")
    elif kind == "delete feedback":
        feedback = pick(StepLog.objects.filter(owner=owner, outcome=Outcome.FEEDBACK).order_by("pk"), index)
        if feedback:
            playbook.delete_feedback(log=feedback)
    elif kind == "call to email" and log:
        interaction = log.interaction
        interaction.kind = "email" if interaction.kind == "call" else "call"
        tracker.log_interaction(interaction=interaction, contacts=list(interaction.contacts.all()))
    elif kind == "delete message" and log:
        tracker.delete_interaction(interaction=log.interaction)
    elif kind == "refresh" and plan:
        playbook.set_upset(plan=plan, upset=args[0])
    elif kind == "discard" and plan:
        playbook.discard_plan(plan=plan)
    elif kind == "delete application" and plan:
        tracker.delete_application(application=plan.application)


def fill(owner) -> None:
    """Two plans, one with a call already logged (so that editing or deleting a message can undo a call)."""
    rejected_application(owner, role_title="Analyst", people=[RECRUITER, REFERENCE])
    rejected_application(owner, role_title="Engineer", stage=Stage.GHOSTED)
    call = PlanStep.objects.get(owner=owner, channel="phone")
    playbook.log_step(step=call, outcome=Outcome.NO_ANSWER, at=NOW - dt.timedelta(days=1))


@time_machine.travel(NOW, tick=False)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(operation, max_size=10))
def test_the_counts_kept_on_plans_equal_those_counted_from_every_step_and_log(operations):
    with transaction.atomic():
        owner = make_user("plans-owner")
        fill(owner)
        for op in operations:
            apply(owner, op)
        assert kept(owner) == from_every_row(owner)
        transaction.set_rollback(True)


@time_machine.travel(NOW, tick=False)
def test_a_restore_brings_back_the_counts_with_the_steps_and_logs():
    owner = make_user("plans-restored")
    fill(owner)
    for op in [("log", 0, Outcome.FEEDBACK), ("log", 1, Outcome.DECLINED), ("status", 2, StepStatus.SKIPPED)]:
        apply(owner, op)
    expected = from_every_row(owner)
    assert expected.calls and expected.feedback and expected.declined and expected.steps_skipped
    restore(username="copy", text=export_json(owner))
    copy = get_user_model().objects.get(username="copy")
    assert kept(copy) == from_every_row(copy) == expected


@time_machine.travel(NOW, tick=False)
def test_deleting_a_logged_call_takes_it_out_of_the_calls_made():
    owner = make_user("plans-call")
    fill(owner)
    assert kept(owner).calls == 1
    tracker.delete_interaction(interaction=StepLog.objects.get(owner=owner).interaction)
    assert kept(owner).calls == from_every_row(owner).calls == 0


@time_machine.travel(NOW, tick=False)
def test_the_migration_fills_the_counts_of_the_plans_already_there():
    from django.apps import apps

    fill_facts = importlib.import_module("nextround.playbook.migrations.0004_plan_facts").fill_facts
    owner = make_user("before-counts")
    fill(owner)
    apply(owner, ("log", 1, Outcome.REFERRAL))
    expected = from_every_row(owner)
    Plan.objects.update(**dict.fromkeys(FIELDS, 0))  # as before the migration
    assert kept(owner) != expected
    fill_facts(apps, None)
    assert kept(owner) == expected
