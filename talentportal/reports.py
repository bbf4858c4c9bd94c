"""Impact reports for the funder: counts only, never personal data, each section one query.

A report is a list of sections. Every section counts something in a period (from and to, both
days included) and returns its figures in display order; a monthly section gets one figure per
month of the period, months without anything included. Counts between 1 and 4 are shown as
"< 5" everywhere (charts, tables, CSV), so that no small group of people can be singled out; no
totals are shown, because a total minus the other figures would reveal a hidden one.

Adding a section from another app
---------------------------------
The project package reads the apps, the apps never read it. So an app that wants a section writes
a function ``(start: date, end: date) -> Counts`` in its own module and adds one line with its
dotted path to ``SECTIONS`` below (as events and matching do). The
function must run a constant number of queries (one, ideally: ``values(...).annotate(Count(...))``)
and return counts, never people:

- a category section returns ``[(label, count), ...]`` (or a dict ``{label: count}``) in the
  order to show;
- a monthly section (``monthly=True``) returns ``[(month, count), ...]`` or ``{month: count}``,
  where ``month`` is a ``date``/``datetime`` anywhere in that month (``TruncMonth`` gives that);
  missing months count 0.
"""

import csv
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, DateField, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import HttpResponse
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from companies.models import Company, Posting, PostingType, Sector, SizeClass
from region.models import District
from talents.models import Application, ContactRequest, TalentProfile

SMALLEST_SHOWN_GROUP = 5

Counts = Iterable[tuple[Any, int]] | Mapping[Any, int]
SectionFunction = Callable[[date, date], Counts]


@dataclass(frozen=True)
class Figure:
    """One row of a section: what is counted (``key`` for machines, ``label`` for people)."""

    key: str
    label: str
    count: int

    @property
    def suppressed(self) -> bool:
        return 0 < self.count < SMALLEST_SHOWN_GROUP

    @property
    def shown(self) -> str:
        """The count as people see it: "< 5" for a group of one to four."""
        return f"< {SMALLEST_SHOWN_GROUP}" if self.suppressed else str(self.count)


@dataclass(frozen=True)
class SectionSpec:
    """What a section counts; ``figures`` is a function or the dotted path of one."""

    key: str
    title: str | Promise
    description: str | Promise
    figures: SectionFunction | str
    monthly: bool = False


@dataclass(frozen=True)
class Bar:
    label: str
    shown: str
    y: int
    width: float
    value_x: float


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    description: str
    figures: list[Figure]

    CHART_WIDTH = 720
    LABEL_WIDTH = 300
    BAR_AREA = 340
    ROW_HEIGHT = 28
    LABEL_CHARACTERS = 38

    @property
    def chart_height(self) -> int:
        return len(self.figures) * self.ROW_HEIGHT + 8

    @property
    def bars(self) -> list[Bar]:
        """Horizontal bars; hidden ("< 5") counts get no bar and do not set the scale."""
        largest = max((f.count for f in self.figures if not f.suppressed), default=0) or 1
        bars = []
        for row, figure in enumerate(self.figures):
            width = 0.0 if figure.suppressed else round(figure.count / largest * self.BAR_AREA, 1)
            label = figure.label
            if len(label) > self.LABEL_CHARACTERS:
                label = label[: self.LABEL_CHARACTERS - 1].rstrip() + "…"
            bars.append(
                Bar(
                    label=label,
                    shown=figure.shown,
                    y=row * self.ROW_HEIGHT + 4,
                    width=width,
                    value_x=round(self.LABEL_WIDTH + width + 6, 1),
                )
            )
        return bars


# --- The sections ----------------------------------------------------------------------------------


def _in_period(field: str, start: date, end: date) -> Q:
    return Q(**{f"{field}__date__gte": start, f"{field}__date__lte": end})


def _by_value(queryset: QuerySet[Any], field: str, *, distinct: bool = False) -> dict[Any, int]:
    rows = queryset.order_by().values(field).annotate(count=Count("pk", distinct=distinct))
    return {row[field]: row["count"] for row in rows}


