"""Data for `make loadtest`: the demo, synthetic postings and talents, and signed-in sessions.

The synthetic region is the matching benchmark's (`matching.bench.generate`: clustered skills,
regional languages, 70 % of talents visible). Writes a plan (JSON) for the load generator:
sample URLs of postings and companies and session cookies of synthetic talents and recruiters
with their matching pages, so that the load test measures pages, not sign-ins (which are
rate-limited on purpose). Idempotent: data that is there is kept.
"""

import json
import random
from argparse import ArgumentParser
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.management.base import BaseCommand
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from companies.models import Company, Membership, Posting
from matching.bench import EMAIL_DOMAIN, generate, remove_generated_data
from talents.models import TalentProfile

RECRUITER_DOMAIN = "load.invalid"
# The signed-in pages in the mix: a talent's matches, a posting's matching talents.
TALENT_PAGE, TALENT_PAGE_NAME = "matching:my_matches", "talent: my matches"
RECRUITER_PAGE, RECRUITER_PAGE_NAME = "matching:matching_talents", "recruiter: matching talents"


class Command(BaseCommand):
    help = "Fill the load-test database (postings, talents) and write the load generator's plan."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--postings", type=int, default=20_000)
        parser.add_argument("--talents", type=int, default=100_000)
        parser.add_argument("--sessions", type=int, default=40, help="per role")
        parser.add_argument("--plan", type=Path, required=True)

    def handle(
        self,
        *args: object,
        postings: int,
        talents: int,
        sessions: int,
        plan: Path,
        **options: object,
    ) -> None:
        rng = random.Random(2026)  # noqa: S311 – choosing samples, not secrets
        have = (
            Posting.objects.filter(company__slug__startswith="bench-").count(),
            TalentProfile.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}").count(),
        )
        if have != (postings, talents):
            self.stdout.write(f"Generating {postings:,} postings and {talents:,} talents …")
            remove_generated_data()
            User.objects.filter(email__endswith=f"@{RECRUITER_DOMAIN}").delete()
            generate(postings=postings, talents=talents)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        talent_users = list(
            User.objects.filter(
                email__endswith=f"@{EMAIL_DOMAIN}",
                talent_profile__visibility=TalentProfile.Visibility.ANONYMOUS,
            ).order_by("pk")[:sessions]
        )
        published = Posting.objects.published().filter(company__slug__startswith="bench-")
        companies = list(
            Company.objects.filter(slug__startswith="bench-").order_by("pk")[:sessions]
        )
        recruiters = [_recruiter_of(company) for company in companies]
        their_postings = [published.filter(company=company).first() for company in companies]
        sample = rng.sample(list(published.values_list("pk", flat=True)), k=500)
        plan.write_text(
            json.dumps(
                {
                    "postings": [
                        posting.get_absolute_url()
                        for posting in Posting.objects.filter(pk__in=sample).select_related(
                            "company"
                        )
                    ],
                    "companies": [company.get_absolute_url() for company in companies],
                    "talent_page_name": TALENT_PAGE_NAME,
                    "talent_sessions": [
                        {"cookie": _session_for(user), "page": reverse(TALENT_PAGE)}
                        for user in talent_users
                    ],
                    "recruiter_page_name": RECRUITER_PAGE_NAME,
                    "recruiter_sessions": [
                        {
                            "cookie": _session_for(user),
                            "page": reverse(RECRUITER_PAGE, kwargs={"pk": posting.pk}),
                        }
                        for user, posting in zip(recruiters, their_postings, strict=True)
                        if posting
                    ],
                    "session_cookie": settings.SESSION_COOKIE_NAME,
                },
                indent=1,
            )
        )
        self.stdout.write(
            f"Plan written to {plan}: {published.count()} published postings, "
            f"{TalentProfile.objects.count()} talents, {len(talent_users)} + {len(recruiters)} "
            "sessions."
        )


def _recruiter_of(company: Company) -> User:
    user, _ = User.objects.get_or_create(
        email=f"recruiter-{company.slug}@{RECRUITER_DOMAIN}",
        defaults={"account_type": User.AccountType.RECRUITER, "password": "!"},
    )
    Membership.objects.get_or_create(
        company=company, user=user, defaults={"role": Membership.Role.OWNER}
    )
    return user


def _session_for(user: User) -> str:
    """A signed-in session, as django.contrib.auth.login would leave it."""
    session = SessionStore()
    now = timezone.now().isoformat()
    session.update(
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[0],
            HASH_SESSION_KEY: user.get_session_auth_hash(),
            "signed_in_at": now,
            "last_seen_at": now,
        }
    )
    session.create()
    return str(session.session_key)
