import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from companies.models import PostingType
from talents.models import TalentProfile
from taxonomy.models import FieldOfStudy, Language


class TalentFilter(django_filters.FilterSet):
    """What recruiters may narrow the anonymous cards by."""

    field = django_filters.ChoiceFilter(
        label=_("Field of study"),
        choices=FieldOfStudy.choices,
        method="filter_field",
        empty_label=_("All fields"),
    )
    looking_for = django_filters.ChoiceFilter(
        label=_("Looking for"),
        choices=PostingType.choices,
        method="filter_type",
        empty_label=_("Anything"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Speaks"),
        choices=Language.choices,
        method="filter_language",
        empty_label=_("Any language"),
    )

    class Meta:
        model = TalentProfile
        fields: list[str] = []

    def filter_field(
        self, queryset: QuerySet[TalentProfile], name: str, value: str
    ) -> QuerySet[TalentProfile]:
        return queryset.filter(fields_of_study__contains=[value])

    def filter_type(
        self, queryset: QuerySet[TalentProfile], name: str, value: str
    ) -> QuerySet[TalentProfile]:
        return queryset.filter(wanted_types__contains=[value])

    def filter_language(
        self, queryset: QuerySet[TalentProfile], name: str, value: str
    ) -> QuerySet[TalentProfile]:
        return queryset.filter(languages__language=value).distinct()
