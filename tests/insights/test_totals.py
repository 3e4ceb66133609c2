"""The people reached per week that the insights keep as running totals equal a count made from scratch,
after random writes through the services: new, edited and deleted messages, deleted people and applications,
imports, restores and moves to another time zone (across summer-time changes)."""

import datetime as dt
import importlib
import zoneinfo

import pytest
import time_machine
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.core.access import profile_for
from nextround.core.services import save_profile
from nextround.insights import activity, weekly
from nextround.insights.counts import local_start
from nextround.insights.models import PeopleWeek, WeeklyTotals
from nextround.tracker import events, services
from nextround.tracker.models import Contact, Interaction
from nextround.tracker.vocabulary import Origin
from tests.personas import make_application, make_contact, make_user

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
ZONES = ["UTC", "Europe/Paris", "America/Sao_Paulo", "Pacific/Auckland", "Asia/Kolkata"]
WEEKS = activity.week_starts(NOW.date(), count=20)
PEOPLE = 4

# A moment: seconds from the start of the weeks, or a week's first local instant (in Paris) give or take.
moment = st.one_of(
    st.integers(min_value=0, max_value=20 * 7 * 86400).map(
        lambda s: local_start(WEEKS[0], dt.UTC) + dt.timedelta(seconds=s)
    ),
    st.tuples(st.sampled_from(WEEKS), st.sampled_from([-1, 0, 1])).map(
        lambda w: local_start(w[0], zoneinfo.ZoneInfo("Europe/Paris")) + dt.timedelta(microseconds=w[1])
    ),
)
direction = st.sampled_from(["out", "out", "in", ""])
people = st.lists(st.integers(min_value=0, max_value=PEOPLE - 1), max_size=3, unique=True)
which = st.integers(min_value=0, max_value=1000)
operation = st.one_of(
    st.tuples(st.just("log"), moment, direction, people, st.sampled_from([None, 0, 1])),
    st.tuples(st.just("edit"), which, moment, direction, people),
    st.tuples(st.just("delete"), which),
    st.tuples(st.just("delete person"), which),
    st.tuples(st.just("delete application"), st.sampled_from([0, 1])),
    st.tuples(st.just("zone"), st.sampled_from(ZONES)),
    st.tuples(st.just("import"), st.lists(st.tuples(moment, direction, people), min_size=1, max_size=12)),
    st.tuples(st.just("restore"), st.lists(st.tuples(moment, direction, people), min_size=1, max_size=5)),
)


def from_scratch(owner, tz) -> dict[dt.date, int]:
    """Each person once a week, over the messages the user sent (`activity.weekly`'s rule), row by row."""
    contacted = [
        (at.astimezone(tz).date(), contact_id)
        for at, contact_id in Interaction.contacts.through.objects.filter(
            interaction__owner=owner, interaction__direction="out"
        ).values_list("interaction__occurred_at", "contact_id")
    ]
    goals = activity.Goals(1, 1, 1)
    return {week.start: week.contacts for week in activity.weekly(WEEKS, goals, [], [], contacted)}


def pick(alive: list[Contact], picked: list[int]) -> list[Contact]:
    return (
        list({alive[index % len(alive)].pk: alive[index % len(alive)] for index in picked}.values())
        if alive
        else []
    )


def apply(owner, op, contacts, applications) -> None:
    kind, *args = op
    mine = list(Interaction.objects.filter(owner=owner).order_by("pk"))
    alive = [c for c in contacts if Contact.objects.filter(pk=c.pk).exists()]
    if kind == "log":
        at, way, picked, app = args
        application = applications[app] if app is not None and applications[app].pk else None
        interaction = Interaction(
            owner=owner, kind="email", direction=way, summary="x", occurred_at=at, application=application
        )
        services.log_interaction(interaction=interaction, contacts=pick(alive, picked))
    elif kind == "edit" and mine:
        index, at, way, picked = args
        interaction = mine[index % len(mine)]
        interaction.occurred_at, interaction.direction = at, way
        services.log_interaction(interaction=interaction, contacts=pick(alive, picked))
    elif kind == "delete" and mine:
        services.delete_interaction(interaction=mine[args[0] % len(mine)])
    elif kind == "delete person" and alive:
        services.delete_contact(contact=alive[args[0] % len(alive)])
    elif kind == "delete application" and applications[args[0]].pk:
        services.delete_application(application=applications[args[0]])
        applications[args[0]].pk = None
    elif kind == "zone":
        profile = profile_for(owner)
        profile.time_zone = args[0]
        save_profile(profile=profile)
    elif kind in ("import", "restore"):
        origin = Origin.IMPORT if kind == "import" else Origin.RESTORE
        logged = [
            (
                Interaction(owner=owner, kind="email", direction=way, summary="x", occurred_at=at),
                [contact.pk for contact in pick(alive, picked)],
            )
            for at, way, picked in args[0]
        ]
        services.record_interactions(owner=owner, logged=logged, origin=origin)
        if kind == "restore":
            events.announce_restored(owner=owner)


