from django.contrib import admin

from companies.models import Town


@admin.register(Town)
class TownAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "population"]
    list_filter = ["district"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
