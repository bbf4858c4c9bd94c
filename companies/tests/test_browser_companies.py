import pytest
from playwright.sync_api import expect

from companies.factories import (
    CompanyFactory,
    CompanySiteFactory,
    MembershipFactory,
    PostingFactory,
    PostingLanguageFactory,
    PostingSkillFactory,
)
from companies.models import Membership, Posting, PostingType
from companies.search import refresh_search_fields
from region.factories import dresden
from taxonomy.factories import SkillFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def region(db):
    """A small region: two companies, four openings."""
    sensors = CompanyFactory(name="Elbtal Sensorik GmbH", working_languages=["de", "en"])
    site = CompanySiteFactory(company=sensors, town=dresden())
    thesis = PostingFactory(
        company=sensors,
        sites=[site],
        title="Masterarbeit Bildverarbeitung",
        posting_type=PostingType.THESIS,
    )
    PostingSkillFactory(posting=thesis, skill=SkillFactory(label_de="Python", label_en="Python"))
    PostingLanguageFactory(posting=thesis, language="en", level=4)
    refresh_search_fields(Posting.objects.filter(pk=thesis.pk))
    PostingFactory(company=sensors, sites=[site], title="Werkstudent*in Python", hours_per_week=15)
    care = CompanyFactory(name="Pflege Elbland GmbH", sector="Q")
    PostingFactory(
        company=care, title="Pflegefachkraft", posting_type=PostingType.FULL_TIME, hours_per_week=40
    )
    PostingFactory(company=care, title="Ausbildung Pflege", posting_type=PostingType.APPRENTICESHIP)
    return sensors


def test_talent_searches_filters_and_opens_a_posting_without_javascript(
    browser, live_server, region
):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.locator("#hero-q").fill("Python")
    page.locator(".hero__search button").click()
    expect(page.locator(".result-card")).to_have_count(2)
    assert "q=Python" in page.url

    page.locator('input[name="type"][value="thesis"]').check()
    page.locator(".filters button[type=submit]").click()
    expect(page.locator(".result-card")).to_have_count(1)
    assert "type=thesis" in page.url  # the search is bookmarkable

    page.get_by_role("link", name="Masterarbeit Bildverarbeitung").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Masterarbeit Bildverarbeitung")
    context.close()
    # axe-core cannot run where JavaScript is off; the same pages are checked in the tests below.


def test_search_page_fits_a_320_pixel_screen(page, live_server, assert_accessible, region):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(live_server.url + "/en/jobs/?q=Pflege")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    [
        "/unternehmen/",
        "/en/companies/?district=dresden&hiring=on",
        "/stellen/?near=dresden&sort=distance",
    ],
)
def test_public_lists_are_accessible(page, live_server, assert_accessible, region, path):
    page.goto(live_server.url + path)
    expect(page.locator(".result-card").first).to_be_visible()
    assert_accessible(page)


def test_company_page_is_accessible(page, live_server, assert_accessible, region):
    page.goto(live_server.url + region.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Elbtal Sensorik GmbH")
    assert_accessible(page)


def test_closed_posting_page_is_accessible(page, live_server, assert_accessible, region):
    closed = PostingFactory(
        company=region, status=Posting.Status.FILLED, posting_type=PostingType.THESIS
    )
    response = page.goto(live_server.url + closed.get_absolute_url())
    assert response.status == 410
    assert_accessible(page)


def test_recruiter_writes_a_posting_and_submits_it_for_review(
    page, live_server, assert_accessible, sign_in, bob, region
):
    MembershipFactory(company=region, user=bob, role=Membership.Role.OWNER)
    SkillFactory(
        label_de="SPS-Programmierung", label_en="PLC programming", alternative_labels=["SPS"]
    )
    sign_in(page, bob)
    page.goto(live_server.url + "/en/my/companies/")
    assert_accessible(page)
    page.get_by_role("link", name="Postings").first.click()
    page.get_by_role("link", name="New posting").click()
    page.wait_for_url("**/postings/new/")
    assert_accessible(page)

    page.locator("#id_title").fill("Werkstudent*in Automatisierung")
    page.locator("#id_posting_type").select_option("working_student")
    page.locator("#id_hours_per_week").fill("25")
    page.locator('input[name="sites"]').first.check()
    page.locator("#id_description_de").fill("Sie programmieren Steuerungen für unsere Prüfstände.")
    page.locator("#id_skills-0-skill").fill("sps")
    page.get_by_role("button", name="Save").click()

    # 25 hours is too much for a working student: explained, nothing lost
    expect(page.get_by_text("may work at most 20 hours")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Werkstudent*in Automatisierung")
    expect(page.locator("#id_skills-0-skill")).to_have_value("sps")
    assert_accessible(page)

    page.locator("#id_hours_per_week").fill("15")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    page.get_by_role("link", name="Postings").first.click()
    page.get_by_role("button", name="Submit for review Werkstudent*in Automatisierung").click()
    expect(page.get_by_role("cell", name="In review")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("page_name", ["company_edit", "company_team", "company_create"])
def test_recruiter_management_pages_are_accessible(
    page, live_server, assert_accessible, sign_in, bob, region, page_name
):
    MembershipFactory(company=region, user=bob, role=Membership.Role.OWNER)
    sign_in(page, bob)
    paths = {
        "company_edit": f"/en/my/companies/{region.slug}/edit/",
        "company_team": f"/en/my/companies/{region.slug}/team/",
        "company_create": "/en/my/companies/new/",
    }
    page.goto(live_server.url + paths[page_name])
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_report_form_shows_errors_accessibly(page, live_server, assert_accessible, region):
    posting = region.postings.first()
    page.goto(live_server.url + f"/stellen/{posting.pk}-{posting.slug}/melden/")
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page)


def test_invitation_page_is_accessible(page, live_server, assert_accessible, sign_in, bob, region):
    from companies.models import Invitation

    invitation = Invitation.objects.create(company=region, email=bob.email)
    sign_in(page, bob)
    page.goto(live_server.url + invitation.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text(region.name)
    assert_accessible(page)
