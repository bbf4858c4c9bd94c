import random
import statistics
import time
from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from companies.models import Posting
from matching import queries
from matching.bench import EMAIL_DOMAIN, generate, python_top_postings, python_top_talents
from matching.bench import remove_generated_data as remove
from talents.models import TalentProfile

SIZES = {"small": (2_000, 10_000), "large": (20_000, 100_000)}


class Command(BaseCommand):
    help = (
        "Fill synthetic postings and talents and report p50/p95 of the SQL rankings (top 20 "
        "postings for a talent, top 50 talents for a posting) against the pure-Python loop."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--size", choices=SIZES, default="large")
        parser.add_argument("--repeat", type=int, default=40, help="SQL runs per direction")
        parser.add_argument("--python-repeat", type=int, default=3, help="Python runs")
        parser.add_argument("--regenerate", action="store_true")
        parser.add_argument("--generate-only", action="store_true")

    def handle(self, *args: object, **options: object) -> None:
        postings, talents = SIZES[str(options["size"])]
        have = (
            Posting.objects.filter(company__slug__startswith="bench-").count(),
            TalentProfile.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}").count(),
        )
        if options["regenerate"] or have != (postings, talents):
            self.stdout.write(f"Generating {postings:,} postings and {talents:,} talents …")
            started = time.perf_counter()
            remove()
            generate(postings=postings, talents=talents)
            self.stdout.write(f"  done in {time.perf_counter() - started:.0f} s")
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        if options["generate_only"]:
            return
        rng = random.Random(1)  # noqa: S311 – choosing samples, not secrets
        profiles = rng.sample(
            list(TalentProfile.objects.order_by("pk").values_list("pk", flat=True)), 60
        )
        posting_ids = rng.sample(
            list(Posting.objects.published().order_by("pk").values_list("pk", flat=True)), 60
        )
        live = Posting.objects.published().count()
        visible = TalentProfile.objects.visible_to_companies().count()
        self.stdout.write(
            f"\n{live:,} published postings, {visible:,} visible talents; "
            f"{options['repeat']} SQL runs, {options['python_repeat']} Python runs per direction"
        )
        self.stdout.write(
            f"{'ranking':<34} {'SQL p50':>8} {'SQL p95':>8} {'Python p50':>11} {'ratio':>7}"
        )
        repeat, python_repeat = options["repeat"], options["python_repeat"]
        assert isinstance(repeat, int) and isinstance(python_repeat, int)  # noqa: S101  # nosec B101
        self._compare(
            "top 20 postings for a talent",
            lambda pk: [
                (row.posting_id, row.total)
                for row in queries.top_postings_for_talent(TalentProfile(pk=pk), k=20)
            ],
            lambda pk: python_top_postings(pk, 20),
            profiles[:repeat],
            profiles[:python_repeat],
        )
        self._compare(
            "top 50 talents for a posting",
            lambda pk: [
                (row.profile_id, row.total)
                for row in queries.top_talents_for_posting(Posting(pk=pk), k=50)
            ],
            lambda pk: python_top_talents(pk, 50),
            posting_ids[:repeat],
            posting_ids[:python_repeat],
        )
        self._plan(profiles[0], posting_ids[0])

    def _compare(
        self,
        title: str,
        sql: Callable[[int], list[tuple[int, float]]],
        python: Callable[[int], list[tuple[int, float]]],
        sql_keys: list[int],
        python_keys: list[int],
    ) -> None:
        """Time both rankings; the Python loop must find the same ids and totals."""
        sql(sql_keys[0])  # warm caches
        sql_times, results = [], {}
        for key in sql_keys:
            started = time.perf_counter()
            results[key] = sql(key)
            sql_times.append((time.perf_counter() - started) * 1000)
        python_times = []
        for key in python_keys:
            started = time.perf_counter()
            expected = python(key)
            python_times.append((time.perf_counter() - started) * 1000)
            if expected != results[key]:
                raise AssertionError(
                    f"SQL and Python disagree for {key}: {results[key]} ≠ {expected}"
                )
        p50 = statistics.median(sql_times)
        p95 = statistics.quantiles(sql_times, n=20)[18] if len(sql_times) >= 20 else max(sql_times)
        python_p50 = statistics.median(python_times)
        self.stdout.write(
            f"{title:<34} {p50:>8.1f} {p95:>8.1f} {python_p50:>11.0f} {python_p50 / p50:>6.0f}×"
        )

    def _plan(self, profile_id: int, posting_id: int) -> None:
        for title, run in [
            ("top 20 postings for a talent", lambda: queries.top_postings_for_talent(TalentProfile(pk=profile_id), k=20)),
            ("top 50 talents for a posting", lambda: queries.top_talents_for_posting(Posting(pk=posting_id), k=50)),
        ]:  # fmt: skip
            self.stdout.write(f"\nQuery plan of the {title}:")
            with queries.explained() as plans:
                run()
            for plan in plans:  # sort keys repeat the whole formula: shortened
                self.stdout.write("\n".join(line[:150] for line in plan.splitlines()))
