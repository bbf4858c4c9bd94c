"""Synthetic regional postings for benchmarks (`make bench`), deterministic for a given seed."""

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from companies.models import (
    Company,
    CompanySite,
    Posting,
    PostingLanguage,
    PostingSkill,
    PostingType,
    Sector,
    SizeClass,
    Workplace,
)
from companies.search import refresh_search_fields
from region.models import Town
from taxonomy.models import FieldOfStudy, Language, Skill

TITLE_WORDS = [
    "Softwareentwicklung", "Python", "Java", "Embedded", "Halbleiterfertigung", "Prozesstechnik",
    "Messtechnik", "Automatisierung", "SPS", "Mechatronik", "Konstruktion", "Qualitätssicherung",
    "Logistik", "Lager", "Einkauf", "Controlling", "Marketing", "Vertrieb", "Pflege", "Labor",
    "Biotechnologie", "Energietechnik", "Photovoltaik", "Elektroinstallation", "Datenanalyse",
    "Webentwicklung", "IT-Sicherheit", "Projektmanagement", "Tourismus", "Kundenservice",
]  # fmt: skip
ROLES = {
    PostingType.WORKING_STUDENT: "Werkstudent*in",
    PostingType.INTERNSHIP: "Praktikum",
    PostingType.THESIS: "Abschlussarbeit",
    PostingType.FULL_TIME: "Ingenieur*in",
    PostingType.PART_TIME: "Fachkraft (Teilzeit)",
    PostingType.TRAINEE: "Trainee",
    PostingType.PHD: "Promotion",
    PostingType.APPRENTICESHIP: "Ausbildung",
    PostingType.ENTRY_LEVEL: "Junior",
}
BATCH = 2000


@transaction.atomic
def generate_postings(
    *,
    count: int,
    seed: int = 42,
    pick_skills: Callable[[random.Random, list[int]], list[int]] | None = None,
) -> None:
    """Create ``count`` published postings of count/40 synthetic companies across the region,
    each asking for the skills ``pick_skills`` draws (3 to 8 at random by default)."""
    rng = random.Random(seed)  # noqa: S311 – synthetic data, not secrets
    towns = list(Town.objects.all())
    skills = list(Skill.objects.values_list("pk", flat=True))
    now = timezone.now()
    companies = Company.objects.bulk_create(
        Company(
            name=f"Bench {number:05d} GmbH",
            slug=f"bench-{number:05d}-gmbh",
            legal_form="gmbh",
            size_class=rng.choice(SizeClass.values),
            sector=rng.choice(Sector.values),
            description_de="Synthetisches Unternehmen für Messungen.",
            verification_status=Company.Verification.VERIFIED,
            verified_at=now,
        )
        for number in range(max(1, count // 40))
    )
    sites = CompanySite.objects.bulk_create(
        CompanySite(
            company=company, town=rng.choice(towns), street="Teststraße 1", postal_code="01067"
        )
        for company in companies
    )
    for start in range(0, count, BATCH):
        postings = Posting.objects.bulk_create(
            _posting(rng, companies, now) for _ in range(start, min(start + BATCH, count))
        )
        site_of = {site.company_id: site for site in sites}
        Posting.sites.through.objects.bulk_create(
            Posting.sites.through(
                posting_id=posting.pk, companysite_id=site_of[posting.company_id].pk
            )
            for posting in postings
        )
        PostingSkill.objects.bulk_create(
            PostingSkill(
                posting=posting,
                skill_id=skill,
                is_required=rng.random() < 0.6,
                level=rng.randint(1, 3),
            )
            for posting in postings
            for skill in (pick_skills or _some_skills)(rng, skills)
        )
        PostingLanguage.objects.bulk_create(
            PostingLanguage(posting=posting, language=language, level=level)
            for posting in postings
            for language, level in _languages(rng)
        )
    refresh_search_fields(Posting.objects.filter(company__in=companies))


def _posting(rng: random.Random, companies: list[Company], now: datetime) -> Posting:
    posting_type = rng.choice(PostingType.values)
    words = rng.sample(TITLE_WORDS, k=2)
    return Posting(
        company=rng.choice(companies),
        # A few titles carry a rare word, to show a selective search using the GIN index.
        title=f"{ROLES[PostingType(posting_type)]} {words[0]} und {words[1]}"
        + (" (Reinraumrobotik)" if rng.random() < 0.002 else ""),
        posting_type=posting_type,
        hours_per_week=rng.choice([8, 10, 12, 15, 16, 20])
        if posting_type == PostingType.WORKING_STUDENT
        else 40,
        fields_of_study=rng.sample(FieldOfStudy.values, k=rng.randint(1, 3)),
        workplace=rng.choice(Workplace.values),
        description_de=f"Sie arbeiten bei uns an {words[0]} und {words[1]}. " * 5,
        salary_min=Decimal(rng.randrange(2000, 4000, 100)) if rng.random() < 0.4 else None,
        status=Posting.Status.PUBLISHED,
        published_at=now - timedelta(minutes=rng.randint(0, 60 * 24 * 60)),
        expires_at=now + timedelta(days=rng.randint(1, 60)),
    )


def _languages(rng: random.Random) -> list[tuple[str, int]]:
    """As in the region: most openings ask for German (B1 to C1), some for English, a few for
    Czech or Polish."""
    required: list[tuple[str, int]] = []
    if rng.random() < 0.85:
        required.append((Language.GERMAN, rng.randint(3, 5)))
    if rng.random() < 0.4:
        required.append((Language.ENGLISH, rng.randint(3, 5)))
    if rng.random() < 0.05:
        required.append((rng.choice([Language.CZECH, Language.POLISH]), rng.randint(3, 4)))
    return required


def _some_skills(rng: random.Random, skills: list[int]) -> list[int]:
    return rng.sample(skills, k=min(len(skills), rng.randint(3, 8)))


def remove_generated() -> None:
    Company.objects.filter(name__startswith="Bench ", slug__startswith="bench-").delete()
