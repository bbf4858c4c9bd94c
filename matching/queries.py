"""Ranking inside PostgreSQL: the postings that fit a talent best, the talents that fit a posting.

Each ranking is one SQL statement that implements the formula of `matching.scoring` for every
pair at once and returns the top k with the points of each criterion, so that a list of thousands
of postings costs one query and every number on it can still be explained. The statement repeats
the Python arithmetic step for step in double precision (same operations, same order, the
constants bound from scoring's module-level names), and rounds the total as Python's round()
does; `matching/tests/test_queries.py` proves that both agree, pair by pair and in order.

`facts_for` turns a posting and a profile into scoring's dataclasses, so that
`scoring.score(*facts_for(posting, profile))` is the reference for one pair (and the explanation a
person sees on a detail page).

Text relevance is an input that both sides must share: scoring takes it as a number (0..1) and
so does the SQL, one per candidate (`text_relevance`, by posting or profile id; missing ones count
0). Nothing computes it yet, so every text criterion is 0 until the portal decides what text is
compared with what (e.g. a talent's skills and bio against the posting's search vector).
"""

from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Literal

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from companies.models import Posting, PostingLanguage, PostingSkill, Workplace
from matching import scoring
from matching.scoring import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    PostingFacts,
    SkillNeed,
    TalentFacts,
    Weights,
)
from region.geo import EARTH_RADIUS_KM, distance_km
from region.models import Town
from talents.models import TalentLanguage, TalentProfile, TalentSkill
from taxonomy.models import Skill


@dataclass(frozen=True)
class RankedPosting:
    """A posting's place in a talent's list: the total and each criterion's (unrounded) points,
    keyed and ordered as `scoring.CRITERIA`, equal to `scoring.score(...)` for the pair."""

    posting_id: int
    total: float
    points: Mapping[str, float]


@dataclass(frozen=True)
class RankedTalent:
    """A talent's place in a posting's list, with the same numbers as `RankedPosting`."""

    profile_id: int
    total: float
    points: Mapping[str, float]


def top_postings_for_talent(
    profile: TalentProfile,
    *,
    k: int = 20,
    weights: Weights = DEFAULT_WEIGHTS,
    text_relevance: Mapping[int, float] | None = None,
    among: QuerySet[Posting] | None = None,
) -> list[RankedPosting]:
    """The k live postings that fit this talent best, best first (ties: lower id first).
    Postings the talent does not want or whose languages they lack never appear.
    `text_relevance` maps posting ids to 0..1 (see the module docstring); `among` narrows the
    live postings (a person's filters)."""
    owned = TalentSkill.objects.filter(profile=profile).values("skill_id")
    # Only postings without must-haves, or with one the talent has (or a related concept), can
    # pass the skill filter: the skill index finds them, not a scan of every posting.
    with_a_must_held = PostingSkill.objects.filter(
        skill__in=_related(owned), is_required=True
    ).values_list("posting_id", flat=True)
    without_musts = Posting.objects.filter(must_have_count=0).values_list("pk", flat=True)
    candidates = list(with_a_must_held.union(without_musts))
    postings = Posting.objects.published() if among is None else among
    if not candidates:
        return []
    rows = _rank(
        postings=postings.filter(pk__in=_ids(candidates)),
        talents=TalentProfile.objects.filter(pk=profile.pk),
        ranked="posting",
        k=k,
        weights=weights,
        text_relevance=text_relevance or {},
    )
    return [RankedPosting(posting_id, total, points) for posting_id, total, points in rows]


