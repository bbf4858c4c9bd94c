"""Scenario judgements for the pure scoring: what a person in the region would expect to see.

No database: the facts are built by hand, the distances come from the demo towns' coordinates.
"""

import ast
import random
import sys
from dataclasses import replace
from datetime import date, timedelta
from itertools import product
from pathlib import Path

import pytest

from matching import scoring
from matching.scenarios import (
    B1,
    B2,
    BACHELOR,
    BASIC,
    C1,
    C2,
    CAD,
    EXPERT,
    GOOD,
    LABELS,
    MASTER,
    NO_DEGREE,
    PHD,
    PLC,
    PROGRAMMING,
    PYTHON,
    ROBOTICS,
    SQL,
    WELDING,
    km,
    must,
    nice,
    opening,
    talent,
)
from matching.scoring import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    PostingFacts,
    Score,
    SkillNeed,
    TalentFacts,
    Weights,
    ndcg_at_k,
    score,
)

TYPES = ["full_time", "working_student", "thesis", "internship"]
FIELDS = ["mechatronics", "law", "business"]


def points(result: Score, criterion: str) -> float:
    return next(reason.points for reason in result.reasons if reason.criterion == criterion)


def sentence(result: Score, criterion: str, language: str = "de") -> str:
    return next(r.text(language) for r in result.reasons if r.criterion == criterion)


# --- Hard filters ---------------------------------------------------------------------------------


def test_mechatronics_student_with_german_b1_never_gets_opening_needing_german_c1():
    student = talent(fields_of_study=frozenset({"mechatronics"}), languages={"de": B1, "en": C1})
    result = score(
        opening(languages=(("de", C1),), fields_of_study=frozenset({"mechatronics"})), student
    )
    assert result.excluded
    assert result.total == 0
    assert result.exclusion is not None
    assert result.exclusion.criterion == "languages"
    assert result.exclusion.text("de") == "Deutsch C1 verlangt, Ihr Niveau: B1"
    assert result.exclusion.text("en") == "German C1 required, your level: B1"


def test_english_speaker_without_german_is_told_german_is_missing():
    result = score(opening(languages=(("de", B2), ("en", B2))), talent(languages={"en": C2}))
    assert result.excluded
    assert result.exclusion is not None
    assert result.exclusion.text("de") == "Deutsch B2 verlangt, nicht in Ihrem Profil"
    assert result.exclusion.text("en") == "German B2 required, not in your profile"


def test_higher_language_level_satisfies_lower_requirement():
    result = score(
        opening(languages=(("de", B2), ("en", B1))), talent(languages={"de": C2, "en": B1})
    )
    assert not result.excluded
    assert points(result, "languages") == DEFAULT_WEIGHTS.languages
    assert (
        sentence(result, "languages")
        == "Alle Sprachanforderungen erfüllt: Deutsch B2 (Sie: C2), Englisch B1 (Sie: B1)"
    )
    assert (
        sentence(result, "languages", "en")
        == "All language requirements met: German B2 (you: C2), English B1 (you: B1)"
    )


def test_exceeding_a_language_level_earns_no_bonus():
    c1_speaker = score(opening(languages=(("de", C1),)), talent(languages={"de": C1}))
    native = score(opening(languages=(("de", C1),)), talent(languages={"de": C2}))
    assert c1_speaker.total == native.total


def test_opening_without_language_requirements_gives_full_language_points():
    result = score(opening(), talent(languages={}))
    assert points(result, "languages") == DEFAULT_WEIGHTS.languages
    assert sentence(result, "languages", "en") == "No language requirements"


def test_talent_looking_for_thesis_never_gets_full_time_job():
    result = score(opening(posting_type="full_time"), talent(wanted_types=frozenset({"thesis"})))
    assert result.excluded
    assert result.total == 0
    assert result.exclusion is not None
    assert result.exclusion.criterion == "type"
    assert result.exclusion.text("de") == "Diese Art von Stelle suchen Sie nicht"


