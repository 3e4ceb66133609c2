"""Browser tests drive Debian's Chromium through Playwright against a live server.

No browser is ever downloaded."""

import contextlib
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("NEXTROUND_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
SCREENSHOTS = Path(
    os.environ.get(
        "NEXTROUND_SCREENSHOTS", Path(__file__).resolve().parents[2] / ".test-data" / "screenshots"
    )
)

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}; `make test` installs Debian's chromium package."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


# Every page records what the Content-Security-Policy blocked; a test fails if anything was.
LISTEN_FOR_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
    + `(${event.sourceFile || location.pathname}:${event.lineNumber})`);
});
"""


def watched_context(browser, **options):
    """A browser context whose pages report CSP violations (events and console lines) to `violations`."""
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    context.add_init_script(LISTEN_FOR_CSP)
    context.csp_violations = []

    def on_page(page):
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and context.csp_violations.append(message.text)
            ),
        )

        def collect(*_):
            # A closed or navigating page cannot answer; the console listener has its lines anyway.
            with contextlib.suppress(Exception):
                context.csp_violations.extend(page.evaluate("window.__cspViolations || []"))

        page.csp_collect = collect

    context.on("page", on_page)
    return context


def assert_no_csp_violation(context) -> None:
    for page in context.pages:
        page.csp_collect()
    assert not context.csp_violations, f"the Content-Security-Policy blocked: {context.csp_violations}"


@pytest.fixture
def page(browser):
    context = watched_context(browser, viewport={"width": 1280, "height": 900}, timezone_id="Europe/Berlin")
    page = context.new_page()
    yield page
    assert_no_csp_violation(context)
    context.close()


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str, full_page: bool = True) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take
