from importlib import import_module

import pytest
from django.apps import apps
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def legal_pages(transactional_db):
    """The pages of the data migration: browser tests empty the tables after each test."""
    import_module("talentportal.migrations.0002_legal_pages").create_pages(apps, None)


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/impressum/", "de", "Impressum"),
        ("/datenschutz/", "de", "Datenschutzerklärung"),
        ("/barrierefreiheit/", "de", "Erklärung zur Barrierefreiheit"),
        ("/en/imprint/", "en", "Imprint"),
        ("/en/privacy/", "en", "Privacy policy"),
        ("/en/accessibility/", "en", "Accessibility statement"),
    ],
)
def test_legal_pages_are_accessible_in_both_languages(
    page, live_server, assert_accessible, path, language, heading
):
    page.goto(live_server.url + path)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)


def test_visitor_finds_the_legal_pages_in_the_footer(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Datenschutz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Datenschutzerklärung")


def test_feedback_form_with_an_error_is_accessible(page, live_server, assert_accessible):
    page.goto(live_server.url + "/barrierefreiheit/")
    page.get_by_label("E-Mail-Adresse für unsere Antwort").fill("kein-at")
    page.get_by_role("button", name="Nachricht senden").click()

    expect(page.get_by_role("alert")).to_contain_text("Bitte korrigieren Sie die markierten Felder")
    expect(page.get_by_label("Beschreibung der Barriere")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("E-Mail-Adresse für unsere Antwort")).to_have_value("kein-at")
    assert_accessible(page)


def test_visitor_reports_a_barrier_with_the_keyboard(page, live_server):
    page.goto(live_server.url + "/barrierefreiheit/")
    page.get_by_label("Beschreibung der Barriere").fill("Der Kontrast der Links ist zu gering.")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Vielen Dank für Ihre Nachricht")
