"""A new user's first journey, with no reload and no dead end: sign up, add an application (its company typed
in on the way), add the recruiter from the application, move it to rejected and land on the plan; then log a
call with her and a follow-up. Screenshots of each step feed docs/guide.md (NEXTROUND_SCREENSHOTS)."""

import re

from playwright.sync_api import expect

from nextround.playbook.models import PlanStep
from nextround.tracker.models import Application, ApplicationContact, FollowUp, Interaction


def test_sign_up_to_a_rejected_applications_plan_without_a_reload(live_server, page, screenshot):
    base = live_server.url
    page.goto(f"{base}/accounts/signup/")
    page.get_by_label("Username").fill("jordan")
    page.get_by_label("Your name").fill("Jordan Lee")
    page.locator("#id_password1").fill("a-very-good-passphrase")
    page.locator("#id_password2").fill("a-very-good-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    expect(page.get_by_text("Welcome to nextround")).to_be_visible()

    # The first application: its company is typed into the picker and added with it.
    page.get_by_role("link", name="Add an application").first.click()
    expect(page.get_by_role("heading", name="Add an application")).to_be_visible()
    company = page.get_by_role("combobox", name="Company")
    page.locator(".ts-wrapper", has=company).click()
    company.fill("Northwind Analytics")
    page.get_by_role("option", name="Add a new company: Northwind Analytics").click()
    page.get_by_label("Role").fill("Senior Data Analyst")
    page.get_by_label("Source").select_option("referral")
    screenshot("application-new")
    page.get_by_role("button", name="Add application").click()
    expect(page.get_by_role("heading", name="Senior Data Analyst")).to_be_visible()
    application = Application.objects.get(role_title="Senior Data Analyst")
    assert application.company.name == "Northwind Analytics"

    # The recruiter, added and linked from the application in one step.
    people = page.locator("#people")
    person = people.locator(".add-person")  # open by default while nobody is linked
    person.get_by_label("Name").fill("Hannah Becker")
    person.get_by_label("Their role in this application").select_option("recruiter")
    person.get_by_label("Phone").fill("+49 30 5550 1201")
    person.get_by_label("We connected").check()
    screenshot("application-add-person")
    person.get_by_role("button", name="Add to this application").click()
    expect(people.get_by_role("status")).to_have_text("Added Hannah Becker, recruiter, to this application.")
    expect(people.get_by_role("link", name="Hannah Becker")).to_be_visible()
    link = ApplicationContact.objects.get(application=application)
    assert (link.contact.name, link.role, link.connected) == ("Hannah Becker", "recruiter", True)

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
    expect(panel).to_contain_text("Your plan is ready:")
    # The plan card appears at once, and keyboard focus moves to it.
    plan_card = page.get_by_role("heading", name="Your plan after this rejection")
    expect(plan_card).to_be_focused()
    expect(page.locator("#timeline")).to_contain_text("more fintech experience")
    application.refresh_from_db()
    assert application.stage == "rejected"
    assert list(application.stage_changes.order_by("changed_at").values_list("to_stage", flat=True)) == [
        "applied",
        "screening",
        "interviewing",
        "rejected",
    ]
    screenshot("application-rejected")

    # The plan, with the recruiter's name in the thank-you note; marking a step done keeps focus on it.
    page.get_by_role("link", name="Open the plan").click()
    expect(page.get_by_role("heading", name="Your plan after Northwind Analytics")).to_be_visible()
    thank_you = page.locator("li.plan-step", has_text="thank-you note")
    expect(thank_you.get_by_role("textbox")).to_have_value(re.compile(r"^Hi Hannah,"))
    count = page.locator("#open-count")
    total = PlanStep.objects.filter(plan__application=application).count()
    expect(count).to_have_text(f"({total} to do)")
    thank_you.get_by_role("button", name="Mark done").click()
    expect(count).to_have_text(f"({total - 1} to do)")
    expect(page.locator("li.plan-step", has_text="thank-you note").get_by_role("heading")).to_be_focused()
    screenshot("plan")

    # A call with her on the application's timeline, picked by typing.
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
    done = page.locator("li", has_text="Send Hannah my portfolio")
    expect(done).to_contain_text(re.compile("Done"))
    expect(done).to_be_focused()  # not the page body
    assert FollowUp.objects.get(title="Send Hannah my portfolio").status == "done"
