"""Alice keeps what she found: a bookmark and a saved search with weekly emails, all without
JavaScript; and the pages of bookmarks, searches and her data pass axe."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from companies.factories import CompanyFactory, PostingFactory
from talents.factories import TalentProfileFactory
from talents.models import Bookmark, Consent, SavedSearch

pytestmark = pytest.mark.browser


def english(thing) -> str:
    with translation.override("en"):
        return thing.get_absolute_url()


@pytest.fixture
def openings(db):
    company = CompanyFactory(name="Elbtal Sensorik GmbH")
    PostingFactory(company=company, title="Werkstudent*in Python")
    return PostingFactory(company=company, title="Masterarbeit Bildverarbeitung")


def test_talent_bookmarks_a_posting_and_saves_a_search_without_javascript(
    browser, live_server, sign_in, alice, openings
):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    sign_in(page, alice)

    page.goto(live_server.url + english(openings))
    page.get_by_role("button", name="Bookmark", exact=True).click()
    expect(
        page.get_by_text("“Masterarbeit Bildverarbeitung” is in your bookmarks.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Remove bookmark")).to_be_visible()
    assert Bookmark.objects.get(user=alice).posting == openings

    page.goto(live_server.url + "/en/jobs/?q=Python")
    expect(page.locator(".result-card")).to_have_count(1)
    page.get_by_label("Name").fill("Python jobs")
    page.get_by_label("Weekly").check()
    page.get_by_role("button", name="Save search").click()
    # Emails were chosen without the consent box: the form says so and keeps the choices.
    expect(page.get_by_text("Emails need your consent.")).to_be_visible()
    page.get_by_label("Email me new postings for my saved searches").check()
    page.get_by_role("button", name="Save search").click()

    expect(page.get_by_role("heading", name="Python jobs")).to_be_visible()
    saved = SavedSearch.objects.get(user=alice)
    assert (saved.query, saved.frequency) == ("q=Python", "weekly")
    assert Consent.objects.get(user=alice).given
    page.get_by_role("link", name="Show results").click()
    expect(page.get_by_role("link", name="Werkstudent*in Python")).to_be_visible()

    page.goto(live_server.url + "/en/my/bookmarks/")
    expect(page.get_by_role("link", name="Masterarbeit Bildverarbeitung")).to_be_visible()
    context.close()
    # axe-core cannot run where JavaScript is off; the same pages are checked below.


@pytest.mark.parametrize(
    "path", ["/en/my/bookmarks/", "/en/my/searches/", "/en/my/data/", "/en/my/data/delete/"]
)
def test_saved_and_data_pages_are_accessible(
    page, live_server, assert_accessible, sign_in, alice, openings, path
):
    TalentProfileFactory(user=alice)
    Bookmark.objects.create(user=alice, posting=openings)
    Bookmark.objects.create(user=alice, company=openings.company)
    SavedSearch.objects.create(user=alice, name="Python jobs", query="q=Python&type=thesis")
    sign_in(page, alice)
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_save_search_form_with_an_error_is_accessible(
    page, live_server, assert_accessible, sign_in, alice, openings
):
    sign_in(page, alice)
    page.goto(live_server.url + "/en/jobs/?q=Python")
    assert_accessible(page)
    page.get_by_label("Daily").check()
    page.get_by_role("button", name="Save search").click()
    expect(page.get_by_text("Emails need your consent.")).to_be_visible()
    assert_accessible(page)


def test_posting_and_company_pages_with_bookmark_buttons_are_accessible(
    page, live_server, assert_accessible, sign_in, alice, openings
):
    sign_in(page, alice)
    page.goto(live_server.url + english(openings))
    assert_accessible(page)
    page.goto(live_server.url + english(openings.company))
    page.get_by_role("button", name="Bookmark", exact=True).click()
    expect(page.get_by_role("button", name="Remove bookmark")).to_be_visible()
    assert_accessible(page)
