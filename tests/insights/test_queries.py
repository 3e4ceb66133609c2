"""The database reduces histories and counts weeks for speed; it must agree with `metrics` and `activity`."""

import datetime as dt
import random
import zoneinfo

import time_machine

from nextround.insights import activity, weekly
from nextround.insights.counts import local_start
from nextround.playbook.models import Plan, PlanStep
from nextround.tracker.models import FollowUp, Interaction
from tests.personas import PersonaTestCase, make_application, make_contact

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
STAGES = [
    "saved",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
    "ghosted",
]


@time_machine.travel(NOW, tick=False)
class WeeklyActivityTests(PersonaTestCase):
    def test_database_and_python_count_random_weeks_alike_across_a_time_zone_change(self):
        tz = zoneinfo.ZoneInfo("Europe/Paris")  # summer time ends on 25 October 2026, inside the weeks
        weeks = activity.week_starts(NOW.date())
        first = local_start(weeks[0], tz)
        span = local_start(weeks[-1] + dt.timedelta(weeks=1), tz) - first
        rng = random.Random(11)
        edges = [local_start(week, tz) for week in weeks]

        def when() -> dt.datetime:
            if rng.random() < 0.2:  # on a week's first instant, or just before it
                return rng.choice(edges) - rng.choice([dt.timedelta(0), dt.timedelta(microseconds=1)])
            return first + dt.timedelta(
                seconds=rng.randint(-3 * 86400, int(span.total_seconds()) + 3 * 86400)
            )

        def local_day(at: dt.datetime) -> dt.date:
            return at.astimezone(tz).date()

        contacts = [make_contact(self.owner, name=f"Person {index}") for index in range(8)]
        applied, done, contacted = [], [], []
        for index in range(40):
            day = local_day(when())
            stage = rng.choice(STAGES)
            application = make_application(
                self.owner, stage=stage, applied_on=day, role_title=f"Role {index}"
            )
            if stage != "saved":
                applied.append(day)
            if rng.random() < 0.5:
                plan = Plan.objects.create(
                    owner=self.owner, application=application, kind="rejection", decided_at=NOW
                )
                for kind in ("thank_you", "reflection", "network"):
                    status, at = rng.choice(["todo", "done", "declined", "skipped"]), when()
                    PlanStep.objects.create(
                        owner=self.owner,
                        plan=plan,
                        key=kind,
                        kind=kind,
                        title=kind,
                        why="x",
                        due_on=NOW.date(),
                        channel="email",
                        status=status,
                        completed_at=at,
                    )
                    if status in ("done", "declined") and kind != "reflection":
                        done.append(local_day(at))
        for _ in range(30):
            status, at = rng.choice(["open", "done"]), when()
            FollowUp.objects.create(
                owner=self.owner, title="x", due_on=NOW.date(), status=status, completed_at=at
            )
            if status == "done":
                done.append(local_day(at))
        for _ in range(120):
            direction, at = rng.choice(["in", "out", ""]), when()
            interaction = Interaction.objects.create(
                owner=self.owner, kind="email", direction=direction, summary="x", occurred_at=at
            )
            people = rng.sample(contacts, rng.randint(0, 2))
            interaction.contacts.set(people)
            if direction == "out":
                contacted.extend((local_day(at), person.pk) for person in people)
        theirs = Interaction.objects.create(
            owner=self.other,
            kind="email",
            direction="out",
            summary="x",
            occurred_at=NOW - dt.timedelta(days=2),
        )
        theirs.contacts.set([make_contact(self.other)])

        goals = activity.Goals(3, 2, 1)
        expected = activity.weekly(weeks, goals, applied, done, contacted)
        found = activity.weekly_from_counts(weeks, goals, *weekly.load_activity(self.owner, weeks, tz))
        self.assertEqual(found, expected)
        self.assertTrue(any(week.contacts for week in expected) and any(week.followups for week in expected))
