"""Adding someone new from an application's page: the contact and its link in one step, back on the page."""

from django.urls import reverse

from nextround.tracker.models import ApplicationContact, Contact
from tests.personas import PersonaTestCase, make_application

HTMX = {"HX-Request": "true"}


class AddPersonTests(PersonaTestCase):
    def setUp(self):
        super().setUp()
        self.application = make_application(self.owner, role_title="Analyst")
        self.url = reverse("tracker:application_add_person", args=[self.application.pk])
        self.person = {
            "person-name": "Hannah Becker",
            "person-link_role": "recruiter",
            "person-email": "hannah@acme.example",
            "person-phone": "+49 30 555",
            "person-title": "Talent Partner",
            "person-connected": "on",
            "person-at_company": "on",
        }

    def test_the_person_is_added_linked_and_shown_in_place(self):
        response = self.client.post(self.url, self.person, headers=HTMX)
        self.assertContains(response, 'id="people"')
        self.assertContains(response, "Added Hannah Becker, recruiter, to this application.")
        self.assertContains(response, "We connected")
        contact = Contact.objects.get(owner=self.owner, name="Hannah Becker")
        self.assertEqual(
            (contact.company, contact.role, contact.phone),
            (self.application.company, "recruiter", "+49 30 555"),
        )
        link = ApplicationContact.objects.get(application=self.application, contact=contact)
        self.assertEqual((link.role, link.connected), ("recruiter", True))

    def test_without_javascript_it_goes_back_to_the_application(self):
        response = self.client.post(self.url, {**self.person, "person-at_company": ""})
        self.assertRedirects(
            response,
            reverse("tracker:application_detail", args=[self.application.pk]) + "#people",
            fetch_redirect_response=False,
        )
        self.assertIsNone(Contact.objects.get(name="Hannah Becker").company)

    def test_a_missing_name_is_named_and_nothing_is_saved(self):
        response = self.client.post(self.url, {**self.person, "person-name": ""}, headers=HTMX)
        self.assertContains(response, "This field is required.", status_code=422)
        self.assertFalse(Contact.objects.filter(owner=self.owner).exists())
        page = self.client.post(self.url, {**self.person, "person-name": ""})
        self.assertContains(page, "Add a person to Analyst at Acme Analytics", status_code=422)

    def test_only_the_owner_may_add_people(self):
        self.assert_owner_only(self.url)
        self.assert_owner_only(self.url, method="post", data=self.person)
        self.assertEqual(Contact.objects.filter(owner=self.other).count(), 0)

    def test_the_application_page_offers_it_first_when_nobody_is_linked(self):
        page = self.client.get(reverse("tracker:application_detail", args=[self.application.pk]))
        self.assertContains(page, '<details class="add-person" open>')
        self.assertContains(page, "Works at Acme Analytics")
