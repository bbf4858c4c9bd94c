"""The rankings in SQL agree with the pure scoring, pair by pair and in order (STYLE rule 6).

`scoring.score(*facts_for(posting, profile))` is the reference; random talents and postings from a
small skill tree and real towns of the region must get the same points, the same totals and the
same order from PostgreSQL, and the pairs scoring excludes must never show up.
"""

import functools
import operator
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companies.models import Posting, Workplace
from matching.queries import facts_for, top_postings_for_talent, top_talents_for_posting
from matching.scoring import CRITERIA, DEFAULT_WEIGHTS, Score, Weights, score
from matching.tests.world import create_posting, create_talent
from region.factories import dresden, goerlitz, zittau
from region.models import Town
from talents.models import TalentProfile
from taxonomy.factories import SkillFactory
from taxonomy.models import Skill

A1, A2, B1, B2, C1, C2 = range(1, 7)
BASIC, GOOD, EXPERT = 1, 2, 3
TYPES = ["full_time", "working_student", "thesis"]
FIELDS = ["mechatronics", "computer_science", "business"]
LANGUAGES = ["de", "en", "cs"]
TOWN_NAMES = ["Dresden", "Pirna", "Meißen", "Bautzen", "Görlitz", "Zittau"]
# A chain engineering ← programming ← python (and sql, python's sibling), welding ← tig, and cad
# on its own: exact, broader, narrower, sibling and unrelated concepts all occur.
SKILL_TREE = {
    "engineering": None,
    "programming": "engineering",
    "python": "programming",
    "sql": "programming",
    "welding": None,
    "tig": "welding",
    "cad": None,
}
START = date(2026, 3, 1)


# --- Building the world ----------------------------------------------------------------------------


@pytest.fixture
def skills(db) -> dict[str, Skill]:
    tree: dict[str, Skill] = {}
    for name, broader in SKILL_TREE.items():
        tree[name] = SkillFactory(label_en=name, broader=tree[broader] if broader else None)
    return tree


@pytest.fixture
def towns(db) -> dict[str, Town]:
    """Real towns of the region with their coordinates (reference data)."""
    return {town.name: town for town in Town.objects.filter(name__in=TOWN_NAMES)}


# --- The Python reference ----------------------------------------------------------------------


def python_scores(
    pairs: Iterable[tuple[int, Posting, TalentProfile]],
    weights: Weights,
    text_relevance: Mapping[int, float],
) -> dict[int, Score]:
    """scoring.score for each (candidate id, posting, profile), by candidate id."""
    return {
        candidate_id: score(
            *facts_for(posting, profile, text_relevance=text_relevance.get(candidate_id, 0.0)),
            weights,
        )
        for candidate_id, posting, profile in pairs
    }


def assert_same_ranking(
    ranked: list[tuple[int, float, Mapping[str, float]]], expected: dict[int, Score], k: int
) -> None:
    """Same candidates in the same order (total descending, then id), same total and points."""
    ranked_ids = [candidate_id for candidate_id, _, _ in ranked]
    excluded = {candidate_id for candidate_id, result in expected.items() if result.excluded}
    assert not excluded & set(ranked_ids)
    best_first = sorted(
        (candidate_id for candidate_id, result in expected.items() if not result.excluded),
        key=lambda candidate_id: (-expected[candidate_id].total, candidate_id),
    )
    assert ranked_ids == best_first[:k]
    for candidate_id, total, points in ranked:
        result = expected[candidate_id]
        assert total == pytest.approx(result.total, abs=0.01)
        assert tuple(points) == CRITERIA
        for reason in result.reasons:
            assert points[reason.criterion] == pytest.approx(reason.points, abs=0.01)


def postings_for(profile: TalentProfile, **options: Any) -> list[tuple[int, float, Any]]:
    return [
        (ranked.posting_id, ranked.total, ranked.points)
        for ranked in top_postings_for_talent(profile, **options)
    ]


