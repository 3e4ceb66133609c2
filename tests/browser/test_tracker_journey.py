"""A new user's first journey: sign up, track an application to rejection, log people and follow-ups."""

import re

from playwright.sync_api import expect

from nextround.tracker.models import Application, FollowUp, Interaction


def test_sign_up_track_an_application_to_rejection_and_follow_up(live_server, page, screenshot):
    base = live_server.url
    page.goto(f"{base}/accounts/signup/")
    page.get_by_label("Username").fill("jordan")
    page.get_by_label("Your name").fill("Jordan Lee")
    page.locator("#id_password1").fill("a-very-good-passphrase")
    page.locator("#id_password2").fill("a-very-good-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    expect(page.get_by_text("Welcome to nextround")).to_be_visible()

    # Adding an application first asks for its company.
    page.get_by_role("link", name="Add an application").first.click()
    expect(page.get_by_role("heading", name="Add a company")).to_be_visible()
    page.get_by_label("Name").fill("Northwind Analytics")
    page.get_by_label("Location").fill("Berlin")
    page.get_by_role("button", name="Add company").click()
    expect(page.get_by_role("heading", name="Add an application")).to_be_visible()
    page.get_by_label("Role").fill("Senior Data Analyst")
    page.get_by_label("Source").select_option("referral")
    page.get_by_role("button", name="Add application").click()
    expect(page.get_by_role("heading", name="Senior Data Analyst")).to_be_visible()

    # Move it through the stages in place (htmx), then to rejected with what was said.
    for stage in ["screening", "interviewing"]:
        page.locator("#stage-panel").get_by_label("Stage").select_option(stage)
        page.locator("#stage-panel").get_by_role("button", name="Move").click()
        expect(page.locator("#stage-panel")).to_contain_text(f"Moved to {stage.capitalize()}")
    panel = page.locator("#stage-panel")
    panel.get_by_label("Stage").select_option("rejected")
    panel.get_by_text("If this is a rejection").click()
    panel.get_by_label("What they said").fill("We went with a candidate with more fintech experience.")
    panel.get_by_label("How").select_option("email")
    panel.get_by_role("button", name="Move").click()
    expect(panel).to_contain_text("Moved to Rejected")
    expect(page.locator("#timeline")).to_contain_text("more fintech experience")
    application = Application.objects.get(role_title="Senior Data Analyst")
    assert application.stage == "rejected"
    assert list(application.stage_changes.order_by("changed_at").values_list("to_stage", flat=True)) == [
        "applied",
        "screening",
        "interviewing",
        "rejected",
    ]
    screenshot("application-rejected")

    # A contact, then an interaction with them on the application's timeline.
    page.get_by_role("link", name="Contacts").first.click()
    page.get_by_role("link", name="Add a contact").first.click()
    page.get_by_label("Name").fill("Hannah Becker")
    page.get_by_label("Company").select_option(label="Northwind Analytics")
    page.get_by_label("Their role for you").select_option("recruiter")
    page.get_by_label("Phone").fill("+49 30 5550 1201")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", name="Hannah Becker")).to_be_visible()

    page.goto(f"{base}/applications/{application.pk}/")
    form = page.locator("#interaction-form")
    form.get_by_label("Kind").select_option("call")
    form.get_by_label("Summary").fill("Called Hannah to thank her and ask about other openings.")
    form.get_by_role("combobox", name="Contacts").fill("hann")  # the people picker finds her by typing
    form.get_by_role("listbox", name="Contacts").get_by_role("option", name="Hannah Becker").click()
    form.get_by_role("button", name="Add to timeline").click()
    expect(page.locator("#interaction-form")).to_contain_text("Added to the timeline.")
    expect(page.locator("#timeline")).to_contain_text("ask about other openings")
    assert Interaction.objects.get().contacts.get().name == "Hannah Becker"

    # A follow-up due today shows on the dashboard, and is marked done in place.
    page.get_by_role("link", name="Add a follow-up").click()
    page.get_by_label("What to do").fill("Send Hannah my portfolio")
    page.get_by_role("button", name="Add follow-up").click()
    page.get_by_role("link", name="Today").click()
    item = page.locator("li", has_text="Send Hannah my portfolio")
    expect(item).to_contain_text("Due today")
    screenshot("dashboard")
    item.get_by_role("button", name="Mark done").click()
    expect(page.locator("li", has_text="Send Hannah my portfolio")).to_contain_text(re.compile("Done"))
    assert FollowUp.objects.get(title="Send Hannah my portfolio").status == "done"
