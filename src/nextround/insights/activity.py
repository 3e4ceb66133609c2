"""Weekly activity against the user's own goals (plain Python, no Django). Weeks start on Monday."""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

MAX_WEEKS = 12


@dataclass(frozen=True)
class Goals:
    applications: int
    followups: int
    contacts: int


@dataclass
class Week:
    start: dt.date
    applications: int
    followups: int
    contacts: int
    goals: Goals

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)

    @property
    def applications_met(self) -> bool:
        return self.applications >= self.goals.applications

    @property
    def followups_met(self) -> bool:
        return self.followups >= self.goals.followups

    @property
    def contacts_met(self) -> bool:
        return self.contacts >= self.goals.contacts


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_starts(until: dt.date, since: dt.date | None = None, count: int = MAX_WEEKS) -> list[dt.date]:
    """The Mondays of the last `count` weeks up to `until`, not before the week of `since`."""
    last = monday(until)
    first = last - dt.timedelta(weeks=count - 1)
    if since is not None and monday(since) > first:
        first = monday(since)
    weeks, current = [], first
    while current <= last:
        weeks.append(current)
        current += dt.timedelta(weeks=1)
    return weeks


def weekly(
    weeks: list[dt.date],
    goals: Goals,
    applied: list[dt.date],
    followups_done: list[dt.date],
    contacted: list[tuple[dt.date, int]],
) -> list[Week]:
    """Count per week: applications sent, follow-ups done, and distinct people the user reached out to."""
    apps = Counter(monday(day) for day in applied)
    done = Counter(monday(day) for day in followups_done)
    return weekly_from_counts(weeks, goals, apps, done, people_per_week(contacted))


def people_per_week(contacted: Iterable[tuple[dt.date, int]]) -> dict[dt.date, int]:
    """Different people reached per week (Monday) from (day, contact id) pairs: each person once a week."""
    people: dict[dt.date, set[int]] = defaultdict(set)
    for day, contact_id in contacted:
        people[monday(day)].add(contact_id)
    return {start: len(ids) for start, ids in people.items()}


def weekly_from_counts(
    weeks: list[dt.date],
    goals: Goals,
    applied: dict[dt.date, int],
    followups_done: dict[dt.date, int],
    contacts: dict[dt.date, int],
) -> list[Week]:
    """The weeks from counts already made per Monday (the database makes them for the page, with the rules
    of `weekly`)."""
    return [
        Week(start, applied.get(start, 0), followups_done.get(start, 0), contacts.get(start, 0), goals)
        for start in weeks
    ]


@dataclass
class WeeklySummary:
    weeks: int
    applications_met: int
    followups_met: int
    contacts_met: int


def summary(weeks: list[Week]) -> WeeklySummary:
    return WeeklySummary(
        weeks=len(weeks),
        applications_met=sum(week.applications_met for week in weeks),
        followups_met=sum(week.followups_met for week in weeks),
        contacts_met=sum(week.contacts_met for week in weeks),
    )
