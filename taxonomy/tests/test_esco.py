"""Staff import the ESCO skill list; people then find concepts by any label or synonym.

The sample in data/esco/ is written in the format of the official ESCO CSV download (a few
concepts, labels abridged, URIs made up)."""

import csv
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from companies.factories import PostingSkillFactory
from taxonomy.esco import MAX_ALTERNATIVE_LABELS, import_esco, lookup_keys_for
from taxonomy.factories import SkillFactory
from taxonomy.models import Skill

pytestmark = pytest.mark.usefixtures("own_taxonomy")
SAMPLE = Path(__file__).parent / "data" / "esco"
ESCO = "http://data.europa.eu/esco/skill/"
WELD = ESCO + "2b3e5f9d-7c2e-4d64-8b1f-8e4c6a0f3d22"
MIG_WELDING = ESCO + "3c4f6a0e-8d3f-4e75-9c2a-9f5d7b1a4e33"
METAL = ESCO + "1a2f4e8c-6b1d-4c53-9a0e-7d3b5f9e2c11"
SOLDERING = ESCO + "4d5a7b1f-9e4a-4f86-8d3b-0a6e8c2b5f44"
PROGRAMMING = ESCO + "5e6b8c2a-0f5b-4a97-9e4c-1b7f9d3c6a55"
PYTHON = ESCO + "6f7c9d3b-1a6c-4b08-8f5d-2c8a0e4d7b66"
PROJECT_MANAGEMENT = ESCO + "9c0f2a6e-4d9f-4e3b-9c8a-5f1d3b7a0e99"
ROAD_CONSTRUCTION = ESCO + "0d1a3b7f-5e0a-4f4c-8d9b-6a2e4c8b1faa"


def skill(uri: str) -> Skill:
    return Skill.objects.get(concept_uri=uri)


def snapshot() -> list[tuple]:
    return list(
        Skill.objects.order_by("pk").values_list(
            "pk",
            "concept_uri",
            "label_de",
            "label_en",
            "alternative_labels",
            "lookup_keys",
            "broader",
        )
    )


def test_import_creates_concepts_with_german_and_english_labels(db):
    result = import_esco(folder=SAMPLE)

    assert (result.created, result.updated, result.linked) == (14, 0, 0)
    assert Skill.objects.count() == 14
    welding = skill(WELD)
    assert (welding.label_de, welding.label_en) == ("Schweißen", "weld metal")
    assert welding.alternative_labels == [
        "Schweißarbeiten durchführen",
        "Schweißtechnik anwenden",
        "welding",
        "carry out welding work",
    ]


def test_synonyms_of_both_languages_are_kept_once(db):
    import_esco(folder=SAMPLE)

    # "Python" is a German and an English synonym; "schweißen" only repeats the German label.
    assert skill(PYTHON).alternative_labels == [
        "Python",
        "Python-Programmierung",
        "Python programming",
    ]
    assert "schweißen" not in skill(WELD).alternative_labels


@pytest.mark.parametrize(
    ("typed", "uri"),
    [
        ("schweissen", WELD),
        ("SCHWEISSARBEITEN DURCHFUEHREN", WELD),
        ("welding", WELD),
        ("MIG-Schweissen", MIG_WELDING),
        ("Lötarbeiten ausführen", SOLDERING),
        ("Strassenbauarbeiten", ROAD_CONSTRUCTION),
        ("python programming", PYTHON),
    ],
)
def test_people_find_a_concept_by_any_label_or_synonym_however_spelled(db, typed, uri):
    import_esco(folder=SAMPLE)

    assert list(Skill.objects.for_text(typed)) == [skill(uri)]


def test_import_links_broader_concepts_and_skips_skill_groups(db):
    result = import_esco(folder=SAMPLE)

    assert result.broader_links == 4
    assert skill(MIG_WELDING).broader == skill(WELD)
    assert skill(WELD).broader == skill(METAL)
    assert skill(SOLDERING).broader == skill(METAL)
    assert skill(PYTHON).broader == skill(PROGRAMMING)
    # Their broader concepts in ESCO are skill groups, which are not skills of ours.
    assert skill(METAL).broader is None
    assert skill(PROGRAMMING).broader is None
    assert skill(ROAD_CONSTRUCTION).broader is None


def test_running_the_import_twice_changes_nothing(db):
    import_esco(folder=SAMPLE)
    before = snapshot()

    result = import_esco(folder=SAMPLE)

    assert (result.created, result.updated, result.broader_links) == (0, 0, 0)
    assert snapshot() == before


def test_curated_concept_with_the_same_german_label_is_linked_not_duplicated(db):
    curated = SkillFactory(
        label_de="projektmanagement", label_en="managing projects", alternative_labels=["PM"]
    )
    requirement = PostingSkillFactory(skill=curated)

    result = import_esco(folder=SAMPLE)

    assert (result.created, result.updated, result.linked) == (13, 1, 1)
    curated.refresh_from_db()
    assert curated.concept_uri == PROJECT_MANAGEMENT
    assert (curated.label_de, curated.label_en) == (
        "Projektmanagement",
        "perform project management",
    )
    # What people could type before still finds it.
    for typed in ["managing projects", "PM", "Projektleitung", "project management"]:
        assert list(Skill.objects.for_text(typed)) == [curated]
    requirement.refresh_from_db()
    assert requirement.skill == curated
    assert import_esco(folder=SAMPLE).updated == 0


