"""Talents register, wait, cancel and move up; companies take part; reminders go out once."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from accounts.factories import TalentUserFactory
from companies.factories import CompanyFactory, MembershipFactory
from companies.models import Company
from events import services
from events.factories import CompanyParticipationFactory, EventFactory, RegistrationFactory
from events.models import Event, Registration


def register(event: Event, user, **options) -> Registration:
    return services.register_talent(event=event, user=user, **options)


def test_alice_registers_and_gets_a_confirmation(alice, django_capture_on_commit_callbacks):
    event = EventFactory(title_de="Karriereabend Halbleiter")
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, alice)
    assert registration.status == Registration.Status.REGISTERED
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]
    assert "Karriereabend Halbleiter" in mail.outbox[0].subject
    assert f"/veranstaltungen/{event.pk}/kalender.ics" in mail.outbox[0].body


def test_registering_twice_says_so(alice):
    event = EventFactory()
    register(event, alice)
    with pytest.raises(services.AlreadyRegistered, match="bereits angemeldet"):
        register(event, alice)
    assert Registration.objects.count() == 1


def test_a_full_event_offers_the_waiting_list(alice):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    with pytest.raises(services.EventFull, match="Warteliste"):
        register(event, alice)
    registration = register(event, alice, waiting_list=True)
    assert registration.status == Registration.Status.WAITING


def test_the_waiting_list_keeps_its_order_when_places_are_free_again(alice):
    # Nobody jumps the queue: while somebody waits, a newcomer waits too.
    event = EventFactory(capacity=1)
    first = RegistrationFactory(event=event)
    waiting = register(event, alice, waiting_list=True)
    late = register(event, TalentUserFactory(), waiting_list=True)
    assert list(event.registrations.waiting()) == [waiting, late]
    assert [services.waiting_position(item) for item in (first, waiting, late)] == [None, 1, 2]
    services.cancel_registration(registration=first)
    waiting.refresh_from_db()
    late.refresh_from_db()
    assert (waiting.status, late.status) == ("registered", "waiting")


def test_cancelling_moves_the_first_waiting_talent_up_and_emails_them(
    alice, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    place = register(event, TalentUserFactory())
    register(event, alice, waiting_list=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration=place)
    assert event.registrations.get(user=alice).status == Registration.Status.REGISTERED
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]
    assert "Platz" in mail.outbox[0].subject


def test_a_cancelled_talent_can_register_again_at_the_end(alice):
    event = EventFactory(capacity=5)
    registration = register(event, alice)
    services.cancel_registration(registration=registration)
    again = register(event, alice)
    assert again.pk == registration.pk and again.status == Registration.Status.REGISTERED
    with pytest.raises(ValidationError, match="nicht mehr angemeldet"):
        services.cancel_registration(registration=RegistrationFactory(status="cancelled"))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {
                "starts_at": timezone.now() - timedelta(days=2),
                "ends_at": timezone.now() - timedelta(days=1),
            },
            "vorbei",
        ),
        ({"registration_deadline": timezone.now() - timedelta(hours=1)}, "geschlossen"),
        ({"cancelled_at": timezone.now()}, "abgesagt"),
    ],
)
def test_past_closed_and_cancelled_events_refuse_registrations(alice, fields, message):
    event = EventFactory(**fields)
    with pytest.raises(ValidationError, match=message):
        register(event, alice)


def test_only_talents_register(bob):
    with pytest.raises(PermissionDenied):
        register(EventFactory(), bob)


def test_raising_the_capacity_moves_the_waiting_list_up(alice):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    register(event, alice, waiting_list=True)
    Event.objects.filter(pk=event.pk).update(capacity=2)
    promoted = services.fill_free_places(event=event)
    assert [registration.user for registration in promoted] == [alice]


@pytest.mark.django_db(transaction=True)
def test_two_talents_at_once_never_exceed_the_capacity():
    event = EventFactory(capacity=1)
    talents = [TalentUserFactory() for _ in range(4)]
    barrier = threading.Barrier(len(talents))
    results: list[str] = []

    def take_the_last_place(user) -> None:
        try:
            barrier.wait()
            registration = services.register_talent(event=event, user=user, waiting_list=True)
            results.append(registration.status)
        finally:
            connection.close()

    threads = [threading.Thread(target=take_the_last_place, args=[user]) for user in talents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["registered", "waiting", "waiting", "waiting"]
    assert event.registrations.registered().count() == 1


# --- Companies -------------------------------------------------------------------------------------


def test_recruiter_registers_a_verified_company_and_can_withdraw(
    bob, django_capture_on_commit_callbacks
):
    company = MembershipFactory(user=bob).company
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        participation = services.register_company(event=event, company=company, by=bob)
    assert [message.to for message in mail.outbox] == [["bob@example.org"]]
    with pytest.raises(ValidationError, match="bereits angemeldet"):
        services.register_company(event=event, company=company, by=bob)
    services.withdraw_company(participation=participation)
    participation.refresh_from_db()
    assert participation.withdrawn_at is not None
    again = services.register_company(event=event, company=company, by=bob)
    assert again.pk == participation.pk and again.withdrawn_at is None


def test_unverified_or_foreign_companies_cannot_be_registered(bob):
    pending = MembershipFactory(
        user=bob, company=CompanyFactory(verification_status=Company.Verification.PENDING)
    ).company
    with pytest.raises(PermissionDenied):
        services.register_company(event=EventFactory(), company=pending, by=bob)
    with pytest.raises(PermissionDenied):
        services.register_company(event=EventFactory(), company=CompanyFactory(), by=bob)


# --- Reminders and cancellation ---------------------------------------------------------------------


def test_reminders_go_out_the_day_before_once(alice, bob, django_capture_on_commit_callbacks):
    tomorrow = EventFactory(starts_at=timezone.now() + timedelta(hours=20))
    later = EventFactory(starts_at=timezone.now() + timedelta(days=3))
    RegistrationFactory(event=tomorrow, user=alice)
    RegistrationFactory(event=tomorrow, status=Registration.Status.WAITING)
    RegistrationFactory(event=later)
    CompanyParticipationFactory(event=tomorrow, company=MembershipFactory(user=bob).company)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_event_reminders() == 2
    assert sorted(message.to[0] for message in mail.outbox) == [
        "alice@example.org",
        "bob@example.org",
    ]
    assert all("Morgen" in message.subject for message in mail.outbox)
    assert services.send_event_reminders() == 0


def test_cancelling_an_event_emails_talents_and_companies(
    alice, bob, django_capture_on_commit_callbacks
):
    event = EventFactory()
    RegistrationFactory(event=event, user=alice)
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    CompanyParticipationFactory(event=event, company=MembershipFactory(user=bob).company)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_event(event=event)
    event.refresh_from_db()
    assert event.is_cancelled
    assert sorted(message.to[0] for message in mail.outbox) == [
        "alice@example.org",
        "bob@example.org",
    ]


# --- Validation ---------------------------------------------------------------------------------------


def test_event_dates_are_validated_with_clear_messages(db):
    event = EventFactory.build(
        ends_at=timezone.now() + timedelta(days=1),
        starts_at=timezone.now() + timedelta(days=2),
        registration_deadline=timezone.now() + timedelta(days=3),
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["ends_at"] == [
        "Die Veranstaltung muss nach ihrem Beginn enden."
    ]
    assert "Anmeldeschluss" in error.value.message_dict["registration_deadline"][0]


def test_an_event_needs_a_town_or_an_online_link(db):
    event = EventFactory.build(town=None, kind="online")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert set(error.value.message_dict) >= {"town", "online_url"}
