"""Rules of events that span several models: registering talents (with the waiting list),
companies taking part, reminders, and the speed-dating plan.

Every change to an event's talent registrations first locks the event's row, so that two people
registering at once are served one after the other and the capacity is never exceeded."""

import csv
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.emails import email_people
from accounts.models import User
from companies.models import Company, Posting
from companies.services import recruiters_of
from events.models import CompanyParticipation, Event, Registration, SpeedDatingSlot
from matching.queries import top_talents_for_posting
from talents.models import TalentProfile

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

REMINDER_HOURS = 24


class AlreadyRegistered(ValidationError):
    """The talent is registered or waiting already; carries the existing registration."""

    def __init__(self, registration: Registration) -> None:
        message = (
            _("You are already on the waiting list for this event.")
            if registration.status == Registration.Status.WAITING
            else _("You are already registered for this event.")
        )
        super().__init__(message)
        self.registration = registration


class EventFull(ValidationError):
    """No place is free; the talent may join the waiting list instead."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "This event is fully booked. You can join the waiting list and move up when a place frees up."
            )
        )


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _check_open(event: Event) -> None:
    if event.is_cancelled:
        raise ValidationError(_("This event was cancelled."))
    if event.ends_at <= timezone.now():
        raise ValidationError(_("This event is over; registration is no longer possible."))
    if timezone.now() >= event.closes_at:
        raise ValidationError(_("Registration for this event is closed."))


def _require_talent(user: User) -> None:
    if not user.is_talent:
        raise PermissionDenied(_("Only talent accounts can register for events."))


def _email_talent(registration: Registration, template: str) -> None:
    email_people(
        [registration.user],
        template=f"events/email/{template}",
        context={"event": registration.event, "registration": registration},
    )


@transaction.atomic
def register_talent(*, event: Event, user: User, waiting_list: bool = False) -> Registration:
    """Register a talent for a place, or (``waiting_list``) at the end of the waiting list.

    Raises AlreadyRegistered, EventFull (when full and the talent did not ask for the waiting
    list) or ValidationError (cancelled, past or closed event)."""
    _require_talent(user)
    event = _locked(event)
    _check_open(event)
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration and registration.status != Registration.Status.CANCELLED:
        raise AlreadyRegistered(registration)
    has_place = (
        event.registrations.registered().count() < event.capacity
        and not event.registrations.waiting().exists()
    )
    if not has_place and not waiting_list:
        raise EventFull
    status = Registration.Status.REGISTERED if has_place else Registration.Status.WAITING
    if registration is None:
        registration = Registration(event=event, user=user)
    registration.status, registration.joined_at = status, timezone.now()
    registration.cancelled_at = registration.reminder_sent_at = None
    registration.save()
    _email_talent(registration, "registered" if has_place else "waiting")
    return registration


def waiting_position(registration: Registration) -> int | None:
    """Where a waiting talent stands on the waiting list (1: moves up next)."""
    if registration.status != Registration.Status.WAITING:
        return None
    ahead = registration.event.registrations.waiting().filter(
        Q(joined_at__lt=registration.joined_at)
        | Q(joined_at=registration.joined_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


@transaction.atomic
def cancel_registration(*, registration: Registration) -> Registration:
    """The talent gives up a place (or leaves the waiting list); the first waiting moves up."""
    event = _locked(registration.event)
    registration.refresh_from_db()
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError(_("You are no longer registered for this event."))
    if event.starts_at <= timezone.now():
        raise ValidationError(
            _("This event has already started; it can no longer be cancelled here.")
        )
    registration.status, registration.cancelled_at = Registration.Status.CANCELLED, timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    _fill_free_places(event)
    return registration


def _fill_free_places(event: Event) -> list[Registration]:
    """Move the first of the waiting list up while places are free (event row locked)."""
    free = event.capacity - event.registrations.registered().count()
    if free <= 0 or event.starts_at <= timezone.now() or event.is_cancelled:
        return []
    promoted = list(event.registrations.waiting().select_related("user", "event")[:free])
    for registration in promoted:
        registration.status = Registration.Status.REGISTERED
        registration.save(update_fields=["status"])
        _email_talent(registration, "promoted")
    return promoted


@transaction.atomic
def fill_free_places(*, event: Event) -> list[Registration]:
    """After staff raised the capacity: the waiting list moves up into the new places."""
    return _fill_free_places(_locked(event))


@transaction.atomic
def cancel_event(*, event: Event) -> None:
    """Staff call an event off: it stays listed as cancelled, and everybody who registered or
    takes part learns of it by email."""
    event = _locked(event)
    if event.is_cancelled:
        return
    event.cancel()
    talents = User.objects.filter(
        event_registrations__event=event,
        event_registrations__status__in=[
            Registration.Status.REGISTERED,
            Registration.Status.WAITING,
        ],
    )
    recruiters = User.objects.filter(
        memberships__company__event_participations__event=event,
        memberships__company__event_participations__withdrawn_at__isnull=True,
        is_active=True,
    ).distinct()
    email_people(
        [*talents, *recruiters], template="events/email/cancelled", context={"event": event}
    )


# --- Companies -----------------------------------------------------------------------------------


def companies_for_events(user: User) -> QuerySet[Company]:
    """The verified companies a recruiter may register for events."""
    return Company.objects.verified().editable_by(user).order_by("name")


@transaction.atomic
def register_company(*, event: Event, company: Company, by: User) -> CompanyParticipation:
    """A recruiter registers one of their verified companies for an event."""
    if not companies_for_events(by).filter(pk=company.pk).exists():
        raise PermissionDenied(_("Only recruiters of a verified company can register it."))
    event = _locked(event)
    _check_open(event)
    participation, created = CompanyParticipation.objects.get_or_create(
        event=event, company=company, defaults={"registered_by": by}
    )
    if not created and participation.withdrawn_at is None:
        raise ValidationError(
            _("%(company)s is already registered for this event.") % {"company": company.name}
        )
    if not created:
        participation.withdrawn_at, participation.registered_by = None, by
        participation.registered_at = timezone.now()
        participation.save(update_fields=["withdrawn_at", "registered_by", "registered_at"])
    email_people(
        recruiters_of(company),
        template="events/email/company_registered",
        context={"event": event, "company": company},
    )
    return participation


@transaction.atomic
def withdraw_company(*, participation: CompanyParticipation) -> None:
    """The company no longer takes part; its speed-dating slots go with it."""
    event = _locked(participation.event)
    if participation.withdrawn_at is not None:
        raise ValidationError(_("This company no longer takes part in the event."))
    if event.starts_at <= timezone.now():
        raise ValidationError(_("This event has already started."))
    participation.withdrawn_at = timezone.now()
    participation.save(update_fields=["withdrawn_at"])
    SpeedDatingSlot.objects.filter(event=event, company=participation.company).delete()


# --- Reminders -----------------------------------------------------------------------------------


def send_event_reminders() -> int:
    """Remind registered talents and the teams of taking-part companies once, during the day
    before the event. Idempotent: each registration and participation is reminded at most once."""
    now = timezone.now()
    soon = now + timedelta(hours=REMINDER_HOURS)
    events = Event.objects.published().filter(
        cancelled_at__isnull=True, starts_at__gt=now, starts_at__lte=soon
    )
    count = 0
    due = Registration.objects.registered().filter(event__in=events, reminder_sent_at__isnull=True)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            registration = (
                due.select_for_update(skip_locked=True, of=("self",))
                .select_related("event", "user")
                .filter(pk=pk)
                .first()
            )
            if registration is None:
                continue
            registration.reminder_sent_at = now
            registration.save(update_fields=["reminder_sent_at"])
            _email_talent(registration, "reminder")
        count += 1
    participations = CompanyParticipation.objects.active().filter(
        event__in=events, reminder_sent_at__isnull=True
    )
    for pk in participations.values_list("pk", flat=True):
        with transaction.atomic():
            participation = (
                participations.select_for_update(skip_locked=True, of=("self",))
                .select_related("event", "company")
                .filter(pk=pk)
                .first()
            )
            if participation is None:
                continue
            participation.reminder_sent_at = now
            participation.save(update_fields=["reminder_sent_at"])
            email_people(
                recruiters_of(participation.company),
                template="events/email/company_reminder",
                context={"event": participation.event, "company": participation.company},
            )
        count += 1
    return count


# --- Speed dating --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """A talent for a company's table, with the best match score over the company's openings."""

    company: Company
    talent: User
    score: float
    rank: int


def speed_dating_suggestions(event: Event) -> list[Suggestion]:
    """For each taking-part company, its registered talents ranked by match score: the best
    score over the company's published postings (ranked in PostgreSQL, one query per posting);
    talents without a profile or without any match follow with score 0. Best first."""
    talents = list(
        User.objects.filter(
            event_registrations__event=event,
            event_registrations__status=Registration.Status.REGISTERED,
        ).order_by("event_registrations__joined_at", "pk")
    )
    profiles = TalentProfile.objects.filter(user__in=[talent.pk for talent in talents])
    profile_users = dict(profiles.values_list("pk", "user_id"))
    companies = Company.objects.filter(
        event_participations__event=event, event_participations__withdrawn_at__isnull=True
    ).order_by("name")
    postings = Posting.objects.published().filter(company__in=companies).order_by("pk")
    best: dict[tuple[int, int], float] = {}
    for posting in postings:
        for ranked in top_talents_for_posting(posting, k=max(len(talents), 1), among=profiles):
            key = (posting.company_id, profile_users[ranked.profile_id])
            best[key] = max(best.get(key, 0.0), ranked.total)
    suggestions = []
    for company in companies:
        ordered = sorted(talents, key=lambda talent: -best.get((company.pk, talent.pk), 0.0))
        suggestions += [
            Suggestion(company, talent, best.get((company.pk, talent.pk), 0.0), rank)
            for rank, talent in enumerate(ordered, start=1)
        ]
    return suggestions


@transaction.atomic
def accept_suggestions(*, event: Event, suggestions: list[Suggestion]) -> list[SpeedDatingSlot]:
    """Replace the event's slots with a plan from the suggestions: one table per company, the
    best-scoring pairs placed first, each in the earliest round where both are free. Pairs that
    find no round within the event's time are left out (staff can add slots by hand)."""
    event = _locked(event)
    rounds = int((event.ends_at - event.starts_at) / event.slot_length)
    tables = {
        company.pk: number
        for number, company in enumerate(
            dict.fromkeys(suggestion.company for suggestion in suggestions), start=1
        )
    }
    busy_talent: set[tuple[int, int]] = set()
    busy_table: set[tuple[int, int]] = set()
    slots = []
    for suggestion in sorted(suggestions, key=lambda item: (-item.score, item.rank)):
        table = tables[suggestion.company.pk]
        free = next(
            (
                number
                for number in range(rounds)
                if (suggestion.talent.pk, number) not in busy_talent
                and (table, number) not in busy_table
            ),
            None,
        )
        if free is None:
            continue
        busy_talent.add((suggestion.talent.pk, free))
        busy_table.add((table, free))
        slots.append(
            SpeedDatingSlot(
                event=event,
                company=suggestion.company,
                talent=suggestion.talent,
                starts_at=event.starts_at + free * event.slot_length,
                table=table,
                score=suggestion.score,
            )
        )
    event.slots.all().delete()
    return SpeedDatingSlot.objects.bulk_create(slots)