def talents_for(posting: Posting, **options: Any) -> list[tuple[int, float, Any]]:
    return [
        (ranked.profile_id, ranked.total, ranked.points)
        for ranked in top_talents_for_posting(posting, **options)
    ]


# --- Random talents and postings ------------------------------------------------------------------

levels = st.integers(BASIC, EXPERT)
cefr_levels = st.integers(A1, C2)
start_dates = st.one_of(
    st.none(), st.dates(START - timedelta(days=30), START + timedelta(days=150))
)
fields_of_study = st.lists(st.sampled_from(FIELDS), unique=True, max_size=2)
relevance = st.floats(-0.25, 1.25, allow_nan=False)

posting_specs = st.fixed_dictionaries(
    {
        "posting_type": st.sampled_from(TYPES),
        "hours_per_week": st.one_of(st.none(), st.integers(5, 40)),
        "start_date": start_dates,
        "fields_of_study": fields_of_study,
        "degree_level": st.integers(0, 3),
        "workplace": st.sampled_from(Workplace.values),
        "towns": st.lists(st.sampled_from(TOWN_NAMES), unique=True, max_size=2),
        "skills": st.dictionaries(
            st.sampled_from(list(SKILL_TREE)), st.tuples(levels, st.booleans()), max_size=4
        ),
        "languages": st.dictionaries(st.sampled_from(LANGUAGES), cefr_levels, max_size=1),
        "state": st.sampled_from(["live"] * 5 + ["draft", "expired", "unverified"]),
    }
)
talent_specs = st.fixed_dictionaries(
    {
        "wanted_types": st.lists(st.sampled_from(TYPES), unique=True, max_size=2),
        "working_student_hours": st.one_of(st.none(), st.integers(1, 20)),
        "fields_of_study": fields_of_study,
        "degree": st.integers(0, 3),
        "earliest_start": start_dates,
        "towns": st.lists(st.sampled_from(TOWN_NAMES), unique=True, max_size=3),
        "radius_km": st.integers(0, 120),
        "whole_region": st.sampled_from([False, False, False, True]),
        "skills": st.dictionaries(st.sampled_from(list(SKILL_TREE)), levels, max_size=4),
        "languages": st.dictionaries(
            st.sampled_from(LANGUAGES), cefr_levels, min_size=1, max_size=3
        ),
        "visible": st.sampled_from([True, True, True, False]),
        "active": st.sampled_from([True, True, True, False]),
    }
)


@st.composite
def weightings(draw: st.DrawFn) -> Weights:
    """The default weights, or eight random non-negative ones that add up to 100."""
    if draw(st.booleans()):
        return DEFAULT_WEIGHTS
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=7, max_size=7)))
    return Weights(*(high - low for low, high in zip([0, *cuts], [*cuts, 100], strict=True)))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    posting_list=st.lists(posting_specs, min_size=2, max_size=6),
    talent_list=st.lists(talent_specs, min_size=1, max_size=3),
    weights=weightings(),
    relevances=st.lists(relevance, min_size=8, max_size=8),
)
def test_sql_rankings_agree_with_python_scoring_for_every_pair(
    skills, towns, posting_list, talent_list, weights, relevances
):
    with transaction.atomic():  # each example starts from the same empty world
        postings = [
            create_posting(
                **{
                    **spec,
                    "towns": [towns[name] for name in spec["towns"]],
                    "skills": {skills[name]: need for name, need in spec["skills"].items()},
                }
            )
            for spec in posting_list
        ]
        talents = [
            create_talent(
                **{
                    **spec,
                    "towns": [towns[name] for name in spec["towns"]],
                    "skills": {skills[name]: level for name, level in spec["skills"].items()},
                }
            )
            for spec in talent_list
        ]
        live = list(Posting.objects.published())
        visible = list(TalentProfile.objects.visible_to_companies())
        posting_relevance = {posting.pk: relevances[i] for i, posting in enumerate(postings)}
        talent_relevance = {profile.pk: relevances[-1 - i] for i, profile in enumerate(talents)}
        for profile in talents:
            expected = python_scores(
                ((posting.pk, posting, profile) for posting in live), weights, posting_relevance
            )
            for k in (len(live) + 1, 2):
                ranked = postings_for(
                    profile, k=k, weights=weights, text_relevance=posting_relevance
                )
                assert_same_ranking(ranked, expected, k)
        for posting in postings:
            expected = python_scores(
                ((profile.pk, posting, profile) for profile in visible), weights, talent_relevance
            )
            for k in (len(visible) + 1, 2):
                ranked = talents_for(posting, k=k, weights=weights, text_relevance=talent_relevance)
                assert_same_ranking(ranked, expected, k)
        transaction.set_rollback(True)


