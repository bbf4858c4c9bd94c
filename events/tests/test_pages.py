"""The public event pages, registering through them, and my events."""

from datetime import UTC, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from companies.factories import CompanyFactory, MembershipFactory
from events.factories import CompanyParticipationFactory, EventFactory, RegistrationFactory
from events.models import Registration
from region.factories import goerlitz


def message_texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def past_event(**fields):
    start = timezone.now() - timedelta(days=30)
    return EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), **fields)


def test_list_shows_upcoming_published_events_and_the_archive_the_past(client, db):
    upcoming = EventFactory(title_de="Speed Dating Mikroelektronik")
    draft = EventFactory(is_published=False)
    old = past_event(title_de="Jobmesse 2025")
    response = client.get(reverse("events:event_list"))
    assert response.status_code == 200
    assert [event.pk for event in response.context["page"]] == [upcoming.pk]
    assert "Speed Dating Mikroelektronik" in response.text
    archive = client.get(reverse("events:event_archive"))
    assert [event.pk for event in archive.context["page"]] == [old.pk]
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_list_filters_by_format_district_language_and_target_group(client, db):
    workshop = EventFactory(
        kind="workshop", town=goerlitz(), language="both", target_groups=["researchers"]
    )
    EventFactory(kind="job_fair", language="de", target_groups=["students"])
    for query in [
        {"kind": "workshop"},
        {"district": "goerlitz"},
        {"town": "goerlitz"},
        {"language": "en"},
        {"group": "researchers"},
    ]:
        response = client.get(reverse("events:event_list"), query)
        assert [event.pk for event in response.context["page"]] == [workshop.pk], query


def test_english_list_and_detail_show_english_titles(client, db):
    event = EventFactory(title_de="Karriereabend", title_en="Career evening")
    with translation.override("en"):
        list_url, detail_url = reverse("events:event_list"), event.get_absolute_url()
    assert list_url == "/en/events/"
    with translation.override("en"):  # the request switches the language; switch it back after
        response = client.get(detail_url)
    assert response.status_code == 200
    assert '<h1 lang="en">Career evening</h1>' in response.text


@pytest.mark.parametrize("url_name", ["events:event_list", "events:event_archive"])
@pytest.mark.parametrize("number_of_events", [3, 20])
def test_lists_run_a_constant_number_of_queries(
    client, db, django_assert_max_num_queries, url_name, number_of_events
):
    for _number in range(number_of_events):
        event = past_event() if url_name == "events:event_archive" else EventFactory()
        RegistrationFactory(event=event)
        CompanyParticipationFactory(event=event)
    with django_assert_max_num_queries(4):  # count, page (with counts), towns for the filter x2
        response = client.get(reverse(url_name))
    assert response.status_code == 200


@pytest.mark.parametrize("number_of_events", [3, 20])
def test_my_events_runs_a_constant_number_of_queries(
    client, alice, bob, django_assert_max_num_queries, number_of_events
):
    company = MembershipFactory(user=bob).company
    for _ in range(number_of_events):
        RegistrationFactory(user=alice)
        CompanyParticipationFactory(company=company)
    for user in (alice, bob):
        client.force_login(user)
        client.get(reverse("events:my_events"))  # the first request stamps the session
        with django_assert_max_num_queries(4):  # session, user, registrations, participations
            response = client.get(reverse("events:my_events"))
        assert response.status_code == 200
        assert (
            len(response.context["registrations"]) + len(response.context["participations"])
            == number_of_events
        )


def test_alice_registers_through_the_page_and_cannot_twice(client, alice):
    event = EventFactory()
    client.force_login(alice)
    response = client.post(reverse("events:event_register", args=[event.pk]))
    assert response.status_code == 302
    assert message_texts(response) == [
        "Sie sind angemeldet. Wir haben Ihnen eine Bestätigung per E-Mail geschickt."
    ]
    again = client.post(reverse("events:event_register", args=[event.pk]))
    assert message_texts(again)[-1] == "Sie sind für diese Veranstaltung bereits angemeldet."
    page = client.get(event.get_absolute_url())
    assert "Anmeldung stornieren" in page.text


def test_full_event_page_offers_the_waiting_list(client, alice):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    client.force_login(alice)
    page = client.get(event.get_absolute_url())
    assert "Auf die Warteliste" in page.text
    response = client.post(reverse("events:event_register", args=[event.pk]))
    assert "ausgebucht" in message_texts(response)[0]
    response = client.post(reverse("events:event_register", args=[event.pk]), {"waiting_list": "1"})
    assert "Warteliste" in message_texts(response)[0]
    assert event.registrations.get(user=alice).status == Registration.Status.WAITING
    assert "Sie stehen auf Platz 1 der Warteliste." in client.get(event.get_absolute_url()).text


