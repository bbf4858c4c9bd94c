"""Filters of the public company directory and posting search (django-filter; state in the URL)."""

import hashlib
from typing import Any, cast

import django_filters
from django import forms
from django.contrib.postgres.search import SearchRank
from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from companies.models import (
    Company,
    CompanyQuerySet,
    Posting,
    PostingType,
    Sector,
    SizeClass,
    Workplace,
)
from companies.search import search_query
from region.geo import distance_km
from region.models import District, Town
from taxonomy.models import FieldOfStudy, Language

HOURS_BANDS = {
    "up_to_10": (1, 10),
    "11_to_15": (11, 15),
    "16_to_20": (16, 20),
}


class RegionFilterSet(django_filters.FilterSet):
    """District and town, as both the directory and the search offer them; subclasses say how."""

    district = django_filters.ChoiceFilter(
        label=_("District"),
        choices=District.choices,
        method="filter_district",
        empty_label=_("All districts"),
    )
    town = django_filters.ModelChoiceFilter(
        label=_("Town"),
        queryset=Town.objects.all(),
        to_field_name="slug",
        method="filter_town",
        empty_label=_("All towns"),
    )


class CompanyFilter(RegionFilterSet):
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("All sectors")
    )
    size = django_filters.ChoiceFilter(
        label=_("Size"),
        field_name="size_class",
        choices=SizeClass.choices,
        empty_label=_("All sizes"),
    )
    hiring = django_filters.BooleanFilter(
        label=_("Hiring now"), method="filter_hiring", widget=forms.CheckboxInput
    )

    class Meta:
        model = Company
        fields: list[str] = []

    def filter_district(
        self, queryset: QuerySet[Company], name: str, value: str
    ) -> QuerySet[Company]:
        return queryset.filter(
            Exists(Town.objects.filter(sites__company=OuterRef("pk"), district=value))
        )

    def filter_town(self, queryset: QuerySet[Company], name: str, value: Town) -> QuerySet[Company]:
        return queryset.filter(Exists(value.sites.filter(company=OuterRef("pk"))))

    def filter_hiring(self, queryset: CompanyQuerySet, name: str, value: bool) -> QuerySet[Company]:
        return queryset.hiring() if value else queryset


class PostingFilter(RegionFilterSet):
    """The posting search. Filters narrow the set; `qs` then ranks or sorts it."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    type = django_filters.MultipleChoiceFilter(
        label=_("Type"),
        field_name="posting_type",
        choices=PostingType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    field = django_filters.ChoiceFilter(
        label=_("Field of study"),
        choices=FieldOfStudy.choices,
        method="filter_field",
        empty_label=_("All fields"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Required language"),
        choices=Language.choices,
        method="filter_language",
        empty_label=_("Any language"),
    )
    without_german = django_filters.BooleanFilter(
        label=_("No German required"), method="filter_without_german", widget=forms.CheckboxInput
    )
    remote = django_filters.BooleanFilter(
        label=_("Remote or hybrid"), method="filter_remote", widget=forms.CheckboxInput
    )
    hours = django_filters.ChoiceFilter(
        label=_("Working student hours"),
        choices=[
            ("up_to_10", _("up to 10 h/week")),
            ("11_to_15", _("11–15 h/week")),
            ("16_to_20", _("16–20 h/week")),
        ],
        method="filter_hours",
        empty_label=_("Any hours"),
    )
    near = django_filters.ModelChoiceFilter(
        label=_("Distance from"),
        queryset=Town.objects.all(),
        to_field_name="slug",
        method="noop",  # used by `qs` for sorting, not for narrowing
        empty_label=_("No town chosen"),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[
            ("newest", _("Newest")),
            ("relevance", _("Relevance")),
            ("distance", _("Distance")),
        ],
        method="noop",
        empty_label=None,
    )

    class Meta:
        model = Posting
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet[Posting], name: str, value: str) -> QuerySet[Posting]:
        query = search_query(value)
        return queryset.filter(search_vector=query).annotate(
            rank=SearchRank(F("search_vector"), query)
        )

    def filter_district(
        self, queryset: QuerySet[Posting], name: str, value: str
    ) -> QuerySet[Posting]:
        # Remote work is open to people in every district.
        return queryset.filter(Q(districts__contains=[value]) | Q(workplace=Workplace.REMOTE))

    def filter_town(self, queryset: QuerySet[Posting], name: str, value: Town) -> QuerySet[Posting]:
        return queryset.filter(
            Exists(
                Posting.sites.through.objects.filter(
                    posting=OuterRef("pk"), companysite__town=value
                )
            )
        )

    def filter_field(self, queryset: QuerySet[Posting], name: str, value: str) -> QuerySet[Posting]:
        return queryset.filter(fields_of_study__contains=[value])

    def filter_language(
        self, queryset: QuerySet[Posting], name: str, value: str
    ) -> QuerySet[Posting]:
        return queryset.filter(language_codes__contains=[value])

    def filter_without_german(
        self, queryset: QuerySet[Posting], name: str, value: bool
    ) -> QuerySet[Posting]:
        return queryset.exclude(language_codes__contains=[Language.GERMAN]) if value else queryset

    def filter_remote(
        self, queryset: QuerySet[Posting], name: str, value: bool
    ) -> QuerySet[Posting]:
        return (
            queryset.filter(workplace__in=[Workplace.REMOTE, Workplace.HYBRID])
            if value
            else queryset
        )

    def filter_hours(self, queryset: QuerySet[Posting], name: str, value: str) -> QuerySet[Posting]:
        low, high = HOURS_BANDS[value]
        return queryset.filter(
            posting_type=PostingType.WORKING_STUDENT,
            hours_per_week__gte=low,
            hours_per_week__lte=high,
        )

    def noop(self, queryset: QuerySet[Posting], name: str, value: Any) -> QuerySet[Posting]:
        return queryset

    @property
    def filtered(self) -> QuerySet[Posting]:
        """The postings that match, unsorted: what facets count."""
        return super().qs

    @property
    def qs(self) -> QuerySet[Posting]:
        queryset = self.filtered
        # Invalid values are left out (django-filter filters with the valid ones only).
        data = getattr(self.form, "cleaned_data", {}) if self.is_bound else {}
        sort = data.get("sort") or ("relevance" if data.get("q") else "newest")
        if data.get("near"):
            queryset = queryset.annotate(distance=distance_from(data["near"]))
        if sort == "relevance" and data.get("q"):
            return queryset.order_by("-rank", "-published_at", "-pk")
        if sort == "distance" and data.get("near"):
            return queryset.order_by("distance", "-published_at", "-pk")
        return queryset.order_by("-published_at", "-pk")


def distance_from(town: Town) -> Coalesce:
    """Kilometres from ``town`` to the posting's nearest site; remote work counts as 0.

    The region has a few dozen towns, so their distances are worked out here once and handed to
    PostgreSQL as a lookup over the posting's town ids, instead of a join and trigonometry for
    every row."""
    cases, params = [], []
    towns = list(Town.objects.all())
    if not towns:
        return Coalesce(Value(0.0), Value(0.0), output_field=FloatField())
    for other in towns:
        cases.append("WHEN %s THEN %s")
        params += [
            other.pk,
            round(distance_km(town.latitude, town.longitude, other.latitude, other.longitude), 1),
        ]
    # Safe: the SQL text holds only placeholders; every value travels as a parameter.
    sql = f"SELECT MIN(CASE site_town {' '.join(cases)} END) FROM unnest(companies_posting.town_ids) AS site_town"  # noqa: S608  # nosec
    nearest = RawSQL(  # noqa: S611  # nosec B611
        sql,
        params,
        output_field=FloatField(),
    )
    return Coalesce(
        Case(When(workplace=Workplace.REMOTE, then=Value(0.0)), default=nearest),
        Value(0.0),
        output_field=FloatField(),
    )


def show_counts(posting_filter: PostingFilter, facets: dict[str, dict[str, int]]) -> None:
    """Put each option's number of results into the select boxes: "Görlitz (12)"."""
    for name in ("district", "field", "language", "hours"):
        field = cast(forms.ChoiceField, posting_filter.form.fields[name])
        choices = cast(list[tuple[str, str]], field.choices)
        field.choices = [
            (value, f"{label} ({facets[name].get(value, 0)})" if value else label)
            for value, label in choices
        ]