# --- Scenarios --------------------------------------------------------------------------------------


@pytest.fixture
def plc(db) -> Skill:
    return SkillFactory(label_de="SPS-Programmierung", label_en="PLC programming")


def test_goerlitz_talent_with_25_km_radius_gets_zittau_posting_above_dresden_posting(alice, plc):
    in_dresden = create_posting(towns=[dresden()], skills={plc: (GOOD, True)})
    in_zittau = create_posting(towns=[zittau()], skills={plc: (GOOD, True)})
    profile = create_talent(
        user=alice, towns=[goerlitz()], radius_km=25, skills={plc: GOOD}, languages={"de": C2}
    )

    ranked = top_postings_for_talent(profile)

    assert [posting.posting_id for posting in ranked] == [in_zittau.pk, in_dresden.pk]
    assert ranked[0].points["distance"] > 0 == ranked[1].points["distance"]
    for posting, result in zip([in_zittau, in_dresden], ranked, strict=True):
        reference = score(*facts_for(posting, profile))
        assert result.total == reference.total
        assert dict(result.points) == {
            reason.criterion: reason.points for reason in reference.reasons
        }


def test_talent_with_german_b1_never_gets_posting_that_needs_c1(alice):
    needs_c1 = create_posting(towns=[dresden()], languages={"de": C1})
    needs_b1 = create_posting(towns=[dresden()], languages={"de": B1, "en": B2})
    profile = create_talent(user=alice, towns=[dresden()], languages={"de": B1, "en": C1})

    assert [ranked.posting_id for ranked in top_postings_for_talent(profile)] == [needs_b1.pk]
    assert top_talents_for_posting(needs_c1) == []
    assert [ranked.profile_id for ranked in top_talents_for_posting(needs_b1)] == [profile.pk]
    assert score(*facts_for(needs_c1, profile)).excluded


def test_hidden_talents_and_postings_that_are_not_live_never_rank(alice):
    live = create_posting(towns=[dresden()])
    for state in ("draft", "expired", "unverified"):
        create_posting(towns=[dresden()], state=state)
    profile = create_talent(user=alice, towns=[dresden()])
    create_talent(towns=[dresden()], visible=False)
    create_talent(towns=[dresden()], active=False)

    assert [ranked.posting_id for ranked in top_postings_for_talent(profile)] == [live.pk]
    assert [ranked.profile_id for ranked in top_talents_for_posting(live)] == [profile.pk]


def test_equal_totals_rank_the_older_posting_first(alice):
    first, second, third = (create_posting(towns=[dresden()]) for _ in range(3))
    profile = create_talent(user=alice, towns=[dresden()])

    ranked = top_postings_for_talent(profile, k=2)

    assert ranked[0].total == ranked[1].total
    assert [posting.posting_id for posting in ranked] == [first.pk, second.pk]


def test_total_on_a_rounding_tie_rounds_half_to_even_as_python_does(alice, skills):
    # Skills: no must-haves (1) and two nice-to-haves, one met by the broader concept two
    # levels below (0.5 × 0.25) → 40 × (0.75 + 0.25 × 0.0625) = 30.625; the rest full, text 0:
    # exactly 80.625, which Python rounds to 80.62 (PostgreSQL's round() would say 80.63).
    posting = create_posting(
        workplace=Workplace.REMOTE,
        skills={skills["python"]: (EXPERT, False), skills["cad"]: (GOOD, False)},
    )
    profile = create_talent(user=alice, skills={skills["programming"]: BASIC})

    (ranked,) = top_postings_for_talent(profile)

    assert ranked.points["skills"] == 30.625
    assert score(*facts_for(posting, profile)).total == 80.62
    assert ranked.total == 80.62


