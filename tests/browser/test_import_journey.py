"""Bring a LinkedIn network in through the web page, see the connections on an application, and a broken
file refused with its line."""

from playwright.sync_api import expect

from nextround.tracker.models import Contact
from tests.personas import make_application, make_company, make_user
from tests.transfer.helpers import connections


def test_import_linkedin_connections_and_see_them_at_the_company(live_server, page, tmp_path):
    user = make_user("sam")
    application = make_application(user, make_company(user, "Northwind Analytics"), role_title="Analyst")
    good = tmp_path / "Connections.csv"
    good.write_bytes(
        connections(
            "Amira,Haddad,https://www.linkedin.com/in/amira,,Northwind Analytics GmbH,Senior Analyst,"
            "15 Mar 2024",
            'Jonas,Richter,https://www.linkedin.com/in/jonas,jonas@example.com,"Bluefin, Inc.",Head of Data,'
            "2 Jan 2023",
            "Łukasz,Żółć,https://www.linkedin.com/in/lukasz,,Meridian Maps,Engineer,7 Jul 2022",
        )
    )
    broken = tmp_path / "Broken.csv"
    broken.write_bytes(
        connections(
            "Ana,Lima,https://www.linkedin.com/in/ana,,Acme,Analyst,15 Mar 2024",
            "Bo,Berg,https://www.linkedin.com/in/bo,,Acme,Analyst,the thirty-second of May",
        )
    )

    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("sam")
    page.locator("#id_password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/import/")

    section = page.locator("#linkedin-import")
    section.locator('input[type="file"]').set_input_files(str(broken))
    section.get_by_role("button", name="Import from LinkedIn").click()
    expect(page.locator("#linkedin-import")).to_contain_text("line 6")
    assert not Contact.objects.filter(owner=user).exists(), "a broken file saves nothing"

    section = page.locator("#linkedin-import")
    section.locator('input[type="file"]').set_input_files(str(good))
    section.get_by_role("button", name="Import from LinkedIn").click()
    expect(page.locator("#linkedin-import")).to_contain_text("3 added")
    assert Contact.objects.filter(owner=user).count() == 3

    # The connection at "Northwind Analytics GmbH" shows on the Northwind application as a route in.
    page.goto(f"{live_server.url}/applications/{application.pk}/")
    expect(page.get_by_role("link", name="Amira Haddad")).to_be_visible()
    expect(page.get_by_role("link", name="Jonas Richter")).to_have_count(0)
