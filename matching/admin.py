"""The skill list for staff: companies' skill admin, plus merging duplicate concepts."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.http import AuthenticatedRequest
from companies.models import Posting, PostingSkill
from matching import queries, services
from matching.models import MatchCount, MatchingWeights
from matching.scoring import CRITERIA, Weights
from talents.models import TalentProfile, TalentSkill
from taxonomy import admin as taxonomy_admin
from taxonomy.models import Skill


def _usage(rows: QuerySet[Any]) -> Coalesce:
    counts = (
        rows.filter(skill=OuterRef("pk")).order_by().values("skill").annotate(count=Count("pk"))
    )
    return Coalesce(Subquery(counts.values("count"), output_field=IntegerField()), 0)


def with_usage(skills: QuerySet[Skill]) -> QuerySet[Skill]:
    """The skills with how many postings and talents name them: what a merge would move."""
    return skills.annotate(
        posting_count=_usage(PostingSkill.objects.all()),
        talent_count=_usage(TalentSkill.objects.all()),
    )


class MergeSkillsForm(forms.Form):
    def __init__(self, *args: Any, skills: QuerySet[Skill], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["keep"] = forms.ModelChoiceField(
            label=_("Concept that stays"), queryset=skills, widget=forms.RadioSelect
        )


admin.site.unregister(Skill)


@admin.register(Skill)
class SkillAdmin(taxonomy_admin.SkillAdmin):
    actions = ["merge_skills"]

    @admin.action(description=_("Merge the selected skills"), permissions=["change", "delete"])
    def merge_skills(
        self, request: AuthenticatedRequest, queryset: QuerySet[Skill]
    ) -> TemplateResponse | None:
        skills = with_usage(queryset).order_by("label_de", "pk")
        selected = list(skills)
        if len(selected) < 2:
            self.message_user(
                request, _("Select at least two skills to merge them."), messages.WARNING
            )
            return None
        # Suggested: an ESCO concept over a curated one, then the most used.
        suggested = min(
            selected,
            key=lambda skill: (
                skill.concept_uri is None,
                -(skill.posting_count + skill.talent_count),  # type: ignore[attr-defined]
            ),
        )
        form = MergeSkillsForm(
            request.POST if "post" in request.POST else None,
            skills=skills,
            initial={"keep": suggested.pk},
        )
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            merged = services.merge_skills(
                keep=keep, duplicates=[skill for skill in selected if skill.pk != keep.pk]
            )
            self.message_user(
                request,
                ngettext(
                    "%(count)d skill merged into “%(skill)s”.",
                    "%(count)d skills merged into “%(skill)s”.",
                    merged,
                )
                % {"count": merged, "skill": keep.label},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge skills"),
            "opts": self.opts,
            "form": form,
            # Each choice a table row: the radio button and the concept with what it would move.
            "choices": [(radio, radio.data["value"].instance) for radio in form["keep"]],
            "media": self.media + form.media,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/matching/merge_skills.html", context)


# --- Weights: one row, with a preview of what a change does to a sample ranking -------------------


@dataclass(frozen=True)
class PreviewRow:
    posting: Posting
    new_rank: int
    new_total: float
    old_rank: int | None
    old_total: float | None


def sample_talent() -> TalentProfile | None:
    """The visible talent with the most skills: a ranking with something to show."""
    return (
        TalentProfile.objects.visible_to_companies()
        .annotate(skill_count=Count("skills"))
        .order_by("-skill_count", "pk")
        .first()
    )


def preview_rows(profile: TalentProfile, current: Weights, proposed: Weights) -> list[PreviewRow]:
    """The sample talent's top 10 under the proposed weights, with rank and points under the
    weights in force."""
    before = {
        row.posting_id: (rank, row.total)
        for rank, row in enumerate(
            queries.top_postings_for_talent(profile, k=50, weights=current), 1
        )
    }
    after = queries.top_postings_for_talent(profile, k=10, weights=proposed)
    postings = Posting.objects.select_related("company").in_bulk([row.posting_id for row in after])
    return [
        PreviewRow(
            posting=postings[row.posting_id],
            new_rank=rank,
            new_total=row.total,
            old_rank=before.get(row.posting_id, (None, None))[0],
            old_total=before.get(row.posting_id, (None, None))[1],
        )
        for rank, row in enumerate(after, 1)
    ]


@admin.register(MatchingWeights)
class MatchingWeightsAdmin(admin.ModelAdmin[MatchingWeights]):
    """One row: the list leads straight to it; "Preview" shows a sample ranking before saving."""

    change_form_template = "admin/matching/matchingweights/change_form.html"
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # the list creates the one row (asking on every admin page costs a query)

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        weights, _created = MatchingWeights.objects.get_or_create(pk=1)
        return redirect("admin:matching_matchingweights_change", weights.pk)

    def get_urls(self) -> list[URLPattern]:
        preview = path(
            "preview/",
            self.admin_site.admin_view(self.preview_view),
            name="matching_matchingweights_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request: HttpRequest) -> HttpResponse:
        weights, _created = MatchingWeights.objects.get_or_create(pk=1)
        if not self.has_change_permission(request, weights):
            raise PermissionDenied
        if request.method != "POST":
            return redirect("admin:matching_matchingweights_change", weights.pk)
        form = self.get_form(request, weights)(request.POST, instance=MatchingWeights(pk=1))
        profile = sample_talent()
        rows = (
            preview_rows(profile, weights.as_weights(), form.instance.as_weights())
            if form.is_valid() and profile is not None
            else []
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview of the new weights"),
            "opts": self.opts,
            "form": form,
            "rows": rows,
            "profile": profile,
            "criteria": CRITERIA,
            "change_url": reverse("admin:matching_matchingweights_change", args=[weights.pk]),
        }
        return TemplateResponse(request, "admin/matching/matchingweights/preview.html", context)


@admin.register(MatchCount)
class MatchCountAdmin(admin.ModelAdmin[MatchCount]):
    list_display = ["day", "side", "shown", "acted_on"]
    list_filter = ["side"]
    date_hierarchy = "day"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
