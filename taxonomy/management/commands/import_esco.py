import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from taxonomy.esco import EscoFileError, import_esco


class Command(BaseCommand):
    help = (
        "Import the ESCO skill pillar from a folder holding the official CSV download's "
        "skills_de.csv, skills_en.csv and broaderRelationsSkillPillar.csv (safe to run again)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument(
            "--limit", type=int, default=None, help="Only the first N concepts, for trying."
        )

    def handle(self, *args: object, folder: Path, limit: int | None, **options: object) -> None:
        if limit is not None and limit < 1:
            raise CommandError("--limit must be at least 1.")
        started = time.perf_counter()
        try:
            result = import_esco(folder=folder, limit=limit)
        except EscoFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"ESCO skills imported in {time.perf_counter() - started:.1f} s: "
            f"{result.created} created, {result.updated} updated "
            f"(of which {result.linked} curated skills linked to their ESCO concept), "
            f"{result.broader_links} broader links set."
        )
