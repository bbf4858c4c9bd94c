"""The page a visitor sees while the database is away: plain, bilingual by URL, accessible."""

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/stellen/", "de", "Das Portal ist kurz nicht erreichbar"),
        ("/en/jobs/", "en", "The portal is briefly unavailable"),
    ],
)
def test_visitor_sees_an_accessible_503_page_while_the_database_is_away(
    page, live_server, assert_accessible, monkeypatch, path, language, heading
):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", refuse)
        response = page.goto(live_server.url + path)
    assert response.status == 503
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)
    page.get_by_role("link").first.click()  # the way back to the home page
    expect(page).to_have_url(live_server.url + ("/" if language == "de" else "/en/"))
