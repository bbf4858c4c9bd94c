import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from accounts.factories import RecruiterUserFactory
from companies import services
from companies.factories import (
    CompanyFactory,
    CompanySiteFactory,
    MembershipFactory,
    PostingFactory,
)
from companies.models import Company, Invitation, Membership, Posting, PostingTransition
from region.factories import dresden
from taxonomy.factories import SkillFactory


@pytest.fixture
def company(bob):
    """Bob's company, verified, with a site in Dresden."""
    company = CompanyFactory(name="Elbtal Sensorik GmbH")
    CompanySiteFactory(company=company, town=dresden())
    MembershipFactory(company=company, user=bob, role=Membership.Role.OWNER)
    return company


@pytest.fixture
def other_company_posting(db):
    """A posting of a company bob has nothing to do with."""
    return PostingFactory(company=CompanyFactory(name="Konkurrenz AG"))


def company_data(**changes):
    data = {
        "name": "Neue Werkstatt GmbH",
        "legal_form": "gmbh",
        "size_class": "1-9",
        "sector": "C",
        "website": "https://neue-werkstatt.example",
        "description_de": "Wir reparieren Maschinen.",
        "sites-TOTAL_FORMS": "1",
        "sites-INITIAL_FORMS": "0",
        "sites-MIN_NUM_FORMS": "1",
        "sites-MAX_NUM_FORMS": "1000",
        "sites-0-town": str(dresden().pk),
        "sites-0-street": "Hauptstraße 5",
        "sites-0-postal_code": "01067",
    }
    data.update(changes)
    return data


