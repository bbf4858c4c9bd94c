import statistics
import time
from urllib.parse import urlencode

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, reset_queries
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext

from companies.bench import generate_postings, remove_generated
from companies.filters import PostingFilter
from companies.models import Posting

SEARCHES = {
    "newest, page 1": {},
    "text 'Python'": {"q": "Python"},
    "text + type": {"q": "Softwareentwicklung", "type": "working_student"},
    "district + type": {"district": "goerlitz", "type": "thesis"},
    "distance from Görlitz": {"near": "goerlitz", "sort": "distance"},
    "text + distance, page 3": {"q": "Pflege", "near": "dresden", "sort": "distance", "page": "3"},
    "field, no German needed": {"field": "computer_science", "without_german": "on"},
}


class Command(BaseCommand):
    help = "Fill synthetic postings and report p50/p95 server time of typical searches, with query plans."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--postings", type=int, default=20_000)
        parser.add_argument("--repeat", type=int, default=30)
        parser.add_argument(
            "--regenerate", action="store_true", help="Throw away and rebuild the synthetic data."
        )

    def handle(
        self, *args: object, postings: int, repeat: int, regenerate: bool, **options: object
    ) -> None:
        existing = Posting.objects.filter(company__slug__startswith="bench-").count()
        if regenerate or existing != postings:
            self.stdout.write(f"Generating {postings} synthetic postings …")
            started = time.perf_counter()
            remove_generated()
            generate_postings(count=postings)
            self.stdout.write(f"  done in {time.perf_counter() - started:.1f} s")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE companies_posting")  # fresh statistics, no dead rows
        live = Posting.objects.published().count()
        self.stdout.write(
            f"\nPosting search over {live} published postings, {repeat} runs each (server time):"
        )
        self.stdout.write(
            f"{'search':<28} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'results':>8}"
        )
        client = Client(SERVER_NAME="localhost")
        for name, params in SEARCHES.items():
            client.get("/stellen/", params)  # warm caches
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = client.get("/stellen/", params)
                timings.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as queries:
                response = client.get("/stellen/", params)
            p50 = statistics.median(timings)
            p95 = statistics.quantiles(timings, n=20)[18] if len(timings) >= 20 else max(timings)
            assert response.status_code == 200, response.status_code  # noqa: S101  # nosec B101
            count = PostingFilter(
                QueryDict(urlencode(params)), queryset=Posting.objects.published()
            ).qs.count()
            self.stdout.write(f"{name:<28} {p50:>8.1f} {p95:>8.1f} {len(queries):>8} {count:>8}")
            reset_queries()
        plans = {
            "full-text search for a rare word": {"q": "Reinraumrobotik"},
            "full-text search for a common word": {"q": "Python"},
            "newest first": {},
            "district + type": {"district": "goerlitz", "type": "thesis"},
        }
        for title, params in plans.items():
            self.stdout.write(f"\nQuery plan of the {title} (first page):")
            posting_filter = PostingFilter(
                QueryDict(urlencode(params)), queryset=Posting.objects.published()
            )
            self.stdout.write(posting_filter.qs[:20].explain(analyze=True))