def test_talent_who_names_no_types_sees_every_type():
    for posting_type in ("full_time", "thesis", "working_student", "apprenticeship"):
        assert not score(opening(posting_type=posting_type), talent()).excluded


def test_excluded_opening_still_explains_every_criterion():
    result = score(opening(languages=(("cs", B2),)), talent())
    assert result.excluded
    assert tuple(reason.criterion for reason in result.reasons) == CRITERIA
    assert sentence(result, "languages") == "Tschechisch B2 verlangt, nicht in Ihrem Profil"


# --- Skills ---------------------------------------------------------------------------------------


def test_must_have_skills_beat_nice_to_have_skills():
    posting = opening(skills=(must(PLC), must(CAD), nice(PYTHON), nice(SQL)))
    has_must_haves = talent(skills={PLC: GOOD, CAD: GOOD})
    has_nice_to_haves = talent(skills={PYTHON: GOOD, SQL: GOOD})
    assert score(posting, has_must_haves).total > score(posting, has_nice_to_haves).total
    assert points(score(posting, has_must_haves), "skills") == 30
    assert points(score(posting, has_nice_to_haves), "skills") == 10


def test_higher_skill_level_satisfies_lower_requirement():
    posting = opening(skills=(must(PYTHON, BASIC),))
    assert points(score(posting, talent(skills={PYTHON: EXPERT})), "skills") == 40


def test_one_level_below_earns_half_and_two_below_a_quarter():
    posting = opening(skills=(must(PYTHON, EXPERT),))
    assert points(score(posting, talent(skills={PYTHON: GOOD})), "skills") == 0.75 * 40 * 0.5 + 10
    assert points(score(posting, talent(skills={PYTHON: BASIC})), "skills") == 0.75 * 40 * 0.25 + 10


def test_broader_concept_earns_partial_credit():
    posting = opening(skills=(must(PYTHON, GOOD, broader_ids=frozenset({PROGRAMMING})),))
    programmer = score(posting, talent(skills={PROGRAMMING: GOOD}), labels=LABELS)
    pythonista = score(posting, talent(skills={PYTHON: GOOD}))
    nobody = score(posting, talent(skills={}))
    assert points(programmer, "skills") == 0.75 * 40 * 0.5 + 10
    assert points(nobody, "skills") < points(programmer, "skills") < points(pythonista, "skills")
    assert sentence(programmer, "skills") == "0 von 1 Muss-Kompetenzen; teilweise: Python"


def test_narrower_concept_earns_partial_credit():
    posting = opening(skills=(must(PROGRAMMING, GOOD, narrower_ids=frozenset({PYTHON})),))
    assert points(score(posting, talent(skills={PYTHON: EXPERT})), "skills") == 0.75 * 40 * 0.5 + 10


def test_exact_skill_at_low_level_still_gets_related_concept_credit():
    posting = opening(skills=(must(PYTHON, EXPERT, broader_ids=frozenset({PROGRAMMING})),))
    both = talent(skills={PYTHON: BASIC, PROGRAMMING: EXPERT})
    assert points(score(posting, both), "skills") == 0.75 * 40 * 0.5 + 10


def test_opening_without_skills_gives_full_skill_points():
    result = score(opening(skills=()), talent(skills={}))
    assert points(result, "skills") == 40
    assert sentence(result, "skills", "en") == "The opening lists no skills"


def test_opening_with_only_nice_to_haves_counts_must_haves_as_met():
    result = score(opening(skills=(nice(SQL), nice(PYTHON))), talent(skills={SQL: GOOD}))
    assert points(result, "skills") == 30 + 10 * 0.5
    assert (
        sentence(result, "skills") == "Keine Muss-Kompetenzen; 1 von 2 wünschenswerten Kompetenzen"
    )


