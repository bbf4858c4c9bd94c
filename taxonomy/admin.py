from django.contrib import admin

from taxonomy.models import Skill


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["label_de", "label_en", "broader", "concept_uri"]
    list_select_related = ["broader"]
    search_fields = ["label_de", "label_en", "alternative_labels"]
    autocomplete_fields = ["broader"]
    fields = ["label_de", "label_en", "alternative_labels", "broader", "concept_uri"]
