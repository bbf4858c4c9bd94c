"""The skill list for staff: companies' skill admin, plus merging duplicate concepts."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.http import AuthenticatedRequest
from companies import admin as companies_admin
from companies.models import PostingSkill, Skill
from matching import services
from talents.models import TalentSkill


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
class SkillAdmin(companies_admin.SkillAdmin):
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
