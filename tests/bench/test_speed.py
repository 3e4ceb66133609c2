"""The bulk filler the benchmarks use, and the tracker behaviour kept while making pages fast."""

import datetime as dt
import re

import time_machine
from bench.fill import fill
from django.urls import reverse
from django.utils import timezone

from nextround.tracker import queries
from nextround.tracker.models import (
    Application,
    ApplicationContact,
    Contact,
    FollowUp,
    Interaction,
    StageChange,
)
from nextround.tracker.vocabulary import Stage
from tests.personas import PersonaTestCase, make_application, make_company, make_contact, make_user

FROZEN = "2026-11-20 10:00 +0000"


class FillTests(PersonaTestCase):
    def test_fills_every_stage_with_a_history_links_follow_ups_and_only_for_that_user(self):
        counts = fill(self.owner, applications=400, seed=3)
        mine = Application.objects.filter(owner=self.owner)
        self.assertEqual(mine.count(), 400)
        self.assertEqual(Contact.objects.filter(owner=self.owner).count(), 1200)
        self.assertEqual(Interaction.objects.filter(owner=self.owner).count(), 4000)
        self.assertEqual(counts["applications"], 400)
        stages = set(mine.values_list("stage", flat=True))
        self.assertLessEqual({Stage.APPLIED, Stage.REJECTED, Stage.GHOSTED, Stage.INTERVIEWING}, stages)
        # Every application's last stage change ends at its current stage.
        for application in mine.order_by("?")[:30]:
            last = application.stage_changes.order_by("-changed_at", "-pk").first()
            self.assertEqual(last.to_stage, application.stage)
            self.assertEqual(last.changed_at, application.stage_changed_at)
        self.assertTrue(ApplicationContact.objects.filter(owner=self.owner).exists())
        self.assertTrue(FollowUp.objects.filter(owner=self.owner, status="open").exists())
        self.assertFalse(Application.objects.filter(owner=self.other).exists())
        # Nothing from long ago is still waiting for an answer.
        old = timezone.now() - dt.timedelta(days=90)
        self.assertFalse(mine.filter(stage=Stage.APPLIED, stage_changed_at__lt=old).exists())

    def test_the_same_seed_gives_the_same_search(self):
        other = make_user("third")
        fill(self.owner, applications=30, seed=5)
        fill(other, applications=30, seed=5)

        def shape(user):
            return list(
                Application.objects.filter(owner=user).order_by("pk").values_list("role_title", "stage")
            )

        self.assertEqual(shape(self.owner), shape(other))

    def test_the_pages_render_for_a_filled_search(self):
        fill(self.owner, applications=120, seed=4)
        application = Application.objects.filter(owner=self.owner).first()
        for url in [
            reverse("tracker:dashboard"),
            reverse("tracker:application_list"),
            reverse("tracker:board"),
            reverse("tracker:application_detail", args=[application.pk]),
            reverse("tracker:contact_list"),
        ]:
            self.assertEqual(self.client.get(url).status_code, 200, url)


class ContactPickerTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.company = make_company(self.owner, "Bluefin Robotics")
        self.application = make_application(self.owner, self.company)
        self.url = reverse("tracker:application_detail", args=[self.application.pk])

    def options(self, response) -> list[str]:
        form = re.search(r'name="contact"[^>]*>(.*?)</select>', response.content.decode(), re.S).group(1)
        return re.findall(r'<option value="\d+"[^>]*>([^<]*)</option>', form)

    def test_offers_the_companys_people_and_the_most_recent_others_and_says_so(self):
        oldest = make_contact(self.owner, "Aaron Oldest")
        # Added before the recent ones, but at the application's company: offered all the same.
        colleague = make_contact(self.owner, "Zelda At Bluefin", company=self.company)
        for i in range(queries.CONTACT_OPTIONS):
            make_contact(self.owner, f"Recent {i:03d}")
        make_contact(self.other, "Not Yours")
        response = self.assert_owner_only(self.url)
        shown = self.options(response)
        self.assertIn(colleague.name, shown)
        self.assertNotIn(oldest.name, shown)
        self.assertNotIn("Not Yours", shown)
        self.assertEqual(len(shown), queries.CONTACT_OPTIONS + 1)
        self.assertEqual(shown, sorted(shown, key=str.lower))
        self.assertContains(response, "most recently added contacts")

    def test_a_search_finds_someone_outside_the_list_and_linking_them_works(self):
        oldest = make_contact(self.owner, "Aaron Oldest")
        for i in range(queries.CONTACT_OPTIONS):
            make_contact(self.owner, f"Recent {i:03d}")
        response = self.client.get(self.url, {"contact_q": "oldest"})
        self.assertEqual(self.options(response), ["Aaron Oldest"])
        self.assertContains(response, "matching “oldest”")
        # The link view accepts any of your contacts, listed or not.
        self.client.post(
            reverse("tracker:application_link_contact", args=[self.application.pk]),
            {"contact": oldest.pk, "role": "mutual"},
        )
        self.assertTrue(
            ApplicationContact.objects.filter(application=self.application, contact=oldest).exists()
        )
        self.assertIn("Aaron Oldest", self.options(self.client.get(self.url)))

    def test_the_interaction_form_offers_the_same_contacts(self):
        colleague = make_contact(self.owner, "Zelda At Bluefin", company=self.company)
        response = self.client.get(self.url)
        self.assertRegex(
            response.content.decode(), rf'name="contacts"[^>]*>[^/]*<option value="{colleague.pk}"'
        )


@time_machine.travel(FROZEN, tick=False)
class DashboardReadsTests(PersonaTestCase):
    def test_recent_rejections_cover_thirty_days_counted_in_the_users_time_zone(self):
        user = make_user("tokyo", time_zone="Asia/Tokyo")
        client = self.client_class()
        client.force_login(user)
        # It is 20 November in Tokyo; the window opens on 21 October at midnight there (15:00 UTC the day
        # before), so of two rejections on 20 October (UTC) only the one after 15:00 UTC is in it.
        inside = make_application(
            user,
            role_title="Inside Window",
            stage=Stage.REJECTED,
            at=dt.datetime(2026, 10, 20, 16, tzinfo=dt.UTC),
        )
        make_application(
            user,
            role_title="Outside Window",
            stage=Stage.REJECTED,
            at=dt.datetime(2026, 10, 20, 14, tzinfo=dt.UTC),
        )
        self.assertTrue(StageChange.objects.filter(application=inside).exists())
        response = client.get(reverse("tracker:dashboard"))
        self.assertContains(response, "Inside Window")
        self.assertNotContains(response, "Outside Window")
