"""The staff side: verifying companies, the moderation queue of postings, and reports.

Every change of state goes through the model methods and services that the recruiters' side uses
too, so that the admin records and emails exactly what the rest of the portal does.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, F, Q, QuerySet, When
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.http import AuthenticatedRequest
from companies import services
from companies.forms import CompanyForm, RejectionForm, checkbox_choices
from companies.models import (
    Company,
    CompanyPortrait,
    CompanySite,
    InvalidTransition,
    Membership,
    Posting,
    PostingLanguage,
    PostingSkill,
    PostingTransition,
    Report,
)
from companies.search import refresh_search_fields
from taxonomy.models import FieldOfStudy


@admin.register(CompanyPortrait)
class CompanyPortraitAdmin(admin.ModelAdmin):
    list_display = ["title_de", "company", "published_at", "author"]
    list_select_related = ["company", "author"]
    list_filter = [("published_at", admin.EmptyFieldListFilter)]
    search_fields = ["title_de", "title_en", "company__name"]
    autocomplete_fields = ["company"]
    prepopulated_fields = {"slug": ["title_de"]}
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["company", "slug", "published_at", "author"]}),
        (_("German"), {"fields": ["title_de", "teaser_de", "body_de"]}),
        (_("English"), {"fields": ["title_en", "teaser_en", "body_en"]}),
    ]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        return {**super().get_changeform_initial_data(request), "author": request.user.pk}


class TabularInline(admin.TabularInline):
    # Django's, with table headers that screen readers can name.
    template = "admin/companies/edit_inline/tabular.html"


# --- Companies -----------------------------------------------------------------------------------


class CompanySiteInline(TabularInline):
    model = CompanySite
    fields = ["town", "street", "postal_code"]
    autocomplete_fields = ["town"]
    extra = 0


class MembershipInline(TabularInline):
    model = Membership
    fields = ["user", "role", "email_domain", "created_at"]
    readonly_fields = ["email_domain", "created_at"]
    autocomplete_fields = ["user"]
    extra = 0

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        return super().get_queryset(request).select_related("user", "company")

    @admin.display(description=_("email address and website"))
    def email_domain(self, membership: Membership) -> str:
        if membership.pk is None:
            return "–"
        email, domain = membership.user.email, membership.company.website_domain
        if not domain:
            icon, text = "unknown", _("%(email)s – the company gives no website to compare with")
        elif membership.email_matches_website:
            icon, text = "yes", _("%(email)s belongs to the company’s website %(domain)s")
        else:
            icon, text = "no", _("%(email)s is not an address of the company’s website %(domain)s")
        # The icon only repeats the sentence, so it is decorative (empty alt text).
        return format_html(
            '<img src="{}" alt=""> {}',
            static(f"admin/img/icon-{icon}.svg"),
            text % {"email": email, "domain": domain},
        )


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    # The recruiters' form, so that a logo uploaded here is checked and re-encoded the same way.
    form = CompanyForm
    list_display = [
        "name",
        "verification_status",
        "size_class",
        "sector",
        "created_at",
        "member_count",
    ]
    list_filter = ["verification_status", "sector", "size_class"]
    search_fields = ["name", "website"]
    inlines = [CompanySiteInline, MembershipInline]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        refresh_search_fields(form.instance.postings.all())  # postings follow their sites

    actions = ["verify", "refuse_verification"]
    readonly_fields = ["verification_status", "verified_at", "verified_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["name", "legal_form", "size_class", "sector", "website", "logo"]}),
        (
            _("Presentation"),
            {"fields": ["description_de", "description_en", "benefits", "working_languages"]},
        ),
        (_("Contact"), {"fields": ["contact_name", "contact_email", "contact_phone"]}),
        (
            _("Verification"),
            {"fields": ["verification_status", "verified_at", "verified_by", "created_at"]},
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Company]:
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description=_("team members"), ordering="member_count")
    def member_count(self, company: Company) -> int:
        return company.member_count  # type: ignore[attr-defined]

    @admin.action(description=_("Verify the selected companies"), permissions=["change"])
    def verify(self, request: AuthenticatedRequest, queryset: QuerySet[Company]) -> None:
        companies = list(queryset)
        for company in companies:
            services.decide_verification(company=company, by=request.user, verified=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d company verified; it is public now.",
                "%(count)d companies verified; they are public now.",
                len(companies),
            )
            % {"count": len(companies)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Refuse verification"), permissions=["change"])
    def refuse_verification(
        self, request: AuthenticatedRequest, queryset: QuerySet[Company]
    ) -> None:
        companies = list(queryset)
        for company in companies:
            services.decide_verification(company=company, by=request.user, verified=False)
        self.message_user(
            request,
            ngettext(
                "Verification refused for %(count)d company.",
                "Verification refused for %(count)d companies.",
                len(companies),
            )
            % {"count": len(companies)},
            messages.SUCCESS,
        )


# --- Postings: the moderation queue ------------------------------------------------------------


class CompanyVerificationFilter(admin.ChoicesFieldListFilter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.title = _("company verification")


class RevisionFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, Any]]:
        return [("new", _("New postings")), ("changes", _("Changes to published postings"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Posting]) -> QuerySet[Posting]:
        if self.value() == "new":
            return queryset.originals()  # type: ignore[attr-defined]
        if self.value() == "changes":
            return queryset.filter(revision_of__isnull=False)
        return queryset


class PostingTransitionInline(TabularInline):
    """The moderation record: shown in full, never changed."""

    model = PostingTransition
    fields = readonly_fields = ("at", "by", "from_status", "to_status", "reason", "note")
    extra = 0
    can_delete = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[PostingTransition]:
        return super().get_queryset(request).select_related("by")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PostingSkillInline(TabularInline):
    model = PostingSkill
    fields = ["skill", "is_required", "level"]
    autocomplete_fields = ["skill"]
    extra = 0


class PostingLanguageInline(TabularInline):
    model = PostingLanguage
    fields = ["language", "level"]
    extra = 0


def why_not(error: ValidationError | InvalidTransition) -> str:
    if isinstance(error, InvalidTransition):
        return str(_("it is no longer in review"))
    return " ".join(error.messages)


@admin.register(Posting)
class PostingAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "company",
        "posting_type",
        "status",
        "is_revision",
        "created_at",
        "expires_at",
    ]
    list_select_related = ["company"]
    list_filter = [
        "status",
        "posting_type",
        ("company__verification_status", CompanyVerificationFilter),
        RevisionFilter,
    ]
    search_fields = ["title", "company__name"]
    # The queue: postings in review first, the longest waiting at the top.
    # (Django takes expressions in ordering; the stubs only know field names.)
    ordering = [
        Case(When(status=Posting.Status.IN_REVIEW, then=0), default=1).asc(),  # type: ignore[list-item]
        "created_at",
    ]
    inlines = [PostingSkillInline, PostingLanguageInline, PostingTransitionInline]
    actions = ["publish", "reject"]
    readonly_fields = [
        "company",
        "revision_of",
        "status",
        "published_at",
        "closed_at",
        "created_by",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["company", "revision_of", "status", "title", "posting_type"]}),
        (
            _("Details"),
            {
                "fields": [
                    "internship_kind",
                    "thesis_level",
                    "thesis_co_supervision",
                    "fields_of_study",
                    "degree_level",
                    "sites",
                    "workplace",
                    "start_date",
                    "duration_months",
                    "hours_per_week",
                ]
            },
        ),  # fmt: skip
        (_("Salary"), {"fields": ["salary_min", "salary_max", "salary_period"]}),
        (_("Description"), {"fields": ["description_de", "description_en"]}),
        (
            _("Applications and visibility"),
            {
                "fields": [
                    "apply_in_portal",
                    "apply_url",
                    "application_deadline",
                    "expires_at",
                    "published_at",
                    "closed_at",
                ]
            },
        ),  # fmt: skip
        (_("Record"), {"fields": ["created_by", "created_at", "updated_at"]}),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Recruiters write postings; staff review and correct them.
        return False

    def formfield_for_dbfield(
        self, db_field: models.Field, request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        # The recruiters' checkboxes, not a comma-separated text or a multiple select.
        if db_field.name == "fields_of_study":
            return checkbox_choices(FieldOfStudy.choices, label=_("Fields of study"))
        if db_field.name == "sites":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        if db_field.name == "expires_at":
            # One labelled field; the admin's split date and time inputs have no labels.
            return db_field.formfield(
                widget=forms.DateTimeInput(
                    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
                )
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(
        self, request: HttpRequest, obj: Posting | None = None, change: bool = False, **kwargs: Any
    ) -> type[forms.ModelForm]:
        form = super().get_form(request, obj, change, **kwargs)
        sites = form.base_fields.get("sites")
        if obj is not None and isinstance(sites, forms.ModelMultipleChoiceField):
            # A posting offers only its own company's sites.
            sites.queryset = obj.company.sites.select_related("town")
        return form

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # Staff corrections keep a posting where it is in the workflow; only search follows.
        refresh_search_fields(Posting.objects.filter(pk=form.instance.pk))

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        queue = Posting.objects.in_review().aggregate(
            postings=Count("pk"), revisions=Count("pk", filter=Q(revision_of__isnull=False))
        )
        queue["open_reports"] = Report.objects.filter(resolved_at__isnull=True).count()
        return super().changelist_view(request, {**(extra_context or {}), "queue": queue})

    @admin.display(description=_("changes to a published posting"), boolean=True)
    def is_revision(self, posting: Posting) -> bool:
        return posting.revision_of_id is not None

    def _split_by_review(self, queryset: QuerySet[Posting]) -> tuple[list[Posting], list[Posting]]:
        """The selected postings in review, and the others, which the moderation actions skip."""
        in_review: list[Posting] = []
        others: list[Posting] = []
        for posting in queryset.select_related("company"):
            (in_review if posting.status == Posting.Status.IN_REVIEW else others).append(posting)
        return in_review, others

    def _report_skipped(self, request: HttpRequest, postings: list[Posting]) -> None:
        for posting in postings:
            self.message_user(
                request,
                _("“%(title)s” was skipped: it is not in review but “%(status)s”.")
                % {"title": posting.title, "status": posting.get_status_display()},
                messages.WARNING,
            )

    @admin.action(description=_("Approve and publish"), permissions=["change"])
    def publish(self, request: AuthenticatedRequest, queryset: QuerySet[Posting]) -> None:
        in_review, others = self._split_by_review(queryset)
        self._report_skipped(request, others)
        published = 0
        for posting in in_review:
            try:
                services.publish_posting(posting=posting, by=request.user)
            except (ValidationError, InvalidTransition) as error:
                self.message_user(
                    request,
                    _("“%(title)s” was not published: %(reason)s")
                    % {"title": posting.title, "reason": why_not(error)},
                    messages.ERROR,
                )
            else:
                published += 1
        if published:
            self.message_user(
                request,
                ngettext(
                    "%(count)d posting published; its recruiters were told by email.",
                    "%(count)d postings published; their recruiters were told by email.",
                    published,
                )
                % {"count": published},
                messages.SUCCESS,
            )

    @admin.action(description=_("Reject with reason …"), permissions=["change"])
    def reject(
        self, request: AuthenticatedRequest, queryset: QuerySet[Posting]
    ) -> TemplateResponse | None:
        in_review, others = self._split_by_review(queryset)
        form = RejectionForm(request.POST if "post" in request.POST else None)
        if in_review and form.is_valid():
            self._report_skipped(request, others)
            rejected = 0
            for posting in in_review:
                try:
                    services.reject_posting(posting=posting, by=request.user, **form.cleaned_data)
                except InvalidTransition as error:
                    self.message_user(
                        request,
                        _("“%(title)s” was not rejected: %(reason)s")
                        % {"title": posting.title, "reason": why_not(error)},
                        messages.ERROR,
                    )
                else:
                    rejected += 1
            self.message_user(
                request,
                ngettext(
                    "%(count)d posting sent back to its recruiters.",
                    "%(count)d postings sent back to their recruiters.",
                    rejected,
                )
                % {"count": rejected},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject postings"),
            "opts": self.opts,
            "in_review": in_review,
            "others": others,
            "form": form,
            "media": self.media + form.media,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/companies/posting/reject_confirmation.html", context
        )


# --- Reports -------------------------------------------------------------------------------------


class ReportStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, Any]]:
        return [("open", _("Open")), ("resolved", _("Resolved"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Report]) -> QuerySet[Report]:
        if self.value() == "open":
            return queryset.filter(resolved_at__isnull=True)
        if self.value() == "resolved":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["reason", "reported", "summary", "reporter", "created_at", "is_resolved"]
    list_select_related = ["posting", "company", "reporter"]
    list_filter = [ReportStateFilter, "reason"]
    # Open reports first, the oldest at the top; then the most recently resolved.
    ordering = [F("resolved_at").desc(nulls_first=True), "created_at"]  # type: ignore[list-item]
    actions = ["mark_resolved"]
    fields = readonly_fields = (
        "reported", "reason", "text", "reporter", "created_at", "resolved_at", "resolved_by",
    )  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # people report from the posting's or company's page

    @admin.display(description=_("reported"))
    def reported(self, report: Report) -> SafeString:
        target: Posting | Company = report.posting or report.company  # type: ignore[assignment]
        url = reverse(f"admin:companies_{target._meta.model_name}_change", args=[target.pk])
        return format_html('<a href="{}">{}</a>', url, target)

    @admin.display(description=_("what is wrong"))
    def summary(self, report: Report) -> str:
        return Truncator(report.text).chars(80)

    @admin.display(description=_("resolved"), boolean=True, ordering="resolved_at")
    def is_resolved(self, report: Report) -> bool:
        return report.resolved_at is not None

    @admin.action(description=_("Mark as resolved"), permissions=["change"])
    def mark_resolved(self, request: AuthenticatedRequest, queryset: QuerySet[Report]) -> None:
        count = queryset.filter(resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=request.user
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d report marked as resolved.",
                "%(count)d reports marked as resolved.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
