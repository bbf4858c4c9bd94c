"""Alice (and bob) see what is stored about them, take a copy and delete their accounts; the
retention jobs erase what nobody needs any more."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.factories import PASSWORD, RecruiterUserFactory, TalentUserFactory
from accounts.models import User
from companies.factories import CompanyFactory, MembershipFactory, PostingFactory
from companies.models import Company, Membership, Posting
from region.factories import dresden
from talents.factories import (
    ApplicationFactory,
    TalentLanguageFactory,
    TalentProfileFactory,
    TalentSkillFactory,
)
from talents.models import (
    Application,
    Bookmark,
    Consent,
    ContactRequest,
    SavedSearch,
    TalentProfile,
)
from talents.services.gdpr import (
    anonymise_old_applications,
    delete_unverified_accounts,
    remind_and_delete_inactive_profiles,
)

PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def stored(name: str) -> bool:
    return (Path(settings.MEDIA_ROOT) / name).exists()


@pytest.fixture
def company(bob):
    """Bob's company, verified; bob is its only owner."""
    company = CompanyFactory(name="Elbtal Sensorik GmbH")
    MembershipFactory(company=company, user=bob, role=Membership.Role.OWNER)
    return company


@pytest.fixture
def posting(company):
    return PostingFactory(company=company, title="Werkstudent*in Messtechnik")


@pytest.fixture
def alice_profile(alice):
    """Alice's profile: a skill, a language, a preferred town, her work permit and a CV."""
    profile = TalentProfileFactory(user=alice, work_permit=TalentProfile.WorkPermit.STUDENT_VISA)
    profile.preferred_towns.add(dresden())
    TalentSkillFactory(profile=profile, skill__label_en="Python", skill__label_de="Python")
    TalentLanguageFactory(profile=profile, language="en", level=5)
    profile.cv.save("cv.pdf", ContentFile(PDF))
    return profile


@pytest.fixture
def application(alice_profile, posting):
    """Alice's application to bob's posting, with its own copy of her CV."""
    application = ApplicationFactory(posting=posting, profile=alice_profile, message="Hallo Bob!")
    application.cv.save("cv.pdf", ContentFile(PDF))
    return application


@pytest.fixture
def contact_request(alice_profile, company, bob):
    return ContactRequest.objects.create(
        company=company, profile=alice_profile, sent_by=bob, message="Wir suchen Sie!"
    )


@pytest.fixture
def alices_everything(alice, application, contact_request, posting):
    """Alice with a profile, an application, a contact request, a bookmark, a saved search and
    a consent."""
    Bookmark.objects.create(user=alice, posting=posting)
    SavedSearch.objects.create(user=alice, name="Python in Dresden", query="q=Python")
    Consent.objects.create(user=alice, kind=Consent.Kind.ALERTS, given=True, text_version="v1")
    return alice


@pytest.fixture
def someone_else(posting):
    """Another talent who applied to the same posting."""
    profile = TalentProfileFactory(
        user=TalentUserFactory(email="zoe@example.org"), bio_de="Zoes geheimer Text"
    )
    ApplicationFactory(posting=posting, profile=profile, message="Zoes Nachricht")
    return profile.user


# --- What is stored ------------------------------------------------------------------------------


def test_talent_sees_what_is_stored_about_her(client, alices_everything):
    client.force_login(alices_everything)
    response = client.get(reverse("talents:my_data"))
    assert response.status_code == 200
    assert reverse("talents:data_export") in response.text
    assert reverse("talents:data_erase") in response.text


def test_my_data_needs_a_signed_in_person(client, db):
    response = client.get(reverse("talents:my_data"))
    assert response.status_code == 302
    assert reverse("account_login") in response.url


# --- Export --------------------------------------------------------------------------------------


