import re
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

PROJECT = Path(__file__).resolve().parents[2]
CATALOGS = [
    PROJECT / "locale/de/LC_MESSAGES/django.po",
    PROJECT / "accounts/allauth_locale/de/LC_MESSAGES/django.po",
]
INFORMAL = re.compile(r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer)\b", re.I)


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: path.parent.parent.parent.name)
def test_german_catalog_is_complete(catalog):
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalog)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


@pytest.mark.parametrize(
    "url_name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_email_verification_sent",
    ],
)
def test_german_pages_address_people_formally(client, db, url_name):
    text = client.get(reverse(url_name)).text
    words = re.sub(r"<[^>]+>", " ", text)
    assert not INFORMAL.search(words), INFORMAL.search(words)