def _by_month(queryset: QuerySet[Any], field: str, start: date, end: date) -> dict[Any, int]:
    rows = (
        queryset.filter(_in_period(field, start, end))
        .order_by()
        .annotate(month=TruncMonth(field, output_field=DateField()))
        .values("month")
        .annotate(count=Count("pk"))
    )
    return {row["month"]: row["count"] for row in rows}


def _choices(counts: Mapping[Any, int], choices: list[tuple[str, Any]]) -> list[tuple[str, int]]:
    """Every choice in its order, those without anything as 0 (a stable table for the funder)."""
    return [(str(label), counts.get(value, 0)) for value, label in choices]


def _profiles(start: date, end: date) -> QuerySet[TalentProfile]:
    """Talents who registered in the period."""
    return TalentProfile.objects.filter(_in_period("created_at", start, end))


def _companies(start: date, end: date) -> QuerySet[Company]:
    """Verified companies that registered in the period."""
    return Company.objects.verified().filter(_in_period("created_at", start, end))


def talents_by_status(start: date, end: date) -> Counts:
    counts = _by_value(_profiles(start, end), "status")
    return _choices(counts, TalentProfile.Status.choices)


def talents_by_university(start: date, end: date) -> Counts:
    counts = _by_value(_profiles(start, end), "university__name")
    not_stated = counts.pop(None, 0)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [*ordered, (str(_("Not stated")), not_stated)]


INTERNATIONAL_PERMITS = [
    TalentProfile.WorkPermit.STUDENT_VISA,
    TalentProfile.WorkPermit.JOB_SEEKER,
    TalentProfile.WorkPermit.BLUE_CARD,
]


def talents_by_origin(start: date, end: date) -> Counts:
    """German (and other EU) or international, from the profile's residence question: the portal
    stores no nationality (data minimisation)."""
    counts = _profiles(start, end).aggregate(
        eu=Count("pk", filter=Q(work_permit=TalentProfile.WorkPermit.EU)),
        international=Count("pk", filter=Q(work_permit__in=INTERNATIONAL_PERMITS)),
        unknown=Count("pk", filter=Q(work_permit__in=["", TalentProfile.WorkPermit.OTHER])),
    )
    return [
        (str(_("German or other EU/EEA/Swiss citizens")), counts["eu"]),
        (str(_("International (with a residence permit)")), counts["international"]),
        (str(_("Not stated or other")), counts["unknown"]),
    ]


def companies_by_size(start: date, end: date) -> Counts:
    return _choices(_by_value(_companies(start, end), "size_class"), SizeClass.choices)


def companies_by_district(start: date, end: date) -> Counts:
    counts = _by_value(_companies(start, end), "sites__town__district", distinct=True)
    return [*_choices(counts, District.choices), (str(_("No site given")), counts.get(None, 0))]


def companies_by_sector(start: date, end: date) -> Counts:
    return _choices(_by_value(_companies(start, end), "sector"), Sector.choices)


def postings_by_type(start: date, end: date) -> Counts:
    published = Posting.objects.originals().filter(_in_period("published_at", start, end))
    return _choices(_by_value(published, "posting_type"), PostingType.choices)


def applications_by_month(start: date, end: date) -> Counts:
    return _by_month(Application.objects.all(), "created_at", start, end)


def contact_requests_by_month(start: date, end: date) -> Counts:
    return _by_month(ContactRequest.objects.all(), "created_at", start, end)


def hires_by_month(start: date, end: date) -> Counts:
    # "Hired" is a final status, so the application's last change is when it was set.
    hired = Application.objects.filter(status=Application.Status.HIRED)
    return _by_month(hired, "updated_at", start, end)