def test_skill_sentence_names_the_missing_must_have():
    posting = opening(skills=(must(PLC), must(CAD), must(PYTHON), must(WELDING)))
    result = score(posting, talent(skills={PLC: GOOD, CAD: EXPERT, PYTHON: GOOD}), labels=LABELS)
    assert sentence(result, "skills", "de") == "3 von 4 Muss-Kompetenzen; es fehlt: Schweißen"
    assert sentence(result, "skills", "en") == "3 of 4 must-have skills; missing: Welding"


def test_skill_sentence_lists_several_missing_and_partly_met_skills():
    posting = opening(
        skills=(must(PLC), must(CAD), must(WELDING, EXPERT), nice(SQL), nice(ROBOTICS))
    )
    result = score(posting, talent(skills={WELDING: GOOD, SQL: BASIC}), labels=LABELS)
    assert sentence(result, "skills", "de") == (
        "0 von 3 Muss-Kompetenzen; es fehlen: SPS-Programmierung, CAD-Konstruktion; "
        "teilweise: Schweißen; 0 von 2 wünschenswerten Kompetenzen"
    )
    assert sentence(result, "skills", "en") == (
        "0 of 3 must-have skills; missing: PLC programming, CAD design; "
        "partly: Welding; 0 of 2 nice-to-have skills"
    )


def test_skill_without_label_is_called_by_its_id():
    result = score(opening(skills=(must(99),)), talent())
    assert sentence(result, "skills", "en") == "0 of 1 must-have skills; missing: skill 99"


# --- Distance -------------------------------------------------------------------------------------


def test_goerlitz_talent_ranks_zittau_above_dresden_for_equal_skills():
    posting = opening(skills=(must(PLC),))
    assert 30 < km("Görlitz", "Zittau") < 32 and 87 < km("Görlitz", "Dresden") < 89
    for radius in (25, 35):
        near = talent(
            skills={PLC: GOOD},
            radius_km=radius,
            nearest_km=km("Görlitz", "Zittau"),
            home_town="Görlitz",
        )
        far = replace(near, nearest_km=km("Görlitz", "Dresden"))
        assert score(posting, near).total > score(posting, far).total
    inside = talent(radius_km=35, nearest_km=km("Görlitz", "Zittau"), home_town="Görlitz")
    assert (
        sentence(score(posting, inside), "distance") == "31 km von Görlitz, innerhalb Ihrer 35 km"
    )
    assert (
        points(score(posting, replace(inside, nearest_km=km("Görlitz", "Dresden"))), "distance")
        == 0
    )


def test_distance_sentence_reads_well_in_both_languages():
    bautzen = talent(home_town="Bautzen", nearest_km=km("Bautzen", "Löbau"))
    result = score(opening(), bautzen)
    assert sentence(result, "distance", "de") == "19 km von Bautzen, innerhalb Ihrer 30 km"
    assert sentence(result, "distance", "en") == "19 km from Bautzen, inside your 30 km"
    dresden = score(opening(), replace(bautzen, nearest_km=km("Bautzen", "Dresden")))
    assert sentence(dresden, "distance", "en") == "50 km from Bautzen, outside your 30 km"


def test_distance_is_full_at_home_half_at_the_radius_and_zero_at_twice_the_radius():
    def distance_points(nearest: float) -> float:
        return points(score(opening(), talent(radius_km=30, nearest_km=nearest)), "distance")

    assert distance_points(0) == 15
    assert distance_points(15) == pytest.approx(15 * 0.75)
    assert distance_points(30) == pytest.approx(7.5)
    assert distance_points(45) == pytest.approx(15 * 0.25)
    assert distance_points(60) == 0
    assert distance_points(120) == 0


def test_same_town_reads_as_right_there():
    result = score(opening(), talent(nearest_km=0.3, home_town="Pirna"))
    assert sentence(result, "distance", "de") == "Direkt in Pirna"
    assert sentence(result, "distance", "en") == "Right in Pirna"


