"""The bulk filler the benchmarks use (`bench/fill.py`): a valid, varied search, the same for one seed."""

import datetime as dt

from bench.fill import fill
from django.urls import reverse
from django.utils import timezone

from nextround.tracker.models import (
    Application,
    ApplicationContact,
    Contact,
    FollowUp,
    Interaction,
)
from nextround.tracker.vocabulary import Stage
from tests.personas import PersonaTestCase, make_user


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
