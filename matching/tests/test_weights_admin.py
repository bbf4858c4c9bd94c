"""Carol tunes the weights in the admin: one row, a preview before saving, clear errors."""

import pytest
from django.urls import reverse
from django.utils import translation

from matching.models import MatchingWeights
from matching.scoring import DEFAULT_WEIGHTS
from matching.tests.world import create_posting, create_talent
from region.factories import goerlitz
from taxonomy.factories import SkillFactory

GOOD = 2


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def weights_data(**changes: int) -> dict[str, int]:
    return {**DEFAULT_WEIGHTS.__dict__, **changes}


def test_the_list_leads_to_the_one_row_with_the_defaults(staff_client):
    response = staff_client.get(reverse("admin:matching_matchingweights_changelist"))

    assert response.status_code == 302
    assert MatchingWeights.current() == DEFAULT_WEIGHTS
    assert staff_client.get(response["Location"]).status_code == 200


def test_preview_shows_the_sample_ranking_and_saves_nothing(staff_client):
    town = goerlitz()
    skill = SkillFactory()
    near = create_posting(towns=[town], skills={skill: (GOOD, True)}, title="Nah")
    create_talent(towns=[town], skills={skill: GOOD})
    MatchingWeights.objects.create()

    response = staff_client.post(
        reverse("admin:matching_matchingweights_preview"),
        weights_data(skills=20, distance=35),
    )

    assert response.status_code == 200
    (row,) = response.context["rows"]
    assert row.posting == near and row.old_rank == 1
    assert MatchingWeights.current() == DEFAULT_WEIGHTS  # nothing saved
    assert 'name="distance" value="35"' in response.content.decode()


def test_weights_that_do_not_add_up_to_100_are_refused_with_a_message(staff_client):
    MatchingWeights.objects.create()
    url = reverse("admin:matching_matchingweights_change", args=[1])

    response = staff_client.post(url, {**weights_data(skills=50), "_save": "Save"})

    assert response.status_code == 200
    assert "must add up to 100; now they add up to 110" in response.content.decode()
    assert MatchingWeights.current() == DEFAULT_WEIGHTS


def test_saved_weights_are_used_by_the_matches_pages(staff_client):
    MatchingWeights.objects.create()
    url = reverse("admin:matching_matchingweights_change", args=[1])

    staff_client.post(url, {**weights_data(skills=30, text=20), "_save": "Save"})

    assert MatchingWeights.current().text == 20


def test_only_staff_reach_the_preview(client, alice):
    client.force_login(alice)
    response = client.post(reverse("admin:matching_matchingweights_preview"), weights_data())
    assert response.status_code == 302  # to the admin sign-in
