"""Pickers you search by typing: the time zone in Settings, and people who are not in the page's list."""

import re

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


def test_a_late_search_answer_does_not_reopen_the_list_after_a_pick(live_server, page):
    # The server's answer to a search arrives after the person was already picked from the page's own list;
    # the list must stay closed rather than cover the form's button (it did, now and then, on a slow machine).
    user = make_user("cai")
    for name in ("Person Nine", "Ada Byron", "Grace Hopper"):
        make_contact(user, name)
    held = []
    page.route(re.compile(r"/contacts/search/"), lambda route: held.append(route))
    log_in(page, live_server.url, "cai")
    page.goto(f"{live_server.url}/interactions/new/")
    form = page.locator("form").filter(has=page.get_by_role("button", name="Add to timeline"))
    form.get_by_label("Summary").fill("Call with Person Nine")
    people = form.get_by_role("combobox", name="Contacts")
    with page.expect_request(re.compile(r"/contacts/search/")):  # after the picker's pause for typing
        people.fill("person ni")
    listbox = form.get_by_role("listbox", name="Contacts")
    listbox.get_by_role("option", name="Person Nine").click()
    expect(listbox).to_be_hidden()
    with page.expect_response(re.compile(r"/contacts/search/")):
        for route in held:
            route.continue_()
    page.wait_for_timeout(300)
    expect(listbox).to_be_hidden()
    form.get_by_role("button", name="Add to timeline").click()
    expect(page.get_by_text("Added to your timeline.")).to_be_visible()