def top_talents_for_posting(
    posting: Posting,
    *,
    k: int = 50,
    weights: Weights = DEFAULT_WEIGHTS,
    text_relevance: Mapping[int, float] | None = None,
    among: QuerySet[TalentProfile] | None = None,
) -> list[RankedTalent]:
    """The k talents visible to companies who fit this posting best, best first (ties: lower id
    first). Talents who do not want this type of opening or lack a required language never
    appear. `text_relevance` maps profile ids to 0..1 (see the module docstring). `among`
    ranks other talents instead (e.g. an event's participants); who may see them is the
    caller's business."""
    musts = PostingSkill.objects.filter(posting=posting, is_required=True).values("skill_id")
    related = _related(musts)
    talents = TalentProfile.objects.visible_to_companies() if among is None else among
    if related:  # only talents with one of the must-haves (or a related concept) can pass
        holders = TalentSkill.objects.filter(skill__in=related).values_list("profile_id", flat=True)
        candidates = list(holders.distinct())
        if not candidates:
            return []
        talents = talents.filter(pk__in=_ids(candidates))
    rows = _rank(
        postings=Posting.objects.filter(pk=posting.pk),
        talents=talents,
        ranked="talent",
        k=k,
        weights=weights,
        text_relevance=text_relevance or {},
    )
    return [RankedTalent(profile_id, total, points) for profile_id, total, points in rows]


def _ids(ids: list[int]) -> RawSQL:
    """Ids as one array parameter: thousands of them stay one placeholder, and PostgreSQL
    expects few rows from it, so it looks each up by its primary key."""
    return RawSQL("SELECT unnest(%s::bigint[])", [ids])  # noqa: S611 – only a placeholder


def _related(skills: QuerySet[Any]) -> list[int]:
    """These skill concepts with their broader and narrower ones: what earns a need credit.
    Fetched first (a few dozen ids), so that PostgreSQL knows how few there are and looks the
    holders up in the skill index instead of scanning every talent's or posting's skills."""
    return list(
        Skill.objects.filter(
            Q(pk__in=skills)
            | Q(broader__in=skills)
            | Q(pk__in=Skill.objects.filter(pk__in=skills).values("broader_id"))
        ).values_list("pk", flat=True)
    )


def facts_for(
    posting: Posting, profile: TalentProfile, *, text_relevance: float = 0.0
) -> tuple[PostingFacts, TalentFacts]:
    """Scoring's facts for one pair, from the database as the ranking reads it (see
    `pair_facts`)."""
    postings = posting_facts(Posting.objects.filter(pk=posting.pk))
    talents = talent_facts(TalentProfile.objects.filter(pk=profile.pk))
    posting_side, talent_side = pair_facts(postings[posting.pk], talents[profile.pk])
    return replace(posting_side, text_relevance=text_relevance), talent_side


Place = tuple[str, float, float]  # a town's name, latitude and longitude


@dataclass(frozen=True)
class PostingSide:
    facts: PostingFacts
    sites: list[Place]
    labels: dict[int, tuple[str, str]]  # skill concept → German and English label


@dataclass(frozen=True)
class TalentSide:
    facts: TalentFacts  # without the distance, which depends on the posting
    homes: list[Place]


def pair_facts(posting: PostingSide, talent: TalentSide) -> tuple[PostingFacts, TalentFacts]:
    """The pair's facts with the distance from the nearest preferred town to the nearest site
    (`Posting.town_ids`) in kilometres, as the ranking measures it."""
    nearest = min(
        (
            (distance_km(home[1], home[2], site[1], site[2]), home[0])
            for home in talent.homes
            for site in posting.sites
        ),
        default=None,
    )
    if nearest is None:
        return posting.facts, talent.facts
    return posting.facts, replace(talent.facts, nearest_km=nearest[0], home_town=nearest[1])


def explain(
    postings: QuerySet[Posting],
    profiles: QuerySet[TalentProfile],
    *,
    weights: Weights = DEFAULT_WEIGHTS,
) -> dict[tuple[int, int], scoring.Score]:
    """Every pair's score with its reasons, by (posting id, profile id): what a page shows next
    to a ranking's few rows. A constant number of queries; scoring runs in Python, pair by pair,
    so this is for the top k, never for ranking."""
    posting_sides = posting_facts(postings)
    talent_sides = talent_facts(profiles)
    return {
        (posting_id, profile_id): scoring.score(
            *pair_facts(posting_side, talent_side), weights, labels=posting_side.labels
        )
        for posting_id, posting_side in posting_sides.items()
        for profile_id, talent_side in talent_sides.items()
    }


