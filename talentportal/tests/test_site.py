import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.urls import reverse

from region.reference import TOWNS
from talentportal.demo import DEMO_LOGINS, seed_demo
from talents.reference import UNIVERSITIES

PROJECT = Path(__file__).resolve().parents[2]


def test_home_page_speaks_german_by_default(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="de">' in response.text
    assert "Für Talente" in response.text
    assert "Für Unternehmen" in response.text


def test_home_page_speaks_english_under_en(client, db):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "For talents" in response.text
    assert "For companies" in response.text


def test_language_switch_keeps_the_page(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/"


def test_home_page_runs_few_queries_for_anonymous_visitors(
    client, db, django_assert_max_num_queries
):
    with django_assert_max_num_queries(0):
        client.get("/")


def test_healthz_answers_without_the_database(client):
    # No db fixture: pytest-django fails this test if the view touches the database.
    response = client.get("/healthz")
    assert response.json() == {"status": "ok"}


def test_readyz_reports_ready_when_migrations_are_applied(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_unknown_page_answers_404_with_our_page(client, db):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.text


def test_pages_send_security_headers(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "base-uri 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_load_nothing_from_other_hosts(client, db):
    html = client.get("/").text
    assert "http://" not in html.replace("http://www.w3.org", "")
    assert "https://" not in html


def test_seed_demo_is_idempotent(db):
    from accounts.models import User
    from region.models import Town
    from talents.models import University

    seed_demo()
    seed_demo()
    assert Town.objects.count() == len(TOWNS)
    assert University.objects.count() == len(UNIVERSITIES)
    assert User.objects.filter(email__in=[login.email for login in DEMO_LOGINS]).count() == 3
    assert Town.objects.get(name="Zittau").district == "goerlitz"


def test_demo_people_can_sign_in(client, db):
    seed_demo()
    response = client.post(
        reverse("account_login"), {"login": "alice@example.org", "password": "Demo-Passwort-2026"}
    )
    assert response.status_code == 302
    assert client.get("/").context["user"].email == "alice@example.org"


def _start_in_production(env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    environment = {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "false",
        "SECRET_KEY": "a" * 20 + "bcdefghijklmnopqrstuvwxyz0123456789",
        "ALLOWED_HOSTS": "talentportal.example",
        "DATABASE_URL": "postgres://user@localhost/db",
        **env_overrides,
    }
    return subprocess.run(  # noqa: S603 – our own interpreter and manage.py
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "too-short"}, "SECRET_KEY"),
        ({"DATABASE_URL": ""}, "DATABASE_URL"),
        ({"DATABASE_URL": "mysql://user@localhost/db"}, "DATABASE_URL"),
        ({"DATABASE_URL": "not a url"}, "DATABASE_URL"),
    ],
)
def test_production_refuses_bad_configuration_in_one_line(overrides, expected):
    result = _start_in_production(overrides)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert expected in result.stderr


def test_production_starts_with_good_configuration():
    result = _start_in_production({})
    assert result.returncode == 0, result.stderr


def test_robots_txt_points_to_the_sitemap_and_keeps_personal_areas_out(client, db):
    text = client.get("/robots.txt").text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
    assert "Disallow: /mein/" in text


def test_scheduled_jobs_close_expired_postings(db):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from companies.factories import PostingFactory
    from companies.models import Posting

    due = PostingFactory(expires_at=timezone.now() - timedelta(hours=1))
    call_command("run_scheduled_jobs", stdout=StringIO())
    due.refresh_from_db()
    assert due.status == Posting.Status.EXPIRED
