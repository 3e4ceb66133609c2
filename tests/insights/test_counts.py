"""The database's counts (`counts`) equal the plain-Python definitions (`metrics`) on random searches."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.db import transaction
from django.db.models import Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.insights import counts, metrics, queries
from nextround.tracker.models import Application
from nextround.tracker.vocabulary import Source, Stage
from tests.personas import make_application, make_user
from tests.tracker.test_facts import NOW, play, step

pytestmark = pytest.mark.django_db
# Paris changes to winter time on 25 October 2026 and Sao Paulo keeps one offset: both inside the histories.
ZONES = ["UTC", "Europe/Paris", "America/Sao_Paulo", "Pacific/Auckland"]
days_ago = st.integers(min_value=0, max_value=220)


def reference(owner, period: metrics.Period, tz) -> dict:
    """The numbers worked out one application at a time, as the page did before the database counted."""
    apps = queries.load_applications(owner, ~Q(stage=Stage.SAVED), names=False)
    apps = metrics.in_period(apps, period, tz)
    return {
        "funnel": metrics.funnel(apps),
        "sources": metrics.by_source(apps),
        "answer": metrics.time_to_answer(apps, tz).days,
        "decision": metrics.time_to_decision(apps, tz).days,
    }


def counted(owner, period: metrics.Period, tz) -> dict:
    sent = counts.in_period(period, tz)
    funnel, sources = counts.funnel_and_sources(owner, sent, {})
    return {
        "funnel": funnel,
        "sources": sources,
        "answer": counts.waits(owner, sent, "first_answer_at", tz).days,
        "decision": counts.waits(owner, sent, "decided_at", tz).days,
    }


@time_machine.travel(NOW, tick=False)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(step, min_size=1, max_size=20),
    given_days=st.lists(st.one_of(st.none(), days_ago), min_size=10, max_size=10),
    sources=st.lists(st.sampled_from(Source.values), min_size=10, max_size=10),
    zone=st.sampled_from(ZONES),
    since=st.one_of(st.none(), days_ago),
    length=st.one_of(st.none(), st.integers(min_value=0, max_value=120)),
)
def test_the_database_counts_random_searches_as_metrics_does(steps, given_days, sources, zone, since, length):
    tz = zoneinfo.ZoneInfo(zone)
    today = NOW.date()
    start = today - dt.timedelta(days=since) if since is not None else None
    end = start + dt.timedelta(days=length) if start and length is not None else None
    period = metrics.Period(start, end)
    with transaction.atomic():
        owner = make_user("counts-owner", time_zone=zone)
        for index, application in enumerate(play(owner, steps)):
            # The day applied is given on some applications (it wins) and left to the history on others.
            day = given_days[index % 10]
            Application.objects.filter(pk=application.pk).update(
                applied_on=today - dt.timedelta(days=day) if day is not None else None,
                source=sources[index % 10],
            )
        assert counted(owner, period, tz) == reference(owner, period, tz)
        transaction.set_rollback(True)


@pytest.mark.parametrize("zone", ZONES + ["America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"])
def test_the_offsets_written_for_sqlite_are_the_zones_own(zone):
    tz = zoneinfo.ZoneInfo(zone)
    at = dt.datetime(1990, 1, 1, 0, 30, tzinfo=dt.UTC)
    while at.year < 2028:
        for moment in (at, at + dt.timedelta(minutes=45)):
            assert counts.offset_at(zone, moment) == moment.astimezone(tz).utcoffset().total_seconds(), moment
        at += dt.timedelta(days=3, hours=7)


@time_machine.travel(NOW, tick=False)
def test_a_wait_counts_local_days_on_both_sides_of_a_summer_time_change():
    from nextround.tracker import services

    owner = make_user("counts-local", time_zone="Europe/Paris")
    tz = zoneinfo.ZoneInfo("Europe/Paris")
    sent = dt.datetime(2026, 10, 20, 21, 30, tzinfo=dt.UTC)  # 23:30 on the 20th in Paris (summer time)
    application = make_application(owner, at=sent, applied_on=None)
    # 23:30 UTC on the 26th is 00:30 on the 27th in Paris (winter time since the 25th): seven local days.
    services.change_stage(
        application=application, stage=Stage.REJECTED, at=dt.datetime(2026, 10, 26, 23, 30, tzinfo=dt.UTC)
    )
    sent_q = counts.in_period(metrics.Period(dt.date(2026, 10, 20), dt.date(2026, 10, 20)), tz)
    assert counts.waits(owner, sent_q, "decided_at", tz).days == [7]
    assert counts.waits(owner, sent_q, "first_answer_at", tz).days == [7]
    assert counts.in_period(metrics.Period(dt.date(2026, 10, 21), None), tz) is not None
    later = counts.in_period(metrics.Period(dt.date(2026, 10, 21), None), tz)
    assert counts.funnel_and_sources(owner, later, {})[0].total == 0
