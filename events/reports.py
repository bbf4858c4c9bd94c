"""Figures for the project's impact reports."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from events.models import Event, Registration


@dataclass(frozen=True)
class MonthlyParticipation:
    month: date  # the first day of the month (Europe/Berlin)
    kind: str  # an EventKind value
    talents: int  # registered talents (a cancelled registration or the waiting list do not count)
    companies: int  # companies that took part (not withdrawn)


def participation_by_month(start: date, end: date) -> list[MonthlyParticipation]:
    """Per month and event format, the talents registered for and the companies taking part in
    the published, not cancelled events that started between ``start`` and ``end`` (both
    included, local dates). Past events count their registrations as attendance. One query;
    months and formats without an event do not appear."""
    rows = (
        Event.objects.published()
        .filter(
            cancelled_at__isnull=True,
            starts_at__date__gte=start,
            starts_at__date__lte=end,
        )
        .annotate(month=TruncMonth("starts_at"))
        .values("month", "kind")
        .annotate(
            talents=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.REGISTERED),
                distinct=True,
            ),
            companies=Count(
                "company_participations",
                filter=Q(company_participations__withdrawn_at__isnull=True),
                distinct=True,
            ),
        )
        .order_by("month", "kind")
    )
    return [
        MonthlyParticipation(row["month"].date(), row["kind"], row["talents"], row["companies"])
        for row in rows
    ]


def talents_at_events_by_month(start: date, end: date) -> dict[date, int]:
    """For the impact report: registered talents per month, all formats together."""
    months: dict[date, int] = {}
    for row in participation_by_month(start, end):
        months[row.month] = months.get(row.month, 0) + row.talents
    return months


def companies_at_events_by_month(start: date, end: date) -> dict[date, int]:
    """For the impact report: taking-part companies per month, all formats together."""
    months: dict[date, int] = {}
    for row in participation_by_month(start, end):
        months[row.month] = months.get(row.month, 0) + row.companies
    return months
