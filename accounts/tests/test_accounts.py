from datetime import timedelta

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.factories import PASSWORD
from accounts.models import User
from accounts.tests.helpers import path_in_email

SIGNUP = {"email": "dana@example.org", "password1": PASSWORD, "password2": PASSWORD}


def test_signup_asks_which_kind_of_account(client, db):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 200
    assert (
        "Bitte wählen Sie, ob Sie sich als Talent oder als Unternehmen registrieren."
        in response.text
    )
    assert 'value="dana@example.org"' in response.text  # what was typed is kept
    assert not User.objects.exists()


def test_recruiter_signs_up_and_must_confirm_email_first(client, db):
    response = client.post(reverse("account_signup"), {**SIGNUP, "account_type": "recruiter"})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="dana@example.org")
    assert user.account_type == User.AccountType.RECRUITER
    assert user.is_recruiter

    response = client.post(
        reverse("account_login"), {"login": "dana@example.org", "password": PASSWORD}
    )
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not client.get("/").context["user"].is_authenticated


def test_confirmation_email_is_sent_in_the_page_language(client, db):
    client.post("/en/accounts/signup/", {**SIGNUP, "account_type": "talent"})
    assert len(mail.outbox) == 1
    assert "Please Confirm Your Email Address" in mail.outbox[0].subject
    mail.outbox.clear()

    client.post(
        "/accounts/signup/", {**SIGNUP, "email": "emil@example.org", "account_type": "talent"}
    )
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in mail.outbox[0].subject


def test_confirming_the_email_signs_the_talent_in(client, db):
    client.post(reverse("account_signup"), {**SIGNUP, "account_type": "talent"})
    response = client.post(path_in_email(mail.outbox[0], "/confirm-email/"))
    assert response.status_code == 302
    user = client.get("/").context["user"]
    assert user.email == "dana@example.org"
    assert user.is_talent


def test_repeated_failed_logins_are_refused(client, alice):
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": alice.email, "password": "falsch"})
    response = client.post(reverse("account_login"), {"login": alice.email, "password": PASSWORD})
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.text


def test_password_reset_sends_a_link(client, alice):
    response = client.post(reverse("account_reset_password"), {"email": alice.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert alice.email in mail.outbox[0].to


def test_admin_login_is_allauths_login(client, db):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_staff_without_two_factor_is_sent_to_set_it_up(client, carol):
    client.force_login(carol)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_with_two_factor_reaches_the_admin(client, carol):
    TOTP.activate(carol, generate_totp_secret())
    client.force_login(carol)
    assert client.get(reverse("admin:index")).status_code == 200


def test_talent_cannot_enter_the_admin(client, alice):
    client.force_login(alice)
    assert client.get(reverse("admin:index"), follow=True).status_code == 403


def test_idle_session_is_signed_out(client, alice):
    client.force_login(alice)
    session = client.session
    session["last_seen_at"] = (timezone.now() - timedelta(hours=2)).isoformat()
    session.save()
    response = client.get(reverse("account_email"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not client.get("/").context["user"].is_authenticated


def test_session_ends_after_the_absolute_limit_even_when_active(client, alice):
    client.force_login(alice)
    session = client.session
    session["signed_in_at"] = (timezone.now() - timedelta(hours=13)).isoformat()
    session["last_seen_at"] = timezone.now().isoformat()
    session.save()
    assert client.get(reverse("account_email")).status_code == 302
    assert not client.get("/").context["user"].is_authenticated


def test_active_session_stays_signed_in(client, alice):
    client.force_login(alice)
    assert client.get(reverse("account_email")).status_code == 200
    assert client.get(reverse("account_email")).status_code == 200
