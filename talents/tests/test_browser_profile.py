import pytest
from playwright.sync_api import expect

from companies.factories import CompanyFactory, MembershipFactory
from talents.factories import TalentLanguageFactory, TalentProfileFactory, TalentSkillFactory
from talents.models import TalentProfile
from taxonomy.factories import SkillFactory

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "path",
    ["/en/my/profile/", "/mein/profil/bearbeiten/", "/en/my/profile/privacy/", "/en/my/contacts/"],
)
def test_talent_pages_are_accessible(page, live_server, assert_accessible, sign_in, alice, path):
    TalentProfileFactory(user=alice)
    sign_in(page, alice)
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_talent_makes_the_profile_visible(page, live_server, assert_accessible, sign_in, alice):
    TalentProfileFactory(user=alice)
    sign_in(page, alice)
    page.goto(live_server.url + "/en/my/profile/privacy/")
    page.get_by_label("Show my profile to verified companies as an anonymous card").check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Your choices are saved.")).to_be_visible()
    assert TalentProfile.objects.get(user=alice).is_visible_to_companies
    assert_accessible(page)


def test_recruiter_finds_a_card_and_asks_for_contact(
    page, live_server, assert_accessible, sign_in, bob
):
    company = CompanyFactory(name="Elbtal Sensorik GmbH")
    MembershipFactory(company=company, user=bob)
    profile = TalentProfileFactory(visibility=TalentProfile.Visibility.ANONYMOUS)
    TalentSkillFactory(profile=profile, skill=SkillFactory(label_de="Python", label_en="Python"))
    TalentLanguageFactory(profile=profile)
    sign_in(page, bob)
    page.goto(live_server.url + f"/en/my/companies/{company.slug}/talents/")
    assert_accessible(page)
    page.locator(".result-card h3 a").first.click()
    expect(page.get_by_role("heading", name="Ask for contact")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Message").fill("We are looking for a working student in Python.")
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_text("Your request is sent.")).to_be_visible()
    assert_accessible(page)
