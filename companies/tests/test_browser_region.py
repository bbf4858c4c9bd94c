"""Journeys through the region pages and the company portraits in a real browser, checked by axe."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from companies.factories import (
    CompanyFactory,
    CompanyPortraitFactory,
    CompanySiteFactory,
    PostingFactory,
)
from region.factories import dresden, goerlitz, zittau
from region.models import DistrictProfile, Town

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def region(transactional_db):
    """The districts of the data migration (browser tests empty the tables after each test), three
    towns, a hiring company in Zittau with a portrait."""
    migration = import_module("companies.migrations.0006_district_profiles")
    migration.create_districts(SimpleNamespace(get_model=lambda app, name: DistrictProfile), None)
    dresden(), goerlitz()
    town = zittau()
    town.text_de, town.transport_de = "Hochschulstadt im Dreiländereck.", "Trilex nach Liberec"
    town.save()
    company = CompanyFactory(name="Lausitzer Mechatronik GmbH")
    PostingFactory(
        company=company,
        title="Werkstudent*in Robotik",
        sites=[CompanySiteFactory(company=company, town=town)],
    )
    CompanyPortraitFactory(
        company=company,
        slug="mechatronik",
        title_de="Mechatronik aus Zittau",
        title_en="Mechatronics from Zittau",
    )


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/region/", "de", "Leben und Arbeiten in der Region"),
        ("/en/region/", "en", "Living and working in the region"),
        ("/region/kreise/goerlitz/", "de", "Görlitz"),
        (
            "/en/region/districts/saechsische-schweiz-osterzgebirge/",
            "en",
            "Sächsische Schweiz-Osterzgebirge",
        ),
        ("/region/orte/zittau/", "de", "Zittau"),
        ("/en/region/towns/zittau/", "en", "Zittau"),
        ("/portraets/", "de", "Unternehmensporträts"),
        ("/en/portraits/", "en", "Company portraits"),
        ("/portraets/mechatronik/", "de", "Mechatronik aus Zittau"),
        ("/en/portraits/mechatronik/", "en", "Mechatronics from Zittau"),
    ],
)
def test_region_and_portrait_pages_are_accessible(
    page, live_server, assert_accessible, path, language, heading
):
    page.goto(live_server.url + path)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)


def test_visitor_goes_from_the_map_to_a_town_with_the_keyboard(
    page, live_server, assert_accessible
):
    page.goto(live_server.url + "/region/")
    towns = page.locator(".region-map a")
    expect(towns).to_have_count(Town.objects.count())
    towns.first.focus()
    expect(page.locator(":focus")).to_have_attribute(
        "aria-label", "Altenberg: 0 Arbeitgeber, 0 offene Stellen"
    )
    page.locator(".region-map a[href$='/weisswasser/']").focus()  # alphabetical: Zittau is next
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("aria-label", "Zittau: 1 Arbeitgeber, 1 offene Stelle")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zittau")
    expect(page.get_by_role("link", name="Werkstudent*in Robotik")).to_be_visible()
    expect(page.get_by_text("Trilex nach Liberec")).to_be_visible()
    assert_accessible(page)


def test_visitor_reads_a_portrait_and_finds_the_company(page, live_server, assert_accessible):
    page.goto(live_server.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Unternehmensporträts").click()
    page.get_by_role("link", name="Mechatronik aus Zittau").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mechatronik aus Zittau")
    page.get_by_role("link", name="Zur Arbeitgeberseite von Lausitzer Mechatronik GmbH").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lausitzer Mechatronik GmbH")
    expect(page.get_by_role("link", name="Mechatronik aus Zittau")).to_be_visible()
    assert_accessible(page)
