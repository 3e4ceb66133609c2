"""Issue 11, bug 1: a backdated move on a new application must move it, or be refused with a clear message.

An application added on 6 Dec as applied on 2 Nov starts its history on 2 Nov (the day it was sent), so a
move dated 10 Nov lands after it and is the current stage. A move dated before the history starts is
refused, naming the first day, and nothing is saved."""

import datetime as dt

import time_machine
from django.urls import reverse

from nextround.tracker.models import Application
from tests.personas import PersonaTestCase, make_company

NOW = "2026-12-06 15:00 +0000"


@time_machine.travel(NOW, tick=False)
class BackdatedMoveTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        company = make_company(self.owner, "Northwind")
        self.client.post(
            reverse("tracker:application_create"),
            {
                "company": company.pk,
                "role_title": "Analyst",
                "source": "job_board",
                "stage": "applied",
                "applied_on": "2026-11-02",
            },
        )
        self.application = Application.objects.get(owner=self.owner)
        self.url = reverse("tracker:application_stage", args=[self.application.pk])

    def test_the_history_starts_on_the_day_applied(self):
        first = self.application.stage_changes.get()
        self.assertEqual(first.changed_at.date(), dt.date(2026, 11, 2))
        self.assertEqual(self.application.stage_changed_at, first.changed_at)

    def test_a_move_dated_after_the_application_date_moves_it(self):
        response = self.client.post(
            self.url, {"stage": "screening", "changed_at": "2026-11-10T09:00"}, follow=True
        )
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, "screening")
        self.assertContains(response, "Moved to Screening.")
        moves = self.application.stage_changes.order_by("changed_at")
        self.assertEqual(
            list(moves.values_list("from_stage", "to_stage")), [("", "applied"), ("applied", "screening")]
        )

    def test_a_move_dated_before_the_history_starts_is_refused_and_nothing_is_saved(self):
        response = self.client.post(
            self.url, {"stage": "screening", "changed_at": "2026-10-30T09:00"}, headers={"HX-Request": "true"}
        )
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "starts on Mon 2 Nov 2026", status_code=422)
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, "applied")
        self.assertEqual(self.application.stage_changes.count(), 1)

    def test_an_earlier_move_between_two_others_says_where_the_application_stays(self):
        self.client.post(self.url, {"stage": "interviewing", "changed_at": "2026-11-20T09:00"})
        response = self.client.post(
            self.url, {"stage": "screening", "changed_at": "2026-11-10T09:00"}, headers={"HX-Request": "true"}
        )
        self.assertContains(response, "Added Screening on Tue 10 Nov to the history")
        self.assertContains(response, "stays at Interviewing, its latest move")
        self.assertNotContains(response, "Moved to Interviewing")
        self.application.refresh_from_db()
        self.assertEqual(self.application.stage, "interviewing")

    def test_an_application_added_today_starts_now(self):
        self.client.post(
            reverse("tracker:application_create"),
            {
                "company": self.application.company_id,
                "role_title": "Engineer",
                "source": "job_board",
                "stage": "applied",
                "applied_on": "2026-12-06",
            },
        )
        first = Application.objects.get(role_title="Engineer").stage_changes.get()
        self.assertEqual(first.changed_at, dt.datetime(2026, 12, 6, 15, tzinfo=dt.UTC))
