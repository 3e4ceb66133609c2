"""After a rejection: see the plan, copy a draft, log a call, mark steps done, see the dashboard."""

import re

from playwright.sync_api import expect

from nextround.playbook.models import PlanStep, StepLog
from nextround.tracker.models import ApplicationContact, Interaction
from tests.personas import make_application, make_company, make_contact, make_user


def log_in(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")


def test_a_rejection_becomes_a_plan_the_user_works_through(live_server, page, screenshot):
    user = make_user("riley", full_name="Riley Quinn")
    company = make_company(user, "Bluefin Robotics")
    application = make_application(user, company, role_title="Product Analyst", stage="interviewing")
    recruiter = make_contact(
        user,
        "Lukas Brandt",
        company=company,
        role="recruiter",
        phone="+49 40 5550 1234",
        email="lukas@bluefin.example",
    )
    ApplicationContact.objects.create(
        owner=user, application=application, contact=recruiter, role="recruiter"
    )
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    base = live_server.url
    log_in(page, base, "riley")

    # Move the application to rejected; the plan appears on its page.
    page.goto(f"{base}/applications/{application.pk}/")
    panel = page.locator("#stage-panel")
    panel.get_by_label("Stage").select_option("rejected")
    panel.get_by_role("button", name="Move").click()
    expect(panel).to_contain_text("Moved to Rejected")
    expect(page.get_by_role("heading", name="Your plan after this rejection")).to_be_focused()  # no reload
    page.get_by_role("link", name="Open the plan").click()

    # The thank-you note: its draft is filled from the data and copies to the clipboard.
    thank_you = page.locator("li.plan-step", has_text="thank-you note")
    expect(thank_you.get_by_role("textbox")).to_have_value(
        re.compile(r"Hi Lukas,[\s\S]*Product Analyst[\s\S]*Riley Quinn")
    )
    thank_you.get_by_role("button", name="Copy draft").click()
    expect(thank_you.get_by_text("Copied to the clipboard.")).to_be_visible()
    assert "Hi Lukas" in page.evaluate("navigator.clipboard.readText()")
    expect(thank_you.get_by_role("link", name="Open in your email app")).to_have_attribute(
        "href", re.compile(r"^mailto:lukas@bluefin\.example\?subject=.+&body=Hi%20Lukas")
    )

    # The call: a script, a tel: link, and a log form with the feedback heard.
    call = page.locator("li.plan-step", has_text="Call script")
    expect(call.get_by_role("link", name="Call +49 40 5550 1234")).to_have_attribute(
        "href", "tel:+494055501234"
    )
    call.locator("summary", has_text="Log this step").click()
    call.get_by_label("They gave me feedback").check()
    call.get_by_label("What they said, in their words").fill("Strong case study; they wanted more SQL depth.")
    call.get_by_label("Skills").check()
    call.get_by_role("button", name="Log this step").click()
    call = page.locator("li.plan-step", has_text="Strong case study")
    expect(call).to_contain_text("Done")
    log = StepLog.objects.get()
    assert (log.outcome, log.tags) == ("feedback", ["skills"])
    assert Interaction.objects.get(application=application).kind == "call"

    # The reflection is due today: it shows on the dashboard until it is marked done.
    page.get_by_role("link", name="Today").click()
    steps = page.locator("#plan-steps-heading").locator("..")
    expect(steps).to_contain_text("reflect")
    screenshot("dashboard-with-plan")
    page.goto(f"{base}/applications/{application.pk}/plan/")
    reflection = page.locator("li.plan-step", has_text="reflect").first
    reflection.get_by_role("button", name="Mark done").click()
    expect(reflection).to_contain_text("Done")
    screenshot("plan")
    page.get_by_role("link", name="Today").click()
    expect(page.locator("#plan-steps-heading").locator("..")).not_to_contain_text("reflect")
    assert PlanStep.objects.get(plan__application=application, kind="reflection").status == "done"