@time_machine.travel(NOW, tick=False)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=moment, zone=st.sampled_from(ZONES), operations=st.lists(operation, max_size=12))
def test_the_weekly_totals_equal_a_count_from_scratch_after_random_writes(first, zone, operations):
    with transaction.atomic():
        owner = make_user("totals-owner", time_zone=zone)
        other = make_user("totals-other", time_zone="UTC")
        contacts = [make_contact(owner, name=f"Person {index}") for index in range(PEOPLE)]
        applications = [make_application(owner, role_title=f"Role {index}") for index in range(2)]
        # Someone else's messages in the same weeks never count.
        services.log_interaction(
            interaction=Interaction(
                owner=other, kind="email", direction="out", summary="x", occurred_at=first
            ),
            contacts=[make_contact(other)],
        )
        apply(owner, ("log", first, "out", [0, 1], 0), contacts, applications)
        for op in operations:
            apply(owner, op, contacts, applications)

        tz = zoneinfo.ZoneInfo(profile_for(owner).time_zone)
        kept = weekly.people_kept(owner, WEEKS, tz)
        assert kept is not None, "the totals are complete and in the user's time zone"
        expected = from_scratch(owner, tz)
        assert {week: kept.get(week, 0) for week in WEEKS} == expected
        # And the page's loader reads the same numbers.
        assert {week: weekly.load_activity(owner, WEEKS, tz)[2].get(week, 0) for week in WEEKS} == expected
        transaction.set_rollback(True)


@time_machine.travel(NOW, tick=False)
def test_the_page_counts_the_weeks_itself_until_the_totals_are_in_the_users_time_zone():
    owner = make_user("zones", time_zone="Europe/Paris")
    contact = make_contact(owner)
    # Sunday 23:30 UTC is already Monday in Paris: which week it counts in depends on the zone.
    at = dt.datetime(2026, 11, 15, 23, 30, tzinfo=dt.UTC)
    services.log_interaction(
        interaction=Interaction(owner=owner, kind="email", direction="out", summary="x", occurred_at=at),
        contacts=[contact],
    )
    paris, utc = zoneinfo.ZoneInfo("Europe/Paris"), zoneinfo.ZoneInfo("UTC")
    assert weekly.people_kept(owner, WEEKS, paris) == {dt.date(2026, 11, 16): 1}
    # Cut in Paris, the totals are not used for UTC weeks: the page counts those itself.
    assert weekly.people_kept(owner, WEEKS, utc) is None
    assert weekly.load_activity(owner, WEEKS, utc)[2] == {dt.date(2026, 11, 9): 1}
    profile = profile_for(owner)
    profile.time_zone = "UTC"
    save_profile(profile=profile)
    assert WeeklyTotals.objects.get(owner=owner).time_zone == "UTC"
    assert weekly.people_kept(owner, WEEKS, utc) == {dt.date(2026, 11, 9): 1}
    assert PeopleWeek.objects.filter(owner=owner).count() == 1


@time_machine.travel(NOW, tick=False)
def test_the_migration_fills_the_totals_of_the_messages_already_there():
    from django.apps import apps

    fill = importlib.import_module("nextround.insights.migrations.0001_weekly_totals").fill_totals
    owner = make_user("before-totals", time_zone="Pacific/Auckland")
    people = [make_contact(owner, name=f"Person {index}") for index in range(3)]
    for index, at in enumerate([NOW - dt.timedelta(days=days) for days in (1, 2, 9, 30, 31)]):
        services.log_interaction(
            interaction=Interaction(owner=owner, kind="email", direction="out", summary="x", occurred_at=at),
            contacts=people[: index % 3 + 1],
        )
    tz = zoneinfo.ZoneInfo("Pacific/Auckland")
    kept = weekly.people_kept(owner, WEEKS, tz)
    PeopleWeek.objects.all().delete()
    WeeklyTotals.objects.all().delete()  # as before the migration
    assert weekly.people_kept(owner, WEEKS, tz) is None
    fill(apps, None)
    assert (
        weekly.people_kept(owner, WEEKS, tz)
        == kept
        == {week: n for week, n in from_scratch(owner, tz).items() if n}
    )
