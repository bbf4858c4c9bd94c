import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from companies.factories import CompanyFactory, MembershipFactory, PostingFactory
from companies.models import Membership
from talents.tests.test_applications import pdf_bytes

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def posting(bob):
    company = CompanyFactory(name="Elbtal Sensorik GmbH")
    MembershipFactory(company=company, user=bob, role=Membership.Role.OWNER)
    return PostingFactory(company=company, title="Werkstudent*in Messtechnik")


def english(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def test_alice_applies_and_bob_reads_her_application(
    page, browser, live_server, assert_accessible, sign_in, alice, bob, posting
):
    sign_in(page, alice)
    page.goto(live_server.url + english("talents:apply", posting.pk))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Werkstudent*in Messtechnik")
    assert_accessible(page)

    page.get_by_label("Message to the company (optional)").fill("Ich messe gern.")
    page.get_by_label("CV (PDF)").set_input_files(
        files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": b"no PDF at all"}]
    )
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_text("This file is not a PDF.")).to_be_visible()
    expect(page.get_by_label("Message to the company (optional)")).to_have_value("Ich messe gern.")
    assert_accessible(page)

    page.get_by_label("CV (PDF)").set_input_files(
        files=[{"name": "Lebenslauf.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My applications")
    expect(page.get_by_role("cell", name="Werkstudent*in Messtechnik", exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="Sent", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Your CV").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your CV")
    assert_accessible(page)

    recruiter_page = browser.new_context(locale="de-DE").new_page()
    sign_in(recruiter_page, bob)
    recruiter_page.goto(live_server.url + english("talents:pipeline", posting.pk))
    expect(recruiter_page.get_by_role("heading", name="Sent (1)")).to_be_visible()
    assert_accessible(recruiter_page)

    recruiter_page.get_by_role("link", name="Alice Neumann", exact=True).click()
    expect(recruiter_page.get_by_role("heading", level=1)).to_have_text("Alice Neumann")
    expect(recruiter_page.get_by_text("Ich messe gern.")).to_be_visible()
    assert_accessible(recruiter_page)

    recruiter_page.get_by_label("Status").select_option("interview")
    recruiter_page.get_by_role("button", name="Save status").click()
    expect(recruiter_page.get_by_text("Status saved.")).to_be_visible()
    assert_accessible(recruiter_page)
    recruiter_page.context.close()
