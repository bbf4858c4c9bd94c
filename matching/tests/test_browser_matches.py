"""Journeys: Alice reads why an opening fits her; Bob finds a fitting talent for his posting."""

import re

import pytest
from playwright.sync_api import expect

from companies.factories import MembershipFactory
from companies.models import Membership
from matching.tests.world import create_posting, create_talent
from region.factories import goerlitz
from taxonomy.factories import SkillFactory

pytestmark = pytest.mark.browser
GOOD = 2


@pytest.fixture
def plc(transactional_db):
    return SkillFactory(label_de="SPS-Programmierung", label_en="PLC programming")


def test_alice_reads_why_an_opening_fits_and_goes_on_to_apply(
    page, live_server, assert_accessible, sign_in, alice, plc
):
    town = goerlitz()
    create_posting(towns=[town], skills={plc: (GOOD, True)}, title="SPS-Werkstudium")
    create_talent(user=alice, towns=[town], skills={plc: GOOD}, wanted_types=[])
    sign_in(page, alice)

    page.goto(live_server.url + "/mein/treffer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meine Treffer")
    assert_accessible(page)
    page.get_by_text("Warum diese Bewertung").first.press("Enter")  # <details> by keyboard
    expect(page.get_by_text("1 von 1 Muss-Kompetenzen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Bewerben SPS-Werkstudium").click()
    expect(page).to_have_url(re.compile(r"/stellen/\d+/bewerben/$"))


def test_bob_sees_matching_talents_in_english_and_asks_for_contact(
    page, live_server, assert_accessible, sign_in, bob, plc
):
    posting = create_posting(towns=[goerlitz()], skills={plc: (GOOD, True)}, title="PLC job")
    MembershipFactory(company=posting.company, user=bob, role=Membership.Role.OWNER)
    create_talent(towns=[goerlitz()], skills={plc: GOOD})
    sign_in(page, bob)

    page.goto(live_server.url + f"/en/my/postings/{posting.pk}/matching-talents/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Matching talents")
    assert_accessible(page)
    page.get_by_role("button", name="Request contact").first.click()
    expect(page.get_by_role("heading", name="Ask for contact")).to_be_visible()


def test_carol_reads_the_match_figures(page, live_server, assert_accessible, sign_in, carol):
    sign_in(page, carol)
    page.goto(live_server.url + "/team/matching/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Matching-Kennzahlen")
    assert_accessible(page)
