"""The database reduces stage histories for speed; it must agree with `metrics.reduce_history`."""

import datetime as dt
import random

import time_machine

from nextround.insights import metrics, queries
from nextround.tracker.models import Application, Interaction, StageChange
from tests.personas import PersonaTestCase, make_application

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
class ReducedHistoryTests(PersonaTestCase):
    def test_database_and_python_reduce_random_histories_alike(self):
        rng = random.Random(7)
        expected = {}
        for index in range(60):
            start = NOW - dt.timedelta(
                days=rng.randint(10, 200), seconds=rng.randint(0, 86399), microseconds=rng.randint(0, 999999)
            )
            application = make_application(
                self.owner, at=start, stage=rng.choice(STAGES), role_title=f"Role {index}"
            )
            moves = [metrics.Move(application.stage, start)]
            for _ in range(rng.randint(0, 4)):  # backdated and out-of-order moves included
                move = metrics.Move(rng.choice(STAGES), start + dt.timedelta(hours=rng.randint(-48, 900)))
                StageChange.objects.create(
                    owner=self.owner, application=application, to_stage=move.stage, changed_at=move.at
                )
                moves.append(move)
            expected[application.pk] = metrics.reduce_history(moves)
        ids = Application.objects.filter(owner=self.owner).values("pk")
        self.assertEqual(queries.reduced_histories(self.owner, ids), expected)

    def test_first_incoming_is_the_earliest_message_from_them_on_the_owners_applications(self):
        application = make_application(self.owner, at=NOW - dt.timedelta(days=30))
        for days, direction in [(20, "in"), (25, "out"), (10, "in"), (22, "")]:
            Interaction.objects.create(
                owner=self.owner,
                kind="email",
                direction=direction,
                summary="x",
                occurred_at=NOW - dt.timedelta(days=days),
                application=application,
            )
        theirs = make_application(self.other, at=NOW - dt.timedelta(days=30))
        Interaction.objects.create(
            owner=self.other,
            kind="email",
            direction="in",
            summary="x",
            occurred_at=NOW - dt.timedelta(days=29),
            application=theirs,
        )
        found = queries.first_incoming(self.owner, Application.objects.values("pk"))
        self.assertEqual(found, {application.pk: NOW - dt.timedelta(days=20)})
