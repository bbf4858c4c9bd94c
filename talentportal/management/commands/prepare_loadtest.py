"""Data for `make loadtest`: the demo, synthetic postings and talents, and signed-in sessions.

Writes a plan (JSON) for the load generator: sample URLs of postings and companies and session
cookies of synthetic talents and recruiters, so that the load test measures pages, not sign-ins
(which are rate-limited on purpose). Idempotent: data that is there is kept.
"""

import json
import random
from argparse import ArgumentParser
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from companies.bench import generate_postings
from companies.models import Company, FieldOfStudy, Membership, Posting, PostingType, Skill
from talents.models import TalentProfile, TalentSkill

EMAIL_DOMAIN = "load.invalid"
# The signed-in pages in the mix: what a talent and a recruiter look at most.
TALENT_PAGE, TALENT_PAGE_NAME = "talents:dashboard", "talent: dashboard"
RECRUITER_PAGE, RECRUITER_PAGE_NAME = "talents:talent_directory", "recruiter: fitting talents"
BATCH = 5000


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
        rng = random.Random(2026)  # noqa: S311 – synthetic data, not secrets
        if Posting.objects.filter(company__slug__startswith="bench-").count() < postings:
            self.stdout.write(f"Generating {postings} postings …")
            generate_postings(count=postings)
        existing = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").count()
        if existing < talents:
            self.stdout.write(f"Generating {talents - existing} talents …")
            _generate_talents(rng, start=existing, count=talents - existing)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        talent_users = list(
            User.objects.filter(
                email__endswith=f"@{EMAIL_DOMAIN}",
                talent_profile__visibility=TalentProfile.Visibility.ANONYMOUS,
            ).order_by("pk")[:sessions]
        )
        companies = list(
            Company.objects.filter(slug__startswith="bench-").order_by("pk")[:sessions]
        )
        recruiters = [_recruiter_of(company) for company in companies]
        published = Posting.objects.published().filter(company__slug__startswith="bench-")
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
                            "page": reverse(RECRUITER_PAGE, kwargs={"slug": company.slug}),
                        }
                        for user, company in zip(recruiters, companies, strict=True)
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


@transaction.atomic
def _generate_talents(rng: random.Random, *, start: int, count: int) -> None:
    skills = list(Skill.objects.values_list("pk", flat=True))
    today = date.today()
    for first in range(start, start + count, BATCH):
        users = User.objects.bulk_create(
            User(
                email=f"talent-{number:06d}@{EMAIL_DOMAIN}",
                password="!",  # unusable: nobody signs in with a password  # noqa: S106
                account_type=User.AccountType.TALENT,
            )
            for number in range(first, min(first + BATCH, start + count))
        )
        profiles = TalentProfile.objects.bulk_create(
            TalentProfile(
                user=user,
                fields_of_study=rng.sample(FieldOfStudy.values, k=rng.randint(1, 2)),
                wanted_types=rng.sample(PostingType.values, k=rng.randint(1, 3)),
                earliest_start=today + timedelta(days=rng.randint(0, 180)),
                visibility=TalentProfile.Visibility.ANONYMOUS
                if rng.random() < 0.7
                else TalentProfile.Visibility.HIDDEN,
            )
            for user in users
        )
        TalentSkill.objects.bulk_create(
            TalentSkill(profile=profile, skill_id=skill, level=rng.randint(1, 3))
            for profile in profiles
            for skill in rng.sample(skills, k=min(len(skills), rng.randint(4, 8)))
        )


def _recruiter_of(company: Company) -> User:
    user, _ = User.objects.get_or_create(
        email=f"recruiter-{company.slug}@{EMAIL_DOMAIN}",
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
