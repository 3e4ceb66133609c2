"""The facts kept on each application row equal what its history says, whatever path wrote it."""

import datetime as dt

import pytest
import time_machine
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.tracker import facts, services
from nextround.tracker.models import Application, Interaction, StageChange
from nextround.tracker.vocabulary import Direction, Origin, Stage
from nextround.transfer.export import export_json
from nextround.transfer.restore import restore
from tests.personas import make_application, make_user

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
STAGES = list(Stage.values)
DIRECTIONS = [Direction.INCOMING, Direction.OUTGOING, Direction.NONE]
hours_ago = st.integers(min_value=0, max_value=24 * 200)

# One step of a search: new applications, moves (backdated too), messages, and edits or deletions of them.
step = st.one_of(
    st.tuples(st.just("apply"), st.sampled_from(STAGES), hours_ago),
    st.tuples(st.just("import"), st.sampled_from(STAGES), hours_ago),
    st.tuples(st.just("move"), st.integers(0, 9), st.sampled_from(STAGES), hours_ago),
    st.tuples(st.just("message"), st.integers(0, 9), st.sampled_from(DIRECTIONS), hours_ago),
    st.tuples(st.just("edit"), st.integers(0, 9), st.integers(0, 9), st.sampled_from(DIRECTIONS)),
    st.tuples(st.just("delete"), st.integers(0, 9)),
    st.tuples(st.just("undo"), st.integers(0, 9)),
)


def replayed(application: Application) -> facts.Reduced:
    """The facts worked out again from the stored history, the slow way."""
    moves = [
        facts.Move(stage, at) for stage, at in application.stage_changes.values_list("to_stage", "changed_at")
    ]
    incoming = Interaction.objects.filter(application=application, direction=Direction.INCOMING)
    first = min(incoming.values_list("occurred_at", flat=True), default=None)
    return facts.reduce_history(moves, first)


def stored(application: Application) -> facts.Reduced:
    application.refresh_from_db()
    return facts.Reduced(
        application.furthest_rank, application.sent_at, application.first_answer_at, application.decided_at
    )


def play(owner, steps) -> list[Application]:
    applications, messages = [], []
    for action, *args in steps:
        if action in ("apply", "import"):
            stage, hours = args
            at = NOW - dt.timedelta(hours=hours)
            if action == "apply":
                applications.append(make_application(owner, stage=stage, at=at, role_title="Analyst"))
            else:  # the bulk path imports take
                company = applications[0].company if applications else make_application(owner).company
                new = Application(owner=owner, company=company, role_title="Imported", stage=stage)
                new.stage_changed_at = at
                applications += services.create_applications(
                    owner=owner, applications=[new], origin=Origin.IMPORT
                )
        elif not applications:
            continue
        elif action == "move":
            index, stage, hours = args
            application = applications[index % len(applications)]
            application.refresh_from_db()
            # A move may be backdated, but not before the application's history starts (it is refused).
            start = application.stage_changes.order_by("changed_at").values_list("changed_at", flat=True)[0]
            at = max(NOW - dt.timedelta(hours=hours), start)
            services.change_stage(application=application, stage=stage, at=at)
        elif action == "message":
            index, direction, hours = args
            interaction = Interaction(
                owner=owner,
                kind="email",
                direction=direction,
                summary="A message",
                occurred_at=NOW - dt.timedelta(hours=hours),
                application=applications[index % len(applications)],
            )
            messages.append(services.log_interaction(interaction=interaction))
        elif action == "edit" and messages:
            index, target, direction = args
            interaction = messages[index % len(messages)]
            interaction.application = applications[target % len(applications)]
            interaction.direction = direction
            services.log_interaction(interaction=interaction)
        elif action == "delete" and messages:
            services.delete_interaction(interaction=messages.pop(args[0] % len(messages)))
        elif action == "undo":  # take the latest move back out of the history (the Mail page does)
            application = applications[args[0] % len(applications)]
            change = application.stage_changes.order_by("-changed_at", "-pk").first()
            if application.stage_changes.count() > 1:
                services.remove_stage_change(change=change)
    return applications