def export(client) -> dict:
    response = client.get(reverse("talents:data_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    return json.loads(response.content)


def test_talent_downloads_all_her_data(client, alices_everything, someone_else):
    client.force_login(alices_everything)
    data = export(client)
    assert data["account"]["email"] == "alice@example.org"
    assert data["account"]["name"] == "Alice Neumann"
    profile = data["talent_profile"]
    assert profile["work_permit"] == "student_visa"  # her own data, even if companies never see it
    assert profile["skills"][0]["skill"] == "Python"
    assert profile["languages"] == [{"language": "en", "level": 5}]
    assert profile["preferred_towns"] == ["Dresden"]
    [application] = data["applications"]
    assert application["posting"] == "Werkstudent*in Messtechnik"
    assert application["company"] == "Elbtal Sensorik GmbH"
    assert application["message"] == "Hallo Bob!"
    assert data["contact_requests"][0]["message"] == "Wir suchen Sie!"
    assert data["bookmarks"][0]["posting"] == "Werkstudent*in Messtechnik"
    assert data["saved_searches"][0]["query"] == "q=Python"
    assert data["consents"][0]["kind"] == "alerts"


def test_export_holds_nobody_elses_personal_data(client, alices_everything, someone_else, bob):
    client.force_login(alices_everything)
    text = json.dumps(export(client))
    assert "zoe@example.org" not in text
    assert "Zoes" not in text
    assert bob.email not in text  # bob wrote the contact request; his address is his
    assert "Bob Krause" not in text


def test_recruiter_downloads_his_data(client, bob, company):
    client.force_login(bob)
    data = export(client)
    assert data["account"]["account_type"] == "recruiter"
    assert data["talent_profile"] is None
    assert data["company_memberships"] == [
        {
            "company": "Elbtal Sensorik GmbH",
            "role": "owner",
            "since": data["company_memberships"][0]["since"],
        }
    ]


def test_export_is_only_for_the_signed_in_person(client, db):
    response = client.get(reverse("talents:data_export"))
    assert response.status_code == 302


# --- Erasure -------------------------------------------------------------------------------------


def erase(client, password=PASSWORD):
    return client.post(reverse("talents:data_erase"), {"password": password})


def test_erasure_page_explains_and_asks_for_the_password(client, alice):
    client.force_login(alice)
    response = client.get(reverse("talents:data_erase"))
    assert response.status_code == 200
    assert 'name="password"' in response.text


def test_wrong_password_deletes_nothing(client, alices_everything, application):
    client.force_login(alices_everything)
    response = erase(client, password="falsch-falsch-falsch")
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert User.objects.filter(pk=alices_everything.pk).exists()
    assert TalentProfile.objects.filter(user=alices_everything).exists()
    application.refresh_from_db()
    assert application.message == "Hallo Bob!"
    assert stored(application.cv.name)
    assert Bookmark.objects.exists()
    assert SavedSearch.objects.exists()


def test_password_cannot_be_guessed_on_the_erasure_page(client, alice):
    client.force_login(alice)
    for _attempt in range(10):
        erase(client, password="falsch-falsch-falsch")
    response = erase(client)  # even the right password waits now
    assert response.status_code == 302
    assert User.objects.filter(pk=alice.pk).exists()


def test_talent_erases_her_account_and_everything_in_it(
    client, alices_everything, application, alice_profile, django_capture_on_commit_callbacks
):
    alice = alices_everything
    cv_files = [alice_profile.cv.name, application.cv.name]
    assert all(stored(name) for name in cv_files)
    elsewhere = Client()
    elsewhere.force_login(alice)  # signed in on a second device too
    client.force_login(alice)

    with django_capture_on_commit_callbacks(execute=True):
        response = erase(client)

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert not User.objects.filter(email="alice@example.org").exists()
    assert not TalentProfile.objects.exists()
    assert not any(stored(name) for name in cv_files)
    application.refresh_from_db()  # the company's count stays right
    assert application.profile is None
    assert application.message == ""
    assert not application.cv
    assert application.anonymised_at is not None
    assert not ContactRequest.objects.exists()
    assert not Bookmark.objects.exists()
    assert not SavedSearch.objects.exists()
    assert not Consent.objects.exists()
    assert not EmailAddress.objects.filter(email="alice@example.org").exists()
    assert not [
        session
        for session in Session.objects.all()
        if session.get_decoded().get("_auth_user_id") == str(alice.pk)
    ]
    assert elsewhere.get(reverse("talents:my_data")).status_code == 302  # signed out there
    assert client.get(reverse("talents:my_data")).status_code == 302


def test_erasure_leaves_other_people_alone(
    client, alices_everything, someone_else, django_capture_on_commit_callbacks
):
    client.force_login(someone_else)
    with django_capture_on_commit_callbacks(execute=True):
        erase(client)
    assert User.objects.filter(pk=alices_everything.pk).exists()
    assert Application.objects.get(profile__user=alices_everything).message == "Hallo Bob!"
    assert Bookmark.objects.filter(user=alices_everything).exists()


def test_last_owner_of_a_company_cannot_erase_the_account(client, bob, company):
    client.force_login(bob)
    response = client.get(reverse("talents:data_erase"))
    assert "Elbtal Sensorik GmbH" in response.text
    assert 'name="password"' not in response.text

    response = erase(client)
    assert response.status_code == 302
    assert User.objects.filter(pk=bob.pk).exists()
    assert company.memberships.filter(user=bob).exists()


def test_owner_erases_the_account_once_another_owner_is_there(
    client, bob, company, django_capture_on_commit_callbacks
):
    colleague = RecruiterUserFactory()
    MembershipFactory(company=company, user=colleague, role=Membership.Role.OWNER)
    client.force_login(bob)
    with django_capture_on_commit_callbacks(execute=True):
        erase(client)
    assert not User.objects.filter(pk=bob.pk).exists()
    assert Company.objects.filter(pk=company.pk).exists()
    assert company.memberships.get().user == colleague


# --- Retention -----------------------------------------------------------------------------------


def joined_ago(days: int, **fields) -> User:
    user = TalentUserFactory(**fields)
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=days))
    return user