def _places() -> dict[int, Place]:
    return {
        pk: (name, float(latitude), float(longitude))
        for pk, name, latitude, longitude in Town.objects.values_list(
            "pk", "name", "latitude", "longitude"
        )
    }


def posting_facts(postings: QuerySet[Posting]) -> dict[int, PostingSide]:
    """Scoring's facts of these postings, with their sites and skill labels, in five queries:
    each needed concept comes with the concepts next to it in the skill tree."""
    places = _places()
    needs = list(
        PostingSkill.objects.filter(posting__in=postings)
        .select_related("skill")
        .order_by("posting_id", "pk")
    )
    narrower: defaultdict[int, set[int]] = defaultdict(set)
    children = Skill.objects.filter(broader__in={need.skill_id for need in needs})
    for broader_id, skill_id in children.values_list("broader_id", "id"):
        narrower[broader_id].add(skill_id)
    skills: defaultdict[int, list[SkillNeed]] = defaultdict(list)
    labels: defaultdict[int, dict[int, tuple[str, str]]] = defaultdict(dict)
    for need in needs:
        broader = need.skill.broader_id
        skills[need.posting_id].append(
            SkillNeed(
                concept_id=need.skill_id,
                level=need.level,
                required=need.is_required,
                broader_ids=frozenset([broader] if broader is not None else []),
                narrower_ids=frozenset(narrower[need.skill_id]),
            )
        )
        labels[need.posting_id][need.skill_id] = (need.skill.label_de, need.skill.label_en)
    languages: defaultdict[int, list[tuple[str, int]]] = defaultdict(list)
    for posting_id, language, level in (
        PostingLanguage.objects.filter(posting__in=postings)
        .order_by("language")
        .values_list("posting_id", "language", "level")
    ):
        languages[posting_id].append((language, level))
    return {
        posting.pk: PostingSide(
            facts=PostingFacts(
                posting_type=posting.posting_type,
                skills=tuple(skills[posting.pk]),
                languages=tuple(languages[posting.pk]),
                fields_of_study=frozenset(posting.fields_of_study),
                degree_level=posting.degree_level,
                hours_per_week=posting.hours_per_week,
                start_date=posting.start_date,
                remote=posting.workplace == Workplace.REMOTE,
                town_ids=frozenset(posting.town_ids),
            ),
            sites=[places[town_id] for town_id in posting.town_ids if town_id in places],
            labels=labels[posting.pk],
        )
        for posting in postings.order_by().only(
            "posting_type",
            "fields_of_study",
            "degree_level",
            "hours_per_week",
            "start_date",
            "workplace",
            "town_ids",
        )  # fmt: skip
    }


def talent_facts(profiles: QuerySet[TalentProfile]) -> dict[int, TalentSide]:
    """Scoring's facts of these talents (no distance yet) with their preferred towns, in five
    queries."""
    places = _places()
    skills: defaultdict[int, dict[int, int]] = defaultdict(dict)
    for profile_id, skill_id, level in TalentSkill.objects.filter(profile__in=profiles).values_list(
        "profile_id", "skill_id", "level"
    ):
        skills[profile_id][skill_id] = level
    languages: defaultdict[int, dict[str, int]] = defaultdict(dict)
    for profile_id, language, level in TalentLanguage.objects.filter(
        profile__in=profiles
    ).values_list("profile_id", "language", "level"):
        languages[profile_id][language] = level
    homes: defaultdict[int, list[Place]] = defaultdict(list)
    for profile_id, town_id in TalentProfile.preferred_towns.through.objects.filter(
        talentprofile__in=profiles
    ).values_list("talentprofile_id", "town_id"):
        homes[profile_id].append(places[town_id])
    return {
        profile.pk: TalentSide(
            facts=TalentFacts(
                wanted_types=frozenset(profile.wanted_types),
                skills=skills[profile.pk],
                languages=languages[profile.pk],
                fields_of_study=frozenset(profile.fields_of_study),
                degree=profile.degree,
                working_student_hours=profile.working_student_hours,
                earliest_start=profile.earliest_start,
                radius_km=profile.radius_km,
                whole_region=profile.whole_region,
                nearest_km=None,
            ),
            homes=homes[profile.pk],
        )
        for profile in profiles.order_by().only(
            "wanted_types",
            "fields_of_study",
            "degree",
            "working_student_hours",
            "earliest_start",
            "radius_km",
            "whole_region",
        )  # fmt: skip
    }


