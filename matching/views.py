"""The matches pages: a talent's best postings, a posting's best talents, staff figures.

Each page ranks with one or two SQL queries (`matching.queries`) and explains the few rows it
shows with `matching.queries.explain`; the number of queries does not grow with the rows."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedRequest
from companies.filters import PostingFilter
from companies.models import CompanySite, Posting
from matching import queries
from matching.models import MatchCount, MatchingWeights
from matching.scoring import Score
from matching.services import count_matches
from talents.models import ContactRequest, TalentLanguage, TalentProfile, TalentSkill
from talents.views.profile import talent_profile

MATCHES_SHOWN = 20
OPENINGS_CACHE_SECONDS = 600
TALENTS_SHOWN = 20


@dataclass(frozen=True)
class Match:
    """A row of a matches page: what is ranked, its total and the reasons."""

    item: Posting | TalentProfile
    total: float
    score: Score

    @property
    def missing_skills(self) -> list[tuple[str, str]]:
        return self.score.reasons[0].params.get("missing", [])


@login_required
def my_matches(request: AuthenticatedRequest) -> HttpResponse:
    profile = talent_profile(request)
    posting_filter = PostingFilter(request.GET or None, queryset=Posting.objects.published())
    weights = MatchingWeights.current()
    ranked = queries.top_postings_for_talent(
        profile, k=MATCHES_SHOWN, weights=weights, among=posting_filter.filtered
    )
    ids = [row.posting_id for row in ranked]
    postings = (
        Posting.objects.filter(pk__in=ids)
        .select_related("company")
        .prefetch_related(Prefetch("sites", queryset=CompanySite.objects.select_related("town")))
        .in_bulk()
    )
    scores = queries.explain(
        Posting.objects.filter(pk__in=ids),
        TalentProfile.objects.filter(pk=profile.pk),
        weights=weights,
    )
    matches = [
        Match(postings[row.posting_id], row.total, scores[row.posting_id, profile.pk])
        for row in ranked
    ]
    if matches:
        count_matches(side=MatchCount.Side.TALENT, shown=len(matches))
    context = {
        "profile": profile,
        "filter": posting_filter,
        "matches": matches,
        "openings": _openings(profile),
        "has_skills": profile.skills.exists(),
    }
    return render(request, "matching/my_matches.html", context)


def _openings(profile: TalentProfile) -> list[queries.SkillOpening]:
    """The skills that would open more openings: a count over every live posting, kept for a
    few minutes per profile version (new postings may take that long to show here)."""
    key = f"matching:openings:{profile.pk}:{profile.updated_at.timestamp()}"
    return cache.get_or_set(  # type: ignore[return-value]
        key, lambda: queries.skills_that_open_postings(profile), OPENINGS_CACHE_SECONDS
    )


@login_required
def apply_from_match(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A talent opens the application form from their matches: counted as acted on."""
    posting = get_object_or_404(Posting.objects.published(), pk=pk)
    talent_profile(request)
    count_matches(side=MatchCount.Side.TALENT, acted_on=1)
    return redirect("talents:apply", pk=posting.pk)


@login_required
def matching_talents(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    posting = get_object_or_404(
        Posting.objects.editable_by(request.user).select_related("company"), pk=pk
    )
    company = posting.company
    context: dict[str, object] = {"posting": posting, "company": company}
    if not company.is_verified:
        return render(request, "matching/matching_talents.html", {**context, "waiting": True})
    weights = MatchingWeights.current()
    ranked = queries.top_talents_for_posting(posting, k=TALENTS_SHOWN, weights=weights)
    ids = [row.profile_id for row in ranked]
    cards = (
        TalentProfile.objects.visible_to_companies()
        .filter(pk__in=ids)
        .prefetch_related(
            Prefetch("skills", queryset=TalentSkill.objects.select_related("skill")),
            Prefetch("languages", queryset=TalentLanguage.objects.all()),
            "preferred_towns",
        )
        .in_bulk()
    )
    scores = queries.explain(
        Posting.objects.filter(pk=posting.pk),
        TalentProfile.objects.filter(pk__in=ids),
        weights=weights,
    )
    pending = set(
        ContactRequest.objects.pending()
        .filter(company=company, profile__in=ids)
        .values_list("profile_id", flat=True)
    )
    matches = [
        Match(cards[row.profile_id], row.total, scores[posting.pk, row.profile_id])
        for row in ranked
        if row.profile_id in cards
    ]
    if matches:
        count_matches(side=MatchCount.Side.COMPANY, shown=len(matches))
    return render(
        request,
        "matching/matching_talents.html",
        {**context, "matches": matches, "pending": pending},
    )


@login_required
@require_POST
def contact_from_match(request: AuthenticatedRequest, pk: int, profile_pk: int) -> HttpResponse:
    """A recruiter goes from a posting's matching talents to the contact request: counted as
    acted on, then the usual form (with the posting chosen)."""
    posting = get_object_or_404(
        Posting.objects.editable_by(request.user).select_related("company"), pk=pk
    )
    profile = get_object_or_404(TalentProfile.objects.visible_to_companies(), pk=profile_pk)
    count_matches(side=MatchCount.Side.COMPANY, acted_on=1)
    return redirect(
        "talents:contact_request_create", slug=posting.company.slug, profile_pk=profile.pk
    )


@staff_member_required
def statistics(request: HttpRequest) -> HttpResponse:
    """How matching is used: pages shown and acted on by month, and how well the live postings
    and visible talents are covered. Counts only."""
    since = timezone.localdate().replace(day=1) - timedelta(days=365)
    months = (
        MatchCount.objects.filter(day__gte=since)
        .values("day__year", "day__month", "side")
        .annotate(shown=Sum("shown"), acted_on=Sum("acted_on"))
        .order_by("-day__year", "-day__month", "side")
    )
    live = Posting.objects.published()
    coverage = live.aggregate(
        postings=Count("pk"),
        without_skills=Count("pk", filter=~Q(skills__isnull=False), distinct=True),
    )
    talents = TalentProfile.objects.annotate(skill_count=Count("skills")).aggregate(
        profiles=Count("pk"),
        visible=Count("pk", filter=Q(visibility=TalentProfile.Visibility.ANONYMOUS)),
        without_skills=Count("pk", filter=Q(skill_count=0)),
    )
    context = {
        "months": months,
        "coverage": coverage,
        "talents": talents,
        "weights": MatchingWeights.current(),
    }
    return render(request, "matching/statistics.html", context)
