import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from playwright.sync_api import expect

from accounts.factories import PASSWORD
from accounts.tests.helpers import path_in_email

pytestmark = pytest.mark.browser


def test_talent_signs_up_confirms_email_and_switches_to_english(
    page, live_server, assert_accessible
):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Registrieren", exact=True).click()
    page.wait_for_url("**/accounts/signup/")
    assert_accessible(page)

    page.get_by_label("E-Mail").fill("dana@example.org")
    page.get_by_label("Passwort:", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort (Wiederholung)").fill(PASSWORD)
    page.get_by_label("Talent (Studierende").check()
    page.get_by_role("button", name="Registrieren").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("E-Mail")
    assert_accessible(page)

    page.goto(live_server.url + path_in_email(mail.outbox[0], "/confirm-email/"))
    assert_accessible(page)
    page.get_by_role("button", name="Bestätigen").click()
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()

    page.get_by_role("button", name="Abmelden").click()
    page.get_by_role("link", name="Anmelden").click()
    page.wait_for_url("**/accounts/login/")
    assert_accessible(page)
    page.get_by_label("E-Mail").fill("dana@example.org")
    page.get_by_label("Passwort:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert_accessible(page)


def test_signup_with_missing_account_type_shows_a_clear_message(
    page, live_server, assert_accessible
):
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("E-Mail").fill("erik@example.org")
    page.get_by_label("Passwort:", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort (Wiederholung)").fill(PASSWORD)
    page.get_by_role("button", name="Registrieren").click()
    expect(
        page.get_by_text(
            "Bitte wählen Sie, ob Sie sich als Talent oder als Unternehmen registrieren."
        )
    ).to_be_visible()
    expect(page.get_by_label("E-Mail")).to_have_value("erik@example.org")
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/login/",
        "/accounts/password/reset/",
        "/en/accounts/login/",
        "/en/accounts/signup/",
    ],
)
def test_entrance_pages_are_accessible(page, live_server, assert_accessible, path):
    page.goto(live_server.url + path)
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/accounts/2fa/totp/activate/",
        "/en/accounts/email/",
    ],
)
def test_account_pages_are_accessible(page, live_server, assert_accessible, sign_in, alice, path):
    sign_in(page, alice)
    page.goto(live_server.url + path)
    expect(page.get_by_role("button", name=re.compile("Abmelden|Sign out"))).to_be_visible()
    assert_accessible(page)


def test_staff_member_reaches_the_admin_with_two_factor(
    page, live_server, assert_accessible, sign_in, carol
):
    TOTP.activate(carol, generate_totp_secret())
    sign_in(page, carol)
    page.goto(live_server.url + "/admin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation und Inhalte")
    assert_accessible(page)


def test_staff_member_without_two_factor_is_asked_to_set_it_up(
    page, live_server, assert_accessible, sign_in, carol
):
    sign_in(page, carol)
    page.goto(live_server.url + "/admin/")
    # allauth asks for the password again before a security setting changes.
    assert "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F" in page.url
    expect(
        page.get_by_text("Konten des Projektteams brauchen die Zwei-Faktor-Authentifizierung")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Passwort:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Bestätigen").click()
    assert page.url.endswith("/accounts/2fa/totp/activate/")
    expect(page.get_by_role("img")).to_be_visible()  # the QR code for the authenticator app
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/accounts/user/",
        "/admin/accounts/user/add/",
        "/admin/region/town/",
        "/admin/region/town/add/",
        "/admin/talents/university/",
        "/en/admin/",
    ],
)
def test_admin_pages_are_accessible(page, live_server, assert_accessible, sign_in, carol, path):
    TOTP.activate(carol, generate_totp_secret())
    sign_in(page, carol)
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