@dataclass(frozen=True)
class SkillOpening:
    skill: Skill
    postings: int  # live postings for which this is the one must-have the talent lacks


def skills_that_open_postings(profile: TalentProfile, *, limit: int = 5) -> list[SkillOpening]:
    """The skills that would open the most further live postings to this talent: for each
    posting of a type they want whose must-haves they meet all but one of (not even through a
    related concept), that one skill; counted and ranked. One query."""
    posting_sql, posting_params = Posting.objects.published().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        # Only Django's compiled queryset goes into the text; values are bound.
        cursor.execute(
            _OPENINGS_SQL.format(postings=posting_sql),
            [profile.pk] * 4 + [*posting_params, limit],
        )
        counts = cursor.fetchall()
    skills = Skill.objects.in_bulk([skill_id for skill_id, _ in counts])
    return [
        SkillOpening(skills[skill_id], number) for skill_id, number in counts if skill_id in skills
    ]


_OPENINGS_SQL = """
WITH owned AS (
    SELECT own.skill_id AS concept_id
    FROM talents_talentskill own WHERE own.profile_id = %s
    UNION
    SELECT skill.broader_id
    FROM talents_talentskill own JOIN companies_skill skill ON skill.id = own.skill_id
    WHERE own.profile_id = %s AND skill.broader_id IS NOT NULL
    UNION
    SELECT narrower.id
    FROM talents_talentskill own JOIN companies_skill narrower ON narrower.broader_id = own.skill_id
    WHERE own.profile_id = %s
),
missing AS (
    SELECT need.posting_id, min(need.skill_id) AS skill_id, count(*) AS missing
    FROM companies_postingskill need
    JOIN companies_posting posting ON posting.id = need.posting_id
    JOIN talents_talentprofile talent ON talent.id = %s
    WHERE need.is_required
      AND need.skill_id NOT IN (SELECT concept_id FROM owned)
      AND (cardinality(talent.wanted_types) = 0
           OR posting.posting_type = ANY (talent.wanted_types))
      AND posting.id IN ({postings})
    GROUP BY need.posting_id
)
SELECT skill_id, count(*) AS postings FROM missing WHERE missing = 1
GROUP BY skill_id ORDER BY count(*) DESC, skill_id LIMIT %s
"""


# --- The statement -------------------------------------------------------------------------------

# A total is in 0..100, so its fraction times 2**60 is an integer below 2**63 (a double of at
# least 1/256 has no bits below 2**-60; a smaller one rounds to 0.00 either way): the exact value
# of the double, which PostgreSQL's float8 → numeric cast (15 digits) would lose.
_TWO_TO_THE_60 = 2.0**60
_TWO_TO_THE_MINUS_60 = Decimal(f"{5**60}e-60")  # exactly: the constructor does not round

# Left to right in the order of CRITERIA, as Python 3.11's sum() adds floats (3.12 compensates;
# a test notices when the interpreter changes).
_SUM_OF_POINTS = " + ".join(f"{criterion}_points" for criterion in CRITERIA)