def on_random_searches(examples: int):
    """Run a test on `examples` random searches of up to 25 steps, at a fixed clock."""

    def wrap(test):
        searched = given(steps=st.lists(step, min_size=1, max_size=25))(test)
        tuned = settings(
            max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
        )(searched)
        return time_machine.travel(NOW, tick=False)(tuned)

    return wrap


@on_random_searches(40)
def test_the_facts_on_each_row_equal_its_replayed_history(steps):
    with transaction.atomic():
        owner = make_user("facts-owner")
        for application in play(owner, steps):
            assert stored(application) == replayed(application), application.pk
        transaction.set_rollback(True)


@on_random_searches(15)
def test_a_restored_search_gets_the_facts_of_its_history(steps):
    """A restore writes moves and messages in batches and works the facts out once at its end."""
    with transaction.atomic():
        owner = make_user("facts-source")
        play(owner, steps)
        restore(username="facts-copy", text=export_json(owner))
        copies = list(Application.objects.filter(owner__username="facts-copy"))
        assert len(copies) == Application.objects.filter(owner=owner).count()
        for application in copies:
            assert stored(application) == replayed(application), application.pk
        transaction.set_rollback(True)


@time_machine.travel(NOW, tick=False)
def test_a_restored_history_gets_its_facts():
    owner = make_user("restorer")
    application = make_application(owner, stage=Stage.APPLIED, at=NOW - dt.timedelta(days=9))
    moves = [
        StageChange(
            owner=owner,
            application=application,
            from_stage="applied",
            to_stage=stage,
            changed_at=NOW - dt.timedelta(days=days),
        )
        for stage, days in [("interviewing", 3), ("screening", 6), ("rejected", 1)]
    ]
    services.record_stage_changes(owner=owner, changes=moves, origin=Origin.RESTORE)
    assert stored(application) == facts.Reduced(
        rank=2,
        sent_at=NOW - dt.timedelta(days=9),
        answered_at=NOW - dt.timedelta(days=6),
        decided_at=NOW - dt.timedelta(days=1),
    )


@time_machine.travel(NOW, tick=False)
def test_moving_or_deleting_the_first_answer_updates_both_applications():
    owner = make_user("answers")
    first, second = play(owner, [("apply", "applied", 100), ("apply", "applied", 90)])
    message = services.log_interaction(
        interaction=Interaction(
            owner=owner,
            kind="email",
            direction=Direction.INCOMING,
            summary="Can we talk?",
            occurred_at=NOW - dt.timedelta(hours=50),
            application=first,
        )
    )
    assert stored(first).answered_at == NOW - dt.timedelta(hours=50)
    message.application = second
    services.log_interaction(interaction=message)
    assert (stored(first).answered_at, stored(second).answered_at) == (None, NOW - dt.timedelta(hours=50))
    message.direction = Direction.OUTGOING
    services.log_interaction(interaction=message)
    assert stored(second).answered_at is None
    message.direction = Direction.INCOMING
    services.log_interaction(interaction=message)
    services.delete_interaction(interaction=message)
    assert stored(second).answered_at is None


@time_machine.travel(NOW, tick=False)
def test_taking_a_move_back_out_of_the_history_updates_the_facts():
    owner = make_user("undoer")
    [application] = play(owner, [("apply", "applied", 100), ("move", 0, "rejected", 10)])
    assert stored(application).decided_at == NOW - dt.timedelta(hours=10)
    services.remove_stage_change(change=application.stage_changes.get(to_stage="rejected"))
    assert stored(application) == replayed(application)
    assert stored(application).decided_at is None


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("message_hours, answered_hours", [(50, 50), (10, 30)])
def test_the_first_answer_is_the_earlier_of_a_message_and_an_answering_move(message_hours, answered_hours):
    owner = make_user("earliest")
    [application] = play(
        owner,
        [
            ("apply", "applied", 100),
            ("move", 0, "screening", 30),
            ("message", 0, Direction.INCOMING, message_hours),
        ],
    )
    assert stored(application).answered_at == NOW - dt.timedelta(hours=answered_hours)
