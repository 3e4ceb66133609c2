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

    # The flow chart's labels stay on the chart and clear of each other (they overlapped and were cut off).
    boxes = page.evaluate(
        """() => {
        const chart = document.querySelector('[data-chart="funnel"]').getBoundingClientRect();
        const labels = [...document.querySelectorAll('[data-chart="funnel"] svg text')]
            .map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0);
        return {chart: [chart.left, chart.top, chart.right, chart.bottom],
                labels: labels.map((r) => [r.left, r.top, r.right, r.bottom])};
    }"""
    )
    left, top, right, bottom = boxes["chart"]
    labels = boxes["labels"]
    assert len(labels) >= 4
    for x1, y1, x2, y2 in labels:
        assert left - 1 <= x1 and x2 <= right + 1 and top - 1 <= y1 and y2 <= bottom + 1, "a label is cut off"
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, f"two labels overlap: {a} and {b}"
