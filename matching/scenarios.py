"""A labelled scenario set: people of the region and openings, each opening judged by hand for
the person (3 = exactly right … 0 = wrong for them), with the orderings and exclusions any
sensible ranking must keep. `manage.py matching_quality` prints NDCG@10 over the set;
`matching/tests/test_scenarios.py` asserts every key ordering.

Pure Python like `scoring`: facts are built by hand, distances from the towns' coordinates."""

from dataclasses import dataclass, field, replace
from datetime import date

from matching.scoring import (
    DEFAULT_WEIGHTS,
    PostingFacts,
    Score,
    SkillNeed,
    TalentFacts,
    Weights,
    ndcg_at_k,
    score,
)
from region.geo import distance_km

A1, A2, B1, B2, C1, C2 = range(1, 7)
BASIC, GOOD, EXPERT = 1, 2, 3
NO_DEGREE, BACHELOR, MASTER, PHD = range(4)
PYTHON, SQL, PLC, WELDING, CAD, PROGRAMMING, ROBOTICS = 1, 2, 3, 4, 5, 6, 7
NURSING, WOUND_CARE, FORKLIFT, SAP, CLEANROOM, LAB, RECEPTION, ELECTRICAL = range(8, 16)
LABELS = {
    PYTHON: ("Python", "Python"),
    SQL: ("SQL", "SQL"),
    PLC: ("SPS-Programmierung", "PLC programming"),
    WELDING: ("Schweißen", "Welding"),
    CAD: ("CAD-Konstruktion", "CAD design"),
    PROGRAMMING: ("Programmierung", "Programming"),
    ROBOTICS: ("Robotik", "Robotics"),
    NURSING: ("Pflege", "Nursing"),
    WOUND_CARE: ("Wundversorgung", "Wound care"),
    FORKLIFT: ("Staplerschein", "Forklift licence"),
    SAP: ("SAP", "SAP"),
    CLEANROOM: ("Reinraumarbeit", "Clean-room work"),
    LAB: ("Labortechnik", "Laboratory technique"),
    RECEPTION: ("Rezeption", "Front desk"),
    ELECTRICAL: ("Elektroinstallation", "Electrical installation"),
}
TOWNS = {  # as in the demo data
    "Dresden": (51.05089, 13.73832),
    "Radebeul": (51.10654, 13.66047),
    "Freital": (51.00160, 13.64870),
    "Pirna": (50.96230, 13.94030),
    "Meißen": (51.16359, 13.47750),
    "Riesa": (51.30800, 13.29380),
    "Kamenz": (51.26830, 14.09400),
    "Bautzen": (51.18140, 14.42440),
    "Bischofswerda": (51.12730, 14.17970),
    "Löbau": (51.09940, 14.66710),
    "Görlitz": (51.15280, 14.98720),
    "Zittau": (50.89640, 14.80720),
    "Hoyerswerda": (51.43860, 14.24860),
}


def km(town_a: str, town_b: str) -> float:
    return distance_km(*TOWNS[town_a], *TOWNS[town_b])


def must(concept_id: int, level: int = GOOD, **related: frozenset[int]) -> SkillNeed:
    return SkillNeed(concept_id, level, required=True, **related)


def nice(concept_id: int, level: int = GOOD) -> SkillNeed:
    return SkillNeed(concept_id, level, required=False)


