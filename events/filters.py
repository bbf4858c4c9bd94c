"""Filters of the public event list and archive (django-filter; state in the URL)."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from companies.filters import RegionFilterSet
from events.models import Event, EventKind, EventLanguage, TargetGroup
from region.models import Town


class EventFilter(RegionFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Format"), choices=EventKind.choices, empty_label=_("All formats")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=[(EventLanguage.GERMAN, _("German")), (EventLanguage.ENGLISH, _("English"))],
        method="filter_language",
        empty_label=_("Any language"),
    )
    group = django_filters.ChoiceFilter(
        label=_("Target group"),
        choices=TargetGroup.choices,
        method="filter_group",
        empty_label=_("All target groups"),
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def filter_district(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        return queryset.filter(town__district=value)

    def filter_town(self, queryset: QuerySet[Event], name: str, value: Town) -> QuerySet[Event]:
        return queryset.filter(town=value)

    def filter_language(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        # An event in both languages suits either choice.
        return queryset.filter(Q(language=value) | Q(language=EventLanguage.BOTH))

    def filter_group(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        return queryset.filter(target_groups__contains=[value])
