"""The application page's "People you know at ..." box: your contacts at the company, however spelled."""

import time_machine
from django.urls import reverse

from tests.personas import PersonaTestCase, make_application, make_company, make_contact


class PeopleYouKnowTests(PersonaTestCase):
    @time_machine.travel("2026-11-20 10:00 +0000", tick=False)
    def test_application_page_lists_contacts_at_the_company_however_it_is_spelled(self):
        acme = make_company(self.owner, "Acme Inc.")
        application = make_application(self.owner, acme)
        make_contact(self.owner, "Ann Lee", company=make_company(self.owner, "ACME"))
        make_contact(self.owner, "Bo Base", company=make_company(self.owner, "Metabase"))
        make_contact(self.other, "Secret Sam", company=make_company(self.other, "Acme"))
        page = self.assert_owner_only(reverse("tracker:application_detail", args=[application.pk]))
        html = page.content.decode()
        routes = html[html.index('id="connection-routes"') :]
        routes = routes[: routes.index("</section>")]
        self.assertIn("People you know at Acme Inc.", routes)
        self.assertIn("Ann Lee", routes)
        self.assertNotIn("Bo Base", routes)  # Metabase is not Acme
        self.assertNotIn("Secret Sam", html)

    def test_empty_state_points_to_the_import(self):
        application = make_application(self.owner, make_company(self.owner, "Lonely Ltd"))
        page = self.client.get(reverse("tracker:application_detail", args=[application.pk]))
        self.assertContains(page, "Import your LinkedIn connections")
