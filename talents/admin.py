from django.contrib import admin

from talents.models import University


@admin.register(University)
class UniversityAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "city", "kind"]
    list_filter = ["kind"]  # by city would offer an empty link for "other"
    search_fields = ["name", "short_name"]
