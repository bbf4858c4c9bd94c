"""Staff create and run events in the admin: participants as inlines, the participant list as
CSV, and the speed-dating plan suggested by match score."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import InlineModelAdmin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from companies.admin import TabularInline
from companies.forms import checkbox_choices
from events import services
from events.models import (
    CompanyParticipation,
    Event,
    EventKind,
    Registration,
    SpeedDatingSlot,
    TargetGroup,
)

DATETIME_FIELDS = {"starts_at", "ends_at", "registration_deadline", "joined_at"}


def _datetime_field(db_field: models.Field) -> forms.Field | None:
    # One labelled field; the admin's split date and time inputs have no labels.
    return db_field.formfield(
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )


class DateTimeInputsMixin:
    def formfield_for_dbfield(
        self, db_field: models.Field, request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        if db_field.name in DATETIME_FIELDS:
            return _datetime_field(db_field)
        return super().formfield_for_dbfield(db_field, request, **kwargs)  # type: ignore[misc]


class RegistrationInline(DateTimeInputsMixin, TabularInline):
    model = Registration
    extra = 0
    fields = ["user", "status", "joined_at", "cancelled_at"]
    readonly_fields = ["cancelled_at"]
    autocomplete_fields = ["user"]


class CompanyParticipationInline(TabularInline):
    model = CompanyParticipation
    extra = 0
    fields = ["company", "registered_by", "registered_at", "withdrawn_at"]
    readonly_fields = ["registered_by", "registered_at", "withdrawn_at"]
    autocomplete_fields = ["company"]


class SlotFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        """A talent never sits at two tables at once, also among the rows of this form
        (checked before Django's own duplicate check, which names no person)."""
        event: Event = self.instance
        taken: dict[int, list[Any]] = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if (
                not data
                or data.get("DELETE")
                or not data.get("talent")
                or not data.get("starts_at")
            ):
                continue
            starts = data["starts_at"]
            others = taken.setdefault(data["talent"].pk, [])
            if any(abs(starts - other) < event.slot_length for other in others):
                form.add_error("talent", _("This talent already has a slot at this time."))
            others.append(starts)
        super().clean()


class SpeedDatingSlotInline(DateTimeInputsMixin, TabularInline):
    model = SpeedDatingSlot
    formset = SlotFormSet
    extra = 0
    fields = ["starts_at", "table", "company", "talent", "score"]
    readonly_fields = ["score"]
    autocomplete_fields = ["company", "talent"]

    def formfield_for_dbfield(
        self, db_field: models.Field, request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        if db_field.name == "starts_at":
            return _datetime_field(db_field)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Event)
class EventAdmin(DateTimeInputsMixin, admin.ModelAdmin):
    list_display = [
        "title_de",
        "kind",
        "starts_at",
        "town",
        "capacity",
        "registered",
        "is_published",
        "cancelled_at",
    ]
    list_filter = ["kind", "is_published", "language"]
    list_select_related = ["town"]
    search_fields = ["title_de", "title_en"]
    date_hierarchy = "starts_at"
    actions = ["download_participants", "cancel_events"]
    readonly_fields = ["cancelled_at", "staff_links"]
    fieldsets = [
        (None, {"fields": ["kind", "title_de", "title_en", "description_de", "description_en"]}),
        (_("Time"), {"fields": ["starts_at", "ends_at", "registration_deadline"]}),
        (_("Place"), {"fields": ["town", "venue", "online_url"]}),
        (
            _("Participants"),
            {"fields": ["language", "capacity", "target_groups", "slot_minutes"]},
        ),
        (_("Publication"), {"fields": ["is_published", "cancelled_at", "staff_links"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return super().get_queryset(request).with_counts()  # type: ignore[attr-defined]

    @admin.display(description=_("registered talents"), ordering="registered_count")
    def registered(self, event: Event) -> int:
        return event.registered_count  # type: ignore[attr-defined]

    def get_inlines(self, request: HttpRequest, obj: Event | None) -> list[type[InlineModelAdmin]]:
        inlines: list[type[InlineModelAdmin]] = [RegistrationInline, CompanyParticipationInline]
        if obj is not None and obj.kind == EventKind.SPEED_DATING:
            inlines.append(SpeedDatingSlotInline)
        return inlines

    def formfield_for_dbfield(
        self, db_field: models.Field, request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        if db_field.name == "target_groups":
            return checkbox_choices(TargetGroup.choices, label=_("Target groups"))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("Participants and plan"))
    def staff_links(self, event: Event) -> SafeString | str:
        if event.pk is None:
            return "–"
        links = format_html(
            '<a href="{}">{}</a>',
            reverse("admin:events_event_participants", args=[event.pk]),
            _("Participant list (CSV)"),
        )
        if event.kind == EventKind.SPEED_DATING:
            links += format_html(
                ' · <a href="{}">{}</a>',
                reverse("admin:events_event_speed_dating", args=[event.pk]),
                _("Speed-dating suggestions"),
            )
        return links

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # More places, or a place given back in the inline: the waiting list moves up.
        promoted = services.fill_free_places(event=form.instance)
        if promoted:
            messages.info(
                request,
                ngettext(
                    "%(count)d talent moved up from the waiting list.",
                    "%(count)d talents moved up from the waiting list.",
                    len(promoted),
                )
                % {"count": len(promoted)},
            )

    # --- Participant lists -----------------------------------------------------------------------

    def _csv_response(self, events: QuerySet[Event]) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response["Content-Disposition"] = f'attachment; filename="participants-{stamp}.csv"'
        response.write("\ufeff")  # spreadsheets then read the umlauts as UTF-8
        services.write_participants_csv(events, response)
        return response

    @admin.action(description=_("Download the participant lists (CSV)"), permissions=["view"])
    def download_participants(
        self, request: HttpRequest, queryset: QuerySet[Event]
    ) -> HttpResponse:
        return self._csv_response(queryset)

    @admin.action(description=_("Cancel the selected events"), permissions=["change"])
    def cancel_events(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = 0
        for event in queryset.filter(cancelled_at__isnull=True):
            services.cancel_event(event=event)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d event cancelled; its participants were emailed.",
                "%(count)d events cancelled; their participants were emailed.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def get_urls(self) -> list[URLPattern]:
        own = [
            path(
                "<int:pk>/participants.csv",
                self.admin_site.admin_view(self.participants_view),
                name="events_event_participants",
            ),
            path(
                "<int:pk>/speed-dating/",
                self.admin_site.admin_view(self.speed_dating_view),
                name="events_event_speed_dating",
            ),
        ]
        return own + super().get_urls()

    def participants_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return self._csv_response(Event.objects.filter(pk=pk))

    def speed_dating_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not self.has_change_permission(request):
            raise PermissionDenied
        event = get_object_or_404(Event, pk=pk, kind=EventKind.SPEED_DATING)
        suggestions = services.speed_dating_suggestions(event)
        if request.method == "POST":
            slots = services.accept_suggestions(event=event, suggestions=suggestions)
            self.message_user(
                request,
                ngettext(
                    "%(count)d slot planned. Adjust them below.",
                    "%(count)d slots planned. Adjust them below.",
                    len(slots),
                )
                % {"count": len(slots)},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:events_event_change", args=[event.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Speed-dating suggestions: %(event)s") % {"event": event.title_de},
            "opts": self.opts,
            "event": event,
            "suggestions": suggestions,
            "has_slots": event.slots.exists(),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/events/speed_dating.html", context)
