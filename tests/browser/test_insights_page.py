"""The insights page with the demo search: charts drawn by the bundled script, tables beside them."""

from playwright.sync_api import expect

from nextround.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo


def test_the_insights_page_draws_its_charts_from_the_demo_search(live_server, page, screenshot):
    load_demo()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(DEMO_USERNAME)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Insights").click()

    expect(page.get_by_role("heading", name="Where your applications go")).to_be_visible()
    for chart in ("funnel", "sources", "weekly"):
        # ECharts draws an SVG inside the container; no network is needed for its script.
        expect(page.locator(f'[data-chart="{chart}"] svg').first).to_be_attached()
    expect(page.get_by_role("heading", name="What your feedback says")).to_be_visible()
    expect(page.get_by_text("Internal candidate").first).to_be_visible()
    screenshot("insights")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.locator('[data-chart="funnel"] svg').first).to_be_attached()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    screenshot("insights-phone")
