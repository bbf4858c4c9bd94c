"""Filters of the public company directory and posting search (django-filter; state in the URL)."""

from typing import Any

import django_filters
from django import forms
from django.contrib.postgres.search import SearchRank
from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from companies.geo import distance_km_expression
from companies.models import (
    Company,
    CompanyQuerySet,
    District,
    FieldOfStudy,
    Language,
    Posting,
    PostingLanguage,
    PostingType,
    Sector,
    SizeClass,
    Town,
    Workplace,
)
from companies.search import search_query

HOURS_BANDS = {
    "up_to_10": (1, 10),
    "11_to_15": (11, 15),
    "16_to_20": (16, 20),
}


class CompanyFilter(django_filters.FilterSet):
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


class PostingFilter(django_filters.FilterSet):
    """The posting search. Facets count what the other filters leave (see facet_counts)."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    type = django_filters.MultipleChoiceFilter(
        label=_("Type"),
        field_name="posting_type",
        choices=PostingType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
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
        method="annotate_distance",
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
        return queryset.filter(
            Q(workplace=Workplace.REMOTE)
            | Exists(
                Posting.sites.through.objects.filter(
                    posting=OuterRef("pk"), companysite__town__district=value
                )
            )
        )

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
        return queryset.filter(
            Exists(PostingLanguage.objects.filter(posting=OuterRef("pk"), language=value))
        )

    def filter_without_german(
        self, queryset: QuerySet[Posting], name: str, value: bool
    ) -> QuerySet[Posting]:
        if not value:
            return queryset
        return queryset.exclude(
            Exists(PostingLanguage.objects.filter(posting=OuterRef("pk"), language=Language.GERMAN))
        )

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

    def annotate_distance(
        self, queryset: QuerySet[Posting], name: str, value: Town
    ) -> QuerySet[Posting]:
        # Remote work counts as near: distance 0. Otherwise the nearest of the posting's sites.
        nearest = Min(
            distance_km_expression(
                "sites__town__latitude", "sites__town__longitude", value.latitude, value.longitude
            )
        )
        return queryset.annotate(distance=Coalesce(nearest, Value(0.0)))

    def noop(self, queryset: QuerySet[Posting], name: str, value: Any) -> QuerySet[Posting]:
        return queryset

    @property
    def qs(self) -> QuerySet[Posting]:
        queryset = super().qs
        # Invalid values are left out (django-filter filters with the valid ones only).
        data = getattr(self.form, "cleaned_data", {}) if self.is_bound else {}
        sort = data.get("sort") or ("relevance" if data.get("q") else "newest")
        if sort == "relevance" and data.get("q"):
            return queryset.order_by("-rank", "-published_at")
        if sort == "distance" and data.get("near"):
            return queryset.order_by(F("distance").asc(nulls_last=True), "-published_at")
        return queryset.order_by("-published_at", "-pk")


def facet_counts(postings: QuerySet[Posting]) -> dict[str, dict[str, int]]:
    """How many of these postings fall into each option of each facet: one query per facet."""
    base = postings.order_by()
    by_type = base.aggregate(
        **{value: Count("pk", filter=Q(posting_type=value)) for value in PostingType.values}
    )
    by_field = base.aggregate(
        **{
            value: Count("pk", filter=Q(fields_of_study__contains=[value]))
            for value in FieldOfStudy.values
        }
    )
    by_district = base.aggregate(
        **{
            value: Count(
                "pk",
                distinct=True,
                filter=Q(sites__town__district=value) | Q(workplace=Workplace.REMOTE),
            )
            for value in District.values
        }
    )
    by_language = base.aggregate(
        **{
            value: Count("pk", distinct=True, filter=Q(languages__language=value))
            for value in Language.values
        }
    )
    by_workplace = base.aggregate(
        remote=Count("pk", filter=Q(workplace__in=[Workplace.REMOTE, Workplace.HYBRID])),
        **{
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
    )
    return {
        "type": by_type,
        "field": by_field,
        "district": by_district,
        "language": by_language,
        "workplace": by_workplace,
    }
