"""Every scenario's key orderings and exclusions hold, and the set as a whole ranks well."""

import pytest
from django.core.management import call_command

from matching.scenarios import SCENARIOS, Scenario


def test_the_set_has_at_least_30_judgements():
    assert sum(len(scenario.openings) for scenario in SCENARIOS) >= 30


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.name)
def test_key_orderings_and_exclusions_hold(scenario: Scenario):
    ranking = scenario.ranking()
    for better, worse in scenario.before:
        assert ranking.index(better) < ranking.index(worse), (better, worse, ranking)
    assert scenario.never.isdisjoint(ranking)
    excluded = {name for name in scenario.openings if name not in ranking}
    assert excluded == scenario.never  # nothing relevant is filtered out
    assert scenario.ndcg() >= 0.9


def test_command_prints_ndcg_per_scenario_and_the_mean(db, capsys):
    call_command("matching_quality")

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{len(SCENARIOS)} scenarios")
    assert lines[-1].endswith("mean NDCG@10")
    assert float(lines[-1].split()[0]) >= 0.9
