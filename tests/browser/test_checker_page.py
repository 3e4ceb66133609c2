"""The "Check a message" page in Debian's Chromium: type a risky message, see it marked, use a suggestion."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_csp_violation, watched_context
from tests.checker_web.helpers import replaceable_example


@pytest.fixture
def phone(browser):
    context = watched_context(browser, viewport={"width": 390, "height": 844})
    yield context.new_page()
    assert_no_csp_violation(context)
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_typing_a_risky_message_marks_it_and_a_suggestion_replaces_the_words(live_server, phone):
    page = phone
    page.goto(f"{live_server.url}/check/")
    message = page.get_by_label("Your message")
    message.press_sequentially("Thank you. This process was rigged.", delay=10)
    mark = page.locator("#checked-text mark")
    expect(mark.first).to_contain_text("rigged")
    finding = page.locator("ol.findings > li").first
    assert "Warning" in finding.text_content()
    assert "Accusation" in finding.text_content()

    example = replaceable_example()
    # The "use suggestion" half is half of what this journey covers: a checker that offers no drop-in
    # replacement any more is a regression this test must report, not step around.
    assert example is not None, "no rule offers a drop-in replacement, so the button cannot be tested"
    audience, text, found = example
    if audience == "employer":
        page.get_by_label("I'm giving feedback to a candidate").check()
    # An emoji first: the browser counts it as two characters, the checker as one.
    message.fill("🙂 " + text)
    page.wait_for_function(
        "excerpt => [...document.querySelectorAll('button[data-checker-apply]')]"
        ".some(b => b.dataset.excerpt === excerpt)",
        arg=found.excerpt,
    )
    # The checker counts the emoji and the space as two characters before the text.
    button = page.locator(f"button[data-checker-apply][data-start='{found.start + 2}']").first
    button.click()
    expected = "🙂 " + text[: found.start] + found.replacement + text[found.end :]
    assert message.input_value() == expected
    # The check runs again on the new text, and the replaced words are no longer offered for replacing.
    page.wait_for_function(
        "excerpt => ![...document.querySelectorAll('button[data-checker-apply]')]"
        ".some(b => b.dataset.excerpt === excerpt)",
        arg=found.excerpt,
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_phrasing_no_rule_lists_is_flagged_with_why_and_what_to_write_instead(live_server, phone):
    page = phone
    page.goto(f"{live_server.url}/check/")
    page.get_by_label("Your message").press_sequentially("Thanks for the chat. You lot are clowns.", delay=5)
    # A slow machine can pause mid-typing long enough for a check of the half-typed text ("You lot"):
    # wait for the check of the whole message before reading its findings.
    expect(page.locator("#checked-text mark").first).to_contain_text("You lot are clowns.")
    finding = page.locator("ol.findings > li").first
    assert "Resentment" in finding.text_content()
    assert "Try instead:" in finding.text_content()
    why = finding.locator("details.finding__why")
    why.locator("summary").click()
    assert "likely to be resentment" in why.inner_text()
    assert why.locator("li").count() == 3