_RANKING_SQL = """
WITH constants AS (
    SELECT {constant_columns}
),
text_relevance AS (
    SELECT * FROM unnest(%s::integer[], %s::float8[]) AS relevance (candidate_id, relevance)
),
-- Every posting with every talent, less what the hard filters exclude: the talent names types
-- and this is none of them, a language the posting requires is missing or below its level, or
-- not one must-have skill is met.
pair AS MATERIALIZED (
    SELECT posting.id AS posting_id, posting.posting_type, posting.hours_per_week,
           posting.start_date, posting.fields_of_study AS posting_fields, posting.degree_level,
           posting.workplace = constants.remote AS remote, posting.town_ids,
           talent.id AS talent_id, talent.working_student_hours,
           talent.fields_of_study AS talent_fields, talent.degree, talent.earliest_start,
           talent.radius_km, talent.whole_region
    FROM companies_posting posting
    CROSS JOIN talents_talentprofile talent
    CROSS JOIN constants
    WHERE posting.id IN ({postings})
      AND talent.id IN ({talents})
      AND (cardinality(talent.wanted_types) = 0
           OR posting.posting_type = ANY (talent.wanted_types))
      AND NOT EXISTS (
          SELECT FROM companies_postinglanguage needed
          LEFT JOIN talents_talentlanguage spoken
                 ON spoken.profile_id = talent.id AND spoken.language = needed.language
          WHERE needed.posting_id = posting.id AND coalesce(spoken.level, 0) < needed.level
      )
      -- and a posting with must-haves needs one of them met, exactly or by a related concept
      AND (posting.must_have_count = 0
           OR EXISTS (
               SELECT FROM companies_postingskill need
               JOIN companies_skill needed ON needed.id = need.skill_id
               JOIN talents_talentskill own ON own.profile_id = talent.id
               JOIN companies_skill owned ON owned.id = own.skill_id
               WHERE need.posting_id = posting.id AND need.is_required
                 AND (own.skill_id = need.skill_id
                      OR own.skill_id = needed.broader_id
                      OR owned.broader_id = need.skill_id)
           ))
),
-- Every skill each pair's posting asks for.
need AS MATERIALIZED (
    SELECT pair.posting_id, pair.talent_id, need.id AS need_id, need.is_required,
           need.skill_id, need.level
    FROM pair
    JOIN companies_postingskill need ON need.posting_id = pair.posting_id
),
-- What each talent offers for a concept: their own level of the concept itself in full, of a
-- narrower concept (offered to its broader one) or a broader concept (offered to each
-- narrower one) at the related-concept share; only concepts some posting here asks for.
offer AS (
    SELECT own.profile_id AS talent_id, own.skill_id AS concept_id, own.level,
           1::float8 AS share
    FROM talents_talentskill own
    WHERE own.profile_id IN (SELECT talent_id FROM pair)
      AND own.skill_id IN (SELECT skill_id FROM need)
    UNION ALL
    SELECT own.profile_id, owned.broader_id, own.level, constants.related_concept_credit
    FROM talents_talentskill own
    JOIN companies_skill owned ON owned.id = own.skill_id
    CROSS JOIN constants
    WHERE own.profile_id IN (SELECT talent_id FROM pair)
      AND owned.broader_id IN (SELECT skill_id FROM need)
    UNION ALL
    SELECT own.profile_id, narrower.id, own.level, constants.related_concept_credit
    FROM talents_talentskill own
    JOIN companies_skill narrower ON narrower.broader_id = own.skill_id
    CROSS JOIN constants
    WHERE own.profile_id IN (SELECT talent_id FROM pair)
      AND narrower.id IN (SELECT skill_id FROM need)
),
-- A need's credit is the best offer times 0.5 per level missing, else 0; the fraction is the mean credit of the must-haves
-- and of the nice-to-haves, an empty group counting 1 (a pair without needs has no row here).
skills AS (
    SELECT posting_id, talent_id,
           constants.must_have_share
               * coalesce(sum(credit) FILTER (WHERE is_required)
                          / nullif(count(*) FILTER (WHERE is_required), 0)::float8, 1)
           + constants.nice_to_have_share
               * coalesce(sum(credit) FILTER (WHERE NOT is_required)
                          / nullif(count(*) FILTER (WHERE NOT is_required), 0)::float8, 1)
               AS fraction
    FROM (
        SELECT need.posting_id, need.talent_id, need.is_required,
               coalesce(max(offer.share
                            * power(0.5::float8, greatest(need.level - offer.level, 0))), 0)
                   AS credit
        FROM need
        LEFT JOIN offer
               ON offer.talent_id = need.talent_id AND offer.concept_id = need.skill_id
        GROUP BY need.posting_id, need.talent_id, need.need_id, need.is_required
    ) AS credits
    CROSS JOIN constants
    GROUP BY posting_id, talent_id, constants.must_have_share, constants.nice_to_have_share
),
-- Kilometres from the nearest preferred town to the nearest site (region.geo's haversine),
-- where distance counts at all.
distance AS (
    SELECT pair.posting_id, pair.talent_id,
           min(2 * constants.earth_radius_km * asin(sqrt(
               power(sin((radians(site.latitude::float8) - radians(home.latitude::float8)) / 2), 2)
               + cos(radians(home.latitude::float8)) * cos(radians(site.latitude::float8))
                 * power(sin((radians(site.longitude::float8)
                              - radians(home.longitude::float8)) / 2), 2)
           ))) AS km
    FROM pair
    CROSS JOIN constants
    JOIN talents_talentprofile_preferred_towns preferred
      ON preferred.talentprofile_id = pair.talent_id
    JOIN companies_town home ON home.id = preferred.town_id
    JOIN companies_town site ON site.id = ANY (pair.town_ids)
    WHERE NOT pair.remote AND NOT pair.whole_region
    GROUP BY pair.posting_id, pair.talent_id
),
-- Each pair's points and their sum clamped to 0..100, not yet rounded.
scored AS MATERIALIZED (
SELECT pair.{ranked}_id AS candidate_id, {points_columns},
       least(greatest({sum_of_points}, 0), 100) AS unrounded
FROM pair
CROSS JOIN constants
LEFT JOIN text_relevance ON text_relevance.candidate_id = pair.{ranked}_id
LEFT JOIN skills
       ON skills.posting_id = pair.posting_id AND skills.talent_id = pair.talent_id
LEFT JOIN distance
       ON distance.posting_id = pair.posting_id AND distance.talent_id = pair.talent_id
CROSS JOIN LATERAL (
    SELECT constants.skills_weight * coalesce(skills.fraction, 1) AS skills_points,
           -- every unmet requirement excluded the pair: the rest meet all of theirs
           constants.languages_weight * 1 AS languages_points,
           constants.distance_weight * CASE
               WHEN pair.remote OR pair.whole_region THEN 1
               WHEN distance.km IS NULL THEN constants.unknown_distance_credit
               ELSE greatest(0, 1 - distance.km / (2 * greatest(pair.radius_km, 1)))
           END AS distance_points,
           constants.field_weight * CASE
               WHEN cardinality(pair.posting_fields) = 0 THEN 1
               WHEN pair.posting_fields && pair.talent_fields THEN 1
               ELSE 0
           END AS field_points,
           constants.degree_weight * CASE
               WHEN pair.degree_level <= 0 THEN 1
               WHEN pair.degree >= pair.degree_level THEN 1
               WHEN pair.degree = pair.degree_level - 1 THEN 0.5
               ELSE 0
           END AS degree_points,
           constants.start_weight * CASE
               WHEN pair.start_date IS NULL OR pair.earliest_start IS NULL THEN 1
               WHEN pair.earliest_start - pair.start_date <= 0 THEN 1
               ELSE greatest(0, 1 - (pair.earliest_start - pair.start_date)
                                    / constants.start_decay_days)
           END AS start_points,
           constants.hours_weight * CASE
               WHEN pair.posting_type <> constants.working_student THEN 1
               WHEN pair.hours_per_week IS NULL OR pair.working_student_hours IS NULL THEN 1
               ELSE greatest(0, 1 - abs(pair.working_student_hours - pair.hours_per_week)
                                    / constants.hours_decay)
           END AS hours_points,
           constants.text_weight
               * least(greatest(coalesce(text_relevance.relevance, 0), 0), 1) AS text_points
) AS points
),
-- The k-th best sum before rounding: a pair more than 0.01 below it rounds below the k-th
-- total, so only the pairs above that line need the (costly) exact rounding.
line AS (
    SELECT unrounded - 0.011 AS unrounded FROM scored ORDER BY unrounded DESC OFFSET %s LIMIT 1
)
-- round(sum, 2) as Python computes it: the double's exact value, rounded half to even
-- (PostgreSQL's round() would go half away from zero from a 15-digit copy).
SELECT scored.candidate_id,
       ((floor(exact.hundredths)
         + CASE WHEN exact.hundredths - floor(exact.hundredths) > 0.5
                  OR (exact.hundredths - floor(exact.hundredths) = 0.5
                      AND mod(floor(exact.hundredths), 2) = 1)
                THEN 1 ELSE 0 END) / 100)::float8 AS total,
       {scored_columns}
FROM scored
CROSS JOIN constants
CROSS JOIN LATERAL (
    SELECT (floor(scored.unrounded)::numeric
            + ((scored.unrounded - floor(scored.unrounded)) * constants.two_to_the_60)::bigint
              * constants.two_to_the_minus_60) * 100 AS hundredths
) AS exact
WHERE scored.unrounded >= coalesce((SELECT unrounded FROM line), '-infinity')
ORDER BY total DESC, scored.candidate_id
LIMIT %s
"""


