from typing import Any

from django.core.management.base import BaseCommand

from talentportal.reference import load_reference_data


class Command(BaseCommand):
    help = (
        "Load the reference data (towns, districts, curated skills, universities) that is missing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        load_reference_data()
        self.stdout.write("Reference data loaded.")
