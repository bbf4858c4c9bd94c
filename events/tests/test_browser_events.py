"""Journeys through the event pages in a real browser, each page checked with axe."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from companies.factories import CompanyFactory, MembershipFactory
from events.factories import EventFactory, RegistrationFactory
from events.models import Registration
from region.factories import goerlitz

pytestmark = pytest.mark.browser


def english(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def events(db):
    start = timezone.now() - timedelta(days=40)
    return {
        "evening": EventFactory(
            title_de="Karriereabend Halbleiter", title_en="Semiconductor career evening"
        ),
        "workshop": EventFactory(
            kind="workshop",
            title_de="Bewerbungsworkshop in Görlitz",
            title_en="Application workshop in Görlitz",
            town=goerlitz(),
            language="both",
            target_groups=["international"],
        ),
        "fair": EventFactory(
            kind="job_fair",
            title_de="Jobmesse 2025",
            starts_at=start,
            ends_at=start + timedelta(hours=5),
        ),
    }


def test_visitor_finds_events_with_the_keyboard_filters_them_and_opens_the_archive(
    page, live_server, assert_accessible, events
):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Veranstaltungen"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Veranstaltungen und Netzwerken")
    expect(page.get_by_role("heading", name="2 kommende Veranstaltungen")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Zielgruppe").select_option("international")
    page.get_by_role("button", name="Veranstaltungen anzeigen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="1 kommende Veranstaltung")).to_be_visible()
    page.get_by_role("link", name="Bewerbungsworkshop in Görlitz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bewerbungsworkshop in Görlitz")
    expect(page.get_by_role("link", name="Anmelden, um einen Platz zu buchen")).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + reverse("events:event_archive"))
    expect(page.get_by_role("link", name="Jobmesse 2025")).to_be_visible()
    assert_accessible(page)


def test_alice_registers_finds_it_in_my_events_and_cancels(
    page, live_server, assert_accessible, sign_in, alice, events
):
    event = events["evening"]
    sign_in(page, alice)
    page.goto(live_server.url + event.get_absolute_url())
    page.get_by_role("button", name="Platz buchen").click()
    expect(page.get_by_role("status").or_(page.locator(".message--success")).first).to_contain_text(
        "Sie sind angemeldet"
    )
    expect(page.get_by_text("Sie sind für diese Veranstaltung angemeldet.")).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + reverse("events:my_events"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Meine Veranstaltungen")
    expect(page.get_by_role("cell", name="Angemeldet", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Karriereabend Halbleiter", exact=True).click()
    page.get_by_role("button", name="Anmeldung stornieren").click()
    expect(page.get_by_text("Ihre Anmeldung ist storniert.")).to_be_visible()
    assert event.registrations.get(user=alice).status == Registration.Status.CANCELLED
    assert_accessible(page)


def test_alice_joins_the_waiting_list_of_a_full_event_in_english(
    page, live_server, assert_accessible, sign_in, alice, events
):
    event = events["evening"]
    event.capacity = 1
    event.save()
    RegistrationFactory(event=event)
    sign_in(page, alice)
    page.goto(live_server.url + english("events:event_list"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Events and networking")
    expect(page.get_by_text("Fully booked – waiting list")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Semiconductor career evening").click()
    expect(page.get_by_text("This event is fully booked.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Join the waiting list").click()
    expect(page.get_by_text("You are on the waiting list. We will email you")).to_be_visible()
    expect(page.get_by_text("You are number 1 on the waiting list.")).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + english("events:my_events"))
    expect(page.get_by_role("cell", name="On the waiting list")).to_be_visible()
    assert_accessible(page)


def test_bob_registers_one_of_his_companies_in_english(
    page, live_server, assert_accessible, sign_in, bob, events
):
    MembershipFactory(user=bob, company=CompanyFactory(name="Alpha Sensorik GmbH"))
    MembershipFactory(user=bob, company=CompanyFactory(name="Beta Robotik GmbH"))
    event = events["workshop"]
    sign_in(page, bob)
    with translation.override("en"):
        page.goto(live_server.url + event.get_absolute_url())
    page.get_by_label("Company").select_option(label="Beta Robotik GmbH")
    assert_accessible(page)
    page.get_by_role("button", name="Register my company").click()
    expect(
        page.get_by_text("Beta Robotik GmbH takes part. We have emailed your team.")
    ).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Beta Robotik GmbH")).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + english("events:my_events"))
    expect(page.get_by_role("cell", name="Beta Robotik GmbH")).to_be_visible()
    assert_accessible(page)