def test_text_relevance_given_by_the_caller_counts_on_both_sides(alice):
    posting = create_posting(towns=[dresden()])
    profile = create_talent(user=alice, towns=[dresden()])

    (for_talent,) = top_postings_for_talent(profile, text_relevance={posting.pk: 0.4})
    (for_posting,) = top_talents_for_posting(posting, text_relevance={profile.pk: 1.7})

    assert for_talent.points["text"] == pytest.approx(4)
    assert for_posting.points["text"] == 10  # clamped to 1
    reference = score(*facts_for(posting, profile, text_relevance=0.4))
    assert for_talent.total == reference.total
    assert top_postings_for_talent(profile)[0].points["text"] == 0


@pytest.mark.parametrize("count", [1, 12])
def test_each_ranking_takes_three_queries_however_many_rows(
    alice, plc, count, django_assert_num_queries
):
    for _ in range(count):
        posting = create_posting(
            towns=[dresden(), zittau()], skills={plc: (GOOD, True)}, languages={"de": B2}
        )
        create_talent(towns=[goerlitz()], skills={plc: BASIC}, languages={"de": C2})
    profile = create_talent(
        user=alice, towns=[goerlitz()], skills={plc: GOOD}, languages={"de": C2}
    )

    # the concepts next to the talent's or the posting's skills, the candidates, the ranking
    with django_assert_num_queries(3):
        assert len(top_postings_for_talent(profile, k=5)) == min(count, 5)
    with django_assert_num_queries(3):
        assert len(top_talents_for_posting(posting, k=5)) == min(count + 1, 5)


def python_skill() -> Skill:
    return SkillFactory(label_de="Python", label_en="Python")


def test_a_posting_with_none_of_its_must_haves_met_never_ranks_however_well_it_fits_else(
    alice, plc
):
    # The other trade's opening is in the talent's town and fits in everything but skills; the
    # first asks for the talent's skill at a higher level and lies far away.
    weak = create_posting(
        towns=[dresden()],
        skills={plc: (EXPERT, True), python_skill(): (GOOD, True)},
        fields_of_study=["medicine"],
    )
    other_trade = create_posting(towns=[goerlitz()], skills={python_skill(): (GOOD, True)})
    profile = create_talent(user=alice, towns=[goerlitz()], skills={plc: BASIC}, radius_km=5)

    ranked = top_postings_for_talent(profile)

    assert [row.posting_id for row in ranked] == [weak.pk]
    excluded = score(*facts_for(other_trade, profile))
    assert excluded.excluded and excluded.exclusion is not None
    assert excluded.exclusion.text("de") == "Keine der Muss-Kompetenzen in Ihrem Profil"
    assert [row.profile_id for row in top_talents_for_posting(other_trade)] == []


def test_a_related_concept_or_a_posting_without_must_haves_passes_the_skill_filter(alice, skills):
    narrower_asked = create_posting(skills={skills["python"]: (GOOD, True)})
    only_nice = create_posting(skills={skills["cad"]: (GOOD, False)})
    create_posting(skills={skills["cad"]: (GOOD, True)})  # unrelated must-have
    profile = create_talent(user=alice, skills={skills["programming"]: GOOD})

    ranked = {row.posting_id for row in top_postings_for_talent(profile)}

    assert ranked == {narrower_asked.pk, only_nice.pk}


def test_python_adds_points_left_to_right_as_the_ranking_sql_does():
    # scoring.score totals with sum(); from Python 3.12 on, sum() of floats compensates rounding
    # errors and may differ in the last bit, which can tip a total rounded to 2 decimals. The SQL
    # then has to add as 3.12 does (matching/queries.py, _SUM_OF_POINTS).
    tenths = [0.1] * 10
    assert sum(tenths) == functools.reduce(operator.add, tenths)