def test_remote_opening_counts_as_near_for_a_faraway_talent():
    faraway = talent(nearest_km=km("Görlitz", "Dresden"), radius_km=10)
    assert points(score(opening(remote=True), faraway), "distance") == 15
    assert score(opening(remote=True), faraway).total > score(opening(), faraway).total


def test_talent_open_to_the_whole_region_gets_full_distance_points():
    anywhere = talent(whole_region=True, radius_km=10, nearest_km=km("Görlitz", "Dresden"))
    result = score(opening(), anywhere)
    assert points(result, "distance") == 15
    assert sentence(result, "distance") == "Sie sind für die ganze Region offen"


def test_unknown_distance_gives_half_points():
    result = score(opening(), talent(nearest_km=None))
    assert points(result, "distance") == 7.5
    assert sentence(result, "distance", "en") == "Distance unknown"


def test_talent_with_zero_radius_is_still_scored_sensibly():
    assert points(score(opening(), talent(radius_km=0, nearest_km=0)), "distance") == 15
    assert points(score(opening(), talent(radius_km=0, nearest_km=5)), "distance") == 0


# --- Field, degree, start, hours, text ------------------------------------------------------------


def test_field_of_study_overlap_gives_full_points_and_other_fields_none():
    posting = opening(fields_of_study=frozenset({"mechatronics", "electrical_engineering"}))
    assert (
        points(score(posting, talent(fields_of_study=frozenset({"mechatronics"}))), "field") == 10
    )
    assert points(score(posting, talent(fields_of_study=frozenset({"law"}))), "field") == 0
    assert sentence(score(posting, talent()), "field") == "Ihr Profil nennt kein Studienfach"
    assert points(score(opening(), talent(fields_of_study=frozenset({"law"}))), "field") == 10


def test_degree_reaching_the_minimum_gives_full_points_one_below_half():
    posting = opening(degree_level=MASTER)
    assert points(score(posting, talent(degree=PHD)), "degree") == 5
    assert points(score(posting, talent(degree=MASTER)), "degree") == 5
    assert points(score(posting, talent(degree=BACHELOR)), "degree") == 2.5
    assert points(score(posting, talent(degree=NO_DEGREE)), "degree") == 0
    assert sentence(score(posting, talent(degree=BACHELOR)), "degree") == (
        "Abschluss eine Stufe unter der Anforderung (verlangt: Master oder Diplom, Sie: Bachelor)"
    )
    assert sentence(score(opening(degree_level=PHD), talent(degree=BACHELOR)), "degree", "en") == (
        "Degree below the requirement (required: Doctorate, you: Bachelor)"
    )


def test_start_date_decays_over_ninety_days():
    start = date(2025, 10, 1)
    posting = opening(start_date=start)

    def start_points(earliest: date | None) -> float:
        return points(score(posting, talent(earliest_start=earliest)), "start")

    assert start_points(start - timedelta(days=30)) == 5
    assert start_points(start) == 5
    assert start_points(start + timedelta(days=45)) == 2.5
    assert start_points(start + timedelta(days=90)) == 0
    assert start_points(start + timedelta(days=200)) == 0
    assert start_points(None) == 5
    assert points(score(opening(start_date=None), talent(earliest_start=start)), "start") == 5


def test_start_sentences_give_date_and_delay():
    result = score(opening(start_date=date(2025, 10, 1)), talent(earliest_start=date(2025, 11, 1)))
    assert (
        sentence(result, "start", "de")
        == "Beginn am 1. Oktober 2025, Sie sind erst 31 Tage später verfügbar"
    )
    assert (
        sentence(result, "start", "en")
        == "Starts on 1 October 2025, you are available only 31 days later"
    )
    one_day = score(opening(start_date=date(2025, 3, 1)), talent(earliest_start=date(2025, 3, 2)))
    assert (
        sentence(one_day, "start", "de")
        == "Beginn am 1. März 2025, Sie sind erst 1 Tag später verfügbar"
    )


