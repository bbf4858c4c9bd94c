"""Postings and talents as the matching tests need them, in one call each."""

from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from django.utils import timezone

from accounts.factories import TalentUserFactory
from companies.factories import CompanyFactory, CompanySiteFactory, PostingFactory
from companies.models import Company, Posting, PostingLanguage, PostingSkill
from companies.search import refresh_search_fields
from region.models import Town
from talents.factories import TalentProfileFactory
from talents.models import TalentLanguage, TalentProfile, TalentSkill
from taxonomy.models import Skill


def create_posting(
    *,
    towns: Iterable[Town] = (),
    skills: Mapping[Skill, tuple[int, bool]] | None = None,
    languages: Mapping[str, int] | None = None,
    state: str = "live",
    **fields: Any,
) -> Posting:
    """A posting with sites in these towns, skills (level, must-have) and required languages;
    live unless `state` is draft, expired or unverified (the company)."""
    company = CompanyFactory(
        verification_status=Company.Verification.PENDING
        if state == "unverified"
        else Company.Verification.VERIFIED
    )
    if state == "draft":
        fields["status"] = Posting.Status.DRAFT
    if state == "expired":
        fields["expires_at"] = timezone.now() - timedelta(days=1)
    posting = PostingFactory(
        company=company,
        sites=[CompanySiteFactory(company=company, town=town) for town in towns],
        **fields,
    )
    PostingSkill.objects.bulk_create(
        PostingSkill(posting=posting, skill=skill, level=level, is_required=required)
        for skill, (level, required) in (skills or {}).items()
    )
    PostingLanguage.objects.bulk_create(
        PostingLanguage(posting=posting, language=code, level=level)
        for code, level in (languages or {}).items()
    )
    refresh_search_fields(Posting.objects.filter(pk=posting.pk))
    posting.refresh_from_db()
    return posting


def create_talent(
    *,
    towns: Iterable[Town] = (),
    skills: Mapping[Skill, int] | None = None,
    languages: Mapping[str, int] | None = None,
    visible: bool = True,
    active: bool = True,
    **fields: Any,
) -> TalentProfile:
    """A talent with preferred towns, skills at levels and languages at CEFR levels, visible to
    companies as an anonymous card unless told otherwise."""
    fields.setdefault("user", TalentUserFactory(is_active=active))
    profile = TalentProfileFactory(
        visibility=TalentProfile.Visibility.ANONYMOUS
        if visible
        else TalentProfile.Visibility.HIDDEN,
        **fields,
    )
    profile.preferred_towns.set(list(towns))
    TalentSkill.objects.bulk_create(
        TalentSkill(profile=profile, skill=skill, level=level)
        for skill, level in (skills or {}).items()
    )
    TalentLanguage.objects.bulk_create(
        TalentLanguage(profile=profile, language=code, level=level)
        for code, level in (languages or {}).items()
    )
    return profile