def test_unconfirmed_accounts_are_deleted_after_14_days(db):
    unconfirmed = joined_ago(15, verified_email=False)
    EmailAddress.objects.create(user=unconfirmed, email=unconfirmed.email, verified=False)
    just_joined = joined_ago(13, verified_email=False)
    confirmed = joined_ago(400)
    staff = joined_ago(30, verified_email=False, is_staff=True)

    assert delete_unverified_accounts() == 1
    assert delete_unverified_accounts() == 0
    assert not User.objects.filter(pk=unconfirmed.pk).exists()
    assert not EmailAddress.objects.filter(email=unconfirmed.email).exists()
    assert User.objects.filter(pk__in=[just_joined.pk, confirmed.pk, staff.pk]).count() == 3


def signed_in_ago(user: User, days: int) -> None:
    User.objects.filter(pk=user.pk).update(
        last_login=timezone.now() - timedelta(days=days),
        date_joined=timezone.now() - timedelta(days=days + 100),
    )


def run_retention(django_capture_on_commit_callbacks) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return remind_and_delete_inactive_profiles()


def test_inactive_talent_is_reminded_once_and_erased_30_days_later(
    alice_profile, application, django_capture_on_commit_callbacks
):
    alice = alice_profile.user
    alice.language = "en"
    alice.save()
    signed_in_ago(alice, 400)

    assert run_retention(django_capture_on_commit_callbacks) == 1
    [reminder] = mail.outbox
    assert reminder.to == ["alice@example.org"]
    assert "still need" in reminder.subject
    assert "/en/accounts/login/" in reminder.body
    assert run_retention(django_capture_on_commit_callbacks) == 0  # reminded once only

    TalentProfile.objects.filter(pk=alice_profile.pk).update(
        inactivity_warned_at=timezone.now() - timedelta(days=31)
    )
    cv_name = alice_profile.cv.name
    assert run_retention(django_capture_on_commit_callbacks) == 1
    assert not User.objects.filter(pk=alice.pk).exists()
    assert not stored(cv_name)
    application.refresh_from_db()
    assert application.anonymised_at is not None
    assert "deleted" in mail.outbox[-1].subject
    assert mail.outbox[-1].to == ["alice@example.org"]


def test_talent_who_signs_in_after_the_reminder_stays(
    alice_profile, django_capture_on_commit_callbacks
):
    alice = alice_profile.user
    signed_in_ago(alice, 400)
    run_retention(django_capture_on_commit_callbacks)
    # She signs in, then the 30 days pass.
    User.objects.filter(pk=alice.pk).update(last_login=timezone.now())
    TalentProfile.objects.filter(pk=alice_profile.pk).update(
        inactivity_warned_at=timezone.now() - timedelta(days=31)
    )
    assert run_retention(django_capture_on_commit_callbacks) == 0
    alice_profile.refresh_from_db()
    assert alice_profile.inactivity_warned_at is None  # the next absence gets its own reminder


def test_active_talents_and_recruiters_get_no_reminder(
    alice_profile, bob, django_capture_on_commit_callbacks
):
    signed_in_ago(alice_profile.user, 200)
    signed_in_ago(bob, 800)  # recruiters have no talent profile
    assert run_retention(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def close_ago(posting: Posting, days: int) -> None:
    Posting.objects.filter(pk=posting.pk).update(
        status=Posting.Status.FILLED, closed_at=timezone.now() - timedelta(days=days)
    )


def test_applications_are_anonymised_six_months_after_the_posting_closed(
    application, posting, django_capture_on_commit_callbacks
):
    cv_name = application.cv.name
    recent = ApplicationFactory(posting=PostingFactory(), message="Noch aktuell")
    close_ago(recent.posting, 150)
    close_ago(posting, 190)

    with django_capture_on_commit_callbacks(execute=True):
        assert anonymise_old_applications() == 1
    assert anonymise_old_applications() == 0
    application.refresh_from_db()
    assert application.profile is None
    assert application.message == ""
    assert not application.cv
    assert not stored(cv_name)
    assert TalentProfile.objects.filter(user__email="alice@example.org").exists()  # she stays
    recent.refresh_from_db()
    assert recent.message == "Noch aktuell"


def test_applications_to_long_expired_postings_are_anonymised(application, posting):
    Posting.objects.filter(pk=posting.pk).update(
        status=Posting.Status.EXPIRED, expires_at=timezone.now() - timedelta(days=200)
    )
    assert anonymise_old_applications() == 1


def test_cv_files_nobody_points_to_are_deleted_after_a_day(settings, tmp_path, db):
    import os
    import time

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from talents.services.gdpr import delete_orphaned_files

    settings.MEDIA_ROOT = tmp_path
    kept = TalentProfileFactory()
    kept.cv.save("cv.pdf", ContentFile(b"%PDF-1.4 kept %%EOF"))
    orphan = default_storage.save("applications/orphan.pdf", ContentFile(b"%PDF-1.4 orphan %%EOF"))
    fresh = default_storage.save("applications/fresh.pdf", ContentFile(b"%PDF-1.4 fresh %%EOF"))
    two_days_ago = time.time() - 2 * 24 * 3600
    for name in (kept.cv.name, orphan):
        os.utime(default_storage.path(name), (two_days_ago, two_days_ago))

    assert delete_orphaned_files() == 1
    assert not default_storage.exists(orphan)
    assert default_storage.exists(fresh)  # may still be on its way into a row
    assert default_storage.exists(kept.cv.name)
