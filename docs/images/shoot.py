"""Take the guide's screenshots with headless Chromium against a running nextround with the demo loaded.

    NEXTROUND_DATA_DIR=/tmp/shots nextround init && NEXTROUND_DATA_DIR=/tmp/shots nextround demo
    NEXTROUND_DATA_DIR=/tmp/shots nextround serve --port 8765 &
    .venv/bin/python docs/images/shoot.py http://127.0.0.1:8765

It signs up a new user (a fresh name each run) to show the first steps, and uses the demo user for the board,
settings and insights. Pictures are JPEG at quality 80, cropped to what the guide talks about.
"""

import os
import sys
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

HERE = Path(__file__).parent
BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8765"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
REVIEW = os.environ.get("SHOTS_REVIEW_DIR", "")


def save(target, name: str) -> None:
    target.screenshot(path=str(HERE / f"{name}.jpg"), type="jpeg", quality=80)
    if REVIEW:  # a PNG copy to look at (some image viewers show PNG only)
        target.screenshot(path=str(Path(REVIEW) / f"{name}.png"))


def log_in(page, username: str, password: str) -> None:
    page.goto(f"{BASE}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in").click()


def new_user_flow(browser) -> None:
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{BASE}/accounts/signup/")
    page.get_by_label("Username").fill(f"jordan{int(time.time())}")
    page.get_by_label("Your name").fill("Jordan Lee")
    page.locator("#id_password1").fill("a-very-good-passphrase")
    page.locator("#id_password2").fill("a-very-good-passphrase")
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("link", name="Add an application").first.click()
    company = page.get_by_role("combobox", name="Company")
    page.locator(".ts-wrapper", has=company).click()
    company.fill("Northwind Analytics")
    page.wait_for_timeout(200)
    save(page.locator("section.card").first, "new-application-company")
    page.get_by_role("option", name="Add a new company: Northwind Analytics").click()
    page.get_by_label("Role").fill("Senior Data Analyst")
    page.get_by_role("button", name="Add application").click()
    person = page.locator("#people .add-person")
    person.get_by_label("Name").fill("Hannah Becker")
    person.get_by_label("Their role in this application").select_option("recruiter")
    person.get_by_label("Email").fill("hannah@northwind.example")
    person.get_by_label("Phone").fill("+49 30 5550 1201")
    person.get_by_label("We connected").check()
    save(page.locator("#people"), "add-a-person")
    person.get_by_role("button", name="Add to this application").click()
    expect(page.locator("#people").get_by_role("status")).to_be_visible()
    panel = page.locator("#stage-panel")
    panel.get_by_label("Stage").select_option("rejected")
    panel.get_by_role("button", name="Move").click()
    expect(page.get_by_role("heading", name="Your plan after this rejection")).to_be_focused()
    page.evaluate("window.scrollTo(0, 0)")
    page.set_viewport_size({"width": 1280, "height": 720})
    save(page, "rejected-plan-at-once")
    page.get_by_role("link", name="Open the plan").click()
    step = page.locator("li.plan-step", has_text="reflect").first
    step.get_by_role("button", name="Mark done").click()
    expect(step).to_contain_text("Done")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.evaluate("window.scrollTo(0, 0)")
    save(page, "plan")
    page.close()


def demo_pages(browser) -> None:
    page = browser.new_page(viewport=DESKTOP)
    log_in(page, "demo", "nextround-demo")
    page.goto(f"{BASE}/applications/board/")
    save(page.locator("#board"), "board")
    page.goto(f"{BASE}/settings/")
    picker = page.get_by_role("combobox", name="Time zone")
    page.locator(".ts-wrapper", has=picker).click()
    picker.fill("berl")
    page.wait_for_timeout(200)
    save(page.locator(".grid").first, "settings")
    page.close()

    phone = browser.new_page(viewport=PHONE)
    log_in(phone, "demo", "nextround-demo")
    phone.goto(f"{BASE}/applications/board/")
    save(phone, "board-phone")
    phone.get_by_role("button", name="Menu").click()
    save(phone, "menu-phone")
    phone.goto(f"{BASE}/insights/")
    phone.wait_for_load_state("networkidle")
    save(phone.locator("[data-chart=funnel]"), "flow-phone")
    phone.close()


with sync_playwright() as playwright:
    chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    new_user_flow(chromium)
    demo_pages(chromium)
    chromium.close()