def test_working_student_wanting_20_hours_prefers_20_hour_opening_to_40_hour_one():
    student = talent(wanted_types=frozenset({"working_student"}), working_student_hours=20)
    twenty = score(opening(posting_type="working_student", hours_per_week=20), student)
    forty = score(opening(posting_type="working_student", hours_per_week=40), student)
    assert twenty.total > forty.total
    assert points(twenty, "hours") == 5 and points(forty, "hours") == 0
    assert sentence(twenty, "hours") == "20 Wochenstunden angeboten, Sie wünschen 20"


def test_working_student_hours_decay_with_the_difference():
    student = talent(working_student_hours=15)
    ten_hours = score(opening(posting_type="working_student", hours_per_week=10), student)
    assert points(ten_hours, "hours") == pytest.approx(5 * 0.75)
    assert sentence(ten_hours, "hours", "en") == "10 hours a week offered, you want 15"


def test_hours_count_only_for_working_student_openings():
    student = talent(working_student_hours=10)
    assert (
        points(score(opening(posting_type="full_time", hours_per_week=40), student), "hours") == 5
    )
    unknown = score(opening(posting_type="working_student", hours_per_week=None), student)
    assert points(unknown, "hours") == 5


def test_text_relevance_scales_the_text_points_and_is_clamped():
    assert points(score(opening(text_relevance=0.35), talent()), "text") == pytest.approx(3.5)
    assert (
        sentence(score(opening(text_relevance=0.35), talent()), "text")
        == "Übereinstimmung mit dem Stellentext: 35 %"
    )
    assert points(score(opening(text_relevance=1.7), talent()), "text") == 10
    assert points(score(opening(text_relevance=-0.2), talent()), "text") == 0


# --- Whole scores ---------------------------------------------------------------------------------


def test_perfect_match_scores_100():
    posting = opening(
        posting_type="working_student",
        skills=(must(PLC), nice(PYTHON)),
        languages=(("de", C1),),
        fields_of_study=frozenset({"mechatronics"}),
        degree_level=BACHELOR,
        hours_per_week=20,
        start_date=date(2025, 10, 1),
        text_relevance=1.0,
    )
    student = talent(
        wanted_types=frozenset({"working_student"}),
        skills={PLC: EXPERT, PYTHON: GOOD},
        fields_of_study=frozenset({"mechatronics"}),
        working_student_hours=20,
        earliest_start=date(2025, 9, 1),
    )
    result = score(posting, student)
    assert result.total == 100
    assert sum(reason.max_points for reason in result.reasons) == 100