def test_import_updates_changed_labels_and_keeps_added_synonyms(db):
    import_esco(folder=SAMPLE)
    welding = skill(WELD)
    welding.label_en = "old English label"
    welding.alternative_labels = [*welding.alternative_labels, "Schweißerei"]
    welding.save()

    result = import_esco(folder=SAMPLE)

    assert (result.created, result.updated) == (0, 1)
    welding.refresh_from_db()
    assert welding.label_en == "weld metal"
    assert Skill.objects.for_text("Schweisserei").get() == welding
    assert Skill.objects.for_text("old English label").get() == welding


def test_lookup_keys_for_equals_what_saving_a_skill_derives(db):
    labels = {
        "label_de": "Bürokommunikation",
        "label_en": "Office communication ",
        "alternative_labels": ["Straßenbau", "  ", "BUEROKOMMUNIKATION", "Café"],
    }
    saved = Skill.objects.create(**labels)

    assert lookup_keys_for(**labels) == saved.lookup_keys


def test_bulk_written_lookup_keys_equal_what_saving_derives(db):
    import_esco(folder=SAMPLE)

    for imported in Skill.objects.all():
        keys = imported.lookup_keys
        imported.save()
        assert imported.lookup_keys == keys


def test_import_takes_a_fixed_number_of_queries_however_many_concepts(
    db, tmp_path, django_assert_max_num_queries
):
    write_many_concepts(tmp_path, count=2500)

    with django_assert_max_num_queries(20):
        result = import_esco(folder=tmp_path)

    assert (result.created, result.broader_links) == (2500, 2499)
    assert len(skill(ESCO + "generated-7").alternative_labels) == MAX_ALTERNATIVE_LABELS


def test_import_reads_a_byte_order_mark_extra_columns_and_language_named_relations(db, tmp_path):
    for name in ["skills_de.csv", "skills_en.csv"]:
        with (SAMPLE / name).open(encoding="utf-8", newline="") as source:
            rows = list(csv.DictReader(source))
        with (tmp_path / name).open("w", encoding="utf-8-sig", newline="") as target:
            writer = csv.DictWriter(target, fieldnames=["newColumn", *rows[0]])
            writer.writeheader()
            writer.writerows({"newColumn": "x", **row} for row in rows)
    shutil.copy(
        SAMPLE / "broaderRelationsSkillPillar.csv", tmp_path / "broaderRelationsSkillPillar_de.csv"
    )

    result = import_esco(folder=tmp_path)

    assert (result.created, result.broader_links) == (14, 4)
    assert skill(WELD).label_de == "Schweißen"


def test_staff_import_with_the_command_and_see_the_counts(db):
    output = StringIO()

    call_command("import_esco", str(SAMPLE), stdout=output)

    assert "14 created, 0 updated" in output.getvalue()
    assert "4 broader links set" in output.getvalue()


def test_staff_try_the_import_on_a_few_concepts_first(db):
    output = StringIO()

    call_command("import_esco", str(SAMPLE), "--limit", "3", stdout=output)

    assert Skill.objects.count() == 3
    assert "3 created" in output.getvalue()
    # The first three concepts of the files: metal working, welding, MIG welding.
    assert skill(MIG_WELDING).broader == skill(WELD)


def test_command_names_the_missing_file(db, tmp_path):
    shutil.copy(SAMPLE / "skills_de.csv", tmp_path)

    with pytest.raises(CommandError, match="skills_en.csv is missing"):
        call_command("import_esco", str(tmp_path))

    assert not Skill.objects.exists()


def write_many_concepts(folder: Path, *, count: int) -> None:
    """Concepts in the download's format, each narrower than the one before, with many synonyms."""
    header = ["conceptType", "conceptUri", "preferredLabel", "altLabels", "description"]
    for language in ["de", "en"]:
        with (folder / f"skills_{language}.csv").open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            for number in range(count):
                synonyms = "\n".join(f"{language} Synonym {number}-{index}" for index in range(30))
                label = f"{language} Fähigkeit {number}"
                row = ["KnowledgeSkillCompetence", f"{ESCO}generated-{number}", label, synonyms, ""]
                writer.writerow(row)
    with (folder / "broaderRelationsSkillPillar.csv").open("w", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["conceptType", "conceptUri", "broaderType", "broaderUri"])
        for number in range(1, count):
            writer.writerow(
                [
                    "KnowledgeSkillCompetence",
                    f"{ESCO}generated-{number}",
                    "KnowledgeSkillCompetence",
                    f"{ESCO}generated-{number - 1}",
                ]
            )
