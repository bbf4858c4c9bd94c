"""Alice keeps a CV and applies; bob reads applications to his company's postings; nobody else
sees either (404). Pages are requested in English (German is tested throughout the suite)."""

import zlib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from accounts.factories import RecruiterUserFactory, TalentUserFactory
from companies.factories import CompanyFactory, MembershipFactory, PostingFactory
from companies.models import Membership, Posting
from talents.application_forms import CV_MAX_BYTES, OBJECT_STREAMS_MAX_BYTES
from talents.factories import (
    ApplicationFactory,
    TalentLanguageFactory,
    TalentProfileFactory,
    TalentSkillFactory,
)
from talents.models import Application, ContactRequest, TalentProfile
from talents.services import applications as services
from taxonomy.factories import SkillFactory

MESSAGE = "Ich möchte gern bei Ihnen arbeiten."


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pdf_bytes(catalog_extra: bytes = b"", *, objects: bytes = b"", padding: int = 0) -> bytes:
    """A small, well-formed PDF; catalog_extra goes into the catalog dictionary."""
    return (
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R"
        + catalog_extra
        + b" >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        + objects
        + b"%"
        + b"x" * padding
        + b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def object_stream(content: bytes) -> bytes:
    """An object stream (PDF 1.5), compressed as PDF writers do it."""
    compressed = zlib.compress(content)
    return (
        b"3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(compressed)
        + compressed
        + b"\nendstream\nendobj\n"
    )


def upload(content: bytes | None = None, name: str = "cv.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes() if content is None else content, "application/pdf")


def read(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def company(bob):
    """Bob's company, verified."""
    company = CompanyFactory(name="Elbtal Sensorik GmbH")
    MembershipFactory(company=company, user=bob, role=Membership.Role.OWNER)
    return company


@pytest.fixture
def posting(company):
    return PostingFactory(company=company, title="Werkstudent*in Messtechnik")


@pytest.fixture
def alice_profile(alice):
    """Alice's profile with a CV she uploaded."""
    profile = TalentProfileFactory(user=alice, work_permit=TalentProfile.WorkPermit.STUDENT_VISA)
    profile.cv.save("cv.pdf", ContentFile(pdf_bytes(b" /Author (Alice)")))
    return profile


@pytest.fixture
def application(alice_profile, posting):
    """Alice's application to bob's posting, with its own copy of her CV."""
    application = ApplicationFactory(posting=posting, profile=alice_profile)
    application.cv.save("cv.pdf", ContentFile(pdf_bytes(b" /Author (Alice, sent)")))
    return application


@pytest.fixture
def other_recruiter(db):
    """A recruiter of another company."""
    return MembershipFactory(company=CompanyFactory(name="Konkurrenz AG")).user


# --- The CV in the profile -----------------------------------------------------------------------


def test_talent_uploads_a_cv_that_is_stored_under_a_random_name(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("talents:cv_upload"), {"cv": upload(name="Lebenslauf Alice Neumann.pdf")}
    )
    assert response.status_code == 302
    profile = TalentProfile.objects.get(user=alice)
    assert profile.cv.name.startswith("cvs/")
    assert "Lebenslauf" not in profile.cv.name
    assert profile.cv.read() == pdf_bytes()
    assert profile.cv_uploaded_at is not None


def test_a_new_cv_replaces_the_old_file(client, alice_profile, django_capture_on_commit_callbacks):
    old_path = alice_profile.cv.path
    client.force_login(alice_profile.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("talents:cv_upload"), {"cv": upload()})
    alice_profile.refresh_from_db()
    assert alice_profile.cv.read() == pdf_bytes()
    assert not (alice_profile.cv.storage.exists(old_path))


def test_talent_deletes_the_cv(client, alice_profile, django_capture_on_commit_callbacks):
    old_name = alice_profile.cv.name
    client.force_login(alice_profile.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("talents:cv_upload"), {"delete": "1"}, follow=True)
    alice_profile.refresh_from_db()
    assert not alice_profile.cv
    assert not alice_profile.cv.storage.exists(old_name)
    assert "Your CV was deleted." in response.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Alice Neumann, Lebenslauf\n%%EOF", "This file is not a PDF."),
        (b"%PDF-1.7 cut off in the middle", "This file is not a PDF."),
        (pdf_bytes(padding=CV_MAX_BYTES), "The file is larger than 5 MB."),
        (pdf_bytes(b" /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), "contains scripts"),
        (pdf_bytes(b" /OpenAction << /S/Launch /F (calc.exe) >>"), "contains scripts"),
        (pdf_bytes(b" /OpenAction << /#53 /J#61vaScript >>"), "contains scripts"),
        (pdf_bytes(b" /OpenAction << /JS 5 0 R >>"), "contains scripts"),
        (
            pdf_bytes(b" /OpenAction << /S%x\n/JavaScript /JS%x\n(app.alert(1)) >>"),
            "contains scripts",
        ),
        (
            pdf_bytes(objects=object_stream(b"4 0 << /S /JavaScript /JS (app.alert(1)) >>")),
            "contains scripts",
        ),
        (
            pdf_bytes(objects=object_stream(b"0" * (OBJECT_STREAMS_MAX_BYTES + 1))),
            "We could not check this PDF.",
        ),
    ],
    ids=[
        "text",
        "truncated",
        "oversized",
        "javascript",
        "launch",
        "hex-escaped",
        "script-key",
        "hidden-by-comments",
        "compressed",
        "zip-bomb",
    ],
)
def test_cv_that_is_no_harmless_pdf_is_refused_with_a_clear_message(
    client, alice, content, message
):
    client.force_login(alice)
    response = client.post(reverse("talents:cv_upload"), {"cv": upload(content)})
    assert response.status_code == 200
    assert message in response.text
    assert "Your CV was not saved." in response.text
    assert not TalentProfile.objects.filter(user=alice).exclude(cv="").exists()


@pytest.mark.parametrize(
    "content",
    [
        pdf_bytes(objects=object_stream(b"4 0 << /Type /Font /Subtype /Type1 >>")),
        pdf_bytes(
            b" /Annots [<< /Subtype /Link /A << /S /URI"
            b" /URI (https://developer.mozilla.org/en-US/docs/Web/JavaScript) >> >>]"
        ),
        pdf_bytes(b" /Keywords (Node/JavaScript, Launch/JS)"),
    ],
    ids=["compressed-objects", "link-to-javascript-docs", "keywords"],
)
def test_harmless_pdf_is_accepted_even_if_it_mentions_javascript(client, alice, content):
    client.force_login(alice)
    response = client.post(reverse("talents:cv_upload"), {"cv": upload(content)})
    assert response.status_code == 302
    assert TalentProfile.objects.get(user=alice).cv.read() == content


def test_recruiters_have_no_cv_page(client, bob):
    client.force_login(bob)
    assert client.get(reverse("talents:cv_upload")).status_code == 403


# --- Applying ------------------------------------------------------------------------------------


def test_talent_applies_with_the_cv_from_the_profile(
    client, alice_profile, posting, bob, django_capture_on_commit_callbacks
):
    client.force_login(alice_profile.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("talents:apply", args=[posting.pk]), {"message": MESSAGE})
    assert response.status_code == 302
    assert response["Location"] == reverse("talents:my_applications")
    application = Application.objects.get()
    assert (application.profile, application.status) == (alice_profile, Application.Status.SENT)
    assert application.message == MESSAGE
    assert application.cv.name != alice_profile.cv.name
    assert application.cv.read() == alice_profile.cv.read()
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["alice@example.org", "bob@example.org"]
    to_bob = next(message for message in mail.outbox if message.to == ["bob@example.org"])
    assert "Werkstudent*in Messtechnik" in to_bob.subject
    with translation.override(bob.language):
        assert reverse("talents:application_detail", args=[application.pk]) in to_bob.body


def test_a_later_cv_does_not_change_what_was_sent(client, alice_profile, posting):
    client.force_login(alice_profile.user)
    client.post(reverse("talents:apply", args=[posting.pk]), {"message": ""})
    sent = Application.objects.get().cv.read()
    client.post(reverse("talents:cv_upload"), {"cv": upload(pdf_bytes(b" /Title (New)"))})
    assert Application.objects.get().cv.read() == sent


def test_talent_without_a_profile_applies_with_an_uploaded_cv(client, alice, posting):
    client.force_login(alice)
    response = client.post(
        reverse("talents:apply", args=[posting.pk]), {"message": MESSAGE, "cv": upload()}
    )
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.profile.user == alice
    assert application.cv.read() == pdf_bytes()
    assert not application.profile.cv  # sent with this application only


def test_application_needs_a_cv(client, alice, posting):
    client.force_login(alice)
    response = client.post(reverse("talents:apply", args=[posting.pk]), {"message": MESSAGE})
    assert response.status_code == 200
    assert "Please add your CV as a PDF." in response.text
    assert MESSAGE in response.text
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Alice Neumann, Lebenslauf", "This file is not a PDF."),
        (pdf_bytes(padding=CV_MAX_BYTES), "The file is larger than 5 MB."),
        (pdf_bytes(b" /AA << /O << /S /JavaScript /JS (1) >> >>"), "contains scripts"),
    ],
    ids=["text", "oversized", "javascript"],
)
def test_refused_cv_keeps_the_message_typed(client, alice, posting, content, message):
    client.force_login(alice)
    response = client.post(
        reverse("talents:apply", args=[posting.pk]), {"message": MESSAGE, "cv": upload(content)}
    )
    assert response.status_code == 200
    assert message in response.text
    assert MESSAGE in response.text
    assert "Please choose your CV file again." in response.text
    assert not Application.objects.exists()


def test_talent_cannot_apply_twice(client, application):
    client.force_login(application.profile.user)
    url = reverse("talents:apply", args=[application.posting.pk])
    link = reverse("talents:my_applications") + f"#application-{application.pk}"

    response = client.post(url, {"message": "Noch einmal", "cv": upload()})

    assert response.status_code == 200
    assert "You already applied for this posting" in response.text
    assert link in response.text
    assert Application.objects.count() == 1
    assert link in client.get(url).text


def test_only_talents_apply(client, bob, carol, posting):
    for person in (bob, carol):
        client.force_login(person)
        assert client.get(reverse("talents:apply", args=[posting.pk])).status_code == 403


@pytest.mark.parametrize(
    "fields",
    [
        {"apply_in_portal": False, "apply_url": "https://example.org/jobs"},
        {"status": Posting.Status.DRAFT, "published_at": None},
        {"expires_at": timezone.now() - timedelta(days=1)},
    ],
    ids=["external", "draft", "expired"],
)
def test_cannot_apply_to_a_posting_that_takes_no_portal_applications(
    client, alice_profile, company, fields
):
    posting = PostingFactory(company=company, **fields)
    client.force_login(alice_profile.user)
    url = reverse("talents:apply", args=[posting.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"message": MESSAGE}).status_code == 404
    assert not Application.objects.exists()


def test_applying_shows_the_full_profile_and_cv_to_that_company_only(
    client, alice_profile, posting, bob, other_recruiter
):
    assert not TalentProfile.objects.known_to(bob).exists()
    client.force_login(alice_profile.user)
    client.post(reverse("talents:apply", args=[posting.pk]), {"message": ""})

    assert list(TalentProfile.objects.known_to(bob)) == [alice_profile]
    application = Application.objects.get()
    client.force_login(bob)
    assert client.get(reverse("talents:application_cv", args=[application.pk])).status_code == 200
    # The CV sent with the application, not whatever the profile holds later.
    assert client.get(reverse("talents:profile_cv", args=[alice_profile.pk])).status_code == 404
    client.force_login(other_recruiter)
    assert client.get(reverse("talents:application_cv", args=[application.pk])).status_code == 404


def test_withdrawing_takes_the_full_profile_back(client, alice_profile, posting, bob):
    client.force_login(alice_profile.user)
    client.post(reverse("talents:apply", args=[posting.pk]), {"message": ""})
    application = Application.objects.get()
    client.post(reverse("talents:application_withdraw", args=[application.pk]))
    assert not TalentProfile.objects.known_to(bob).exists()
    assert not TalentProfile.objects.known_to_company(posting.company).exists()


def test_service_refuses_closed_postings_and_second_applications(alice_profile, company, posting):
    filled = PostingFactory(company=company, status=Posting.Status.FILLED)
    with pytest.raises(ValidationError):
        services.apply(talent=alice_profile.user, posting=filled, message="")
    first = services.apply(talent=alice_profile.user, posting=posting, message="")
    with pytest.raises(services.AlreadyApplied) as raised:
        services.apply(talent=alice_profile.user, posting=posting, message="Nochmal")
    assert raised.value.application == first


# --- The talent's list ---------------------------------------------------------------------------


def test_talent_sees_her_applications_and_withdraws_one(client, application):
    client.force_login(application.profile.user)
    response = client.get(reverse("talents:my_applications"))
    assert "Werkstudent*in Messtechnik" in response.text
    assert "Elbtal Sensorik GmbH" in response.text
    assert "Sent" in response.text

    response = client.post(
        reverse("talents:application_withdraw", args=[application.pk]), follow=True
    )
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    assert "Your application is withdrawn." in response.text


@pytest.mark.parametrize("status", ["hired", "declined", "withdrawn"])
def test_finished_application_cannot_be_withdrawn(client, application, status):
    Application.objects.filter(pk=application.pk).update(status=status)
    client.force_login(application.profile.user)
    response = client.get(reverse("talents:my_applications"))
    assert reverse("talents:application_withdraw", args=[application.pk]) not in response.text

    response = client.post(
        reverse("talents:application_withdraw", args=[application.pk]), follow=True
    )
    application.refresh_from_db()
    assert application.status == status
    assert "can no longer be withdrawn" in response.text


@pytest.mark.parametrize("number_of_applications", [3, 20])
def test_my_applications_runs_a_constant_number_of_queries(
    client, alice, django_assert_max_num_queries, number_of_applications
):
    profile = TalentProfileFactory(user=alice)
    for _ in range(number_of_applications):
        ApplicationFactory(profile=profile)
    client.force_login(alice)
    url = reverse("talents:my_applications")
    client.get(url)  # the first request after signing in also stores the session's start
    with django_assert_max_num_queries(3):
        response = client.get(url)
    assert len(response.context["applications"]) == number_of_applications


def test_talent_cannot_reach_another_talents_application_or_cv(client, application):
    eve = TalentUserFactory(email="eve@example.org")
    TalentProfileFactory(user=eve)
    client.force_login(eve)
    for url in [
        reverse("talents:application_cv", args=[application.pk]),
        reverse("talents:profile_cv", args=[application.profile.pk]),
        reverse("talents:application_detail", args=[application.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("talents:application_withdraw", args=[application.pk]))
    assert response.status_code == 404
    assert "Werkstudent*in Messtechnik" not in client.get(reverse("talents:my_applications")).text
    application.refresh_from_db()
    assert application.status == Application.Status.SENT


def test_talent_downloads_her_own_cvs(client, application):
    client.force_login(application.profile.user)
    own = client.get(reverse("talents:profile_cv", args=[application.profile.pk]))
    sent = client.get(reverse("talents:application_cv", args=[application.pk]))
    assert read(own) == application.profile.cv.read()
    assert read(sent) == application.cv.read()


# --- The company's pipeline ----------------------------------------------------------------------


def test_recruiter_sees_the_pipeline_grouped_by_status(client, bob, posting):
    ApplicationFactory(posting=posting, profile__user__display_name="Alice Neumann")
    ApplicationFactory(
        posting=posting,
        profile__user__display_name="Dana Weber",
        status=Application.Status.INTERVIEW,
    )
    ApplicationFactory(profile__user__display_name="Somebody Else")  # another company's posting
    client.force_login(bob)
    response = client.get(reverse("talents:pipeline", args=[posting.pk]))
    assert [(value, len(items)) for value, _label, items in response.context["groups"]] == [
        ("sent", 1),
        ("interview", 1),
    ]
    assert "Alice Neumann" in response.text
    assert "Dana Weber" in response.text
    assert "Somebody Else" not in response.text


@pytest.mark.parametrize("number_of_applications", [3, 20])
def test_pipeline_runs_a_constant_number_of_queries(
    client, bob, posting, django_assert_max_num_queries, number_of_applications
):
    for _ in range(number_of_applications):
        ApplicationFactory(posting=posting)
    client.force_login(bob)
    url = reverse("talents:pipeline", args=[posting.pk])
    client.get(url)  # the first request after signing in also stores the session's start
    with django_assert_max_num_queries(4):
        response = client.get(url)
    assert response.context["total"] == number_of_applications


def test_recruiter_reads_the_full_profile_but_never_the_work_permit(client, bob, application):
    profile = application.profile
    profile.links = ["https://github.com/alice-neumann"]
    profile.save()
    TalentSkillFactory(profile=profile, skill=SkillFactory(label_de="Python", label_en="Python"))
    TalentLanguageFactory(profile=profile, language="en", level=5)
    client.force_login(bob)

    response = client.get(reverse("talents:application_detail", args=[application.pk]))

    for shown in [
        "Alice Neumann",
        "alice@example.org",
        "Python",
        "English C1",
        "https://github.com/alice-neumann",
        "Ich studiere Informatik an der TU Dresden.",
        "Ich interessiere mich sehr für die Stelle.",
        reverse("talents:application_cv", args=[application.pk]),
    ]:
        assert shown in response.text, shown
    assert "residence" not in response.text.lower()
    assert "Student residence permit" not in response.text


def test_opening_a_new_application_marks_it_viewed_and_tells_the_talent(
    client, bob, application, django_capture_on_commit_callbacks
):
    client.force_login(bob)
    url = reverse("talents:application_detail", args=[application.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
        client.get(url)
    application.refresh_from_db()
    assert application.status == Application.Status.VIEWED
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]
    with translation.override(application.profile.user.language):  # hers, not bob's
        assert str(Application.Status.VIEWED.label) in mail.outbox[0].subject


def test_status_change_emails_the_talent_in_her_language(
    client, bob, application, django_capture_on_commit_callbacks
):
    Application.objects.filter(pk=application.pk).update(status=Application.Status.VIEWED)
    alice = application.profile.user
    alice.language = "en"
    alice.save()
    with translation.override("de"):
        url = reverse("talents:application_detail", args=[application.pk])  # bob works in German
    client.force_login(bob)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"status": "interview"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.INTERVIEW
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.org"]
    assert "Interview" in mail.outbox[0].subject
    assert "/en/" + "my/applications/" in mail.outbox[0].body  # her English pages


@pytest.mark.parametrize("status", ["sent", "withdrawn", "hacked"])
def test_recruiter_cannot_set_a_status_of_the_talent_or_the_system(
    client, bob, application, status
):
    Application.objects.filter(pk=application.pk).update(status=Application.Status.IN_REVIEW)
    client.force_login(bob)
    response = client.post(
        reverse("talents:application_detail", args=[application.pk]), {"status": status}
    )
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == Application.Status.IN_REVIEW


def test_withdrawn_application_cannot_be_moved_on(client, bob, application):
    Application.objects.filter(pk=application.pk).update(status=Application.Status.WITHDRAWN)
    client.force_login(bob)
    response = client.post(
        reverse("talents:application_detail", args=[application.pk]),
        {"status": "interview"},
        follow=True,
    )
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    assert "The talent has withdrawn this application." in response.text
    assert not mail.outbox


def test_recruiter_downloads_the_application_cv_privately(client, bob, application):
    client.force_login(bob)
    response = client.get(reverse("talents:application_cv", args=[application.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert read(response) == pdf_bytes(b" /Author (Alice, sent)")


def test_staff_download_both_cvs(client, carol, application):
    client.force_login(carol)
    profile_cv = client.get(reverse("talents:profile_cv", args=[application.profile.pk]))
    application_cv = client.get(reverse("talents:application_cv", args=[application.pk]))
    assert (profile_cv.status_code, application_cv.status_code) == (200, 200)
    assert profile_cv["Cache-Control"] == "private, no-store"


def test_recruiter_of_another_company_gets_404_everywhere(client, other_recruiter, application):
    client.force_login(other_recruiter)
    for method, url in [
        ("get", reverse("talents:pipeline", args=[application.posting.pk])),
        ("get", reverse("talents:application_detail", args=[application.pk])),
        ("post", reverse("talents:application_detail", args=[application.pk])),
        ("get", reverse("talents:application_cv", args=[application.pk])),
        ("get", reverse("talents:profile_cv", args=[application.profile.pk])),
    ]:
        response = getattr(client, method)(url, {"status": "declined"} if method == "post" else {})
        assert response.status_code == 404, (method, url)
    application.refresh_from_db()
    assert application.status == Application.Status.SENT


@pytest.mark.parametrize(
    ("answer", "status_code"),
    [(ContactRequest.Status.ACCEPTED, 200), (ContactRequest.Status.PENDING, 404)],
)
def test_recruiter_whose_contact_request_alice_accepted_may_fetch_her_cv(
    client, alice_profile, bob, company, answer, status_code
):
    ContactRequest.objects.create(
        company=company, profile=alice_profile, sent_by=bob, message="Hallo!", status=answer
    )
    client.force_login(bob)
    response = client.get(reverse("talents:profile_cv", args=[alice_profile.pk]))
    assert response.status_code == status_code


def test_recruiter_of_a_company_the_talent_never_applied_to_cannot_fetch_her_cv(
    client, alice_profile, bob, company
):
    client.force_login(bob)
    assert client.get(reverse("talents:profile_cv", args=[alice_profile.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, application):
    for url in [
        reverse("talents:profile_cv", args=[application.profile.pk]),
        reverse("talents:application_cv", args=[application.pk]),
        reverse("talents:pipeline", args=[application.posting.pk]),
        reverse("talents:apply", args=[application.posting.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("account_login") in response["Location"]


def test_missing_cv_file_is_a_404_not_an_error(client, alice):
    profile = TalentProfileFactory(user=alice)
    client.force_login(alice)
    assert client.get(reverse("talents:profile_cv", args=[profile.pk])).status_code == 404


def test_recruiter_without_a_company_sees_nothing(client, application):
    client.force_login(RecruiterUserFactory())
    assert (
        client.get(reverse("talents:application_detail", args=[application.pk])).status_code == 404
    )