def png_bytes(size=(800, 400)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def posting_data(company, **changes):
    site = company.sites.first()
    data = {
        "title": "Werkstudent*in Automatisierung",
        "posting_type": "working_student",
        "degree_level": "0",
        "sites": [str(site.pk)],
        "workplace": "on_site",
        "hours_per_week": "15",
        "salary_period": "HOUR",
        "expires_at": (timezone.now() + timedelta(days=30)).date().isoformat(),
        "description_de": "Sie programmieren Steuerungen.",
        "apply_in_portal": "on",
        "skills-TOTAL_FORMS": "1",
        "skills-INITIAL_FORMS": "0",
        "skills-MIN_NUM_FORMS": "0",
        "skills-MAX_NUM_FORMS": "30",
        "skills-0-skill": "sps",
        "skills-0-is_required": "on",
        "skills-0-level": "2",
        "languages-TOTAL_FORMS": "1",
        "languages-INITIAL_FORMS": "0",
        "languages-MIN_NUM_FORMS": "0",
        "languages-MAX_NUM_FORMS": "6",
        "languages-0-language": "de",
        "languages-0-level": "4",
    }
    data.update(changes)
    return data


# --- Companies -------------------------------------------------------------------------------------


def test_recruiter_registers_a_company_that_waits_for_verification(client, bob):
    client.force_login(bob)
    response = client.post(reverse("companies:company_create"), company_data())
    company = Company.objects.get(name="Neue Werkstatt GmbH")
    assert response.status_code == 302
    assert company.verification_status == Company.Verification.PENDING
    assert company.memberships.get().user == bob
    assert company.memberships.get().role == Membership.Role.OWNER
    assert company.sites.get().town.name == "Dresden"
    client.logout()
    assert client.get(company.get_absolute_url()).status_code == 404


def test_talent_cannot_register_a_company(client, alice):
    client.force_login(alice)
    assert client.get(reverse("companies:company_create")).status_code == 403


def test_company_needs_a_location_and_keeps_what_was_typed(client, bob):
    client.force_login(bob)
    response = client.post(
        reverse("companies:company_create"),
        company_data(**{"sites-0-town": "", "sites-0-street": ""}),
    )
    assert response.status_code == 200
    assert 'value="Neue Werkstatt GmbH"' in response.text
    assert not Company.objects.exists()


def test_logo_is_resized_and_stored_as_png(client, bob, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(bob)
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    client.post(reverse("companies:company_create"), company_data(logo=logo))
    company = Company.objects.get()
    with Image.open(company.logo.path) as image:
        assert image.format == "PNG"
        assert max(image.size) <= 512


def test_file_that_is_no_image_is_refused_with_a_clear_message(client, bob, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(bob)
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = client.post(reverse("companies:company_create"), company_data(logo=fake))
    assert response.status_code == 200
    assert "Diese Datei ist kein Bild, das wir lesen können." in response.text
    assert 'value="Neue Werkstatt GmbH"' in response.text


def test_oversized_logo_is_refused(client, bob, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.LOGO_MAX_BYTES = 1000
    client.force_login(bob)
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    response = client.post(reverse("companies:company_create"), company_data(logo=logo))
    assert "größer als 2 MB" in response.text
    assert not Company.objects.exists()


# --- Postings --------------------------------------------------------------------------------------


def test_recruiter_writes_a_posting_with_skills_typed_as_synonyms(
    client, bob, company, own_taxonomy
):
    skill = SkillFactory(
        label_de="SPS-Programmierung", label_en="PLC programming", alternative_labels=["SPS"]
    )
    client.force_login(bob)
    response = client.post(
        reverse("companies:posting_create", args=[company.slug]), posting_data(company)
    )
    posting = Posting.objects.get()
    assert response.status_code == 302
    assert posting.status == Posting.Status.DRAFT
    assert posting.skills.get().skill == skill
    assert posting.languages.get().level == 4


def test_unknown_skill_is_explained_and_nothing_typed_is_lost(client, bob, company):
    client.force_login(bob)
    response = client.post(
        reverse("companies:posting_create", args=[company.slug]),
        posting_data(company, **{"skills-0-skill": "Zauberei"}),
    )
    assert response.status_code == 200
    assert "„Zauberei“ ist nicht in unserer Liste" in response.text or "Zauberei" in response.text
    assert 'value="Werkstudent*in Automatisierung"' in response.text
    assert not Posting.objects.exists()


def test_working_students_cannot_be_asked_for_more_than_20_hours(client, bob, company):
    client.force_login(bob)
    data = posting_data(company, hours_per_week="30", **{"skills-TOTAL_FORMS": "0"})
    response = client.post(reverse("companies:posting_create", args=[company.slug]), data)
    assert response.status_code == 200
    assert not Posting.objects.exists()


def test_submitting_a_complete_draft_puts_it_in_review(client, bob, company):
    posting = PostingFactory(company=company, status=Posting.Status.DRAFT, published_at=None)
    client.force_login(bob)
    client.post(reverse("companies:posting_submit", args=[posting.pk]))
    posting.refresh_from_db()
    assert posting.status == Posting.Status.IN_REVIEW
    transition = posting.transitions.get()
    assert (transition.from_status, transition.to_status, transition.by) == (
        "draft",
        "in_review",
        bob,
    )


def test_incomplete_draft_cannot_be_submitted(client, bob, company):
    posting = PostingFactory(
        company=company, status=Posting.Status.DRAFT, description_de="", description_en=""
    )
    client.force_login(bob)
    response = client.post(reverse("companies:posting_submit", args=[posting.pk]), follow=True)
    posting.refresh_from_db()
    assert posting.status == Posting.Status.DRAFT
    assert "Beschreibung" in response.text


def test_editing_a_published_posting_keeps_the_live_version_until_staff_approve(
    client, bob, carol, company
):
    posting = PostingFactory(company=company, title="Alter Titel")
    client.force_login(bob)
    edit_page = client.get(reverse("companies:posting_edit", args=[posting.pk]))
    revision = edit_page.context["posting"]
    assert revision.revision_of == posting
    data = posting_data(company, title="Neuer Titel", **{"skills-TOTAL_FORMS": "0"})
    client.post(reverse("companies:posting_edit", args=[posting.pk]), data)
    client.post(reverse("companies:posting_submit", args=[posting.pk]))
    assert "Alter Titel" in client.get(posting.get_absolute_url()).text

    services.publish_posting(posting=Posting.objects.get(revision_of=posting), by=carol)
    posting.refresh_from_db()
    assert posting.title == "Neuer Titel"
    assert posting.status == Posting.Status.PUBLISHED
    assert not Posting.objects.filter(revision_of=posting).exists()


def test_recruiter_marks_a_posting_filled(client, bob, company):
    posting = PostingFactory(company=company)
    client.force_login(bob)
    client.post(reverse("companies:posting_close", args=[posting.pk]), {"how": "filled"})
    posting.refresh_from_db()
    assert posting.status == Posting.Status.FILLED
    assert client.get(posting.get_absolute_url()).status_code == 200  # the team still sees it
    client.logout()
    assert client.get(posting.get_absolute_url()).status_code == 410


@pytest.mark.parametrize("number_of_postings", [3, 30])
def test_postings_list_runs_a_constant_number_of_queries(
    client, bob, company, django_assert_max_num_queries, number_of_postings
):
    for _ in range(number_of_postings):
        PostingFactory(company=company)
    client.force_login(bob)
    url = reverse("companies:company_postings", args=[company.slug])
    client.get(url)  # the first request after signing in also stores the session's start
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200


# --- Team ------------------------------------------------------------------------------------------


def test_owner_invites_a_colleague_who_joins(
    client, bob, company, django_capture_on_commit_callbacks
):
    client.force_login(bob)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("companies:company_team", args=[company.slug]),
            {"email": "dana@example.org", "role": "recruiter"},
        )
    invitation = Invitation.objects.get()
    assert mail.outbox[0].to == ["dana@example.org"]
    assert invitation.get_absolute_url() in mail.outbox[0].body

    dana = RecruiterUserFactory(email="dana@example.org")
    client.force_login(dana)
    client.post(invitation.get_absolute_url())
    assert company.memberships.filter(user=dana, role=Membership.Role.RECRUITER).exists()


def test_invitation_cannot_be_used_by_another_account(client, bob, company):
    invitation = Invitation.objects.create(
        company=company, email="dana@example.org", invited_by=bob
    )
    mallory = RecruiterUserFactory(email="mallory@example.org")
    client.force_login(mallory)
    response = client.post(invitation.get_absolute_url(), follow=True)
    assert "an eine andere E-Mail-Adresse" in response.text
    assert not company.memberships.filter(user=mallory).exists()


def test_recruiter_who_is_not_an_owner_cannot_invite(client, company):
    colleague = MembershipFactory(company=company, role=Membership.Role.RECRUITER).user
    client.force_login(colleague)
    response = client.post(
        reverse("companies:company_team", args=[company.slug]),
        {"email": "x@example.org", "role": "owner"},
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_last_owner_cannot_leave(client, bob, company):
    membership = company.memberships.get(user=bob)
    client.force_login(bob)
    response = client.post(
        reverse("companies:member_remove", args=[company.slug, membership.pk]), follow=True
    )
    assert company.memberships.filter(user=bob).exists()
    assert "letzte" in response.text


def test_owner_removes_a_recruiter(client, bob, company):
    colleague = MembershipFactory(company=company, role=Membership.Role.RECRUITER)
    client.force_login(bob)
    client.post(reverse("companies:member_remove", args=[company.slug, colleague.pk]))
    assert not company.memberships.filter(pk=colleague.pk).exists()


# --- Nobody touches another company's things -------------------------------------------------------


def recruiter_urls(posting):
    company, membership = posting.company, posting.company.memberships.first()
    return [
        ("get", reverse("companies:company_edit", args=[company.slug])),
        ("get", reverse("companies:company_team", args=[company.slug])),
        ("post", reverse("companies:company_team", args=[company.slug])),
        ("get", reverse("companies:company_postings", args=[company.slug])),
        ("get", reverse("companies:posting_create", args=[company.slug])),
        ("get", reverse("companies:posting_edit", args=[posting.pk])),
        ("post", reverse("companies:posting_edit", args=[posting.pk])),
        ("post", reverse("companies:posting_submit", args=[posting.pk])),
        ("post", reverse("companies:posting_close", args=[posting.pk])),
        ("post", reverse("companies:member_remove", args=[company.slug, membership.pk])),
    ]


def test_recruiter_of_another_company_gets_404_everywhere(
    client, bob, company, other_company_posting
):
    MembershipFactory(company=other_company_posting.company)
    client.force_login(bob)
    for method, url in recruiter_urls(other_company_posting):
        response = getattr(client, method)(url)
        assert response.status_code == 404, (method, url)
    other_company_posting.refresh_from_db()
    assert other_company_posting.status == Posting.Status.PUBLISHED
    assert not PostingTransition.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, other_company_posting):
    MembershipFactory(company=other_company_posting.company)
    for method, url in recruiter_urls(other_company_posting):
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert reverse("account_login") in response["Location"]


def test_logo_with_too_many_pixels_is_refused_before_decoding(client, bob, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(bob)
    logo = SimpleUploadedFile("logo.png", png_bytes(size=(5000, 4000)), content_type="image/png")
    response = client.post(reverse("companies:company_create"), company_data(logo=logo))
    assert response.status_code == 200
    assert not Company.objects.exists()


def test_a_posting_stays_visible_for_the_whole_chosen_day(client, bob, company):
    SkillFactory(label_de="SPS-Programmierung", alternative_labels=["SPS"])
    client.force_login(bob)
    client.post(reverse("companies:posting_create", args=[company.slug]), posting_data(company))
    expires_at = timezone.localtime(Posting.objects.get().expires_at)
    assert (expires_at.hour, expires_at.minute) == (23, 59)
