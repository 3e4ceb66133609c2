"""The stage counts on the board and the dashboard are counted once per change, and follow every change."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nextround.tracker import services
from nextround.tracker.vocabulary import Stage
from tests.personas import PersonaTestCase, make_application


class StageCountTests(PersonaTestCase):
    def board(self) -> tuple[dict[str, int], int]:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse("tracker:board"))
        self.assertEqual(response.status_code, 200)
        counts = re.findall(r'data-count="(\w+)">(\d+)<', response.content.decode())
        return {stage: int(n) for stage, n in counts}, len(queries.captured_queries)

    def test_the_counts_follow_moves_new_and_deleted_applications(self):
        first = make_application(self.owner, stage=Stage.APPLIED)
        make_application(self.owner, stage=Stage.APPLIED)
        make_application(self.other, stage=Stage.APPLIED)  # someone else's never counts
        counts, cold = self.board()
        self.assertEqual((counts["applied"], counts["screening"]), (2, 0))
        counts, warm = self.board()
        self.assertEqual(counts["applied"], 2)
        self.assertEqual(warm, cold - 1)  # the counts come from the cache while nothing changed
        services.change_stage(application=first, stage=Stage.SCREENING)
        counts, _ = self.board()
        self.assertEqual((counts["applied"], counts["screening"]), (1, 1))
        services.delete_application(application=first)
        counts, _ = self.board()
        self.assertEqual((counts["applied"], counts["screening"]), (1, 0))
