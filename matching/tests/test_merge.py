"""Carol merges duplicate skill concepts: what postings ask for and talents have moves along."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from companies.factories import PostingFactory, PostingSkillFactory
from companies.models import Posting, PostingSkill
from companies.search import search_query
from matching import admin as matching_admin
from matching.services import merge_skills
from talents.factories import TalentProfileFactory, TalentSkillFactory
from talents.models import TalentSkill
from taxonomy.factories import SkillFactory
from taxonomy.models import Skill, SkillLevel

with translation.override("en"):
    SKILLS = reverse("admin:taxonomy_skill_changelist")

pytestmark = pytest.mark.usefixtures("own_taxonomy")


@pytest.fixture
def welding(db):
    return SkillFactory(
        label_de="Schweißen",
        label_en="welding",
        alternative_labels=["Schweißarbeiten"],
        concept_uri="http://data.europa.eu/esco/skill/weld",
    )


@pytest.fixture
def duplicate(db):
    return SkillFactory(
        label_de="Schweisstechnik", label_en="welding technology", alternative_labels=["WIG"]
    )


def test_merge_moves_posting_requirements_and_talent_skills(welding, duplicate):
    requirement = PostingSkillFactory(skill=duplicate, level=SkillLevel.EXPERT, is_required=False)
    talent_skill = TalentSkillFactory(skill=duplicate, level=SkillLevel.BASIC)

    assert merge_skills(keep=welding, duplicates=[duplicate]) == 1

    assert not Skill.objects.filter(pk=duplicate.pk).exists()
    requirement.refresh_from_db()
    assert (requirement.skill, requirement.level, requirement.is_required) == (
        welding,
        SkillLevel.EXPERT,
        False,
    )
    talent_skill.refresh_from_db()
    assert (talent_skill.skill, talent_skill.level) == (welding, SkillLevel.BASIC)


def test_where_a_posting_has_both_one_must_have_at_the_higher_level_remains(welding, duplicate):
    other_duplicate = SkillFactory(label_de="Schweissen (alt)")
    posting = PostingFactory()
    PostingSkillFactory(posting=posting, skill=welding, level=SkillLevel.BASIC, is_required=False)
    PostingSkillFactory(posting=posting, skill=duplicate, level=SkillLevel.GOOD, is_required=True)
    PostingSkillFactory(
        posting=posting, skill=other_duplicate, level=SkillLevel.EXPERT, is_required=False
    )

    assert merge_skills(keep=welding, duplicates=[duplicate, other_duplicate]) == 2

    requirement = PostingSkill.objects.get(posting=posting)
    assert (requirement.skill, requirement.level, requirement.is_required) == (
        welding,
        SkillLevel.EXPERT,
        True,
    )


def test_where_a_talent_has_both_the_higher_level_remains(welding, duplicate):
    profile = TalentProfileFactory()
    TalentSkillFactory(profile=profile, skill=welding, level=SkillLevel.BASIC)
    TalentSkillFactory(profile=profile, skill=duplicate, level=SkillLevel.EXPERT)
    other_profile = TalentProfileFactory()
    TalentSkillFactory(profile=other_profile, skill=welding, level=SkillLevel.GOOD)
    TalentSkillFactory(profile=other_profile, skill=duplicate, level=SkillLevel.BASIC)

    merge_skills(keep=welding, duplicates=[duplicate])

    assert TalentSkill.objects.get(profile=profile).level == SkillLevel.EXPERT
    assert TalentSkill.objects.get(profile=other_profile).level == SkillLevel.GOOD
    assert set(TalentSkill.objects.values_list("skill", flat=True)) == {welding.pk}


def test_the_duplicates_labels_still_find_the_kept_concept(welding, duplicate):
    merge_skills(keep=welding, duplicates=[duplicate])

    welding.refresh_from_db()
    assert welding.alternative_labels == [
        "Schweißarbeiten",
        "Schweisstechnik",
        "welding technology",
        "WIG",
    ]
    for typed in ["schweisstechnik", "Welding Technology", "wig", "Schweissarbeiten"]:
        assert list(Skill.objects.for_text(typed)) == [welding]


def test_narrower_concepts_of_a_duplicate_move_under_the_kept_concept(welding, duplicate):
    metal_working = SkillFactory(label_de="Metallbearbeitung")
    duplicate.broader = metal_working
    duplicate.save()
    mig_welding = SkillFactory(label_de="MIG-Schweißen", broader=duplicate)

    merge_skills(keep=welding, duplicates=[duplicate])

    mig_welding.refresh_from_db()
    assert mig_welding.broader == welding
    welding.refresh_from_db()
    assert welding.broader == metal_working  # it had none; the duplicate's is taken over


def test_kept_concept_below_a_duplicate_takes_the_duplicates_place(welding, duplicate):
    metal_working = SkillFactory(label_de="Metallbearbeitung")
    duplicate.broader = metal_working
    duplicate.save()
    welding.broader = duplicate
    welding.save()

    merge_skills(keep=welding, duplicates=[duplicate])

    welding.refresh_from_db()
    assert welding.broader == metal_working


def test_merging_into_a_curated_concept_takes_over_the_esco_uri(welding, duplicate):
    merge_skills(keep=duplicate, duplicates=[welding])

    duplicate.refresh_from_db()
    assert duplicate.concept_uri == "http://data.europa.eu/esco/skill/weld"


def test_after_a_merge_postings_are_found_by_the_kept_concepts_label(db):
    brazing = SkillFactory(label_de="Hartlöten", label_en="brazing")
    duplicate = SkillFactory(label_de="Löttechnik", label_en="soldering technique")
    posting = PostingSkillFactory(skill=duplicate).posting
    found = Posting.objects.filter(search_vector=search_query("Hartlöten"))
    assert posting not in found

    merge_skills(keep=brazing, duplicates=[duplicate])

    assert posting in found.all()


def test_merging_a_concept_into_itself_changes_nothing(welding):
    assert merge_skills(keep=welding, duplicates=[welding]) == 0
    assert Skill.objects.filter(pk=welding.pk).exists()


# --- The admin action ----------------------------------------------------------------------------


@pytest.fixture
def staff_client(client, carol):
    """The test client signed in as carol, with the two factors staff need for the admin."""
    TOTP.activate(carol, generate_totp_secret())
    client.force_login(carol)
    return client


def test_the_skill_admin_is_the_one_that_merges():
    assert isinstance(admin.site._registry[Skill], matching_admin.SkillAdmin)


def test_staff_confirm_which_concept_stays_before_merging(staff_client, welding, duplicate):
    with translation.override("en"):
        response = staff_client.post(
            SKILLS,
            {"action": "merge_skills", ACTION_CHECKBOX_NAME: [welding.pk, duplicate.pk]},
        )

    assert response.status_code == 200
    assert response.templates[0].name == "admin/matching/merge_skills.html"
    page = response.text
    assert "csrfmiddlewaretoken" in page
    assert f'type="radio" name="keep" value="{welding.pk}"' in page
    assert f'type="radio" name="keep" value="{duplicate.pk}"' in page
    for pk in [welding.pk, duplicate.pk]:
        assert f'name="{ACTION_CHECKBOX_NAME}" value="{pk}"' in page
    assert Skill.objects.count() == 2


def test_staff_merge_the_selected_skills(staff_client, welding, duplicate):
    requirement = PostingSkillFactory(skill=duplicate)

    with translation.override("en"):
        response = staff_client.post(
            SKILLS,
            {
                "action": "merge_skills",
                ACTION_CHECKBOX_NAME: [welding.pk, duplicate.pk],
                "post": "yes",
                "keep": welding.pk,
            },
        )

    assert response.status_code == 302
    assert list(Skill.objects.all()) == [welding]
    requirement.refresh_from_db()
    assert requirement.skill == welding
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert messages == ["1 skill merged into “welding”."]


def test_merging_needs_two_skills(staff_client, welding):
    with translation.override("en"):
        response = staff_client.post(
            SKILLS, {"action": "merge_skills", ACTION_CHECKBOX_NAME: [welding.pk]}
        )

    assert response.status_code == 302
    assert Skill.objects.filter(pk=welding.pk).exists()
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert messages == ["Select at least two skills to merge them."]
