"""The Content-Security-Policy in a real browser: the watch on violations that every browser test keeps
catches one when it happens, and the charts of the insights page draw under the policy."""

import pytest

from tests.browser.conftest import watched_context


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_inline_style_is_blocked_and_reported(live_server, browser):
    context = watched_context(browser)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.evaluate("""document.body.insertAdjacentHTML("beforeend", '<p style="color: red">x</p>')""")
    page.wait_for_timeout(200)
    page.csp_collect()
    context.close()
    assert any("style" in line for line in context.csp_violations), context.csp_violations
