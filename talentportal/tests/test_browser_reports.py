"""The programmes page and the staff's impact report in a real browser, checked by axe."""

from importlib import import_module

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from playwright.sync_api import expect

from talents.factories import TalentProfileFactory

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def programmes_page(transactional_db):
    """The page of the data migration: browser tests empty the tables after each test."""
    import_module("talentportal.migrations.0003_programmes_page").create_programmes_page(apps, None)


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/programme/", "de", "Programme und Partnernetzwerk"),
        ("/en/programmes/", "en", "Programmes and partner network"),
    ],
)
def test_programmes_page_is_accessible(
    page, live_server, assert_accessible, path, language, heading
):
    page.goto(live_server.url + path)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)


@pytest.fixture
def staff_page(page, sign_in, carol):
    TOTP.activate(carol, generate_totp_secret())
    sign_in(page, carol)
    return page


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("/berichte/", "de", "Wirkungsbericht"), ("/en/reports/", "en", "Impact report")],
)
def test_impact_report_is_accessible(
    staff_page, live_server, assert_accessible, path, language, heading
):
    TalentProfileFactory.create_batch(6)
    TalentProfileFactory(status="graduate")
    staff_page.goto(live_server.url + path)
    expect(staff_page.locator("html")).to_have_attribute("lang", language)
    expect(staff_page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(
        staff_page.get_by_role(
            "img", name="Talente nach Status" if language == "de" else "Talents by status"
        )
    ).to_be_visible()
    assert_accessible(staff_page)


def test_staff_choose_a_period_and_correct_a_wrong_one(staff_page, live_server, assert_accessible):
    staff_page.goto(live_server.url + "/admin/")
    staff_page.get_by_role(
        "link", name="Wirkungsbericht für den Fördermittelgeber (Zahlen, Diagramme, CSV)"
    ).click()
    staff_page.get_by_label("Von").fill("2026-05-01")
    staff_page.get_by_label("Bis (einschließlich)").fill("2026-04-01")
    staff_page.get_by_label("Bis (einschließlich)").press("Enter")
    expect(staff_page.get_by_role("alert")).to_contain_text(
        "Bitte korrigieren Sie die markierten Felder"
    )
    expect(
        staff_page.get_by_text("Das Ende des Zeitraums darf nicht vor seinem Beginn")
    ).to_be_visible()
    expect(staff_page.get_by_label("Von")).to_have_value("2026-05-01")
    assert_accessible(staff_page)
    staff_page.get_by_label("Bis (einschließlich)").fill("2026-06-30")
    staff_page.get_by_role("button", name="Zahlen anzeigen").click()
    expect(
        staff_page.get_by_role("heading", name="Zahlen vom 01.05.2026 bis 30.06.2026")
    ).to_be_visible()
    expect(staff_page.get_by_role("table", name="Bewerbungen nach Monat: Zahlen")).to_contain_text(
        "Juni 2026"
    )
    with staff_page.expect_download() as download:
        staff_page.get_by_role("link", name="Alle Zahlen herunterladen (CSV)").click()
    assert download.value.suggested_filename == "impact-report-all-2026-05-01-2026-06-30.csv"