def test_past_event_refuses_registration_with_a_message(client, alice):
    event = past_event()
    client.force_login(alice)
    response = client.post(reverse("events:event_register", args=[event.pk]))
    assert message_texts(response) == [
        "Diese Veranstaltung ist vorbei; eine Anmeldung ist nicht mehr möglich."
    ]


def test_alice_cancels_through_the_page(client, alice):
    registration = RegistrationFactory(user=alice)
    client.force_login(alice)
    response = client.post(reverse("events:event_cancel", args=[registration.event_id]))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_recruiter_cannot_register_as_a_talent(client, bob):
    event = EventFactory()
    client.force_login(bob)
    response = client.post(reverse("events:event_register", args=[event.pk]))
    assert response.status_code == 403
    assert not event.registrations.exists()


def test_bob_chooses_which_company_takes_part(client, bob):
    first = MembershipFactory(user=bob, company=CompanyFactory(name="Alpha GmbH")).company
    second = MembershipFactory(user=bob, company=CompanyFactory(name="Beta GmbH")).company
    event = EventFactory()
    client.force_login(bob)
    page = client.get(event.get_absolute_url())
    assert "Alpha GmbH" in page.text and "Beta GmbH" in page.text
    client.post(reverse("events:company_register", args=[event.pk]), {"company": second.pk})
    assert list(event.company_participations.values_list("company", flat=True)) == [second.pk]
    other = CompanyFactory()
    response = client.post(
        reverse("events:company_register", args=[event.pk]), {"company": other.pk}
    )
    assert message_texts(response)[-1] == "Bitte wählen Sie eines Ihrer Unternehmen."
    assert first.pk not in event.company_participations.values_list("company", flat=True)


def test_only_verified_companies_are_listed_as_taking_part(client, db):
    event = EventFactory()
    CompanyParticipationFactory(event=event, company=CompanyFactory(name="Sichtbar GmbH"))
    CompanyParticipationFactory(
        event=event, company=CompanyFactory(name="Ungeprüft GmbH", verification_status="pending")
    )
    text = client.get(event.get_absolute_url()).text
    assert "Sichtbar GmbH" in text
    assert "Ungeprüft GmbH" not in text


def test_online_link_only_for_registered_participants(client, alice, bob):
    event = EventFactory(town=None, kind="online", online_url="https://meet.example.org/karriere")
    assert "meet.example.org" not in client.get(event.get_absolute_url()).text
    client.force_login(alice)
    assert "meet.example.org" not in client.get(event.get_absolute_url()).text
    assert (
        b"meet.example.org" not in client.get(reverse("events:event_ics", args=[event.pk])).content
    )
    RegistrationFactory(event=event, user=alice)
    assert "meet.example.org" in client.get(event.get_absolute_url()).text
    assert b"meet.example.org" in client.get(reverse("events:event_ics", args=[event.pk])).content
    CompanyParticipationFactory(event=event, company=MembershipFactory(user=bob).company)
    client.force_login(bob)
    assert "meet.example.org" in client.get(event.get_absolute_url()).text


def test_ics_download_describes_the_event(client, db):
    event = EventFactory(title_de="Firmenbesuch Elbtal", venue="Werk 2")
    response = client.get(reverse("events:event_ics", args=[event.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert "BEGIN:VEVENT" in text
    assert "SUMMARY:Firmenbesuch Elbtal" in text
    assert "LOCATION:Werk 2\\, Dresden" in text
    start = event.starts_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start}" in text or "DTSTART;TZID=" in text
    assert f"/veranstaltungen/{event.pk}-" in text


def test_wrong_slug_redirects_to_the_right_one(client, db):
    event = EventFactory()
    response = client.get(reverse("events:event_detail", kwargs={"pk": event.pk, "slug": "falsch"}))
    assert response.status_code == 301
    assert response["Location"] == event.get_absolute_url()


def test_header_links_to_the_events(client, db):
    response = client.get("/")
    assert f'href="{reverse("events:event_list")}"' in response.text


def test_sitemap_lists_published_events_in_both_languages(client, db):
    event = EventFactory()
    draft = EventFactory(is_published=False)
    text = client.get("/sitemap.xml").text
    assert f"http://testserver{event.get_absolute_url()}" in text
    with translation.override("en"):
        assert f"http://testserver{event.get_absolute_url()}" in text
        assert "http://testserver/en/events/archive/" in text
    assert draft.get_absolute_url() not in text


def test_scheduled_jobs_send_event_reminders(alice, django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core import mail
    from django.core.management import call_command

    RegistrationFactory(
        user=alice, event=EventFactory(starts_at=timezone.now() + timedelta(hours=3))
    )
    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduled_jobs", stdout=output)
    assert "event reminders queued: 1" in output.getvalue()
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]