FACET_CACHE_SECONDS = 60
NOT_NARROWING = {"page", "sort", "near"}


# Facet → the filter that narrows it. Each facet counts what the *other* filters leave, so that
# ticking "thesis" still shows how many internships there are.
FACET_FILTERS = {
    "type": "type",
    "district": "district",
    "field": "field",
    "language": "language",
    "hours": "hours",
    "workplace": "remote",
}


def cached_facet_counts(posting_filter: PostingFilter) -> dict[str, dict[str, int]]:
    """Facet counts for a search, each facet without its own filter; kept for a minute per set of
    filters, as counting is the costly part of a search and a minute-old count is good enough.
    Facets whose filter is not in use share one scan."""
    data = posting_filter.data or QueryDict()
    counts = dict(_counts_for(posting_filter))
    for facet, parameter in FACET_FILTERS.items():
        if data.get(parameter):
            without = data.copy()
            without.pop(parameter)
            counts[facet] = _counts_for(PostingFilter(without, queryset=posting_filter.queryset))[
                facet
            ]
    return counts


def _counts_for(posting_filter: PostingFilter) -> dict[str, dict[str, int]]:
    data = posting_filter.data or QueryDict()
    narrowing = sorted(
        (key, value) for key in data if key not in NOT_NARROWING for value in data.getlist(key)
    )
    key = "posting-facets:" + hashlib.sha256(repr(narrowing).encode()).hexdigest()
    counts = cache.get_or_set(
        key, lambda: facet_counts(posting_filter.filtered), FACET_CACHE_SECONDS
    )
    return cast(dict[str, dict[str, int]], counts)


def facet_counts(postings: QuerySet[Posting]) -> dict[str, dict[str, int]]:
    """How many of these postings fall into each option of each facet, and in all: one scan."""
    counts = {
        "type": {value: Count("pk", filter=Q(posting_type=value)) for value in PostingType.values},
        "field": {
            value: Count("pk", filter=Q(fields_of_study__contains=[value]))
            for value in FieldOfStudy.values
        },
        "district": {
            value: Count(
                "pk", filter=Q(districts__contains=[value]) | Q(workplace=Workplace.REMOTE)
            )
            for value in District.values
        },
        "language": {
            value: Count("pk", filter=Q(language_codes__contains=[value]))
            for value in Language.values
        },
        "hours": {
            band: Count(
                "pk",
                filter=Q(
                    posting_type=PostingType.WORKING_STUDENT,
                    hours_per_week__gte=low,
                    hours_per_week__lte=high,
                ),
            )
            for band, (low, high) in HOURS_BANDS.items()
        },
        "workplace": {
            "remote": Count("pk", filter=Q(workplace__in=[Workplace.REMOTE, Workplace.HYBRID]))
        },
        "all": {"total": Count("pk")},
    }
    flat = {
        f"{facet}__{option}": count
        for facet, options in counts.items()
        for option, count in options.items()
    }
    result = postings.order_by().aggregate(**flat)
    return {
        facet: {option: result[f"{facet}__{option}"] for option in options}
        for facet, options in counts.items()
    }