# --- Participant lists ---------------------------------------------------------------------------

CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: str) -> str:
    # A name typed as "=HYPERLINK(...)" must stay text when staff open the file in a spreadsheet.
    return "'" + value if value.startswith(CSV_FORMULA_STARTS) else value


def write_participants_csv(events: QuerySet[Event], out: "SupportsWrite[str]") -> int:
    """Staff's participant list: one row per talent registration (they consented by
    registering) and per taking-part company. Returns the number of rows."""
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Event"),
            _("Starts at"),
            _("Participant"),
            _("Name"),
            _("Email"),
            _("Status"),
            _("Registered at"),
        ]
    )
    rows = 0
    registrations = (
        Registration.objects.filter(event__in=events)
        .select_related("event", "user")
        .order_by("event__starts_at", "event_id", "status", "joined_at", "pk")
    )
    for registration in registrations:
        writer.writerow(
            [
                _csv_cell(registration.event.title),
                timezone.localtime(registration.event.starts_at).strftime("%Y-%m-%d %H:%M"),
                _("Talent"),
                _csv_cell(registration.user.get_full_name()),
                registration.user.email,
                registration.get_status_display(),
                timezone.localtime(registration.joined_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
        rows += 1
    participations = (
        CompanyParticipation.objects.filter(event__in=events)
        .select_related("event", "company", "registered_by")
        .order_by("event__starts_at", "event_id", "company__name")
    )
    for participation in participations:
        writer.writerow(
            [
                _csv_cell(participation.event.title),
                timezone.localtime(participation.event.starts_at).strftime("%Y-%m-%d %H:%M"),
                _("Company"),
                _csv_cell(participation.company.name),
                participation.registered_by.email if participation.registered_by else "",
                _("Withdrawn") if participation.withdrawn_at else _("Takes part"),
                timezone.localtime(participation.registered_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
        rows += 1
    return rows
