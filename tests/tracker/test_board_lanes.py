"""Each lane of the board shows its newest cards and links to the whole stage; the counts stay whole."""

import datetime as dt
import re

import time_machine
from django.urls import reverse

from nextround.tracker.queries import BOARD_CARDS_PER_STAGE, BOARD_CLOSED_CARDS
from nextround.tracker.vocabulary import Stage
from tests.personas import PersonaTestCase, make_application

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
class BoardLaneTests(PersonaTestCase):
    def cards(self, html: str, stage: str) -> list[str]:
        lane = re.search(rf'<div class="board-cards" data-stage="{stage}".*?</div>\s*<p', html, re.S).group(0)
        return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', lane)

    def test_a_long_lane_shows_its_newest_cards_and_links_to_all_of_them(self):
        applied = BOARD_CARDS_PER_STAGE + 3
        for day in range(applied):
            make_application(self.owner, role_title=f"Applied {day}", at=NOW - dt.timedelta(days=day + 1))
        for day in range(BOARD_CLOSED_CARDS + 1):
            make_application(
                self.owner,
                role_title=f"Rejected {day}",
                stage=Stage.REJECTED,
                at=NOW - dt.timedelta(days=day + 1),
            )
        make_application(self.other, role_title="Not yours", at=NOW)
        html = self.client.get(reverse("tracker:board")).content.decode()

        self.assertEqual(
            self.cards(html, "applied"), [f"Applied {day}" for day in range(BOARD_CARDS_PER_STAGE)]
        )
        self.assertIn(f'data-count="applied">{applied}<', html)
        list_url = reverse("tracker:application_list")
        self.assertIn(f'<a href="{list_url}?stage=applied">Show all {applied} in “Applied”</a>', html)
        self.assertEqual(
            self.cards(html, "rejected"), [f"Rejected {day}" for day in range(BOARD_CLOSED_CARDS)]
        )
        self.assertIn(f"Show all {BOARD_CLOSED_CARDS + 1} in “Rejected”", html)
        self.assertNotIn("Not yours", html)

    def test_a_short_lane_shows_every_card_and_no_link(self):
        make_application(self.owner, role_title="Only one", stage=Stage.SCREENING)
        html = self.client.get(reverse("tracker:board")).content.decode()
        self.assertEqual(self.cards(html, "screening"), ["Only one"])
        self.assertNotIn("Show all", html)
