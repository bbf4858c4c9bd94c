"""Carol runs events in the admin: creating them, the participant list, the speed-dating plan."""

import csv
import io
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from events.factories import CompanyParticipationFactory, EventFactory, RegistrationFactory
from events.models import Event, Registration
from events.tests.test_speed_dating import speed_dating  # noqa: F401 – a fixture
from region.factories import dresden

with translation.override("en"):
    EVENTS = reverse("admin:events_event_changelist")
    ADD_EVENT = reverse("admin:events_event_add")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff_client(client, carol):
    TOTP.activate(carol, generate_totp_secret())
    client.force_login(carol)
    return client


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def event_form(**fields: object) -> dict:
    start = timezone.now() + timedelta(days=10)
    data = {
        "kind": "workshop",
        "title_de": "Bewerbungsworkshop",
        "title_en": "Application workshop",
        "description_de": "Wir üben **Bewerbungsgespräche**.",
        "description_en": "",
        "starts_at": local(start),
        "ends_at": local(start + timedelta(hours=2)),
        "registration_deadline": "",
        "town": dresden().pk,
        "venue": "SLUB, Zellescher Weg 18",
        "online_url": "",
        "language": "both",
        "capacity": "25",
        "target_groups": ["students", "international"],
        "slot_minutes": "10",
        "is_published": "on",
    }
    for prefix in ("registrations", "company_participations"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | fields


def test_carol_creates_an_event(staff_client):
    response = staff_client.post(ADD_EVENT, event_form())
    assert response.status_code == 302, response.context["errors"]
    event = Event.objects.get()
    assert event.target_groups == ["students", "international"]
    assert event.language == "both"


def test_an_end_before_the_start_and_a_late_deadline_get_clear_messages(staff_client):
    start = timezone.now() + timedelta(days=10)
    response = staff_client.post(
        ADD_EVENT,
        event_form(
            ends_at=local(start - timedelta(hours=1)),
            starts_at=local(start),
            registration_deadline=local(start + timedelta(days=1)),
        ),
    )
    assert response.status_code == 200
    assert "The event must end after it starts." in response.text
    assert "The registration deadline must not be after the start of the event." in response.text
    assert 'value="Bewerbungsworkshop"' in response.text  # nothing typed is lost
    assert not Event.objects.exists()


def test_participant_list_as_csv(staff_client, alice):
    event = EventFactory(title_de="=Karriereabend", title_en="")
    RegistrationFactory(event=event, user=alice)
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    CompanyParticipationFactory(event=event)
    EventFactory()  # not chosen: not listed
    response = staff_client.post(
        EVENTS, {"action": "download_participants", ACTION_CHECKBOX_NAME: [event.pk]}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Event", "Starts at", "Participant", "Name", "Email", "Status", "Registered at"
    ]  # fmt: skip
    assert [row[2:6] for row in rows[1:3]] == [
        ["Talent", "Alice Neumann", "alice@example.org", "Registered"],
        ["Talent", rows[2][3], rows[2][4], "On the waiting list"],
    ]
    assert rows[1][0] == "'=Karriereabend"  # never a spreadsheet formula
    assert rows[3][2] == "Company" and rows[3][5] == "Takes part"
    single = staff_client.get(reverse("admin:events_event_participants", args=[event.pk]))
    assert single.content == response.content


def test_only_staff_reach_the_participant_list_and_the_plan(client, bob, alice):
    event = EventFactory(kind="speed_dating")
    RegistrationFactory(event=event, user=alice)
    for person in (None, bob, alice):
        if person:
            client.force_login(person)
        for name in ("admin:events_event_participants", "admin:events_event_speed_dating"):
            response = client.get(reverse(name, args=[event.pk]))
            assert response.status_code == 302
            assert response.url.startswith(reverse("admin:login"))


def test_carol_plans_the_speed_dating_from_the_suggestions(staff_client, speed_dating):  # noqa: F811
    event, people, elbtal, lausitz = speed_dating
    url = reverse("admin:events_event_speed_dating", args=[event.pk])
    page = staff_client.get(url)
    assert page.status_code == 200
    assert page.text.index("strong") < page.text.index("weak")
    response = staff_client.post(url)
    assert response.status_code == 302
    assert event.slots.count() == 8
    change = staff_client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert "Speed-dating slots" in change.text


def test_the_admin_refuses_a_talent_at_two_tables_at_once(staff_client, speed_dating):  # noqa: F811
    event, people, elbtal, lausitz = speed_dating
    data = event_form(
        kind="speed_dating",
        starts_at=local(event.starts_at),
        ends_at=local(event.ends_at),
        slot_minutes="30",
    )
    data |= {
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
        "company_participations-TOTAL_FORMS": "0",
        "company_participations-INITIAL_FORMS": "0",
        "slots-TOTAL_FORMS": "2",
        "slots-INITIAL_FORMS": "0",
    }
    for number, (company, table) in enumerate([(elbtal, 1), (lausitz, 2)]):
        data |= {
            f"slots-{number}-starts_at": local(event.starts_at),
            f"slots-{number}-table": str(table),
            f"slots-{number}-company": str(company.pk),
            f"slots-{number}-talent": str(people["strong"].pk),
        }
    response = staff_client.post(reverse("admin:events_event_change", args=[event.pk]), data)
    assert response.status_code == 200
    assert "This talent already has a slot at this time." in response.text
    assert not event.slots.exists()


@pytest.mark.browser
def test_event_admin_pages_are_accessible(page, live_server, sign_in, carol, assert_accessible):
    event = EventFactory(kind="speed_dating")
    RegistrationFactory(event=event)
    CompanyParticipationFactory(event=event)
    TOTP.activate(carol, generate_totp_secret())
    sign_in(page, carol)
    for url in (
        EVENTS,
        reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:events_event_speed_dating", args=[event.pk]),
    ):
        page.goto(live_server.url + url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