_plans: ContextVar[list[str] | None] = ContextVar("plans", default=None)


@contextmanager
def explained() -> Iterator[list[str]]:
    """Collect the query plans (EXPLAIN ANALYZE) of the rankings run inside, for benchmarks."""
    plans: list[str] = []
    token = _plans.set(plans)
    try:
        yield plans
    finally:
        _plans.reset(token)


_SQL_TYPES = {float: "float8", Decimal: "numeric", str: "text"}


def _constants(weights: Weights) -> dict[str, float | Decimal | str]:
    """The values the statement reads from its `constants` row, by column name."""
    return {
        **{f"{criterion}_weight": float(getattr(weights, criterion)) for criterion in CRITERIA},
        "must_have_share": scoring.MUST_HAVE_SHARE,
        "nice_to_have_share": 1 - scoring.MUST_HAVE_SHARE,
        "related_concept_credit": scoring.RELATED_CONCEPT_CREDIT,
        "unknown_distance_credit": scoring.UNKNOWN_DISTANCE_CREDIT,
        "start_decay_days": float(scoring.START_DECAY_DAYS),
        "hours_decay": float(scoring.HOURS_DECAY),
        "earth_radius_km": EARTH_RADIUS_KM,
        "two_to_the_60": _TWO_TO_THE_60,
        "two_to_the_minus_60": _TWO_TO_THE_MINUS_60,
        "working_student": scoring.WORKING_STUDENT,
        "remote": str(Workplace.REMOTE),
    }


