"""A rejection letter in, a plan out: drop the .eml on the Mail page, accept, find the plan; then undo."""

import datetime as dt

from playwright.sync_api import expect

from nextround.playbook.models import Plan
from nextround.tracker.vocabulary import Stage
from tests.mail.helpers import rejection
from tests.personas import make_application, make_company, make_user


def test_a_dropped_rejection_letter_becomes_a_plan_and_can_be_undone(live_server, page, tmp_path, screenshot):
    user = make_user("robin")
    application = make_application(
        user,
        make_company(user, "Acme Analytics"),
        role_title="Data Analyst",
        at=dt.datetime(2026, 2, 2, 9, 0, tzinfo=dt.UTC),
    )
    letter = tmp_path / "decision.eml"
    letter.write_bytes(rejection(sender="Hannah Becker <hannah.becker@acme-analytics.com>").as_bytes())

    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("robin")
    page.locator("#id_password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Mail").first.click()
    expect(page.get_by_text("does not store them at all")).to_be_visible()

    page.locator('input[type="file"]').set_input_files(str(letter))
    page.get_by_role("button", name="Read the file").click()
    card = page.locator(".mail-message").first
    expect(card).to_contain_text("Rejection")
    expect(card).to_contain_text("Data Analyst at Acme Analytics")
    expect(card).to_contain_text("Move it to Rejected on 3 March 2026")
    expect(card).to_contain_text("The panel felt your SQL was strong")
    screenshot("mail-queue")

    card.get_by_role("button", name="Accept").click()
    expect(page.locator(f"#mail-{card.get_attribute('id').split('-')[1]}")).to_contain_text("Accepted")
    application.refresh_from_db()
    assert application.stage == Stage.REJECTED
    assert Plan.objects.filter(application=application).exists()

    page.goto(f"{live_server.url}/applications/{application.pk}/")
    expect(page.get_by_role("link", name="Hannah Becker").first).to_be_visible()
    expect(page.locator("#header-stage")).to_have_text("Rejected")

    page.goto(f"{live_server.url}/mail/")
    page.get_by_role("button", name="Undo").first.click()
    expect(page.locator(".mail-message").first.get_by_role("button", name="Accept")).to_be_visible()
    application.refresh_from_db()
    assert application.stage == Stage.APPLIED
    assert not Plan.objects.filter(application=application).exists()
