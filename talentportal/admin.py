"""Staff edit the legal pages and work through the feedback on accessibility."""

from typing import Any, cast

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from talentportal.models import AccessibilityFeedback, AccessibilityFeedbackQuerySet, SitePage


@admin.register(SitePage)
class SitePageAdmin(admin.ModelAdmin):
    list_display = ["title_de", "title_en", "updated_at", "placeholder_count"]
    readonly_fields = ["slug", "updated_at", "placeholders"]
    fieldsets = [
        (
            None,
            {
                "fields": ["slug", "updated_at", "placeholders"],
                "description": _(
                    "Replace every placeholder in [square brackets] with the project's details "
                    "before the portal goes public."
                ),
            },
        ),
        (_("German"), {"fields": ["title_de", "body_de"]}),
        (_("English"), {"fields": ["title_en", "body_en"]}),
    ]

    @admin.display(description=_("open placeholders"))
    def placeholder_count(self, page: SitePage) -> int:
        return len(page.open_placeholders())

    @admin.display(description=_("open placeholders"))
    def placeholders(self, page: SitePage) -> str:
        return ", ".join(page.open_placeholders()) or "–"

    # The pages come from migrations (the law requires the legal ones, the templates link all of
    # them), so none is added or deleted here.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: SitePage | None = None) -> bool:
        return False


class HandledFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, Any]]:
        return [("open", _("Open")), ("handled", _("Handled"))]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[AccessibilityFeedback]
    ) -> QuerySet[AccessibilityFeedback]:
        feedback = cast(AccessibilityFeedbackQuerySet, queryset)  # the model's manager makes it
        if self.value() == "open":
            return feedback.unhandled()
        if self.value() == "handled":
            return feedback.handled()
        return feedback


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "summary", "page_url", "email", "is_handled"]
    list_filter = [HandledFilter]
    search_fields = ["description", "page_url", "email"]
    actions = ["mark_handled"]
    fields = readonly_fields = ("created_at", "page_url", "description", "email", "handled_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # people send feedback from the accessibility statement

    @admin.display(description=_("description of the barrier"))
    def summary(self, feedback: AccessibilityFeedback) -> str:
        return Truncator(feedback.description).chars(80)

    @admin.display(description=_("handled"), boolean=True, ordering="handled_at")
    def is_handled(self, feedback: AccessibilityFeedback) -> bool:
        return feedback.handled_at is not None

    @admin.action(description=_("Mark as handled"), permissions=["change"])
    def mark_handled(self, request: HttpRequest, queryset: AccessibilityFeedbackQuerySet) -> None:
        count = queryset.mark_handled()
        self.message_user(
            request,
            ngettext(
                "%(count)d message marked as handled.",
                "%(count)d messages marked as handled.",
                count,
            )
            % {"count": count},
        )
