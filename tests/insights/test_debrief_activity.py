"""The rejection debrief, feedback themes and weekly activity, from hand-built rows."""

import datetime as dt

from nextround.insights import activity, debrief
from nextround.insights.debrief import LogFacts, PlanFacts, StepFacts, Tag
from nextround.playbook import content

VOCABULARY = [
    Tag("skills", "Skills", True),
    Tag("interview", "Interview", True),
    Tag("budget", "Budget", False),
    Tag("internal_candidate", "Internal candidate", False),
]


def log(outcome, *, kind="call_recruiter", channel="call", tags=(), words="", day=1):
    return LogFacts(
        outcome=outcome,
        step_kind=kind,
        interaction_kind=channel,
        tags=tuple(tags),
        words=words,
        company="Acme",
        role="Analyst",
        at=dt.datetime(2026, 10, day, tzinfo=dt.UTC),
    )


def test_debrief_counts_what_the_user_did_and_what_people_said():
    plans = [PlanFacts("rejection"), PlanFacts("rejection"), PlanFacts("ghosted")]
    steps = [
        StepFacts("thank_you", "email", "done"),
        StepFacts("call_recruiter", "phone", "declined"),
        StepFacts("reference", "phone", "done"),
        StepFacts("reference", "phone", "declined"),  # asked, but they would not say: not debriefed
        StepFacts("network", "in_app", "done"),
        StepFacts("network", "in_app", "skipped"),
        StepFacts("interviewer", "email", "todo"),
        StepFacts("checkin", "email", "todo"),
    ]
    logs = [
        log("declined"),
        log("no_answer"),  # a call nobody picked up is still a call made
        log("feedback", kind="reference", tags=["skills"]),
        log("referral", kind="thank_you", channel="email"),
        log("declined", kind="interviewer", channel="email"),
        log("sent", kind="thank_you", channel="email"),
        log("feedback", kind="mutual", channel="note", tags=["interview"]),
    ]
    result = debrief.debrief(plans, steps, logs)
    assert (result.plans, result.rejection_plans, result.ghosted_plans) == (3, 2, 1)
    assert (result.steps, result.steps_done, result.steps_skipped) == (8, 3, 1)  # "declined" is not "done"
    assert result.calls == 3
    assert (result.asked, result.declined, result.feedback, result.referrals) == (5, 2, 2, 1)
    assert result.declined_share == 0.4
    assert result.references_debriefed == 1
    assert result.networking_added == 1


def test_grouped_rows_count_as_many():
    plans = [PlanFacts("rejection", 4), PlanFacts("ghosted", 2)]
    steps = [StepFacts("reference", "phone", "done", 3), StepFacts("thank_you", "email", "todo", 5)]
    logs = [LogFacts("declined", "", "call", count=6), LogFacts("feedback", "", "email", count=2)]
    result = debrief.debrief(plans, steps, logs)
    assert (result.plans, result.rejection_plans, result.ghosted_plans) == (6, 4, 2)
    assert (result.steps, result.steps_done, result.references_debriefed) == (8, 3, 3)
    assert (result.calls, result.asked, result.declined, result.feedback) == (6, 8, 6, 2)


def test_debrief_of_nothing():
    result = debrief.debrief([], [], [])
    assert (result.plans, result.steps_done, result.asked) == (0, 0, 0)
    assert result.declined_share is None


def test_themes_count_feedback_tags_with_quotes_split_by_what_you_can_act_on():
    logs = [
        log("feedback", tags=["skills", "interview"], words="Brush up on SQL window functions.", day=1),
        log("feedback", tags=["skills"], words="More dbt experience would help.", day=5),
        log("feedback", tags=["budget"], words="The headcount was frozen.", day=3),
        # A tag repeated in one log counts once.
        log("feedback", tags=["skills", "skills"], words="Statistics depth.", day=2),
        log("feedback", tags=[], words="They went another way."),
        log("declined", tags=["internal_candidate"]),  # only feedback counts
        log("feedback", tags=["retired_tag"], words="Old tag."),  # unknown tags are treated as untagged
    ]
    result = debrief.themes(logs, VOCABULARY)
    assert result.feedback == 6
    assert [(t.tag.key, t.count) for t in result.actionable] == [("skills", 3), ("interview", 1)]
    assert [(t.tag.key, t.count) for t in result.not_actionable] == [("budget", 1)]
    assert (result.actionable_mentions, result.not_actionable_mentions) == (4, 1)
    # Newest quote first, so the latest thing heard is on top.
    assert [q.words for q in result.actionable[0].quotes] == [
        "More dbt experience would help.",
        "Statistics depth.",
        "Brush up on SQL window functions.",
    ]
    assert sorted(q.words for q in result.untagged) == ["Old tag.", "They went another way."]


def test_the_playbook_vocabulary_splits_tags_as_the_domain_says():
    tags = {tag["key"]: tag["actionable"] for tag in content.load().tags}
    assert {key for key, actionable in tags.items() if actionable} >= {"skills", "experience", "interview"}
    assert {key for key, actionable in tags.items() if not actionable} >= {
        "budget",
        "internal_candidate",
        "compensation",
        "process",
    }


def test_week_starts_are_mondays_capped_at_twelve_and_not_before_the_period():
    weeks = activity.week_starts(dt.date(2026, 11, 20))  # a Friday
    assert len(weeks) == 12
    assert weeks[-1] == dt.date(2026, 11, 16) and weeks[0] == dt.date(2026, 8, 31)
    assert all(week.weekday() == 0 for week in weeks)
    short = activity.week_starts(dt.date(2026, 11, 20), since=dt.date(2026, 11, 4))
    assert short == [dt.date(2026, 11, 2), dt.date(2026, 11, 9), dt.date(2026, 11, 16)]


def test_weekly_counts_against_goals():
    goals = activity.Goals(applications=2, followups=1, contacts=2)
    weeks = [dt.date(2026, 11, 2), dt.date(2026, 11, 9)]
    rows = activity.weekly(
        weeks,
        goals,
        applied=[dt.date(2026, 11, 2), dt.date(2026, 11, 8), dt.date(2026, 11, 9), dt.date(2026, 10, 30)],
        followups_done=[dt.date(2026, 11, 12)],
        contacted=[
            (dt.date(2026, 11, 3), 7),
            (dt.date(2026, 11, 5), 7),
            (dt.date(2026, 11, 6), 8),
            (dt.date(2026, 11, 10), 7),
        ],
    )
    first, second = rows
    assert (first.applications, first.followups, first.contacts) == (2, 0, 2)  # person 7 counts once a week
    assert (second.applications, second.followups, second.contacts) == (1, 1, 1)
    assert (first.applications_met, first.followups_met, first.contacts_met) == (True, False, True)
    assert (second.applications_met, second.followups_met, second.contacts_met) == (False, True, False)
    assert first.end == dt.date(2026, 11, 8)
    summary = activity.summary(rows)
    met = (summary.applications_met, summary.followups_met, summary.contacts_met)
    assert (summary.weeks, *met) == (2, 1, 1, 1)
