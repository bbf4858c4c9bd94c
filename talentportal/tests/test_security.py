"""The attacks a public portal meets, tried against ours: headers, CSRF, rate limits, tokens,
redirects, uploads and stored scripts. (Who may open which object: test_access_matrix.py.)"""

import json
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.factories import PASSWORD, StaffUserFactory
from accounts.tests.helpers import path_in_email
from companies.factories import CompanyFactory, MembershipFactory, PostingFactory
from companies.models import Membership
from talents.factories import ApplicationFactory, TalentProfileFactory
from talents.models import ContactRequest, TalentProfile
from talents.tests.test_applications import pdf_bytes

PROJECT = Path(__file__).resolve().parents[2]

# --- Headers and cookies, as production sends them ----------------------------------------------

PRODUCTION_REQUEST = """
import json
from django.test import Client
client = Client(HTTP_X_FORWARDED_PROTO="https")
page = client.get("/accounts/login/", HTTP_HOST="talentportal.example")
plain = Client().get("/stellen/", HTTP_HOST="talentportal.example")
print(json.dumps({
    "headers": dict(page.headers),
    "cookies": {name: dict(morsel) for name, morsel in page.cookies.items()},
    "plain_http": [plain.status_code, plain.get("Location", "")],
}))
"""


@pytest.fixture(scope="module")
def production_response():
    """The sign-in page (it sets the CSRF cookie) from a process with production settings."""
    result = subprocess.run(  # noqa: S603 – our own interpreter and manage.py
        [sys.executable, "manage.py", "shell", "-c", PRODUCTION_REQUEST],
        cwd=PROJECT,
        env={
            "PATH": "/usr/bin:/bin",
            "DEBUG": "false",
            "SECRET_KEY": "production-like-" + "k" * 40 + "0123456789",
            "ALLOWED_HOSTS": "talentportal.example",
            "DATABASE_URL": "postgres://user@localhost/unused",
            "LOG_LEVEL": "ERROR",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_and_a_strict_policy(production_response):
    headers = production_response["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_production_redirects_plain_http_to_https(production_response):
    status, location = production_response["plain_http"]
    assert status == 301
    assert location == "https://talentportal.example/stellen/"


def test_production_cookies_are_secure_host_only_and_hidden_from_scripts(production_response):
    csrf = production_response["cookies"]["__Host-csrftoken"]
    assert csrf["secure"] is True
    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Lax"
    assert csrf["path"] == "/"
    assert not csrf["domain"]  # __Host-: never shared with other hosts


def test_production_session_cookie_settings():
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings as s; print(s.SESSION_COOKIE_NAME,"
            " s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE,"
            " s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY)",
        ],
        cwd=PROJECT,
        env={
            "PATH": "/usr/bin:/bin",
            "DEBUG": "false",
            "SECRET_KEY": "production-like-" + "k" * 40 + "0123456789",
            "ALLOWED_HOSTS": "talentportal.example",
            "DATABASE_URL": "postgres://user@localhost/unused",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.split()[-6:] == ["__Host-sessionid", "True", "True", "Lax", "True", "True"]


def test_inline_script_carries_this_responses_nonce(client, db):
    posting = PostingFactory()
    first, second = client.get(posting.get_absolute_url()), client.get(posting.get_absolute_url())
    nonces = []
    for response in (first, second):
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        assert f'<script type="application/ld+json" nonce="{nonce}">' in response.text
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


# --- CSRF: every URL refuses a POST without the token -------------------------------------------

DUMMY_VALUES = {"int": "1", "slug": "x", "str": "x", "path": "x", "uuid": str(uuid.uuid4())}


def every_path() -> list[str]:
    """One concrete path for every URL pattern (objects need not exist: CSRF is checked first)."""
    paths = []

    def walk(patterns: list, prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + _fill(pattern))
            elif isinstance(pattern, URLPattern):
                paths.append(prefix + _fill(pattern))

    walk(get_resolver().url_patterns, "/")
    return sorted({path for path in paths if "(?" not in path and "^" not in path})


def _fill(pattern: URLPattern | URLResolver) -> str:
    text = str(pattern.pattern)
    return (
        re.sub(r"<(?:(\w+):)?\w+>", lambda match: DUMMY_VALUES[match.group(1) or "str"], text)
        .lstrip("^")
        .rstrip("$")
    )


def test_every_url_refuses_a_post_without_csrf_token(db):
    staff = StaffUserFactory()
    TOTP.activate(staff, generate_totp_secret())  # else the admin sends staff to set it up first
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    paths = every_path()
    assert len(paths) > 80  # the walk found the portal, allauth and the admin
    accepted = []
    for path in paths:
        response = client.post(path, {"anything": "1"})
        if response.status_code != 403:
            accepted.append(f"{path}: {response.status_code}")
    assert not accepted, "\n".join(accepted)


# --- Sign-in and password reset -----------------------------------------------------------------


def test_failed_logins_from_one_address_are_limited_across_accounts(client, db):
    for number in range(10):
        client.post(reverse("account_login"), {"login": f"p{number}@example.org", "password": "x"})
    response = client.post(reverse("account_login"), {"login": "last@example.org", "password": "x"})
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.text


def test_password_reset_requests_are_limited(client, alice):
    for _attempt in range(5):
        client.post(reverse("account_reset_password"), {"email": alice.email})
    response = client.post(reverse("account_reset_password"), {"email": alice.email})
    assert response.status_code == 429
    assert len(mail.outbox) <= 5


def test_password_reset_link_works_once(client, alice):
    client.post(reverse("account_reset_password"), {"email": alice.email})
    link = path_in_email(mail.outbox[0], "/password/reset/key/")
    new_password = {"password1": "Neues-Passwort-2026", "password2": "Neues-Passwort-2026"}
    form = client.get(link, follow=True)
    set_password_url = form.redirect_chain[-1][0] if form.redirect_chain else link
    assert client.post(set_password_url, new_password).status_code == 302
    client.logout()

    again = client.get(link, follow=True)
    assert "password1" not in again.text
    attempt = client.post(set_password_url, {**new_password, "password1": "Dritte-Passwort-2026"})
    alice.refresh_from_db()
    assert alice.check_password("Neues-Passwort-2026")
    assert attempt.status_code in (200, 302, 400, 404)


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example"],
)
def test_sign_in_never_sends_a_person_to_another_site(client, alice, target):
    response = client.post(
        reverse("account_login") + f"?next={target}",
        {"login": alice.email, "password": PASSWORD, "next": target},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/"])
def test_language_switch_never_sends_a_person_to_another_site(client, db, target):
    response = client.post(reverse("set_language"), {"language": "en", "next": target})
    assert "evil.example" not in response.get("Location", "")


# --- Uploads ------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
POLYGLOT = pdf_bytes(b" /Title (x)") + HTML  # a valid PDF header and end that is also HTML


@pytest.mark.parametrize(
    ("content", "name"),
    [(PNG, "photo.pdf"), (HTML, "cv.pdf"), (b"MZ\x90\x00" + b"\x00" * 64, "cv.pdf")],
    ids=["png-renamed", "html-renamed", "program-renamed"],
)
def test_a_file_renamed_to_pdf_is_refused(client, alice, content, name):
    client.force_login(alice)
    upload = SimpleUploadedFile(name, content, "application/pdf")
    response = client.post(reverse("talents:cv_upload"), {"cv": upload})
    assert response.status_code == 200
    assert "Diese Datei ist keine PDF-Datei." in response.text


def test_a_huge_upload_is_refused_without_storing_it(client, alice, settings):
    client.force_login(alice)
    huge = SimpleUploadedFile("cv.pdf", pdf_bytes(padding=20 * 1024 * 1024), "application/pdf")
    response = client.post(reverse("talents:cv_upload"), {"cv": huge})
    assert response.status_code in (200, 400, 413)
    assert not TalentProfile.objects.filter(user=alice).exclude(cv="").exists()


def test_a_pdf_that_is_also_html_is_only_ever_downloaded(client, alice):
    client.force_login(alice)
    upload = SimpleUploadedFile("cv.pdf", POLYGLOT, "application/pdf")
    client.post(reverse("talents:cv_upload"), {"cv": upload})
    profile = TalentProfile.objects.get(user=alice)
    response = client.get(reverse("talents:profile_cv", args=[profile.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]


# --- Stored scripts: everything a person types is shown as text ---------------------------------

ATTACKS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "[klick](javascript:alert(1))",
    '<a href="javascript:alert(1)">klick</a>',
]
ATTACK = " ".join(ATTACKS)


def assert_no_markup_from(html: str) -> None:
    for raw in (
        "<script>alert",
        "<img src=x",
        "<svg/onload",
        '<a href="javascript:',
        "<a href=javascript:",
    ):
        assert raw not in html, raw


@pytest.fixture
def everything_typed_with_attacks(db):
    """Every text a person can type, filled with script attacks, in the places they are shown."""
    company = CompanyFactory(description_de=ATTACK, name="Mallory <b>GmbH</b>")
    recruiter = MembershipFactory(company=company, role=Membership.Role.OWNER).user
    posting = PostingFactory(company=company, title=ATTACKS[0], description_de=ATTACK)
    profile = TalentProfileFactory(
        bio_de=ATTACK,
        visibility=TalentProfile.Visibility.ANONYMOUS,
        user__display_name=ATTACKS[1],
    )
    application = ApplicationFactory(posting=posting, profile=profile, message=ATTACK)
    contact = ContactRequest.objects.create(
        company=company, profile=profile, sent_by=recruiter, message=ATTACK
    )
    return {
        "anonymous": (
            None,
            [
                posting.get_absolute_url(),
                company.get_absolute_url(),
                reverse("companies:posting_search") + "?q=alert",
            ],
        ),
        "recruiter": (
            recruiter,
            [
                reverse("talents:application_detail", args=[application.pk]),
                reverse("talents:pipeline", args=[posting.pk]),
            ],
        ),
        "talent": (
            profile.user,
            [
                reverse("talents:my_contact_requests"),
                reverse("talents:my_applications"),
                reverse("talents:dashboard"),
            ],
        ),
        "contact": contact,
    }


@pytest.mark.parametrize("role", ["anonymous", "recruiter", "talent"])
def test_typed_scripts_are_shown_as_text_never_run(client, everything_typed_with_attacks, role):
    user, pages = everything_typed_with_attacks[role]
    if user:
        client.force_login(user)
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert_no_markup_from(response.text)
