"""Pickers you search by typing: the time zone in Settings, and people who are not in the page's list."""

from playwright.sync_api import expect

from nextround.core.models import Profile
from nextround.tracker.models import Interaction
from tests.browser.test_playbook_journey import log_in
from tests.personas import make_contact, make_user


def test_find_a_time_zone_by_country_and_save_it(live_server, page):
    user = make_user("ana")
    log_in(page, live_server.url, "ana")
    page.goto(f"{live_server.url}/settings/")
    picker = page.get_by_role("combobox", name="Time zone")
    page.locator(".ts-wrapper", has=picker).click()
    picker.fill("india")
    page.get_by_role("option", name="Asia/Kolkata · India").click()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Settings saved.")).to_be_visible()
    assert Profile.objects.get(user=user).time_zone == "Asia/Kolkata"


def test_add_someone_to_an_interaction_who_is_not_in_the_list_by_typing(live_server, page):
    user = make_user("ben")
    oldest = make_contact(user, "Zelda Oldfield")
    for number in range(101):  # the form lists the 100 most recently added people
        make_contact(user, f"Person {number:03d}")
    log_in(page, live_server.url, "ben")
    page.goto(f"{live_server.url}/interactions/new/")
    form = page.locator("form").filter(has=page.get_by_role("button", name="Add to timeline"))
    form.get_by_label("Summary").fill("Coffee with Zelda")
    people = form.get_by_role("combobox", name="Contacts")
    people.fill("zeld")
    form.get_by_role("listbox", name="Contacts").get_by_role("option", name="Zelda Oldfield").click()
    people.fill("person 007")
    form.get_by_role("listbox", name="Contacts").get_by_role("option", name="Person 007").click()
    form.get_by_role("button", name="Add to timeline").click()
    expect(page.get_by_text("Added to your timeline.")).to_be_visible()
    chosen = set(Interaction.objects.get(owner=user).contacts.values_list("name", flat=True))
    assert chosen == {oldest.name, "Person 007"}
