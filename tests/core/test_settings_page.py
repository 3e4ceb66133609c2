"""Settings: the time-zone picker offers current zones (the usual ones first) and the calendar card says
how to subscribe, and when a cloud calendar cannot reach the link."""

import datetime as dt
import zoneinfo

from django.test import override_settings
from django.urls import reverse

from nextround.core import timezones
from nextround.core.links import reachable_from_the_internet, webcal
from nextround.core.models import Profile
from tests.personas import PersonaTestCase


def test_only_current_zone_names_are_offered_with_the_common_ones_first():
    groups = timezones.choices(now=dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC))
    (common_label, common), (others_label, others) = groups
    assert common_label == "Common time zones"
    names = [name for name, _ in common + others]
    assert names[:3] == ["UTC", "Europe/London", "Europe/Dublin"]
    assert len(names) == len(set(names))  # each zone once
    for alias in ("US/Eastern", "Asia/Calcutta", "Europe/Kiev", "GB", "America/Buenos_Aires", "Etc/GMT+5"):
        assert alias not in names
    for current in ("Asia/Kolkata", "Europe/Kyiv", "America/Argentina/Buenos_Aires", "Europe/Oslo"):
        assert current in names
    assert set(names) <= zoneinfo.available_timezones() | {"UTC"}
    assert dict(common)["Europe/Berlin"] == "Europe/Berlin · Germany (UTC+01:00)"
    assert dict(others)["America/St_Johns"].endswith("(UTC−03:30)")


def test_a_saved_old_alias_stays_pickable():
    (_, _), (_, others) = timezones.choices(keep="US/Eastern")
    assert others[0] == ("US/Eastern", "US/Eastern (your current setting)")


def test_reachable_addresses():
    assert not reachable_from_the_internet("http://127.0.0.1:8000/calendar/x.ics")
    assert not reachable_from_the_internet("http://localhost:8000/calendar/x.ics")
    assert not reachable_from_the_internet("http://192.168.1.20:8000/calendar/x.ics")
    assert not reachable_from_the_internet("http://laptop:8000/calendar/x.ics")
    assert not reachable_from_the_internet("http://jobs.home.lan/calendar/x.ics")
    assert reachable_from_the_internet("https://jobs.example.org/calendar/x.ics")
    assert webcal("https://jobs.example.org/calendar/x.ics") == "webcal://jobs.example.org/calendar/x.ics"


class SettingsPageTests(PersonaTestCase):
    def test_time_zone_picker_is_searchable_and_saves(self):
        response = self.client.get(reverse("settings"))
        self.assertContains(response, 'data-picker="search"')
        self.assertContains(response, '<optgroup label="Common time zones">')
        self.assertNotContains(response, 'value="US/Eastern"')
        form = {
            "full_name": "Olive Owner",
            "time_zone": "Asia/Kolkata",
            "ghost_checkin_days": 5,
            "weekly_goal_applications": 5,
            "weekly_goal_followups": 5,
            "weekly_goal_contacts": 3,
        }
        self.assertRedirects(self.client.post(reverse("settings"), form), reverse("settings"))
        self.assertEqual(Profile.objects.get(user=self.owner).time_zone, "Asia/Kolkata")
        response = self.client.post(reverse("settings"), {**form, "time_zone": "Asia/Calcutta"})
        self.assertContains(response, "Select a valid choice", status_code=200)

    def test_an_old_alias_already_saved_does_not_block_saving(self):
        Profile.objects.filter(user=self.owner).update(time_zone="US/Eastern")
        form = {
            "full_name": "Olive",
            "time_zone": "US/Eastern",
            "ghost_checkin_days": 5,
            "weekly_goal_applications": 5,
            "weekly_goal_followups": 5,
            "weekly_goal_contacts": 3,
        }
        self.assertRedirects(self.client.post(reverse("settings"), form), reverse("settings"))

    def test_calendar_card_on_this_machine_only(self):
        token = Profile.objects.get(user=self.owner).calendar_token
        response = self.client.get(reverse("settings"))
        self.assertContains(response, f'value="http://testserver/calendar/{token}.ics"')
        self.assertContains(response, f'href="webcal://testserver/calendar/{token}.ics"')
        self.assertContains(
            response, f'href="http://testserver/calendar/{token}.ics" download="nextround.ics"'
        )
        self.assertContains(response, 'data-copy-target="calendar-link"')
        self.assertContains(response, "Google Calendar and Outlook.com cannot reach this link.")
        self.assertContains(response, "NEXTROUND_PUBLIC_URL")

    @override_settings(PUBLIC_URL="https://jobs.example.org", ALLOWED_HOSTS=["testserver"])
    def test_calendar_card_with_a_public_address(self):
        token = Profile.objects.get(user=self.owner).calendar_token
        response = self.client.get(reverse("settings"))
        self.assertContains(response, f'href="webcal://jobs.example.org/calendar/{token}.ics"')
        self.assertNotContains(response, "cannot reach this link")
        self.assertContains(response, "From URL")
