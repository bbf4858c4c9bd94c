from datetime import timedelta

import factory
from django.utils import timezone

from accounts.factories import TalentUserFactory
from companies.factories import CompanyFactory
from events.models import CompanyParticipation, Event, EventKind, Registration
from region.factories import dresden


class EventFactory(factory.django.DjangoModelFactory[Event]):
    """A published career evening in Dresden in two weeks, with 20 places."""

    class Meta:
        model = Event

    kind = EventKind.CAREER_EVENING
    title_de = factory.Sequence(lambda number: f"Karriereabend Mikroelektronik {number}")
    title_en = factory.Sequence(lambda number: f"Career evening microelectronics {number}")
    description_de = "Lernen Sie **Unternehmen** der Region kennen."
    description_en = "Meet the **companies** of the region."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=3))
    town = factory.LazyFunction(dresden)
    venue = "Kulturpalast, Schloßstraße 2"
    language = "de"
    capacity = 20
    target_groups = ["students", "graduates"]
    is_published = True


class RegistrationFactory(factory.django.DjangoModelFactory[Registration]):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(TalentUserFactory)
    status = Registration.Status.REGISTERED


class CompanyParticipationFactory(factory.django.DjangoModelFactory[CompanyParticipation]):
    class Meta:
        model = CompanyParticipation

    event = factory.SubFactory(EventFactory)
    company = factory.SubFactory(CompanyFactory)
