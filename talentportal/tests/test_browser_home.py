import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/", "de", "Starten Sie Ihre Karriere in der Region von Dresden bis Zittau"),
        ("/en/", "en", "Start your career in the region from Dresden to Zittau"),
    ],
)
def test_home_page_is_accessible_in_both_languages(
    page, live_server, assert_accessible, path, language, heading
):
    page.goto(live_server.url + path)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)


def test_home_page_fits_a_320_pixel_screen(page, live_server, assert_accessible):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320
    assert_accessible(page)


def test_keyboard_user_skips_to_the_main_content(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Zum Hauptinhalt springen")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    # The next stop after the skip target is inside the main content, not the header.
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_home_page_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url == live_server.url + "/en/"
    context.close()


def test_page_makes_no_requests_to_other_hosts(page, live_server):
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    assert hosts == {live_server.url.split("/")[2]}
