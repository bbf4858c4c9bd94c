"""How well one posting fits one talent: a total out of 100 and one reason per criterion.

Pure Python on purpose (no Django, no app module): the caller turns models into the frozen
dataclasses below, including what needs the database (distances between towns, related skill
concepts, full-text relevance), and this module only computes. The SQL that ranks thousands of
postings repeats the same formula; every constant it needs is a module-level name here.

Hard filters (the posting is excluded, total 0, `Score.exclusion` says why):
  - type: the talent named the types they want and this posting is none of them;
  - languages: a language the posting requires is missing from the profile or below the CEFR
    level (every language on a posting is a requirement);
  - skills: the posting names must-have skills and the talent has none of them, not even a
    broader or narrower concept (otherwise an opening in another trade that fits in place and
    time would outrank ones whose skills the talent partly has).
  All criteria are still explained for an excluded posting, so the page can show what else fits.

Criteria, each worth `weight × fraction` points with the fraction in 0..1 (weights sum to 100):
  skills (40)     Credit per needed skill: the talent's level of the exact concept gives
                  0.5 ** (levels missing), so 1 at or above the level, 0.5 one below, 0.25 two
                  below. A broader or narrower concept gives 0.5 × the same level credit; the
                  better of exact and related counts. Fraction = 0.75 × mean credit of the
                  must-haves + 0.25 × mean credit of the nice-to-haves; a group the posting leaves
                  empty counts as fully met, so a posting without skills gives full points.
  languages (10)  Share of the language requirements met; 1 without requirements. Any unmet one
                  excludes, so a ranked posting always has full points here. No bonus for
                  exceeding a level: C2 and C1 rank alike for a C1 opening.
  distance (15)   1 for a remote opening or a talent open to the whole region; otherwise
                  max(0, 1 − d / (2r)) for d = km from the nearest preferred town to the nearest
                  site and r = radius (at least 1 km): full at 0 km, half at the radius, zero at
                  twice the radius. Unknown distance: 0.5. Hybrid counts as on site (people commute).
  field (10)      1 if the posting names no field of study or shares one with the talent, else 0.
  degree (5)      1 if the talent's degree reaches the posting's minimum, 0.5 one level below
                  (SME postings often accept "or comparable"), else 0.
  start (5)       1 if either date is open or the talent is available by the start, else
                  max(0, 1 − days late / 90). With no reference date an ASAP posting fits everyone.
  hours (5)       Working-student openings only (1 for every other type or a missing number):
                  max(0, 1 − |wanted − offered| / 20).
  text (10)       The full-text relevance (0..1, from PostgreSQL) clamped to 0..1.

total = round(sum of points, 2), within 0..100; 0 for an excluded posting. `Reason.points` keeps
the unrounded points, so the reasons of a ranked posting add up to the total.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

WORKING_STUDENT = "working_student"
MUST_HAVE_SHARE = 0.75  # of the skill points; nice-to-haves get the rest
RELATED_CONCEPT_CREDIT = 0.5  # a broader or narrower concept instead of the exact one
UNKNOWN_DISTANCE_CREDIT = 0.5
START_DECAY_DAYS = 90
HOURS_DECAY = 20  # hours of difference at which the hours criterion reaches zero


@dataclass(frozen=True)
class SkillNeed:
    """A skill a posting asks for, with the concepts next to it in the skill tree."""

    concept_id: int
    level: int
    required: bool
    broader_ids: frozenset[int] = frozenset()
    narrower_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class PostingFacts:
    """What scoring needs to know about a posting; `remote` means Workplace.REMOTE only."""

    posting_type: str
    skills: tuple[SkillNeed, ...]
    languages: tuple[tuple[str, int], ...]  # (language code, minimum CEFR level 1..6)
    fields_of_study: frozenset[str]
    degree_level: int
    hours_per_week: int | None
    start_date: date | None
    remote: bool
    town_ids: frozenset[int]  # the sites' towns, for the caller's nearest_km; unused here
    text_relevance: float = 0.0


@dataclass(frozen=True)
class TalentFacts:
    """What scoring needs to know about a talent, with the distance to this one posting."""

    wanted_types: frozenset[str]
    skills: dict[int, int]  # concept id → level
    languages: dict[str, int]  # language code → CEFR level
    fields_of_study: frozenset[str]
    degree: int
    working_student_hours: int | None
    earliest_start: date | None
    radius_km: int
    whole_region: bool
    nearest_km: float | None  # nearest preferred town to nearest site, from the caller
    home_town: str = ""  # that preferred town's name, for the sentence


@dataclass(frozen=True)
class Weights:
    """Points per criterion; they must add up to 100 so that totals read as percentages."""

    skills: int = 40
    languages: int = 10
    distance: int = 15
    field: int = 10
    degree: int = 5
    start: int = 5
    hours: int = 5
    text: int = 10

    def __post_init__(self) -> None:
        values = [getattr(self, criterion) for criterion in CRITERIA]
        if min(values) < 0 or sum(values) != 100:
            raise ValueError(f"Weights must be non-negative and add up to 100, not {values}.")


CRITERIA = tuple(weight.name for weight in fields(Weights))
DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class Reason:
    """Why a criterion earned its points: a code and parameters, rendered as a sentence."""

    criterion: str
    points: float
    max_points: float
    code: str
    params: dict[str, Any]

    def text(self, language: str) -> str:
        """The sentence in English for "en…", otherwise in (formal) German."""
        english = language.lower().startswith("en")
        if self.code == "skills":
            return _skills_text(self.params, english)
        values = {key: _render(key, value, english) for key, value in self.params.items()}
        return _TEMPLATES[self.code][english].format(**values)


@dataclass(frozen=True)
class Score:
    """The total (0 when excluded) and one reason per criterion, in the order of CRITERIA; an
    excluded posting keeps its reasons, so a person still sees what would have fitted."""

    total: float
    reasons: tuple[Reason, ...]
    excluded: bool
    exclusion: Reason | None


def score(
    posting: PostingFacts,
    talent: TalentFacts,
    weights: Weights = DEFAULT_WEIGHTS,
    labels: Mapping[int, tuple[str, str]] | None = None,
) -> Score:
    """Score a posting for a talent. `labels` names skill concepts (German, English) for the
    sentences; concepts without a label are called by their id."""
    languages = _languages(posting, talent)
    skills = _skills(posting, talent, labels or {})
    judged = {
        "skills": skills,
        "languages": languages,
        "distance": _distance(posting, talent),
        "field": _field(posting, talent),
        "degree": _degree(posting, talent),
        "start": _start(posting, talent),
        "hours": _hours(posting, talent),
        "text": _text(posting),
    }
    reasons = []
    for criterion in CRITERIA:
        fraction, code, params = judged[criterion]
        weight = getattr(weights, criterion)
        reasons.append(Reason(criterion, weight * fraction, weight, code, params))
    exclusion = _exclusion(posting, talent, languages, skills)
    if exclusion is not None:
        return Score(total=0.0, reasons=tuple(reasons), excluded=True, exclusion=exclusion)
    total = round(min(max(sum(reason.points for reason in reasons), 0.0), 100.0), 2)
    return Score(total=total, reasons=tuple(reasons), excluded=False, exclusion=None)


def ndcg_at_k(relevances: Sequence[float], k: int) -> float:
    """Normalised discounted cumulative gain of a ranking: `relevances` are the judged
    relevances in the order the ranking shows them; gain rel / log2(position + 1). 1.0 is the
    ideal order, 0.0 when nothing in the list is relevant."""
    if k < 1:
        raise ValueError("k must be at least 1.")
    if any(relevance < 0 for relevance in relevances):
        raise ValueError("Relevances must not be negative.")

    def dcg(ranked: Sequence[float]) -> float:
        return sum(rel / math.log2(position + 2) for position, rel in enumerate(ranked[:k]))

    ideal = dcg(sorted(relevances, reverse=True))
    return dcg(relevances) / ideal if ideal > 0 else 0.0


# --- Criteria: each returns (fraction 0..1, reason code, parameters) ----------------------------

Judgement = tuple[float, str, dict[str, Any]]


def _level_credit(have: int, need: int) -> float:
    return 0.5 ** max(need - have, 0)


def _skill_credit(need: SkillNeed, talent: TalentFacts) -> float:
    exact = talent.skills.get(need.concept_id)
    related = [talent.skills[i] for i in need.broader_ids | need.narrower_ids if i in talent.skills]
    credits = [0.0]
    if exact is not None:
        credits.append(_level_credit(exact, need.level))
    if related:
        credits.append(RELATED_CONCEPT_CREDIT * _level_credit(max(related), need.level))
    return max(credits)


def _skills(
    posting: PostingFacts, talent: TalentFacts, labels: Mapping[int, tuple[str, str]]
) -> Judgement:
    if not posting.skills:
        return 1.0, "skills_none", {}
    credited = [(need, _skill_credit(need, talent)) for need in posting.skills]
    must = [(need, credit) for need, credit in credited if need.required]
    nice = [(need, credit) for need, credit in credited if not need.required]

    def mean(group: list[tuple[SkillNeed, float]]) -> float:
        return sum(credit for _, credit in group) / len(group) if group else 1.0

    def label(need: SkillNeed) -> tuple[str, str]:
        return labels.get(
            need.concept_id, (f"Kompetenz {need.concept_id}", f"skill {need.concept_id}")
        )

    fraction = MUST_HAVE_SHARE * mean(must) + (1 - MUST_HAVE_SHARE) * mean(nice)
    return (
        fraction,
        "skills",
        {
            "must_met": sum(credit == 1 for _, credit in must),
            "must_total": len(must),
            "missing": [label(need) for need, credit in must if credit == 0],
            "partial": [label(need) for need, credit in must if 0 < credit < 1],
            "nice_met": sum(credit == 1 for _, credit in nice),
            "nice_total": len(nice),
        },
    )


def _languages(posting: PostingFacts, talent: TalentFacts) -> Judgement:
    if not posting.languages:
        return 1.0, "languages_none", {}
    requirements = [(code, need, talent.languages.get(code)) for code, need in posting.languages]
    unmet = [(code, need, have) for code, need, have in requirements if (have or 0) < need]
    fraction = 1 - len(unmet) / len(requirements)
    if unmet:
        return fraction, "languages_unmet", {"unmet": unmet}
    return fraction, "languages_met", {"requirements": requirements}


def _distance(posting: PostingFacts, talent: TalentFacts) -> Judgement:
    if posting.remote:
        return 1.0, "distance_remote", {}
    if talent.whole_region:
        return 1.0, "distance_whole_region", {}
    if talent.nearest_km is None:
        return UNKNOWN_DISTANCE_CREDIT, "distance_unknown", {}
    radius = max(talent.radius_km, 1)
    fraction = max(0.0, 1 - talent.nearest_km / (2 * radius))
    km = round(talent.nearest_km)
    params = {"km": km, "town": talent.home_town, "radius": talent.radius_km}
    if km == 0:
        return fraction, "distance_same_town", params
    return fraction, "distance_inside" if km <= talent.radius_km else "distance_outside", params


def _field(posting: PostingFacts, talent: TalentFacts) -> Judgement:
    if not posting.fields_of_study:
        return 1.0, "field_open", {}
    if posting.fields_of_study & talent.fields_of_study:
        return 1.0, "field_match", {}
    return 0.0, "field_other" if talent.fields_of_study else "field_missing", {}


def _degree(posting: PostingFacts, talent: TalentFacts) -> Judgement:
    if posting.degree_level <= 0:
        return 1.0, "degree_none_required", {}
    params = {"required_degree": posting.degree_level, "your_degree": talent.degree}
    if talent.degree >= posting.degree_level:
        return 1.0, "degree_met", params
    if talent.degree == posting.degree_level - 1:
        return 0.5, "degree_one_below", params
    return 0.0, "degree_below", params


def _start(posting: PostingFacts, talent: TalentFacts) -> Judgement:
    if posting.start_date is None:
        return 1.0, "start_open", {}
    if talent.earliest_start is None:
        return 1.0, "start_talent_open", {}
    days_late = (talent.earliest_start - posting.start_date).days
    if days_late <= 0:
        return 1.0, "start_in_time", {"start": posting.start_date}
    fraction = max(0.0, 1 - days_late / START_DECAY_DAYS)
    return fraction, "start_late", {"start": posting.start_date, "days": days_late}


def _hours(posting: PostingFacts, talent: TalentFacts) -> Judgement:
    if posting.posting_type != WORKING_STUDENT:
        return 1.0, "hours_not_applicable", {}
    if posting.hours_per_week is None or talent.working_student_hours is None:
        return 1.0, "hours_unknown", {}
    difference = abs(talent.working_student_hours - posting.hours_per_week)
    fraction = max(0.0, 1 - difference / HOURS_DECAY)
    return (
        fraction,
        "hours",
        {"offered": posting.hours_per_week, "wanted": talent.working_student_hours},
    )


def _text(posting: PostingFacts) -> Judgement:
    relevance = min(max(posting.text_relevance, 0.0), 1.0)
    return relevance, "text", {"percent": round(relevance * 100)}


def _exclusion(
    posting: PostingFacts, talent: TalentFacts, languages: Judgement, skills: Judgement
) -> Reason | None:
    """The first hard filter the posting fails: the talent's wanted types, languages, then
    must-have skills (none of them met, not even through a related concept)."""
    if talent.wanted_types and posting.posting_type not in talent.wanted_types:
        return Reason("type", 0.0, 0.0, "type_not_wanted", {})
    _, code, params = languages
    if code == "languages_unmet":
        return Reason("languages", 0.0, 0.0, code, params)
    _, code, params = skills
    if code == "skills" and params["must_total"] and len(params["missing"]) == params["must_total"]:
        return Reason("skills", 0.0, 0.0, "skills_no_must_met", {})
    return None


# --- Sentences: (German, English) ---------------------------------------------------------------

_TEMPLATES: dict[str, tuple[str, str]] = {
    "skills_none": ("Die Stelle nennt keine Kompetenzen", "The opening lists no skills"),
    "languages_none": ("Keine Sprachanforderungen", "No language requirements"),
    "languages_met": (
        "Alle Sprachanforderungen erfüllt: {requirements}",
        "All language requirements met: {requirements}",
    ),
    "languages_unmet": ("{unmet}", "{unmet}"),
    "distance_remote": (
        "Remote-Stelle: Ihr Wohnort spielt keine Rolle",
        "Remote opening: where you live does not matter",
    ),
    "distance_whole_region": (
        "Sie sind für die ganze Region offen",
        "You are open to the whole region",
    ),
    "distance_unknown": ("Entfernung unbekannt", "Distance unknown"),
    "distance_same_town": ("Direkt in {town}", "Right in {town}"),
    "distance_inside": (
        "{km} km von {town}, innerhalb Ihrer {radius} km",
        "{km} km from {town}, inside your {radius} km",
    ),
    "distance_outside": (
        "{km} km von {town}, außerhalb Ihrer {radius} km",
        "{km} km from {town}, outside your {radius} km",
    ),
    "field_open": ("Offen für alle Studienfächer", "Open to all fields of study"),
    "field_match": ("Ihr Studienfach passt", "Your field of study fits"),
    "field_other": (
        "Die Stelle sucht andere Studienfächer",
        "The opening looks for other fields of study",
    ),
    "field_missing": (
        "Ihr Profil nennt kein Studienfach",
        "Your profile names no field of study",
    ),
    "degree_none_required": ("Kein Abschluss verlangt", "No degree required"),
    "degree_met": (
        "Abschluss passt (verlangt: {required_degree}, Sie: {your_degree})",
        "Degree fits (required: {required_degree}, you: {your_degree})",
    ),
    "degree_one_below": (
        "Abschluss eine Stufe unter der Anforderung (verlangt: {required_degree}, Sie: {your_degree})",
        "Degree one level below the requirement (required: {required_degree}, you: {your_degree})",
    ),
    "degree_below": (
        "Abschluss unter der Anforderung (verlangt: {required_degree}, Sie: {your_degree})",
        "Degree below the requirement (required: {required_degree}, you: {your_degree})",
    ),
    "start_open": ("Beginn ab sofort", "Starts as soon as possible"),
    "start_talent_open": (
        "Sie haben keinen frühesten Beginn angegeben",
        "You gave no earliest start",
    ),
    "start_in_time": (
        "Beginn am {start}: Sie sind dann verfügbar",
        "Starts on {start}: you are available by then",
    ),
    "start_late": (
        "Beginn am {start}, Sie sind erst {days} später verfügbar",
        "Starts on {start}, you are available only {days} later",
    ),
    "hours_not_applicable": (
        "Wochenstunden zählen nur bei Werkstudentenstellen",
        "Hours per week count for working-student openings only",
    ),
    "hours_unknown": ("Wochenstunden nicht angegeben", "Hours per week not given"),
    "hours": (
        "{offered} Wochenstunden angeboten, Sie wünschen {wanted}",
        "{offered} hours a week offered, you want {wanted}",
    ),
    "text": (
        "Übereinstimmung mit dem Stellentext: {percent} %",
        "Match with the opening's text: {percent}%",
    ),
    "skills_no_must_met": (
        "Keine der Muss-Kompetenzen in Ihrem Profil",
        "None of the must-have skills in your profile",
    ),
    "type_not_wanted": (
        "Diese Art von Stelle suchen Sie nicht",
        "You are not looking for this type of opening",
    ),
}

# Mirrors taxonomy.models.Language and DegreeLevel (a test keeps the codes in step): this module
# may not import them.
LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "de": ("Deutsch", "German"),
    "en": ("Englisch", "English"),
    "cs": ("Tschechisch", "Czech"),
    "pl": ("Polnisch", "Polish"),
    "hsb": ("Obersorbisch", "Upper Sorbian"),
    "fr": ("Französisch", "French"),
    "es": ("Spanisch", "Spanish"),
    "it": ("Italienisch", "Italian"),
    "ru": ("Russisch", "Russian"),
    "uk": ("Ukrainisch", "Ukrainian"),
    "ar": ("Arabisch", "Arabic"),
    "zh": ("Chinesisch", "Chinese"),
    "vi": ("Vietnamesisch", "Vietnamese"),
}
CEFR_NAMES = {1: "A1", 2: "A2", 3: "B1", 4: "B2", 5: "C1", 6: "C2"}
DEGREE_NAMES: dict[int, tuple[str, str]] = {
    0: ("kein Abschluss", "no degree"),
    1: ("Bachelor", "Bachelor"),
    2: ("Master oder Diplom", "Master or Diplom"),
    3: ("Promotion", "Doctorate"),
}
_MONTHS = (
    ("Januar", "January"), ("Februar", "February"), ("März", "March"), ("April", "April"),
    ("Mai", "May"), ("Juni", "June"), ("Juli", "July"), ("August", "August"),
    ("September", "September"), ("Oktober", "October"), ("November", "November"),
    ("Dezember", "December"),
)  # fmt: skip


def _language(code: str, need: int, english: bool) -> str:
    name = LANGUAGE_NAMES.get(code, (code, code))[english]
    return f"{name} {CEFR_NAMES.get(need, need)}"


def _render(key: str, value: Any, english: bool) -> str:
    """A parameter as it reads in a sentence."""
    if key == "town":
        return value or ("Ihrem Wunschort", "your preferred town")[english]
    if key in ("required_degree", "your_degree"):
        return DEGREE_NAMES[value][english]
    if key == "start":
        month = _MONTHS[value.month - 1][english]
        return (
            f"{value.day} {month} {value.year}" if english else f"{value.day}. {month} {value.year}"
        )
    if key == "days":
        unit = (("Tag", "Tage"), ("day", "days"))[english][value != 1]
        return f"{value} {unit}"
    if key == "requirements":
        you = ("Sie", "you")[english]
        return ", ".join(
            f"{_language(code, need, english)} ({you}: {CEFR_NAMES.get(have, have)})"
            for code, need, have in value
        )
    if key == "unmet":
        return "; ".join(_unmet_language(code, need, have, english) for code, need, have in value)
    return str(value)


def _unmet_language(code: str, need: int, have: int | None, english: bool) -> str:
    required = f"{_language(code, need, english)} {('verlangt', 'required')[english]}"
    if have is None:
        return f"{required}, {('nicht in Ihrem Profil', 'not in your profile')[english]}"
    return f"{required}, {('Ihr Niveau', 'your level')[english]}: {CEFR_NAMES.get(have, have)}"


def _skills_text(params: dict[str, Any], english: bool) -> str:
    """E.g. "3 von 4 Muss-Kompetenzen; es fehlt: Schweißen; 1 von 2 wünschenswerten Kompetenzen"."""
    if params["must_total"]:
        parts = [
            f"{params['must_met']} {('von', 'of')[english]} {params['must_total']} "
            + ("Muss-Kompetenzen", "must-have skills")[english]
        ]
    else:
        parts = [("Keine Muss-Kompetenzen", "No must-have skills")[english]]
    if missing := params["missing"]:
        lead = "missing" if english else ("es fehlt" if len(missing) == 1 else "es fehlen")
        parts.append(f"{lead}: {', '.join(label[english] for label in missing)}")
    if partial := params["partial"]:
        lead = ("teilweise", "partly")[english]
        parts.append(f"{lead}: {', '.join(label[english] for label in partial)}")
    if params["nice_total"]:
        parts.append(
            f"{params['nice_met']} {('von', 'of')[english]} {params['nice_total']} "
            + ("wünschenswerten Kompetenzen", "nice-to-have skills")[english]
        )
    return "; ".join(parts)
