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
        repeat, python_repeat = int(options["repeat"]), int(options["python_repeat"])  # type: ignore[call-overload]
        self._compare(
            "top 20 postings for a talent",
            [(pk, lambda pk=pk: queries.top_postings_for_talent(_profile(pk), k=20)) for pk in profiles][:repeat],
            [(pk, lambda pk=pk: python_top_postings(pk, 20)) for pk in profiles][:python_repeat],
            lambda rows: [(row.posting_id, row.total) for row in rows],
        )  # fmt: skip
        self._compare(
            "top 50 talents for a posting",
            [(pk, lambda pk=pk: queries.top_talents_for_posting(_posting(pk), k=50)) for pk in posting_ids][:repeat],
            [(pk, lambda pk=pk: python_top_talents(pk, 50)) for pk in posting_ids][:python_repeat],
            lambda rows: [(row.profile_id, row.total) for row in rows],
        )  # fmt: skip
        self._plan(profiles[0], posting_ids[0])

    def _compare(
        self,
        title: str,
        sql_runs: list[tuple[int, Callable[[], list]]],  # type: ignore[type-arg]
        python_runs: list[tuple[int, Callable[[], list]]],  # type: ignore[type-arg]
        as_pairs: Callable[[list], list[tuple[int, float]]],  # type: ignore[type-arg]
    ) -> None:
        sql_runs[0][1]()  # warm caches
        sql_times, results = [], {}
        for key, run in sql_runs:
            started = time.perf_counter()
            results[key] = as_pairs(run())
            sql_times.append((time.perf_counter() - started) * 1000)
        python_times = []
        for key, run in python_runs:
            started = time.perf_counter()
            expected = run()
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
            ("top 20 postings for a talent", lambda: queries.top_postings_for_talent(_profile(profile_id), k=20)),
            ("top 50 talents for a posting", lambda: queries.top_talents_for_posting(_posting(posting_id), k=50)),
        ]:  # fmt: skip
            self.stdout.write(f"\nQuery plan of the {title}:")
            with queries.explained() as plans:
                run()
            for plan in plans:  # sort keys repeat the whole formula: shortened
                self.stdout.write("\n".join(line[:150] for line in plan.splitlines()))


def _profile(pk: int) -> TalentProfile:
    return TalentProfile(pk=pk)


def _posting(pk: int) -> Posting:
    return Posting(pk=pk)