SECTIONS: list[SectionSpec] = [
    SectionSpec(
        "talents_status",
        _("Talents by status"),
        _("Talents who registered in the period."),
        talents_by_status,
    ),
    SectionSpec(
        "talents_university",
        _("Talents by university"),
        _("Talents who registered in the period, by the university they gave."),
        talents_by_university,
    ),
    SectionSpec(
        "talents_origin",
        _("German and international talents"),
        _(
            "Talents who registered in the period, by their answer on residence and work permit "
            "(the portal stores no nationality)."
        ),
        talents_by_origin,
    ),
    SectionSpec(
        "companies_size",
        _("Companies by size"),
        _("Verified companies that registered in the period."),
        companies_by_size,
    ),
    SectionSpec(
        "companies_district",
        _("Companies by district"),
        _(
            "Verified companies that registered in the period; a company with sites in several "
            "districts counts in each."
        ),
        companies_by_district,
    ),
    SectionSpec(
        "companies_sector",
        _("Companies by sector"),
        _("Verified companies that registered in the period, by sector (WZ 2008)."),
        companies_by_sector,
    ),
    SectionSpec(
        "postings_type",
        _("Postings by type"),
        _("Postings published in the period."),
        postings_by_type,
    ),
    SectionSpec(
        "applications",
        _("Applications by month"),
        _("Applications sent through the portal."),
        applications_by_month,
        monthly=True,
    ),
    SectionSpec(
        "contact_requests",
        _("Contact requests by month"),
        _("Contact requests companies sent to talents."),
        contact_requests_by_month,
        monthly=True,
    ),
    SectionSpec(
        "hires",
        _("Hires by month"),
        _("Applications that companies marked as hired, by the month of that change."),
        hires_by_month,
        monthly=True,
    ),
    # --- Sections of other apps ----------------------------------------------------------------
    SectionSpec(
        "event_talents",
        _("Talents at events by month"),
        _("Talents registered for the programmes' events (not cancelled), by the event's month."),
        "events.reports.talents_at_events_by_month",
        monthly=True,
    ),
    SectionSpec(
        "event_companies",
        _("Companies at events by month"),
        _("Companies taking part in the programmes' events, by the event's month."),
        "events.reports.companies_at_events_by_month",
        monthly=True,
    ),
    SectionSpec(
        "matches",
        _("Matches shown and acted on"),
        _("Suggestions shown to talents and companies, and those they acted on."),
        "matching.reports.matches_shown_and_acted_on",
    ),
]


# --- Building the report ------------------------------------------------------------------------


def months_between(start: date, end: date) -> list[date]:
    """The first day of every month from start's to end's."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        after = month + timedelta(days=31)
        month = after.replace(day=1)
    return months


def build_section(spec: SectionSpec, start: date, end: date) -> Section:
    function = import_string(spec.figures) if isinstance(spec.figures, str) else spec.figures
    counts = function(start, end)
    pairs = list(counts.items()) if isinstance(counts, Mapping) else list(counts)
    if spec.monthly:
        by_month: dict[date, int] = {}
        for moment, count in pairs:
            month = (moment.date() if isinstance(moment, datetime) else moment).replace(day=1)
            by_month[month] = by_month.get(month, 0) + int(count)
        figures = [
            Figure(
                key=month.strftime("%Y-%m"),
                label=date_format(month, "YEAR_MONTH_FORMAT"),
                count=by_month.get(month, 0),
            )
            for month in months_between(start, end)
        ]
    else:
        figures = [Figure(str(label), str(label), int(count)) for label, count in pairs]
    return Section(spec.key, str(spec.title), str(spec.description), figures)


def build_report(
    start: date, end: date, sections: list[SectionSpec] | None = None
) -> list[Section]:
    """Every section for the period, one query each."""
    return [
        build_section(spec, start, end) for spec in (SECTIONS if sections is None else sections)
    ]


def _cell(text: str) -> str:
    # A spreadsheet would run a cell starting like a formula (labels come from staff input).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_response(sections: list[Section], start: date, end: date) -> HttpResponse:
    """Exactly the figures of the page (with "< 5"), for spreadsheets set to German: UTF-8 with
    a byte order mark, semicolons between the cells."""
    name = sections[0].key if len(sections) == 1 else "all"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="impact-report-{name}-{start.isoformat()}-{end.isoformat()}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("section"), _("key"), _("label"), _("count")])
    for section in sections:
        for figure in section.figures:
            writer.writerow(
                [_cell(section.title), _cell(figure.key), _cell(figure.label), figure.shown]
            )
    return response
