from django.contrib.auth import get_user_model
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from nextround.core.models import Profile
from tests.personas import PersonaTestCase


class SignupTests(PersonaTestCase):
    def test_sign_up_logs_in_and_creates_a_profile(self):
        response = self.anonymous.post(
            reverse("signup"),
            {
                "username": "newbie",
                "full_name": "Nia Newbie",
                "password1": "correct-horse-battery",
                "password2": "correct-horse-battery",
            },
        )
        self.assertRedirects(response, reverse("tracker:dashboard"), fetch_redirect_response=False)
        self.assertEqual(Profile.objects.get(user__username="newbie").full_name, "Nia Newbie")
        self.assertContains(self.anonymous.get(reverse("tracker:dashboard")), "Welcome to nextround")

    def test_password_validators_apply(self):
        response = self.anonymous.post(
            reverse("signup"),
            {
                "username": "weak",
                "password1": "12345678",
                "password2": "12345678",
            },
        )
        self.assertContains(response, "This password is too common.")
        self.assertFalse(get_user_model().objects.filter(username="weak").exists())

    def test_log_in_and_out(self):
        client = Client()
        response = client.post(reverse("login"), {"username": "owner", "password": "a-long-test-password"})
        self.assertRedirects(response, reverse("tracker:dashboard"))
        response = client.post(reverse("logout"))
        self.assertRedirects(response, reverse("login"), fetch_redirect_response=False)
        self.assertEqual(client.get(reverse("tracker:dashboard")).status_code, 302)

    def test_change_password(self):
        response = self.client.post(
            reverse("password_change"),
            {
                "old_password": "a-long-test-password",
                "new_password1": "another-long-secret-9",
                "new_password2": "another-long-secret-9",
            },
        )
        self.assertRedirects(response, reverse("password_change_done"))
        self.owner.refresh_from_db()
        self.assertTrue(self.owner.check_password("another-long-secret-9"))


class SettingsTests(PersonaTestCase):
    def test_settings_save_and_validate(self):
        response = self.client.post(
            reverse("settings"),
            {
                "full_name": "Olive O.",
                "time_zone": "Atlantis/Lost",
                "ghost_checkin_days": "5",
                "weekly_goal_applications": "5",
                "weekly_goal_followups": "5",
                "weekly_goal_contacts": "3",
            },
        )
        self.assertContains(response, "Select a valid choice")
        response = self.client.post(
            reverse("settings"),
            {
                "full_name": "Olive O.",
                "time_zone": "Asia/Tokyo",
                "ghost_checkin_days": "7",
                "weekly_goal_applications": "10",
                "weekly_goal_followups": "5",
                "weekly_goal_contacts": "3",
            },
        )
        self.assertRedirects(response, reverse("settings"))
        self.assertEqual(Profile.objects.get(user=self.owner).time_zone, "Asia/Tokyo")

    def test_regenerating_the_calendar_token(self):
        before = Profile.objects.get(user=self.owner).calendar_token
        self.client.post(reverse("settings"), {"action": "regenerate_calendar"})
        self.assertNotEqual(Profile.objects.get(user=self.owner).calendar_token, before)

    def test_anonymous_goes_to_log_in(self):
        self.assertEqual(self.anonymous.get(reverse("settings")).status_code, 302)


class ProfileTests(PersonaTestCase):
    def test_sign_up_starts_in_the_installations_time_zone(self):
        with self.settings(TIME_ZONE="Europe/Berlin"):
            self.anonymous.post(
                reverse("signup"),
                {
                    "username": "nia",
                    "password1": "correct-horse-battery",
                    "password2": "correct-horse-battery",
                },
            )
        self.assertEqual(Profile.objects.get(user__username="nia").time_zone, "Europe/Berlin")

    def test_an_account_made_without_a_profile_reads_the_defaults_and_writes_nothing_until_saved(self):
        # `nextround manage createsuperuser` makes a user without a profile.
        admin = get_user_model().objects.create_user("admin", password="a-long-test-password")
        client = Client()
        client.force_login(admin)
        for url in (reverse("tracker:dashboard"), reverse("insights:index"), reverse("settings")):
            self.assertEqual(client.get(url).status_code, 200, url)
        self.assertContains(client.get(reverse("settings")), "Save your settings once to get your link.")
        self.assertFalse(Profile.objects.filter(user=admin).exists())
        client.post(reverse("settings"), {"action": "regenerate_calendar"})
        profile = Profile.objects.get(user=admin)
        self.assertContains(client.get(reverse("settings")), profile.calendar_token)


class HealthTests(PersonaTestCase):
    def test_ok_when_the_database_answers(self):
        response = self.anonymous.get("/healthz")
        self.assertEqual((response.status_code, response.content), (200, b"ok"))

    def test_503_when_it_does_not(self):
        from unittest import mock

        with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=DatabaseError("down")):
            response = self.anonymous.get("/healthz")
        self.assertEqual(response.status_code, 503)
