from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from events.factories import CompanyParticipationFactory, EventFactory, RegistrationFactory
from events.models import Registration
from events.reports import MonthlyParticipation, participation_by_month

BERLIN = ZoneInfo("Europe/Berlin")


def at(year: int, month: int, day: int, hour: int = 18) -> datetime:
    return datetime(year, month, day, hour, tzinfo=BERLIN)


def event_on(start: datetime, **fields):
    return EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), **fields)


def test_participation_by_month_counts_talents_and_companies_per_format(
    db, django_assert_num_queries
):
    march_evening = event_on(at(2026, 3, 5))
    for status in ("registered", "registered", "waiting", "cancelled"):
        RegistrationFactory(event=march_evening, status=status)
    CompanyParticipationFactory(event=march_evening)
    CompanyParticipationFactory(event=march_evening, withdrawn_at=at(2026, 3, 1))
    second = event_on(at(2026, 3, 31, 23))  # still March in Dresden, April in UTC
    RegistrationFactory(event=second)
    CompanyParticipationFactory(event=second)
    CompanyParticipationFactory(event=second)
    fair = event_on(at(2026, 4, 2), kind="job_fair")
    RegistrationFactory(event=fair, status=Registration.Status.REGISTERED)
    RegistrationFactory(event=event_on(at(2026, 4, 9), cancelled_at=at(2026, 4, 1)))
    RegistrationFactory(event=event_on(at(2026, 4, 10), is_published=False))
    RegistrationFactory(event=event_on(at(2026, 5, 1)))  # after the end

    with django_assert_num_queries(1):
        rows = participation_by_month(date(2026, 3, 1), date(2026, 4, 30))

    assert rows == [
        MonthlyParticipation(date(2026, 3, 1), "career_evening", talents=3, companies=3),
        MonthlyParticipation(date(2026, 4, 1), "job_fair", talents=1, companies=0),
    ]


def test_participation_by_month_is_empty_without_events(db):
    assert participation_by_month(date(2026, 1, 1), date(2026, 12, 31)) == []


def test_the_impact_report_sums_the_formats_of_each_month(db):
    from events.reports import companies_at_events_by_month, talents_at_events_by_month

    evening = event_on(at(2026, 3, 5))
    fair = event_on(at(2026, 3, 20), kind="job_fair")
    for event in (evening, fair, fair):
        RegistrationFactory(event=event)
    CompanyParticipationFactory(event=fair)

    period = (date(2026, 3, 1), date(2026, 3, 31))
    assert talents_at_events_by_month(*period) == {date(2026, 3, 1): 3}
    assert companies_at_events_by_month(*period) == {date(2026, 3, 1): 1}