def test_mechatronics_student_in_bautzen_gets_a_sensible_ranking():
    """Ten openings judged by hand (3 ideal … 0 useless) before looking at any score."""
    student = talent(
        wanted_types=frozenset({"working_student", "internship", "thesis"}),
        skills={PLC: GOOD, CAD: BASIC, PYTHON: GOOD},
        languages={"de": C2, "en": B2},
        fields_of_study=frozenset({"mechatronics"}),
        working_student_hours=15,
        radius_km=30,
        home_town="Bautzen",
    )
    plc, mechatronics = must(PLC), frozenset({"mechatronics"})
    judged = {
        "PLC working student, 15 h, in Bautzen": (3, opening(posting_type="working_student", skills=(plc,), fields_of_study=mechatronics, hours_per_week=15), km("Bautzen", "Bautzen")),
        "PLC thesis in Löbau": (3, opening(posting_type="thesis", skills=(plc, nice(PYTHON)), fields_of_study=mechatronics), km("Bautzen", "Löbau")),
        "PLC and CAD internship in Kamenz": (2, opening(posting_type="internship", skills=(plc, must(CAD)), fields_of_study=mechatronics), km("Bautzen", "Kamenz")),
        "remote Python working student, 10 h": (2, opening(posting_type="working_student", skills=(must(PYTHON),), hours_per_week=10, remote=True), None),
        "PLC working student, 20 h, in Dresden": (1, opening(posting_type="working_student", skills=(plc,), fields_of_study=mechatronics, hours_per_week=20), km("Bautzen", "Dresden")),
        "welding internship in Bischofswerda": (1, opening(posting_type="internship", skills=(must(WELDING), must(CAD)), fields_of_study=frozenset({"mechanical_engineering"})), km("Bautzen", "Bischofswerda")),
        "SQL business internship in Görlitz": (0, opening(posting_type="internship", skills=(must(SQL),), fields_of_study=frozenset({"business"})), km("Bautzen", "Görlitz")),
        "PLC thesis needing Czech, in Zittau": (0, opening(posting_type="thesis", skills=(plc,), languages=(("cs", B2),)), km("Bautzen", "Zittau")),
        "PLC full-time job in Bautzen": (0, opening(posting_type="full_time", skills=(plc,), fields_of_study=mechatronics), km("Bautzen", "Bautzen")),
        "expert welder, working student, in Dresden": (0, opening(posting_type="working_student", skills=(must(WELDING, EXPERT),), fields_of_study=frozenset({"trades"})), km("Bautzen", "Dresden")),
    }  # fmt: skip
    scores = {
        name: score(posting, replace(student, nearest_km=nearest))
        for name, (_, posting, nearest) in judged.items()
    }
    ranking = sorted(judged, key=lambda name: scores[name].total, reverse=True)
    assert ranking[0] == "PLC working student, 15 h, in Bautzen"
    assert ndcg_at_k([judged[name][0] for name in ranking], 10) > 0.95
    assert {name for name, result in scores.items() if result.excluded} == {
        "PLC thesis needing Czech, in Zittau",
        "PLC full-time job in Bautzen",
        "SQL business internship in Görlitz",  # none of the must-haves
        "expert welder, working student, in Dresden",
    }


def random_opening(generator: random.Random, *, remote: bool) -> PostingFacts:
    needs = generator.sample([PYTHON, SQL, PLC, WELDING, CAD], generator.randint(0, 4))
    return opening(
        posting_type=generator.choice(TYPES),
        skills=tuple(
            SkillNeed(
                concept,
                level=generator.randint(1, 3),
                required=generator.random() < 0.6,
                broader_ids=frozenset({PROGRAMMING}) if concept == PYTHON else frozenset(),
            )
            for concept in needs
        ),
        languages=tuple(
            (code, generator.randint(1, 6))
            for code in generator.sample(["de", "en", "pl"], generator.randint(0, 2))
        ),
        fields_of_study=frozenset(generator.sample(FIELDS, generator.randint(0, 2))),
        degree_level=generator.randint(0, 3),
        hours_per_week=generator.choice([None, 8, 20, 40]),
        start_date=generator.choice([None, date(2025, 10, 1)]),
        remote=remote,
        text_relevance=generator.uniform(-0.1, 1.1),
    )


def random_talent(
    generator: random.Random, *, whole_region: bool, nearest_km: float | None
) -> TalentFacts:
    skills = generator.sample(
        [PYTHON, SQL, PLC, WELDING, CAD, PROGRAMMING], generator.randint(0, 5)
    )
    languages = generator.sample(["de", "en", "pl"], generator.randint(0, 3))
    return talent(
        wanted_types=frozenset(generator.sample(TYPES, generator.randint(0, 2))),
        skills={concept: generator.randint(1, 3) for concept in skills},
        languages={code: generator.randint(1, 6) for code in languages},
        fields_of_study=frozenset(generator.sample(FIELDS, generator.randint(0, 2))),
        degree=generator.randint(0, 3),
        working_student_hours=generator.choice([None, 10, 20]),
        earliest_start=generator.choice([None, date(2025, 9, 1), date(2026, 6, 1)]),
        radius_km=generator.choice([0, 10, 30, 100]),
        whole_region=whole_region,
        nearest_km=nearest_km,
        home_town=generator.choice(["", "Görlitz"]),
    )


