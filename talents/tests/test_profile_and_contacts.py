import pytest
from django.core import mail
from django.urls import reverse

from accounts.factories import TalentUserFactory
from companies.factories import CompanyFactory, MembershipFactory
from companies.models import Company
from talents.factories import TalentLanguageFactory, TalentProfileFactory, TalentSkillFactory
from talents.models import Consent, ContactRequest, TalentProfile
from talents.services.profiles import CONSENT_TEXT_VERSION
from taxonomy.factories import SkillFactory


@pytest.fixture
def company(bob):
    company = CompanyFactory(name="Elbtal Sensorik GmbH")
    MembershipFactory(company=company, user=bob)
    return company


@pytest.fixture
def visible_talent(db):
    """Dana, a talent who chose to be found."""
    profile = TalentProfileFactory(
        user=TalentUserFactory(email="dana@example.org", display_name="Dana Weber"),
        visibility=TalentProfile.Visibility.ANONYMOUS,
    )
    TalentSkillFactory(profile=profile, skill=SkillFactory(label_de="Python", label_en="Python"))
    TalentLanguageFactory(profile=profile, language="en", level=5)
    return profile


def formset_data(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "40",
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{key}": value for key, value in row.items()})
    return data


def test_new_talent_profiles_are_hidden(client, alice):
    client.force_login(alice)
    response = client.get(reverse("talents:dashboard"))
    assert response.status_code == 200
    assert alice.talent_profile.visibility == TalentProfile.Visibility.HIDDEN


def test_talent_fills_in_skills_by_synonym_and_languages(client, alice):
    SkillFactory(
        label_de="SPS-Programmierung", label_en="PLC programming", alternative_labels=["SPS"]
    )
    client.force_login(alice)
    data = {
        "status": "student",
        "degree": "1",
        "radius_km": "30",
        "links": "github.com/alice",
        **formset_data("skills", [{"skill": "sps", "level": "2"}]),
        **formset_data("languages", [{"language": "de", "level": "6"}]),
    }
    response = client.post(reverse("talents:profile_edit"), data)
    assert response.status_code == 302
    profile = TalentProfile.objects.get(user=alice)
    assert [entry.skill.label_de for entry in profile.skills.all()] == ["SPS-Programmierung"]
    assert profile.languages.get().level == 6
    assert profile.links == ["https://github.com/alice"]


def test_bad_profile_input_is_explained_and_kept(client, alice):
    client.force_login(alice)
    data = {
        "status": "student",
        "degree": "1",
        "radius_km": "30",
        "bio_de": "Ich löte gern.",
        "links": "a.example\nb.example\nc.example\nd.example",
        **formset_data("skills", []),
        **formset_data("languages", []),
    }
    response = client.post(reverse("talents:profile_edit"), data)
    assert response.status_code == 200
    assert "Ich löte gern." in response.text
    assert not TalentProfile.objects.get(user=alice).bio_de


def test_consents_are_given_separately_and_logged_with_their_version(client, alice):
    client.force_login(alice)
    client.post(reverse("talents:privacy_settings"), {"visible": "on"})
    profile = TalentProfile.objects.get(user=alice)
    assert profile.is_visible_to_companies
    consent = Consent.objects.get(user=alice)
    assert (consent.kind, consent.given, consent.text_version) == (
        "visibility",
        True,
        CONSENT_TEXT_VERSION,
    )

    client.post(reverse("talents:privacy_settings"), {"alerts": "on"})
    profile.refresh_from_db()
    assert not profile.is_visible_to_companies
    assert list(
        Consent.objects.filter(user=alice).order_by("at", "pk").values_list("kind", "given")
    ) == [
        ("visibility", True),
        ("visibility", False),
        ("alerts", True),
    ]


def test_recruiters_have_no_talent_profile(client, bob):
    client.force_login(bob)
    assert client.get(reverse("talents:profile_edit")).status_code == 403
    assert client.get(reverse("talents:dashboard")).status_code == 302


def test_directory_shows_visible_talents_as_anonymous_cards_only(
    client, bob, company, visible_talent
):
    TalentProfileFactory(user=TalentUserFactory(display_name="Hidden Person"))
    client.force_login(bob)
    response = client.get(reverse("talents:talent_directory", args=[company.slug]))
    assert [profile.pk for profile in response.context["page"]] == [visible_talent.pk]
    assert "Dana" not in response.text
    assert "dana@example.org" not in response.text
    assert "Python" in response.text


def test_unverified_company_cannot_browse_talents(client, bob, visible_talent):
    company = CompanyFactory(verification_status=Company.Verification.PENDING)
    MembershipFactory(company=company, user=bob)
    client.force_login(bob)
    response = client.get(reverse("talents:talent_directory", args=[company.slug]))
    assert "page" not in response.context
    detail = reverse("talents:talent_detail", args=[company.slug, visible_talent.pk])
    assert client.get(detail).status_code == 404


def test_hidden_profile_cannot_be_opened_or_contacted(client, bob, company, alice):
    hidden = TalentProfileFactory(user=alice)
    client.force_login(bob)
    assert (
        client.get(reverse("talents:talent_detail", args=[company.slug, hidden.pk])).status_code
        == 404
    )
    url = reverse("talents:contact_request_create", args=[company.slug, hidden.pk])
    assert client.post(url, {"message": "Hallo"}).status_code == 404
    assert not ContactRequest.objects.exists()


def test_contact_request_reveals_the_talent_only_after_acceptance(
    client, bob, company, visible_talent, django_capture_on_commit_callbacks
):
    client.force_login(bob)
    detail = reverse("talents:talent_detail", args=[company.slug, visible_talent.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("talents:contact_request_create", args=[company.slug, visible_talent.pk]),
            {"message": "Wir suchen Unterstützung in Python."},
        )
    contact = ContactRequest.objects.get()
    assert mail.outbox[0].to == ["dana@example.org"]
    assert "Elbtal Sensorik GmbH" in mail.outbox[0].subject
    assert "Dana Weber" not in client.get(detail).text

    second = client.post(
        reverse("talents:contact_request_create", args=[company.slug, visible_talent.pk]),
        {"message": "Nochmal"},
        follow=True,
    )
    assert ContactRequest.objects.count() == 1
    assert second.status_code == 200

    client.force_login(visible_talent.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("talents:contact_answer", args=[contact.pk]), {"answer": "accept"})
    assert "dana@example.org" in mail.outbox[-1].body
    client.force_login(bob)
    page = client.get(detail).text
    assert "Dana Weber" in page
    assert "dana@example.org" in page


def test_declining_keeps_the_talent_anonymous(
    client, bob, company, visible_talent, django_capture_on_commit_callbacks
):
    contact = ContactRequest.objects.create(
        company=company, profile=visible_talent, sent_by=bob, message="Hallo"
    )
    client.force_login(visible_talent.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("talents:contact_answer", args=[contact.pk]), {"answer": "decline"})
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.DECLINED
    assert "dana@example.org" not in mail.outbox[-1].body


def test_a_talent_cannot_answer_someone_elses_request(client, bob, company, visible_talent, alice):
    contact = ContactRequest.objects.create(
        company=company, profile=visible_talent, sent_by=bob, message="Hallo"
    )
    client.force_login(alice)
    assert (
        client.post(
            reverse("talents:contact_answer", args=[contact.pk]), {"answer": "accept"}
        ).status_code
        == 404
    )
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.PENDING


def test_recruiter_of_another_company_cannot_use_its_directory(client, company, visible_talent):
    stranger = MembershipFactory().user
    client.force_login(stranger)
    assert client.get(reverse("talents:talent_directory", args=[company.slug])).status_code == 404
    assert (
        client.get(
            reverse("talents:talent_detail", args=[company.slug, visible_talent.pk])
        ).status_code
        == 404
    )


@pytest.mark.parametrize("number_of_talents", [3, 20])
def test_directory_runs_a_constant_number_of_queries(
    client, bob, company, django_assert_max_num_queries, number_of_talents
):
    for _ in range(number_of_talents):
        profile = TalentProfileFactory(visibility=TalentProfile.Visibility.ANONYMOUS)
        TalentSkillFactory(profile=profile)
        TalentLanguageFactory(profile=profile)
    client.force_login(bob)
    url = reverse("talents:talent_directory", args=[company.slug])
    client.get(url)
    with django_assert_max_num_queries(9):
        client.get(url)


def test_permit_hints_are_for_the_talent_alone(client, alice, bob, company):
    profile = TalentProfileFactory(
        user=alice,
        work_permit=TalentProfile.WorkPermit.STUDENT_VISA,
        visibility=TalentProfile.Visibility.ANONYMOUS,
    )
    client.force_login(alice)
    assert "140" in client.get(reverse("talents:dashboard")).text
    client.force_login(bob)
    page = client.get(reverse("talents:talent_detail", args=[company.slug, profile.pk])).text
    assert "140" not in page
    assert "Aufenthalt" not in page


@pytest.mark.parametrize("number_of_skills", [2, 20])
def test_dashboard_runs_a_constant_number_of_queries(
    client, alice, django_assert_max_num_queries, number_of_skills
):
    profile = TalentProfileFactory(user=alice)
    for _ in range(number_of_skills):
        TalentSkillFactory(profile=profile)
    client.force_login(alice)
    client.get(reverse("talents:dashboard"))
    with django_assert_max_num_queries(8):
        client.get(reverse("talents:dashboard"))
