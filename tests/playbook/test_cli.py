"""`nextround today` and `nextround calendar`, run in-process."""

import datetime as dt
import json

import icalendar
import pytest
import time_machine

from nextround.cli import main
from nextround.tracker.models import FollowUp
from tests.personas import make_user
from tests.playbook.helpers import RECRUITER, rejected_application


@pytest.fixture
def rejected(db):
    with time_machine.travel("2026-11-20 10:00 +0000", tick=False):
        owner = make_user("olive", full_name="Olive Owner")
        application, _ = rejected_application(owner, people=[RECRUITER])
        FollowUp.objects.create(owner=owner, title="Send the portfolio", due_on=dt.date(2026, 11, 23))
        FollowUp.objects.create(owner=owner, title="Later thing", due_on=dt.date(2026, 12, 20))
    return owner, application


@time_machine.travel("2026-11-24 09:00 +0000", tick=False)
def test_today_json_lists_due_and_overdue_steps_and_follow_ups(rejected, capsys):
    owner, application = rejected
    assert main(["today", "--user", "olive", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    titles = [item["title"] for item in items]
    assert "Send Hannah Becker a thank-you note" in titles  # due Monday 23, overdue
    assert "Call Hannah Becker with one forward-looking question" in titles  # due today
    assert "Send the portfolio" in titles and "Later thing" not in titles
    thank_you = next(item for item in items if item["title"].startswith("Send Hannah"))
    assert set(thank_you) == {"application", "title", "due", "status", "channel", "contact", "draft"}
    assert thank_you["application"] == "Acme Analytics: Data Analyst"
    assert (thank_you["due"], thank_you["status"], thank_you["channel"]) == ("2026-11-23", "todo", "email")
    assert thank_you["contact"] == "Hannah Becker"
    assert thank_you["draft"].startswith("Hi Hannah,")
    call = next(item for item in items if item["title"].startswith("Call"))
    assert call["draft"] is None and call["channel"] == "phone"
    assert [item["due"] for item in items] == sorted(item["due"] for item in items)


@time_machine.travel("2026-11-24 09:00 +0000", tick=False)
def test_today_text_marks_overdue_items(rejected, capsys):
    assert main(["today", "--user", "olive"]) == 0
    out = capsys.readouterr().out
    assert "2026-11-23 (overdue): Send Hannah Becker a thank-you note" in out
    assert "2026-11-24: Call Hannah Becker" in out


@time_machine.travel("2026-11-24 09:00 +0000", tick=False)
def test_today_reads_one_bounded_query_and_keeps_the_most_recent(rejected, capsys, django_assert_num_queries):
    from nextround.playbook.queries import due_items
    from nextround.tracker import services

    owner, _ = rejected
    for days in range(0, 70):  # one a day: 61 fall in the window, the rest are older than 60 days
        services.save_follow_up(
            follow_up=FollowUp(
                owner=owner, title=f"Day {days}", due_on=dt.date(2026, 11, 24) - dt.timedelta(days)
            )
        )
    with django_assert_num_queries(1):
        items, more = due_items(owner, dt.date(2026, 11, 24), limit=20)
    assert more and len(items) == 20
    assert items[-1]["due"] == "2026-11-24"  # the most recent are kept, shown oldest first
    assert [item["due"] for item in items] == sorted(item["due"] for item in items)
    items, more = due_items(owner, dt.date(2026, 11, 24))
    assert not more
    titles = {item["title"] for item in items}
    assert "Day 60" in titles and "Day 61" not in titles
    assert main(["today", "--user", "olive"]) == 0
    assert "overdue from the last 60 days" in capsys.readouterr().out


@time_machine.travel("2026-11-24 09:00 +0000", tick=False)
def test_today_with_nothing_due(db, capsys):
    make_user("empty")
    assert main(["today", "--user", "empty"]) == 0
    assert "Nothing due" in capsys.readouterr().out


def test_an_unknown_user_is_a_one_line_error(db, capsys):
    assert main(["today", "--user", "nobody"]) == 2
    assert (
        capsys.readouterr().err.strip() == "nextround today: error: --user: there is no user called 'nobody'"
    )
    assert main(["calendar", "--user", "nobody"]) == 2


@time_machine.travel("2026-11-24 09:00 +0000", tick=False)
def test_calendar_writes_the_same_feed_to_a_file(rejected, tmp_path, capsys):
    owner, application = rejected
    target = tmp_path / "plan.ics"
    assert main(["calendar", "--user", "olive", "-o", str(target)]) == 0
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) == application.plan.steps.count() + 2
    assert all(str(event["URL"]).startswith("http://127.0.0.1:8000/") for event in events)
    assert main(["calendar", "--user", "olive"]) == 0
    assert capsys.readouterr().out.startswith("BEGIN:VCALENDAR")


def test_calendar_to_an_unwritable_place_names_the_argument(rejected, tmp_path, capsys):
    assert main(["calendar", "--user", "olive", "-o", str(tmp_path / "missing" / "x.ics")]) == 2
    assert "error: -o: cannot write" in capsys.readouterr().err
