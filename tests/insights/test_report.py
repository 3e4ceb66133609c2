"""`nextround report`, run in-process as a user would run it."""

import contextlib
import datetime as dt
import io
import os
import tempfile
from pathlib import Path

import time_machine

from nextround.cli import main
from nextround.playbook.models import PlanStep
from nextround.playbook.services import log_step
from nextround.tracker.services import change_stage
from tests.personas import PersonaTestCase, make_application

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
class ReportCommandTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        search = [
            (40, ["screening", "rejected"], "referral"),
            (30, ["rejected"], "job_board"),
            (25, [], "job_board"),
            (100, ["screening"], "referral"),
        ]
        for days, path, source in search:
            at = NOW - dt.timedelta(days=days)
            application = make_application(
                self.owner, at=at, applied_on=at.date(), source=source, role_title=f"Analyst {days}"
            )
            for index, stage in enumerate(path, start=1):
                change_stage(application=application, stage=stage, at=at + dt.timedelta(days=3 * index))
        step = PlanStep.objects.filter(owner=self.owner, kind="reflection").first()
        log_step(step=step, outcome="feedback", words="Show more stakeholder work.", tags=["experience"])

    def test_writes_one_self_contained_file_with_the_numbers(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report.html"
            self.assertEqual(main(["report", "--user", "owner", "-o", str(out)]), 0)
            html = out.read_text(encoding="utf-8")
        self.assertIn("Job search insights of Olive Owner", html)
        self.assertIn("<strong>4</strong> in all", html)
        self.assertIn("Of your 4 applications, 2 reached a screening call, 0 reached interviews", html)
        self.assertIn("“Show more stakeholder work.”", html)
        self.assertIn("Analyst 25 at Acme Analytics", html)  # waiting past three weeks, listed without a form
        self.assertNotIn("<form", html)
        self.assertNotIn('src="/static', html)  # nothing to fetch: it must open offline
        self.assertNotIn('href="/static', html)
        self.assertIn("echarts", html)
        self.assertIn('id="insights-data"', html)

    def test_default_file_name_names_the_user_and_the_day(self):
        with tempfile.TemporaryDirectory() as tmp:
            here = os.getcwd()
            os.chdir(tmp)
            try:
                stdout = io.StringIO()
                with contextlib.redirect_stdout(stdout):
                    self.assertEqual(main(["report", "--user", "owner"]), 0)
                written = Path(tmp) / "nextround-report-owner-2026-11-20.html"
                self.assertTrue(written.exists())
            finally:
                os.chdir(here)
        self.assertIn(
            "wrote the insights of owner to nextround-report-owner-2026-11-20.html", stdout.getvalue()
        )

    def test_since_and_until_narrow_the_report(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "r.html"
            code = main(
                [
                    "report",
                    "--user",
                    "owner",
                    "-o",
                    str(out),
                    "--since",
                    "2026-10-01",
                    "--until",
                    "2026-10-25",
                ]
            )
            html = out.read_text(encoding="utf-8")
        self.assertEqual(code, 0)
        self.assertIn("<strong>2</strong> in all", html)
        self.assertIn("1 Oct 2026 to 25 Oct 2026", html)

    def test_another_users_report_has_none_of_the_owners_data(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "r.html"
            main(["report", "--user", "other", "-o", str(out)])
            html = out.read_text(encoding="utf-8")
        self.assertIn("<strong>0</strong> in all", html)
        self.assertNotIn("stakeholder", html)
        self.assertIn("Your flow chart appears once you have applied somewhere.", html)


@time_machine.travel(NOW, tick=False)
class ReportErrorTests(PersonaTestCase):
    def error_of(self, argv):
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse rejects bad arguments itself
                code = exc.code
        return code, stderr.getvalue()

    def test_unknown_user(self):
        code, err = self.error_of(["report", "--user", "nobody"])
        self.assertEqual(code, 2)
        self.assertIn("nextround report: error: --user: there is no user named 'nobody'", err)

    def test_bad_date_names_the_option(self):
        code, err = self.error_of(["report", "--user", "owner", "--since", "last week"])
        self.assertEqual(code, 2)
        self.assertIn("--since must be a date like 2026-10-01 (got 'last week')", err)

    def test_dates_the_wrong_way_round(self):
        argv = ["report", "--user", "owner", "--since", "2026-11-01", "--until", "2026-10-01"]
        code, err = self.error_of(argv)
        self.assertEqual(code, 2)
        self.assertIn("--since 2026-11-01 is after --until 2026-10-01", err)

    def test_unwritable_output(self):
        code, err = self.error_of(["report", "--user", "owner", "-o", "/nonexistent-dir/report.html"])
        self.assertEqual(code, 2)
        self.assertIn("-o: cannot write /nonexistent-dir/report.html", err)
        self.assertNotIn("Traceback", err)
