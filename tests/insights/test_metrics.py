"""The funnel, response rates and timing, from hand-built searches whose answers are known."""

import datetime as dt

import pytest

from nextround.insights import metrics
from nextround.insights.metrics import AppFacts, Move, Period

UTC = dt.UTC
BERLIN = dt.timezone(dt.timedelta(hours=1))


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 10, day, hour, tzinfo=UTC)


def app(pk, path, *, source="job_board", applied=1, step=3, first_incoming=None, stage=None, applied_on=True):
    """An application that went through `path`, one stage every `step` days from October `applied`."""
    moves = [Move(name, at(applied + i * step)) for i, name in enumerate(path)]
    return AppFacts(
        id=pk,
        source=source,
        stage=stage or path[-1],
        moves=moves,
        applied_on=dt.date(2026, 10, applied) if applied_on else None,
        first_incoming=first_incoming,
    )


SEARCH = [
    app(1, ["applied"]),
    app(2, ["applied", "ghosted"]),
    app(3, ["applied", "rejected"]),
    app(4, ["applied", "screening", "rejected"]),
    app(5, ["applied", "screening", "interviewing", "rejected"]),
    app(6, ["applied", "screening", "interviewing"]),
    app(7, ["applied", "interviewing", "offer", "accepted"]),  # skipped screening
    app(8, ["applied", "screening", "withdrawn"]),
]


def test_funnel_counts_the_furthest_stage_and_the_exit_at_each_stage():
    funnel = metrics.funnel(SEARCH)
    rows = {row.stage: row for row in funnel.rows}
    assert funnel.total == 8
    assert [rows[s].reached for s in metrics.PROGRESS] == [8, 5, 3, 1]
    assert (rows["applied"].rejected, rows["applied"].ghosted, rows["applied"].open) == (1, 1, 1)
    assert (rows["screening"].rejected, rows["screening"].withdrawn, rows["screening"].moved_on) == (1, 1, 3)
    interviewing = rows["interviewing"]
    assert (interviewing.rejected, interviewing.open, interviewing.moved_on) == (1, 1, 1)
    assert rows["offer"].accepted == 1
    assert rows["applied"].share_of_previous is None
    assert rows["screening"].share_of_previous == pytest.approx(5 / 8)
    assert rows["offer"].share_of_previous == pytest.approx(1 / 3)


def test_funnel_links_feed_a_flow_chart_that_adds_up():
    funnel = metrics.funnel(SEARCH)
    links = {(source, target): value for source, target, value in funnel.links}
    assert links[("Applied", "Screening")] == 5
    assert links[("Screening", "Interviewing")] == 3
    assert links[("Interviewing", "Offer")] == 1
    assert links[("Offer", "Accepted")] == 1
    assert links[("Applied", "No answer")] == 1
    # Every application leaves the first node exactly once.
    assert sum(value for (source, _), value in links.items() if source == "Applied") == 8
    assert ("Offer", "Rejected") not in links  # no zero-width flows
    assert funnel.nodes[0] == "Applied"


def test_a_rejection_after_a_move_back_still_counts_the_furthest_stage():
    moved_back = app(1, ["applied", "interviewing", "screening", "rejected"])
    rows = {row.stage: row for row in metrics.funnel([moved_back]).rows}
    assert rows["interviewing"].reached == 1 and rows["interviewing"].rejected == 1
    assert rows["screening"].rejected == 0


def test_empty_search_has_an_empty_funnel():
    funnel = metrics.funnel([])
    assert funnel.total == 0 and funnel.links == [] and all(row.reached == 0 for row in funnel.rows)


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        (0, 10, 0.0, 0.2775),
        (5, 10, 0.2366, 0.7634),
        (10, 10, 0.7225, 1.0),
        (1, 3, 0.0615, 0.7923),
        (30, 100, 0.2189, 0.3958),
    ],
)
def test_wilson_interval_matches_published_values(successes, n, low, high):
    assert metrics.wilson_interval(successes, n) == pytest.approx((low, high), abs=1e-4)


def test_wilson_interval_of_nothing_is_everything():
    assert metrics.wilson_interval(0, 0) == (0.0, 1.0)


