"""The region pages (overview with the map, districts, towns) and the company portraits."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from companies.factories import (
    CompanyFactory,
    CompanyPortraitFactory,
    CompanySiteFactory,
    PostingFactory,
)
from companies.models import Company, Posting
from companies.region import MAP_WIDTH, region_map, towns_with_counts
from region.factories import TownFactory, dresden, goerlitz, zittau
from region.models import DistrictProfile, Town


@pytest.fixture(autouse=True)
def german():
    """URLs reversed in German, whatever language an earlier request left active."""
    with translation.override("de"):
        yield


def _town(number: int) -> Town:
    return TownFactory(
        name=f"Ort {number}",
        slug=f"ort-{number}",
        latitude=Decimal("50.8") + Decimal(number) / 100,
        longitude=Decimal("13.3") + Decimal(number) / 20,
        population=1000 * number,
    )


# --- The map -------------------------------------------------------------------------------------


def test_map_puts_east_right_and_north_up_inside_the_view_box(db):
    points = {
        point.town.name: point for point in region_map([dresden(), goerlitz(), zittau()]).towns
    }
    assert points["Dresden"].x < points["Zittau"].x < points["Görlitz"].x
    assert points["Görlitz"].y < points["Dresden"].y < points["Zittau"].y
    the_map = region_map([dresden(), goerlitz(), zittau()])
    assert the_map.view_box == f"0 0 {MAP_WIDTH} {the_map.height}"
    for point in the_map.towns:
        assert 0 <= point.x <= the_map.width and 0 <= point.y <= the_map.height


def test_map_lists_towns_alphabetically_and_labels_do_not_collide(db):
    close = [
        TownFactory(name="Nord", slug="nord", latitude=Decimal("51.05"), longitude=Decimal("13.7"), population=50000),
        TownFactory(name="Nordnachbar", slug="nordnachbar", latitude=Decimal("51.0505"), longitude=Decimal("13.7005"), population=1000),
        TownFactory(name="Fern", slug="fern", latitude=Decimal("51.5"), longitude=Decimal("14.9")),
    ]  # fmt: skip
    points = region_map(close).towns
    assert [point.town.name for point in points] == ["Fern", "Nord", "Nordnachbar"]
    labelled = {point.town.name for point in points if point.label}
    assert labelled == {"Fern", "Nord"}  # the small neighbour's label would cover the larger's


def test_map_of_no_towns_is_empty():
    assert region_map([]).towns == []


# --- Overview, districts, towns ------------------------------------------------------------------


@pytest.fixture
def zittau_employers(db):
    """A hiring company in Zittau (with a second opening in Görlitz), a quiet one and an
    unverified one."""
    town, other = zittau(), goerlitz()
    hiring = CompanyFactory(name="Lausitzer Mechatronik GmbH")
    zittau_site = CompanySiteFactory(company=hiring, town=town)
    goerlitz_site = CompanySiteFactory(company=hiring, town=other)
    PostingFactory(company=hiring, title="Werkstudent*in Robotik", sites=[zittau_site])
    PostingFactory(company=hiring, title="Ingenieur*in Görlitz", sites=[goerlitz_site])
    PostingFactory(
        company=hiring,
        title="Abgelaufene Stelle",
        sites=[zittau_site],
        status=Posting.Status.EXPIRED,
    )
    CompanySiteFactory(company=CompanyFactory(name="Stille Weberei GmbH"), town=town)
    unverified = CompanyFactory(
        name="Ungeprüft GmbH", verification_status=Company.Verification.PENDING
    )
    CompanySiteFactory(company=unverified, town=town)
    return town


def test_town_counts_verified_companies_hiring_ones_and_open_postings(zittau_employers):
    town = towns_with_counts().get(pk=zittau_employers.pk)
    assert (town.company_count, town.hiring_count, town.open_posting_count) == (2, 1, 1)


def test_town_page_lists_its_verified_companies_with_their_openings_there(client, zittau_employers):
    response = client.get(reverse("companies:town_detail", kwargs={"slug": "zittau"}))
    assert response.status_code == 200
    text = response.text
    assert "<h1>Zittau</h1>" in text
    assert "Lausitzer Mechatronik GmbH" in text and "Stille Weberei GmbH" in text
    assert "Werkstudent*in Robotik" in text
    assert "Ingenieur*in Görlitz" not in text  # an opening of the same company elsewhere
    assert "Abgelaufene Stelle" not in text
    assert "Ungeprüft GmbH" not in text


def test_district_page_shows_facts_and_its_towns_in_both_languages(client, zittau_employers):
    DistrictProfile.objects.filter(district="goerlitz").update(text_en="")
    response = client.get("/region/kreise/goerlitz/")
    assert response.status_code == 200
    assert "<h1>Görlitz</h1>" in response.text
    assert "Hochschule Zittau/Görlitz" in response.text  # facts of the data migration
    assert reverse("companies:town_detail", kwargs={"slug": "zittau"}) in response.text
    district = DistrictProfile.objects.get(district="goerlitz")
    assert (district.population, district.slug) == (250000, "goerlitz")
    english = client.get("/en/region/districts/goerlitz/")
    assert english.status_code == 200
    assert '<html lang="en">' in english.text
    assert "Zittau/Görlitz University of Applied Sciences" in english.text
    assert 'lang="de"' in english.text  # the introduction falls back to German, marked as such


def test_unknown_town_or_district_is_not_found(client, db):
    assert (
        client.get(reverse("companies:town_detail", kwargs={"slug": "atlantis"})).status_code == 404
    )
    assert (
        client.get(reverse("companies:district_detail", kwargs={"slug": "ssoe"})).status_code == 404
    )


def test_overview_has_a_map_link_and_a_list_entry_for_every_town(client, zittau_employers):
    response = client.get("/region/")
    assert response.status_code == 200
    text = response.text
    assert '<svg class="region-map__svg"' in text
    assert 'aria-label="Zittau: 2 Arbeitgeber, 1 offene Stelle"' in text
    assert text.count('href="/region/orte/zittau/"') == 2  # on the map and in the list
    assert "https://" not in text.split('<main id="main"')[1].split("</main>")[0]  # no tiles
    english = client.get("/en/region/")
    assert 'aria-label="Zittau: 2 employers, 1 open position"' in english.text


REGION_URLS = ["/region/", "/region/orte/ort-1/", "/region/kreise/dresden/"]


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def _fill_region(start: int, stop: int) -> None:
    """Towns with a company each, every company with an opening; more companies in Ort 1."""
    for number in range(start, stop):
        company = CompanyFactory()
        PostingFactory(
            company=company, sites=[CompanySiteFactory(company=company, town=_town(number))]
        )
    one = Town.objects.get(slug="ort-1")
    for _ in range(start, stop):
        company = CompanyFactory()
        PostingFactory(company=company, sites=[CompanySiteFactory(company=company, town=one)])


def test_region_pages_run_a_constant_number_of_queries(client, db):
    _fill_region(0, 3)
    few = {url: _queries(client, url) for url in REGION_URLS}
    _fill_region(3, 20)
    many = {url: _queries(client, url) for url in REGION_URLS}
    assert few == many
    assert max(many.values()) <= 5


# --- Company portraits ---------------------------------------------------------------------------


def test_published_portrait_is_public_in_both_languages(client, db):
    portrait = CompanyPortraitFactory(
        title_de="Sensorik aus dem Elbtal", title_en="Sensors from the Elbe valley"
    )
    response = client.get(portrait.get_absolute_url())
    assert response.status_code == 200
    assert '<h1 id="portrait-title">Sensorik aus dem Elbtal</h1>' in response.text
    assert "<h2>Das Team</h2>" in response.text  # Markdown, headings below the h1
    with translation.override("en"):
        url = portrait.get_absolute_url()
    assert url == f"/en/portraits/{portrait.slug}/"
    english = client.get(url)
    assert "Sensors from the Elbe valley" in english.text


def test_portrait_without_english_text_shows_german_marked_as_german(client, db):
    portrait = CompanyPortraitFactory(title_en="", body_en="")
    response = client.get(f"/en/portraits/{portrait.slug}/")
    assert response.status_code == 200
    assert 'lang="de"' in response.text and portrait.title_de in response.text


def test_portrait_text_is_sanitised(client, db):
    portrait = CompanyPortraitFactory(
        body_de="Hallo <script>alert(1)</script> [x](javascript:alert(1))"
    )
    response = client.get(portrait.get_absolute_url())
    assert "<script>alert" not in response.text and 'href="javascript' not in response.text


@pytest.mark.parametrize(
    "hidden",
    [
        {"published_at": None},
        {"published_at": timezone.now() + timedelta(days=3)},
        {"company__verification_status": Company.Verification.PENDING},
    ],
    ids=["draft", "scheduled", "unverified company"],
)
def test_unpublished_portraits_are_hidden_from_the_public_but_staff_preview_them(
    client, carol, hidden
):
    portrait = CompanyPortraitFactory(**hidden)
    assert client.get(reverse("companies:portrait_list")).text.count(portrait.title_de) == 0
    assert client.get(portrait.get_absolute_url()).status_code == 404
    client.force_login(carol)
    preview = client.get(portrait.get_absolute_url())
    assert preview.status_code == 200
    assert "Vorschau" in preview.text and 'name="robots" content="noindex"' in preview.text


def test_company_page_links_its_published_portraits(client, db):
    portrait = CompanyPortraitFactory()
    draft = CompanyPortraitFactory(company=portrait.company, published_at=None)
    response = client.get(portrait.company.get_absolute_url())
    assert portrait.get_absolute_url() in response.text
    assert draft.get_absolute_url() not in response.text


def test_portrait_list_runs_a_constant_number_of_queries(client, db, django_assert_max_num_queries):
    CompanyPortraitFactory.create_batch(3)
    with django_assert_max_num_queries(5) as few:
        client.get(reverse("companies:portrait_list"))
    CompanyPortraitFactory.create_batch(17)
    with django_assert_max_num_queries(len(few)):
        response = client.get(reverse("companies:portrait_list"))
    assert len(response.context["page"]) == 20


def test_sitemap_lists_region_pages_and_published_portraits(client, db):
    town = zittau()
    portrait = CompanyPortraitFactory()
    draft = CompanyPortraitFactory(published_at=None)
    text = client.get("/sitemap.xml").text
    for path in (
        town.get_absolute_url(),
        "/region/kreise/saechsische-schweiz-osterzgebirge/",
        "/en/region/towns/zittau/",
        portrait.get_absolute_url(),
        "/region/",
        "/programme/",
        "/en/programmes/",
    ):
        assert path in text, path
    assert draft.get_absolute_url() not in text


# --- Staff ---------------------------------------------------------------------------------------


def test_staff_edit_district_facts_but_cannot_add_or_delete_districts(staff_client):
    district = DistrictProfile.objects.get(district="meissen")
    change = f"/admin/region/districtprofile/{district.pk}/change/"
    page = staff_client.get(change)
    assert page.status_code == 200 and "Ungefährer öffentlicher Wert" in page.text
    response = staff_client.post(
        change,
        {
            "population": "241000", "area_km2": "1455", "text_de": "Neu", "text_en": "New",
            "transport_de": "S1", "transport_en": "S1", "universities_de": "", "universities_en": "",
        },
    )  # fmt: skip
    assert response.status_code == 302
    assert DistrictProfile.objects.get(pk=district.pk).population == 241000
    assert staff_client.get("/admin/region/districtprofile/add/").status_code == 403
    assert (
        staff_client.get(f"/admin/region/districtprofile/{district.pk}/delete/").status_code == 403
    )


def test_staff_write_a_portrait_with_themselves_as_author(staff_client, carol):
    company = CompanyFactory()
    page = staff_client.get("/admin/companies/companyportrait/add/")
    assert page.status_code == 200
    assert f'<option value="{carol.pk}" selected>' in page.text
    response = staff_client.post(
        "/admin/companies/companyportrait/add/",
        {
            "company": company.pk, "slug": "neues-portraet", "author": carol.pk,
            "published_at_0": "01.01.2026", "published_at_1": "10:00:00",
            "title_de": "Neu", "teaser_de": "Kurz", "body_de": "Lang",
            "title_en": "", "teaser_en": "", "body_en": "",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert client_sees(staff_client, "/portraets/neues-portraet/")


def client_sees(client, path: str) -> bool:
    client.logout()
    return client.get(path).status_code == 200


def test_staff_edit_town_facts(staff_client):
    town = zittau()
    assert (
        "Verkehrsverbindungen (Deutsch)"
        in staff_client.get(f"/admin/region/town/{town.pk}/change/").text
    )
