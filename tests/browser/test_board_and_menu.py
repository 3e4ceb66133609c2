"""The board drags (SortableJS), its keyboard "Move" still works and keeps focus, and the phone menu folds."""

from playwright.sync_api import expect

from tests.browser.test_playbook_journey import log_in
from tests.personas import make_application, make_company, make_user


def test_drag_a_card_to_another_column_and_move_one_with_the_keyboard(live_server, page):
    user = make_user("sam", full_name="Sam Rivera")
    company = make_company(user, "Globex")
    dragged = make_application(user, company, role_title="Data Engineer", stage="applied")
    keyed = make_application(user, company, role_title="Analytics Lead", stage="applied")
    log_in(page, live_server.url, "sam")
    page.goto(f"{live_server.url}/applications/board/")
    board = page.locator("#board")
    screening = board.locator('.board-cards[data-stage="screening"]')
    expect(board.locator('[data-count="applied"]')).to_have_text("2")

    page.locator(f"#card-{dragged.pk}").drag_to(screening)
    card = screening.locator(f"#card-{dragged.pk}")
    expect(card).to_contain_text("Moved to Screening")
    expect(board.locator('[data-count="screening"]')).to_have_text("1")
    expect(board.locator('[data-count="applied"]')).to_have_text("1")
    dragged.refresh_from_db()
    assert dragged.stage == "screening"
    assert list(dragged.stage_changes.values_list("to_stage", flat=True).order_by("changed_at")) == [
        "applied",
        "screening",
    ]

    # The keyboard way: pick the stage, press Move; the card goes to its column and focus stays on it.
    page.get_by_label("Move Analytics Lead at Globex to").select_option("interviewing")
    page.get_by_label("Move Analytics Lead at Globex to").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    moved = board.locator(f'.board-cards[data-stage="interviewing"] #card-{keyed.pk}')
    expect(moved).to_contain_text("Moved to Interviewing")
    expect(moved.get_by_label("Move Analytics Lead at Globex to")).to_be_focused()
    expect(board.locator('[data-count="applied"]')).to_have_text("0")
    expect(board.locator('.board-cards[data-stage="applied"] + .empty-note')).to_be_visible()


def test_the_board_moves_without_javascript(live_server, browser):
    make_application(make_user("kim"), role_title="Data Engineer", stage="applied")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, "kim")
    page.goto(f"{live_server.url}/applications/board/")
    page.get_by_label("Move Data Engineer at Acme Analytics to").select_option("screening")
    page.get_by_role("button", name="Move").click()
    expect(page.get_by_text("Moved to Screening.")).to_be_visible()
    expect(page.locator('.board-cards[data-stage="screening"]')).to_contain_text("Data Engineer")
    context.close()


def test_on_a_phone_the_navigation_folds_into_a_menu(live_server, browser):
    make_user("lee")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    log_in(page, live_server.url, "lee")
    nav = page.get_by_role("navigation", name="Main")
    menu = page.get_by_role("button", name="Menu")
    expect(nav).to_be_hidden()
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Applications")).to_be_visible()
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_be_focused()
    menu.click()
    nav.get_by_role("link", name="Contacts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contacts")
    context.close()
