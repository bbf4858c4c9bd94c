from django.core.management.base import BaseCommand

from matching.models import MatchingWeights
from matching.scenarios import SCENARIOS


class Command(BaseCommand):
    help = "NDCG@10 of the ranking over the labelled scenario set, per scenario and on average."

    def handle(self, *args: object, **options: object) -> None:
        weights = MatchingWeights.current()
        judgements = sum(len(scenario.openings) for scenario in SCENARIOS)
        self.stdout.write(f"{len(SCENARIOS)} scenarios, {judgements} judgements, weights {weights}")
        values = []
        for scenario in SCENARIOS:
            value = scenario.ndcg(weights)
            values.append(value)
            self.stdout.write(f"{value:6.3f}  {scenario.name}")
        self.stdout.write(f"{sum(values) / len(values):6.3f}  mean NDCG@10")
