"""Shared pytest fixtures: the named people of our stories, and the browser."""

import os

import pytest

from accounts.factories import RecruiterUserFactory, StaffUserFactory, TalentUserFactory

# Playwright's sync API runs an event loop in the test thread; Django's ORM then refuses to run
# unless told that this is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _fresh_fragment_cache():
    """Rendered page fragments live in each process's memory: no test sees another's."""
    from django.core.cache import caches

    caches["fragments"].clear()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in German, the default: a request of an earlier test (English pages)
    leaves its language active in this thread, and reverse() would follow it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def alice(db):
    """Alice, a talent."""
    return TalentUserFactory(email="alice@example.org", display_name="Alice Neumann")


@pytest.fixture
def bob(db):
    """Bob, a recruiter."""
    return RecruiterUserFactory(email="bob@example.org", display_name="Bob Krause")


@pytest.fixture
def carol(db):
    """Carol, project staff."""
    return StaffUserFactory(email="carol@example.org", display_name="Carol Schubert")


@pytest.fixture
def own_taxonomy(db):
    """For a test that builds its own skill concepts: without the curated list that every
    migrated database has (reference data), so that its labels and synonyms are the only ones."""
    from taxonomy.models import Skill

    Skill.objects.all().delete()


@pytest.fixture
def staff_client(client, carol):
    """The test client signed in as carol, with the two factors staff need for the admin."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(carol, generate_totp_secret())
    client.force_login(carol)
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser; no background connections to the outside."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "de-DE"}


@pytest.fixture
def assert_accessible():
    """Run axe-core on the page as it is now; fail with axe's report on any WCAG 2.1 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page) -> None:
        page.wait_for_load_state(
            "load"
        )  # after a click, check the page it led to, not the one before
        results = axe.run(
            page,
            options={
                "runOnly": {
                    "type": "tag",
                    "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
                },
                "resultTypes": ["violations"],
            },
        )
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


@pytest.fixture
def sign_in(client, live_server):
    """Sign a user in to a Playwright page through a real session cookie (no form typing)."""
    from django.conf import settings

    def sign_in_page(page, user) -> None:
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )

    return sign_in_page