def _statement(
    constants: dict[str, float | Decimal | str], ranked: str, postings: str, talents: str
) -> str:
    # Only our own names and Django's compiled querysets go into the text; values are bound.
    return _RANKING_SQL.format(
        constant_columns=",\n           ".join(
            f"%s::{_SQL_TYPES[type(value)]} AS {name}" for name, value in constants.items()
        ),
        postings=postings,
        talents=talents,
        ranked=ranked,
        sum_of_points=_SUM_OF_POINTS,
        points_columns=", ".join(f"points.{criterion}_points" for criterion in CRITERIA),
        scored_columns=", ".join(f"scored.{criterion}_points" for criterion in CRITERIA),
    )


def _rank(
    *,
    postings: QuerySet[Posting],
    talents: QuerySet[TalentProfile],
    ranked: Literal["posting", "talent"],
    k: int,
    weights: Weights,
    text_relevance: Mapping[int, float],
) -> list[tuple[int, float, dict[str, float]]]:
    """(id of the ranked side, total, points by criterion) of the best k pairs."""
    if k < 1:
        raise ValueError("k must be at least 1.")
    posting_sql, posting_params = postings.order_by().values("pk").query.sql_with_params()
    talent_sql, talent_params = talents.order_by().values("pk").query.sql_with_params()
    constants = _constants(weights)
    params = [
        *constants.values(),
        list(text_relevance.keys()),
        [float(value) for value in text_relevance.values()],
        *posting_params,
        *talent_params,
        k - 1,
        k,
    ]
    statement = _statement(constants, ranked, posting_sql, talent_sql)
    with connection.cursor() as cursor:
        if (plans := _plans.get()) is not None:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", params)
            plans.append("\n".join(line for (line,) in cursor.fetchall()))
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    return [(row[0], row[1], dict(zip(CRITERIA, row[2:], strict=True))) for row in rows]