def opening(**changes: object) -> PostingFacts:
    """A full-time on-site opening that asks for nothing in particular."""
    base = PostingFacts(
        posting_type="full_time",
        skills=(),
        languages=(),
        fields_of_study=frozenset(),
        degree_level=NO_DEGREE,
        hours_per_week=None,
        start_date=None,
        remote=False,
        town_ids=frozenset({1}),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def talent(**changes: object) -> TalentFacts:
    """A bachelor in Dresden, native German speaker, open to every type, 30 km radius."""
    base = TalentFacts(
        wanted_types=frozenset(),
        skills={},
        languages={"de": C2},
        fields_of_study=frozenset(),
        degree=BACHELOR,
        working_student_hours=None,
        earliest_start=None,
        radius_km=30,
        whole_region=False,
        nearest_km=0.0,
        home_town="Dresden",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Judged:
    """An opening, how relevant it is for the scenario's talent (0..3), and where it is."""

    relevance: int
    posting: PostingFacts
    nearest_km: float | None = None


@dataclass(frozen=True)
class Scenario:
    name: str
    talent: TalentFacts
    openings: dict[str, Judged]
    before: list[tuple[str, str]] = field(default_factory=list)  # (better, worse)
    never: set[str] = field(default_factory=set)  # must be excluded

    def scores(self, weights: Weights = DEFAULT_WEIGHTS) -> dict[str, Score]:
        return {
            name: score(
                judged.posting,
                replace(self.talent, nearest_km=judged.nearest_km),
                weights,
                labels=LABELS,
            )
            for name, judged in self.openings.items()
        }

    def ranking(self, weights: Weights = DEFAULT_WEIGHTS) -> list[str]:
        """What the talent's list shows, best first: excluded openings are not on it."""
        scores = self.scores(weights)
        shown = [name for name in self.openings if not scores[name].excluded]
        return sorted(shown, key=lambda name: -scores[name].total)

    def ndcg(self, weights: Weights = DEFAULT_WEIGHTS, k: int = 10) -> float:
        ranking = self.ranking(weights)
        missing = [name for name in self.openings if name not in ranking]  # as if last
        return ndcg_at_k([self.openings[name].relevance for name in ranking + missing], k)


mechatronics = frozenset({"mechatronics"})
plc = must(PLC)

SCENARIOS = [
    Scenario(
        "Mechatronics student in Bautzen, German B1, looking for a working-student job",
        talent(
            wanted_types=frozenset({"working_student", "internship"}),
            skills={PLC: GOOD, CAD: BASIC},
            languages={"de": B1, "en": C1},
            fields_of_study=mechatronics,
            working_student_hours=15,
            home_town="Bautzen",
        ),
        {
            "PLC working student in Bautzen, German B1": Judged(
                3,
                opening(
                    posting_type="working_student",
                    skills=(plc,),
                    languages=(("de", B1),),
                    fields_of_study=mechatronics,
                    hours_per_week=15,
                ),
                0.0,
            ),
            "PLC working student in Kamenz, English": Judged(
                2,
                opening(
                    posting_type="working_student",
                    skills=(plc, nice(CAD)),
                    languages=(("en", B2),),
                    hours_per_week=12,
                ),
                km("Bautzen", "Kamenz"),
            ),
            "PLC working student needing German C1": Judged(
                0,
                opening(posting_type="working_student", skills=(plc,), languages=(("de", C1),)),
                0.0,
            ),
            "PLC full-time job in Bautzen": Judged(
                0, opening(posting_type="full_time", skills=(plc,)), 0.0
            ),
        },  # fmt: skip
        before=[
            ("PLC working student in Bautzen, German B1", "PLC working student in Kamenz, English")
        ],
        never={"PLC working student needing German C1", "PLC full-time job in Bautzen"},
    ),
    Scenario(
        "Working student who wants 20 hours a week",
        talent(
            wanted_types=frozenset({"working_student"}),
            skills={PYTHON: GOOD},
            working_student_hours=20,
        ),
        {
            "Python, 20 h": Judged(
                3,
                opening(posting_type="working_student", skills=(must(PYTHON),), hours_per_week=20),
                2.0,
            ),
            "Python, 15 h": Judged(
                2,
                opening(posting_type="working_student", skills=(must(PYTHON),), hours_per_week=15),
                2.0,
            ),
            "Python, 8 h": Judged(
                1,
                opening(posting_type="working_student", skills=(must(PYTHON),), hours_per_week=8),
                2.0,
            ),
            "Python, 40 h (mislabelled)": Judged(
                0,
                opening(posting_type="working_student", skills=(must(PYTHON),), hours_per_week=40),
                2.0,
            ),
        },  # fmt: skip
        before=[
            ("Python, 20 h", "Python, 15 h"),
            ("Python, 15 h", "Python, 8 h"),
            ("Python, 20 h", "Python, 40 h (mislabelled)"),
        ],
    ),
    Scenario(
        "Görlitz talent with a 25 km radius: Zittau before Dresden for equal skills",
        talent(skills={CAD: GOOD}, radius_km=25, home_town="Görlitz"),
        {
            "CAD in Görlitz": Judged(3, opening(skills=(must(CAD),)), 0.0),
            "CAD in Zittau": Judged(2, opening(skills=(must(CAD),)), km("Görlitz", "Zittau")),
            "CAD in Löbau": Judged(2, opening(skills=(must(CAD),)), km("Görlitz", "Löbau")),
            "CAD in Dresden": Judged(1, opening(skills=(must(CAD),)), km("Görlitz", "Dresden")),
            "CAD remote": Judged(3, opening(skills=(must(CAD),), remote=True), None),
        },  # fmt: skip
        before=[
            ("CAD in Zittau", "CAD in Dresden"),
            ("CAD in Löbau", "CAD in Dresden"),
            ("CAD remote", "CAD in Zittau"),
        ],
    ),
    Scenario(
        "Nurse in Pirna: her trade before anything else nearby",
        talent(skills={NURSING: EXPERT, WOUND_CARE: GOOD}, degree=NO_DEGREE, home_town="Pirna"),
        {
            "Nursing with wound care in Pirna": Judged(
                3, opening(skills=(must(NURSING), nice(WOUND_CARE))), 0.0
            ),
            "Nursing in Dresden": Judged(
                2, opening(skills=(must(NURSING),)), km("Pirna", "Dresden")
            ),
            "Nursing, Master required": Judged(
                1, opening(skills=(must(NURSING),), degree_level=MASTER), 0.0
            ),
            "Forklift driver in Pirna": Judged(0, opening(skills=(must(FORKLIFT),)), 0.0),
            "Hotel front desk in Pirna": Judged(0, opening(skills=(must(RECEPTION),)), 0.0),
        },  # fmt: skip
        before=[
            ("Nursing with wound care in Pirna", "Nursing in Dresden"),
            ("Nursing in Dresden", "Nursing, Master required"),
        ],
        never={"Forklift driver in Pirna", "Hotel front desk in Pirna"},
    ),
    Scenario(
        "International computer science master, English C1, German A2",
        talent(
            skills={PYTHON: EXPERT, SQL: GOOD},
            languages={"en": C1, "de": A2},
            fields_of_study=frozenset({"computer_science"}),
            degree=MASTER,
        ),
        {
            "Python, English-speaking team": Judged(
                3,
                opening(
                    skills=(must(PYTHON), nice(SQL)),
                    languages=(("en", B2),),
                    fields_of_study=frozenset({"computer_science"}),
                ),
                3.0,
            ),
            "Python, German B2": Judged(
                0, opening(skills=(must(PYTHON),), languages=(("de", B2),)), 3.0
            ),
            "SQL, English, in Freital": Judged(
                2, opening(skills=(must(SQL),), languages=(("en", B1),)), km("Dresden", "Freital")
            ),
            "Python and SAP, German A2 welcome": Judged(
                1, opening(skills=(must(PYTHON), must(SAP)), languages=(("de", A2),)), 3.0
            ),
        },  # fmt: skip
        before=[
            ("Python, English-speaking team", "SQL, English, in Freital"),
            ("SQL, English, in Freital", "Python and SAP, German A2 welcome"),
        ],
        never={"Python, German B2"},
    ),
    Scenario(
        "Thesis seeker: a thesis, never a full-time job",
        talent(
            wanted_types=frozenset({"thesis"}),
            skills={ROBOTICS: GOOD, PYTHON: GOOD},
            fields_of_study=mechatronics,
        ),
        {
            "Robotics thesis": Judged(
                3,
                opening(
                    posting_type="thesis",
                    skills=(must(ROBOTICS), nice(PYTHON)),
                    fields_of_study=mechatronics,
                ),
                5.0,
            ),
            "Python thesis for business students": Judged(
                1,
                opening(
                    posting_type="thesis",
                    skills=(must(PYTHON),),
                    fields_of_study=frozenset({"business"}),
                ),
                5.0,
            ),
            "Robotics full-time job": Judged(
                0, opening(posting_type="full_time", skills=(must(ROBOTICS),)), 5.0
            ),
        },  # fmt: skip
        before=[("Robotics thesis", "Python thesis for business students")],
        never={"Robotics full-time job"},
    ),
    Scenario(
        "Programmer: a broader or narrower skill counts, less than the exact one",
        talent(skills={PROGRAMMING: GOOD, SQL: GOOD}),
        {
            "Programming": Judged(3, opening(skills=(must(PROGRAMMING),)), 4.0),
            "Python (narrower than programming)": Judged(
                2, opening(skills=(must(PYTHON, broader_ids=frozenset({PROGRAMMING})),)), 4.0
            ),
            "Welding": Judged(0, opening(skills=(must(WELDING),)), 4.0),
        },  # fmt: skip
        before=[("Programming", "Python (narrower than programming)")],
        never={"Welding"},
    ),
    Scenario(
        "Available from October: sooner starts that wait for nobody rank lower",
        talent(skills={LAB: GOOD}, earliest_start=date(2027, 10, 1), home_town="Dresden"),
        {
            "Lab, starts in October": Judged(
                3, opening(skills=(must(LAB),), start_date=date(2027, 10, 1)), 6.0
            ),
            "Lab, starts in November": Judged(
                3, opening(skills=(must(LAB),), start_date=date(2027, 11, 1)), 6.0
            ),
            "Lab, starts in August": Judged(
                1, opening(skills=(must(LAB),), start_date=date(2027, 8, 1)), 6.0
            ),
            "Lab, started in January": Judged(
                0, opening(skills=(must(LAB),), start_date=date(2027, 1, 15)), 6.0
            ),
        },  # fmt: skip
        before=[
            ("Lab, starts in October", "Lab, starts in August"),
            ("Lab, starts in August", "Lab, started in January"),
        ],
    ),
    Scenario(
        "Skill levels: an expert opening ranks below a fitting one for a beginner",
        talent(skills={WELDING: BASIC, ELECTRICAL: GOOD}, degree=NO_DEGREE, home_town="Riesa"),
        {
            "Electrical installation in Riesa": Judged(3, opening(skills=(must(ELECTRICAL),)), 0.0),
            "Welding for beginners in Riesa": Judged(
                3, opening(skills=(must(WELDING, BASIC),)), 0.0
            ),
            "Expert welding in Riesa": Judged(1, opening(skills=(must(WELDING, EXPERT),)), 0.0),
            "Electrical installation in Meißen": Judged(
                2, opening(skills=(must(ELECTRICAL),)), km("Riesa", "Meißen")
            ),
        },  # fmt: skip
        before=[
            ("Welding for beginners in Riesa", "Expert welding in Riesa"),
            ("Electrical installation in Riesa", "Electrical installation in Meißen"),
        ],
    ),
    Scenario(
        "Clean-room operator open to the whole region",
        talent(skills={CLEANROOM: GOOD}, whole_region=True, home_town="Hoyerswerda"),
        {
            "Clean room in Dresden": Judged(
                3, opening(skills=(must(CLEANROOM),)), km("Hoyerswerda", "Dresden")
            ),
            "Clean room with SAP in Zittau": Judged(
                2, opening(skills=(must(CLEANROOM), must(SAP))), km("Hoyerswerda", "Zittau")
            ),
            "SAP logistics in Hoyerswerda": Judged(0, opening(skills=(must(SAP),)), 0.0),
        },  # fmt: skip
        before=[("Clean room in Dresden", "Clean room with SAP in Zittau")],
        never={"SAP logistics in Hoyerswerda"},
    ),
]
