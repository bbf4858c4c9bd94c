from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from region.models import DistrictProfile, Town

REGION_FACTS_FIELDSETS: Any = [
    (_("German"), {"fields": ["text_de", "transport_de", "universities_de"]}),
    (_("English"), {"fields": ["text_en", "transport_en", "universities_en"]}),
]


@admin.register(Town)
class TownAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "population"]
    list_filter = ["district"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "district", "latitude", "longitude", "population"]}),
        *REGION_FACTS_FIELDSETS,
    ]


@admin.register(DistrictProfile)
class DistrictProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "population", "area_km2"]
    readonly_fields = ["district", "slug"]
    fieldsets = [
        (None, {"fields": ["district", "slug", "population", "area_km2"]}),
        *REGION_FACTS_FIELDSETS,
    ]

    # The five districts come from a migration: edited here, never added or deleted.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: DistrictProfile | None = None
    ) -> bool:
        return False
