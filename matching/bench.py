"""Synthetic talents and skills for the matching benchmark (`make bench`), and the pure-Python
reference ranking it is compared with. Deterministic for a given seed."""

import random
from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction

from accounts.models import User
from companies.bench import generate_postings, remove_generated
from companies.models import Posting, PostingType
from matching import queries, scoring
from region.models import Town
from talents.models import TalentLanguage, TalentProfile, TalentSkill
from taxonomy.models import DegreeLevel, FieldOfStudy, Language, Skill

CONCEPT_PREFIX = "bench:skill/"
EMAIL_DOMAIN = "bench.invalid"
BATCH = 5000


def remove_generated_data() -> None:
    remove_generated()
    User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()
    Skill.objects.filter(concept_uri__startswith=CONCEPT_PREFIX).delete()


AREAS = 30  # skill areas (as in ESCO's groups): a tenth of each area are broader concepts


@transaction.atomic
def generate(*, postings: int, talents: int, concepts: int = 3000, seed: int = 7) -> None:
    """A taxonomy of `concepts` skills in AREAS areas, `postings` published postings and
    `talents` talents (70 % visible) with 6 to 10 skills each.

    Skills cluster as they do in the region: a posting or a talent belongs to an area
    (mechatronics, care, logistics …) and draws most of its skills from it, the area's common
    skills more often than its rare ones (Zipf), and a few from anywhere."""
    rng = random.Random(seed)  # noqa: S311 – synthetic data, not secrets
    _generate_concepts(rng, concepts)
    areas = _areas()
    generate_postings(count=postings, seed=seed, pick_skills=lambda rng, _all: _pick(rng, areas))
    towns = list(Town.objects.values_list("pk", flat=True))
    today = date.today()
    for start in range(0, talents, BATCH):
        numbers = range(start, min(start + BATCH, talents))
        users = User.objects.bulk_create(
            User(
                email=f"talent-{number:06d}@{EMAIL_DOMAIN}",
                password="!",  # unusable: nobody signs in as a synthetic talent  # noqa: S106
                account_type=User.AccountType.TALENT,
            )
            for number in numbers
        )
        profiles = TalentProfile.objects.bulk_create(_profile(rng, user, today) for user in users)
        TalentSkill.objects.bulk_create(
            TalentSkill(profile=profile, skill_id=skill, level=rng.randint(1, 3))
            for profile in profiles
            for skill in _pick(rng, areas)
        )
        TalentLanguage.objects.bulk_create(
            TalentLanguage(profile=profile, language=language, level=level)
            for profile in profiles
            for language, level in _languages(rng)
        )
        TalentProfile.preferred_towns.through.objects.bulk_create(
            TalentProfile.preferred_towns.through(talentprofile_id=profile.pk, town_id=town)
            for profile in profiles
            for town in rng.sample(towns, k=rng.randint(1, 2))
        )


def _generate_concepts(rng: random.Random, count: int) -> None:
    """`count` synthetic concepts, area by area: the first tenth of an area broader concepts,
    each of the rest under one of them."""
    if Skill.objects.filter(concept_uri__startswith=CONCEPT_PREFIX).exists():
        return
    per_area = count // AREAS
    for area in range(AREAS):
        numbers = range(area * per_area, (area + 1) * per_area)
        broader = Skill.objects.bulk_create(
            Skill(
                concept_uri=f"{CONCEPT_PREFIX}{number}",
                label_de=f"Kompetenzfeld {number}",
                label_en=f"Skill area {number}",
            )
            for number in numbers[: per_area // 10]
        )
        Skill.objects.bulk_create(
            Skill(
                concept_uri=f"{CONCEPT_PREFIX}{number}",
                label_de=f"Kompetenz {number}",
                label_en=f"Skill {number}",
                broader=rng.choice(broader),
            )
            for number in numbers[per_area // 10 :]
        )


def _areas() -> list[list[int]]:
    ids = list(
        Skill.objects.filter(concept_uri__startswith=CONCEPT_PREFIX)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    per_area = len(ids) // AREAS
    return [ids[area * per_area : (area + 1) * per_area] for area in range(AREAS)]


def _pick(rng: random.Random, areas: list[list[int]]) -> list[int]:
    """6 to 10 skills: most from one area, its common ones more often (Zipf), some from anywhere."""
    area = rng.choice(areas)
    weights = [1 / rank for rank in range(1, len(area) + 1)]
    wanted = rng.randint(6, 10)
    chosen: set[int] = set()
    while len(chosen) < wanted:
        if rng.random() < 0.8:
            chosen.add(rng.choices(area, weights)[0])
        else:
            chosen.add(rng.choice(rng.choice(areas)))
    return sorted(chosen)


def _profile(rng: random.Random, user: User, today: date) -> TalentProfile:
    wanted = rng.sample(PostingType.values, k=rng.randint(1, 3))
    return TalentProfile(
        user=user,
        status=rng.choice(TalentProfile.Status.values),
        fields_of_study=rng.sample(FieldOfStudy.values, k=rng.randint(1, 2)),
        degree=rng.choice(DegreeLevel.values),
        wanted_types=wanted,
        working_student_hours=rng.choice([10, 15, 20])
        if PostingType.WORKING_STUDENT in wanted
        else None,
        radius_km=rng.choice([15, 25, 30, 50, 80]),
        whole_region=rng.random() < 0.1,
        earliest_start=today + timedelta(days=rng.randint(0, 180)) if rng.random() < 0.5 else None,
        visibility=TalentProfile.Visibility.ANONYMOUS
        if rng.random() < 0.7
        else TalentProfile.Visibility.HIDDEN,
    )


def _languages(rng: random.Random) -> list[tuple[str, int]]:
    # Most speak German well, many English; some Czech or Polish (the region's neighbours).
    spoken: list[tuple[str, int]] = [
        (Language.GERMAN, 6 if rng.random() < 0.7 else rng.randint(2, 5))
    ]
    if rng.random() < 0.8:
        spoken.append((Language.ENGLISH, rng.randint(3, 6)))
    if rng.random() < 0.1:
        spoken.append((rng.choice([Language.CZECH, Language.POLISH]), rng.randint(3, 6)))
    return spoken


# --- The pure-Python reference: every pair scored in a loop ---------------------------------------


def python_top_postings(profile_id: int, k: int) -> list[tuple[int, float]]:
    """The talent's top k by scoring every published posting in Python (facts loaded in bulk)."""
    postings = queries.posting_facts(Posting.objects.published())
    talent = queries.talent_facts(TalentProfile.objects.filter(pk=profile_id))[profile_id]
    return _top((posting_id, posting, talent) for posting_id, posting in postings.items())[:k]


def python_top_talents(posting_id: int, k: int) -> list[tuple[int, float]]:
    """The posting's top k by scoring every visible talent in Python (facts loaded in bulk)."""
    posting = queries.posting_facts(Posting.objects.filter(pk=posting_id))[posting_id]
    talents = queries.talent_facts(TalentProfile.objects.visible_to_companies())
    return _top((profile_id, posting, talent) for profile_id, talent in talents.items())[:k]


def _top(
    pairs: Iterable[tuple[int, queries.PostingSide, queries.TalentSide]],
) -> list[tuple[int, float]]:
    scored = []
    for candidate_id, posting, talent in pairs:
        result = scoring.score(*queries.pair_facts(posting, talent))
        if not result.excluded:
            scored.append((candidate_id, result.total))
    return sorted(scored, key=lambda pair: (-pair[1], pair[0]))