def test_response_rates_by_source_with_counts_and_a_sample_threshold():
    search = [
        app(1, ["applied", "screening"], source="referral"),
        app(2, ["applied", "rejected"], source="referral"),
        app(3, ["applied"], source="referral"),
        *[app(10 + i, ["applied"], source="job_board") for i in range(4)],
        app(20, ["applied", "ghosted"], source="job_board"),
        app(21, ["applied"], source="job_board", first_incoming=at(5)),  # they wrote back: an answer
        app(22, ["applied", "interviewing"], source="job_board"),
    ]
    rows = {row.source: row for row in metrics.by_source(search, {"referral": "Referral"})}
    assert [row.source for row in metrics.by_source(search)] == ["job_board", "referral"]  # most first
    referral, board = rows["referral"], rows["job_board"]
    assert (referral.label, referral.applications) == ("Referral", 3)
    assert (referral.heard_back.count, referral.moved_forward.count) == (2, 1)
    assert not referral.heard_back.enough  # 3 < 5: too few to tell
    assert board.label == "Job board"
    assert (board.applications, board.heard_back.count, board.moved_forward.count) == (7, 2, 1)
    assert board.heard_back.enough
    assert board.heard_back.share == pytest.approx(2 / 7)
    assert board.heard_back.interval == pytest.approx(metrics.wilson_interval(2, 7))


def test_time_to_first_answer_and_to_decision_in_days():
    search = [
        app(1, ["applied", "screening", "rejected"], step=4),  # answer after 4 days, decision after 8
        app(2, ["applied", "rejected"], step=10),  # both after 10
        app(3, ["applied"], first_incoming=at(3)),  # a message 2 days later: an answer, no decision
        app(4, ["applied", "ghosted"], step=30),  # silence is no answer
        app(5, ["applied", "screening", "interviewing", "offer"], step=7),  # answer 7, decision 21
    ]
    answer = metrics.time_to_answer(search, UTC)
    decision = metrics.time_to_decision(search, UTC)
    assert answer.days == [2, 4, 7, 10]
    assert (answer.median, answer.quickest, answer.slowest, answer.count) == (5.5, 2, 10, 4)
    assert decision.days == [8, 10, 21]
    assert decision.median == 10


def test_times_count_calendar_days_in_the_users_time_zone():
    late = AppFacts(
        id=1,
        source="other",
        stage="rejected",
        applied_on=dt.date(2026, 10, 1),
        moves=[Move("applied", at(1)), Move("rejected", dt.datetime(2026, 10, 2, 23, 30, tzinfo=UTC))],
    )
    assert metrics.time_to_answer([late], UTC).days == [1]
    assert metrics.time_to_answer([late], BERLIN).days == [2]  # 00:30 on the 3rd in Berlin


def test_no_answers_means_no_median():
    durations = metrics.time_to_answer([app(1, ["applied"])], UTC)
    assert (durations.median, durations.quickest, durations.count) == (None, None, 0)


def test_waiting_past_three_weeks_without_an_answer():
    today = dt.date(2026, 10, 31)
    search = [
        app(1, ["applied"], applied=10),  # exactly 21 days: waiting
        app(2, ["applied"], applied=11),  # 20 days: not yet
        app(3, ["applied"], applied=2, first_incoming=at(6)),  # they wrote: not silent
        app(4, ["applied", "ghosted"], applied=1),  # already marked
        app(5, ["applied"], applied=1),
        app(6, ["applied", "screening", "applied"], applied=3),  # moved back, but it did hear back
    ]
    waiting = metrics.waiting_without_answer(search, today, UTC)
    assert [a.id for a in waiting] == [5, 1]


def test_applied_day_falls_back_to_the_first_move_out_of_saved():
    saved_then_sent = AppFacts(
        id=1,
        source="other",
        stage="applied",
        applied_on=None,
        moves=[Move("saved", at(1)), Move("applied", at(4))],
    )
    only_saved = AppFacts(id=2, source="other", stage="saved", applied_on=None, moves=[Move("saved", at(1))])
    assert metrics.applied_day(saved_then_sent, UTC) == dt.date(2026, 10, 4)
    assert metrics.applied_day(only_saved, UTC) is None


def test_period_selects_applications_by_the_day_they_were_sent():
    search = [app(i, ["applied", "rejected"], applied=i, step=20) for i in range(1, 11)]
    picked = metrics.in_period(search, Period(dt.date(2026, 10, 3), dt.date(2026, 10, 5)), UTC)
    assert [a.id for a in picked] == [3, 4, 5]  # rejected in late October, still counted (a cohort)
    assert len(metrics.in_period(search, Period(), UTC)) == 10
    assert [a.id for a in metrics.in_period(search, Period(since=dt.date(2026, 10, 9)), UTC)] == [9, 10]
    assert [a.id for a in metrics.in_period(search, Period(until=dt.date(2026, 10, 1)), UTC)] == [1]
