"""Pickers and forms: contacts found by typing (your own only), checkboxes before their labels, and an empty
choice that says what it means instead of "---------"."""

from django.urls import reverse

from nextround.tracker.models import FollowUp
from tests.personas import PersonaTestCase, make_company, make_contact


class ContactSearchTests(PersonaTestCase):
    def test_finds_your_contacts_by_name_or_company_and_nobody_else(self):
        globex = make_company(self.owner, "Globex")
        make_contact(self.owner, "Hannah Becker", company=globex)
        make_contact(self.owner, "Hank Hill")
        make_contact(self.other, "Hannah Other")
        url = reverse("tracker:contact_search")
        results = self.client.get(url, {"q": "hann"}).json()["results"]
        self.assertEqual(results, [{"value": results[0]["value"], "text": "Hannah Becker", "hint": "Globex"}])
        self.assertEqual(
            [r["text"] for r in self.client.get(url, {"q": "globex"}).json()["results"]], ["Hannah Becker"]
        )
        self.assertEqual(self.client.get(url, {"q": ""}).json(), {"results": []})
        self.assertEqual(
            self.other_client.get(url, {"q": "hann"}).json()["results"][0]["text"], "Hannah Other"
        )
        anonymous = self.anonymous.get(url, {"q": "hann"})
        self.assertEqual(anonymous.status_code, 302)
        self.assertIn("/accounts/login/", anonymous["Location"])

    def test_the_interaction_form_marks_its_people_picker(self):
        response = self.client.get(reverse("tracker:interaction_create"))
        self.assertContains(response, 'data-picker="people"')
        self.assertContains(response, f'data-search-url="{reverse("tracker:contact_search")}"')


class FormLookTests(PersonaTestCase):
    def test_a_checkbox_comes_before_its_label(self):
        response = self.client.get(reverse("tracker:contact_create"))
        self.assertContains(
            response,
            '<div class="check-field"><input type="checkbox" name="keep_in_touch" id="id_keep_in_touch">'
            '<label for="id_keep_in_touch">On my networking list</label></div>',
            html=True,
        )

    def test_no_form_offers_dashes_as_a_choice(self):
        make_company(self.owner)
        for name in (
            "tracker:contact_create",
            "tracker:application_create",
            "tracker:interaction_create",
            "tracker:follow_up_create",
        ):
            response = self.client.get(reverse(name))
            self.assertEqual(response.status_code, 200)
            self.assertNotContains(response, "---------")
            self.assertNotContains(response, ">—</option>")


class FocusAfterActingTests(PersonaTestCase):
    def test_a_follow_up_marked_done_keeps_focus_on_itself(self):
        """Issue 11: after Mark done the item's buttons are gone, and focus fell back to the page body."""
        follow_up = FollowUp.objects.create(owner=self.owner, title="Call back", due_on="2026-01-05")
        response = self.client.post(
            reverse("tracker:follow_up_status", args=[follow_up.pk]),
            {"status": "done"},
            headers={"HX-Request": "true"},
        )
        self.assertContains(
            response, f'<li id="follow-up-{follow_up.pk}" tabindex="-1" data-focus-after-swap>'
        )
