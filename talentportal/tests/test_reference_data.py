"""Reference data: a database that has only been migrated knows the region, the curated skills
and the universities; loading again changes nothing and keeps what staff edited."""

from django.core.management import call_command

from accounts.i18n import normalize_label
from region.models import DistrictProfile, Town
from region.reference import TOWNS
from talents.models import University
from talents.reference import UNIVERSITIES
from taxonomy.models import Skill
from taxonomy.reference import SKILLS


def test_a_migrated_database_has_the_region_skills_and_universities(db):
    assert Town.objects.count() == len(TOWNS)
    assert DistrictProfile.objects.count() == 5
    assert Skill.objects.count() == len(SKILLS)
    assert University.objects.count() == len(UNIVERSITIES)
    welding = Skill.objects.get(label_de="MIG-Schweißen")
    assert welding.broader is not None and welding.broader.label_de == "Schweißen"


def test_towns_are_found_by_their_other_names_and_ascii_spellings(db):
    bautzen, goerlitz = Town.objects.get(name="Bautzen"), Town.objects.get(name="Görlitz")
    assert list(Town.objects.for_text("Budyšin")) == [bautzen]
    assert list(Town.objects.for_text("budysin")) == [bautzen]
    assert list(Town.objects.for_text("Zhorjelc")) == [goerlitz]
    assert list(Town.objects.for_text("Goerlitz")) == [goerlitz]
    assert list(Town.objects.for_text("Grossenhain")) == [Town.objects.get(name="Großenhain")]


def test_loading_again_changes_nothing_and_keeps_staff_edits(db):
    zittau = Town.objects.get(name="Zittau")
    zittau.population = 24000
    zittau.aliases = ["Žitawa"]
    zittau.save()
    python = Skill.objects.get(label_de="Python")
    python.alternative_labels = ["Python 3", "CPython"]
    python.save()

    call_command("load_reference_data", stdout=None)

    assert Town.objects.count() == len(TOWNS)
    assert Skill.objects.count() == len(SKILLS)
    zittau.refresh_from_db()
    python.refresh_from_db()
    assert (zittau.population, zittau.aliases) == (24000, ["Žitawa"])
    assert python.alternative_labels == ["Python 3", "CPython"]


def test_a_deleted_reference_row_comes_back_on_the_next_load(db):
    Town.objects.filter(name="Herrnhut").delete()
    call_command("load_reference_data", stdout=None)
    assert Town.objects.filter(name="Herrnhut").exists()


def test_the_curated_list_names_every_concept_once_and_no_narrower_skill_as_a_synonym():
    owner: dict[str, str] = {}
    for label_de, label_en, synonyms, _broader in SKILLS:
        for text in {label_de, label_en, *synonyms}:
            key = normalize_label(text)
            assert owner.setdefault(key, label_de) == label_de, (
                f"{text!r}: {owner[key]}, {label_de}"
            )
    labels = {label_de for label_de, *_ in SKILLS}
    assert all(broader in labels for *_, broader in SKILLS if broader)