def test_every_generated_combination_gives_a_total_within_0_to_100_and_one_reason_per_criterion():
    generator = random.Random(20250901)
    places = product((False, True), (False, True), (None, 0.0, 12.5, 45.0, 200.0))
    for remote, whole_region, nearest_km in places:
        for _ in range(60):
            posting = random_opening(generator, remote=remote)
            person = random_talent(generator, whole_region=whole_region, nearest_km=nearest_km)
            result = score(posting, person, labels=LABELS)

            assert tuple(reason.criterion for reason in result.reasons) == CRITERIA
            assert 0 <= result.total <= 100
            for reason in result.reasons:
                assert reason.max_points == getattr(DEFAULT_WEIGHTS, reason.criterion)
                assert 0 <= reason.points <= reason.max_points
                for language in ("de", "en"):
                    text = reason.text(language)
                    assert text and "{" not in text and "}" not in text
            if result.excluded:
                assert result.total == 0 and result.exclusion is not None
                continue
            assert result.total == round(sum(reason.points for reason in result.reasons), 2)
            # More text relevance, or expert level in every needed skill, never lowers a score.
            assert score(replace(posting, text_relevance=1.0), person).total >= result.total
            experts = {need.concept_id: EXPERT for need in posting.skills}
            assert score(posting, replace(person, skills=experts)).total >= result.total


def test_custom_weights_must_add_up_to_100():
    skills_only = Weights(
        skills=100, languages=0, distance=0, field=0, degree=0, start=0, hours=0, text=0
    )
    result = score(opening(skills=(must(PLC),)), talent(skills={PLC: GOOD}), weights=skills_only)
    assert result.total == 100
    assert sum(getattr(DEFAULT_WEIGHTS, criterion) for criterion in CRITERIA) == 100
    with pytest.raises(ValueError, match="add up to 100"):
        Weights(skills=50)
    with pytest.raises(ValueError, match="non-negative"):
        Weights(skills=60, text=-10)


def test_language_other_than_english_falls_back_to_german():
    result = score(opening(), talent(nearest_km=None))
    assert sentence(result, "distance", "en-gb") == "Distance unknown"
    assert sentence(result, "distance", "fr") == "Entfernung unbekannt"


# --- NDCG -----------------------------------------------------------------------------------------


def test_ndcg_is_one_for_the_ideal_order_and_lower_otherwise():
    assert ndcg_at_k([3, 2, 1, 0], 10) == 1
    assert ndcg_at_k([0, 1, 2, 3], 10) < ndcg_at_k([3, 0, 1, 2], 10) < 1
    assert ndcg_at_k([3, 2, 3, 0, 1, 2], 6) == pytest.approx(6.861 / 7.141, abs=1e-3)


def test_ndcg_looks_only_at_the_first_k_and_is_zero_without_relevant_items():
    assert ndcg_at_k([3, 0, 0, 2], 1) == 1
    assert ndcg_at_k([0, 3], 1) == 0
    assert ndcg_at_k([0, 0, 0], 10) == 0
    assert ndcg_at_k([], 10) == 0
    with pytest.raises(ValueError):
        ndcg_at_k([1, 2], 0)
    with pytest.raises(ValueError):
        ndcg_at_k([1, -1], 2)


# --- The module stays pure and in step with the models ------------------------------------------


def test_scoring_imports_only_the_standard_library():
    tree = ast.parse(Path(scoring.__file__).read_text())
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    imported |= {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert imported <= sys.stdlib_module_names


def test_names_in_sentences_cover_every_language_level_degree_and_the_working_student_type():
    from companies.models import PostingType
    from taxonomy.models import CEFRLevel, DegreeLevel, Language

    assert set(scoring.LANGUAGE_NAMES) == set(Language.values)
    assert set(scoring.CEFR_NAMES) == set(CEFRLevel.values)
    assert set(scoring.DEGREE_NAMES) == set(DegreeLevel.values)
    assert scoring.WORKING_STUDENT == PostingType.WORKING_STUDENT
