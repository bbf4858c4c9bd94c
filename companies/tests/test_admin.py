"""The staff side: carol verifies companies, works through the moderation queue and the reports."""

from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from companies import services
from companies.factories import CompanyFactory, MembershipFactory, PostingFactory
from companies.models import Company, Posting, RejectionReason, Report
from taxonomy.factories import SkillFactory

# Staff here work in the English admin (German is tested throughout the rest of the suite).
with translation.override("en"):
    POSTINGS = reverse("admin:companies_posting_changelist")
    COMPANIES = reverse("admin:companies_company_changelist")
    REPORTS = reverse("admin:companies_report_changelist")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff_client(client, carol):
    """The test client signed in as carol, with the two factors staff need for the admin."""
    TOTP.activate(carol, generate_totp_secret())
    client.force_login(carol)
    return client


@pytest.fixture
def company(bob):
    """Bob's company, verified; Bob is its only recruiter."""
    return MembershipFactory(user=bob, company=CompanyFactory(name="Elbtal Technik GmbH")).company


def posting_in_review(company: Company, **fields: object) -> Posting:
    return PostingFactory(
        company=company, status=Posting.Status.IN_REVIEW, published_at=None, **fields
    )


def run_action(client, url: str, action: str, objects: list, **data: object):
    return client.post(
        url, {"action": action, ACTION_CHECKBOX_NAME: [item.pk for item in objects], **data}
    )


def message_texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Publishing ----------------------------------------------------------------------------------


def test_staff_publishes_postings_in_review_in_bulk(
    staff_client, carol, company, django_capture_on_commit_callbacks
):
    postings = [posting_in_review(company), posting_in_review(company)]

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(staff_client, POSTINGS, "publish", postings)

    assert response.status_code == 302
    for posting in postings:
        posting.refresh_from_db()
        assert posting.status == Posting.Status.PUBLISHED
        assert posting.published_at is not None
        transition = posting.transitions.get()
        assert (transition.from_status, transition.to_status) == ("in_review", "published")
        assert transition.by == carol
    assert [message.to for message in mail.outbox] == [["bob@example.org"]] * 2
    assert "2 postings published" in message_texts(response)[0]


def test_bulk_publish_skips_a_draft_and_says_so(staff_client, company):
    draft = PostingFactory(company=company, status=Posting.Status.DRAFT, title="Entwurf Praktikum")
    ready = posting_in_review(company)

    response = run_action(staff_client, POSTINGS, "publish", [draft, ready])

    draft.refresh_from_db()
    ready.refresh_from_db()
    assert draft.status == Posting.Status.DRAFT
    assert draft.transitions.count() == 0
    assert ready.status == Posting.Status.PUBLISHED
    texts = message_texts(response)
    assert any("Entwurf Praktikum" in text and "skipped" in text for text in texts)
    assert any("1 posting published" in text for text in texts)


def test_bulk_publish_names_a_posting_that_is_not_ready_and_publishes_the_others(
    staff_client, company
):
    without_location = posting_in_review(company, title="Ohne Ort", sites=[])
    ready = posting_in_review(company)

    response = run_action(staff_client, POSTINGS, "publish", [without_location, ready])

    without_location.refresh_from_db()
    ready.refresh_from_db()
    assert without_location.status == Posting.Status.IN_REVIEW
    assert ready.status == Posting.Status.PUBLISHED
    assert any(
        "Ohne Ort" in text and "at least one location" in text for text in message_texts(response)
    )


def test_staff_publishes_changes_to_a_published_posting(staff_client, bob, company):
    live = PostingFactory(company=company, title="Werkstudent*in Messtechnik")
    revision = services.posting_for_editing(posting=live, by=bob)
    revision.title = "Werkstudent*in Messtechnik und Sensorik"
    revision.save()
    services.submit_posting(posting=revision, by=bob)

    run_action(staff_client, POSTINGS, "publish", [revision])

    live.refresh_from_db()
    assert live.title == "Werkstudent*in Messtechnik und Sensorik"
    assert not Posting.objects.filter(pk=revision.pk).exists()


# --- Rejecting -----------------------------------------------------------------------------------


def test_staff_rejects_postings_with_a_reason_through_a_confirmation_page(
    staff_client, carol, company, django_capture_on_commit_callbacks
):
    postings = [posting_in_review(company), posting_in_review(company)]

    confirmation = run_action(staff_client, POSTINGS, "reject", postings)

    assert confirmation.status_code == 200
    assert confirmation.templates[0].name == "admin/companies/posting/reject_confirmation.html"
    page = confirmation.content.decode()
    assert 'name="reason"' in page and 'name="note"' in page and "csrfmiddlewaretoken" in page
    for posting in postings:
        assert f'name="{ACTION_CHECKBOX_NAME}" value="{posting.pk}"' in page
        posting.refresh_from_db()
        assert posting.status == Posting.Status.IN_REVIEW

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(
            staff_client,
            POSTINGS,
            "reject",
            postings,
            post="yes",
            reason=RejectionReason.INCOMPLETE,
            note="Bitte nennen Sie die Wochenstunden.",
        )

    assert response.status_code == 302
    for posting in postings:
        posting.refresh_from_db()
        assert posting.status == Posting.Status.REJECTED
        transition = posting.transitions.get()
        assert transition.by == carol
        assert transition.reason == RejectionReason.INCOMPLETE
        assert transition.note == "Bitte nennen Sie die Wochenstunden."
    assert len(mail.outbox) == 2
    assert mail.outbox[0].to == ["bob@example.org"]
    assert "Bitte nennen Sie die Wochenstunden." in mail.outbox[0].body


def test_rejecting_without_a_message_shows_the_form_again(staff_client, company):
    posting = posting_in_review(company)

    response = run_action(
        staff_client, POSTINGS, "reject", [posting], post="yes", reason=RejectionReason.OTHER
    )

    assert response.status_code == 200
    assert response.context["form"].errors["note"]
    posting.refresh_from_db()
    assert posting.status == Posting.Status.IN_REVIEW


def test_reject_confirmation_says_which_postings_are_left_as_they_are(staff_client, company):
    draft = PostingFactory(company=company, status=Posting.Status.DRAFT, title="Entwurf Thesis")

    response = run_action(staff_client, POSTINGS, "reject", [draft])

    assert "Entwurf Thesis" in response.content.decode()
    assert response.context["in_review"] == []
    assert 'name="note"' not in response.content.decode()


# --- The posting queue page --------------------------------------------------------------------


def test_posting_changelist_shows_the_queue_counts(staff_client, bob, company):
    posting_in_review(company)
    revision = services.posting_for_editing(posting=PostingFactory(company=company), by=bob)
    services.submit_posting(posting=revision, by=bob)
    PostingFactory(company=company)  # published, not in the queue
    Report.objects.create(company=company, reason=Report.Reason.WRONG, text="Falsche Adresse")
    Report.objects.create(
        company=company, reason=Report.Reason.OTHER, text="Erledigt", resolved_at=timezone.now()
    )

    response = staff_client.get(POSTINGS)

    assert response.context["queue"] == {"postings": 2, "revisions": 1, "open_reports": 1}
    page = response.content.decode()
    assert "2 postings in review" in page
    assert "of which 1 is a change to a published posting" in page
    assert "1 open report" in page


def test_postings_in_review_come_first_the_longest_waiting_at_the_top(staff_client, company):
    PostingFactory(company=company, title="Schon veröffentlicht")
    newer = posting_in_review(company, title="Neu eingereicht")
    older = posting_in_review(company, title="Lange wartend")
    Posting.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=3))

    response = staff_client.get(POSTINGS)

    titles = [posting.title for posting in response.context["cl"].result_list]
    assert titles == [older.title, newer.title, "Schon veröffentlicht"]


@pytest.mark.parametrize("rows", [3, 30])
def test_posting_changelist_query_count_does_not_grow_with_rows(
    staff_client, company, django_assert_max_num_queries, rows
):
    for number in range(rows):
        posting_in_review(company, title=f"Stelle {number}")
    staff_client.get(POSTINGS)  # the session's first request stamps it; not the page's cost

    with django_assert_max_num_queries(8):
        response = staff_client.get(POSTINGS)

    assert response.status_code == 200
    assert response.context["cl"].result_count == rows


def test_posting_page_shows_every_status_change_read_only(staff_client, bob, company):
    posting = PostingFactory(company=company, status=Posting.Status.DRAFT)
    services.submit_posting(posting=posting, by=bob)
    posting.refresh_from_db()
    posting.reject(by=bob, reason=RejectionReason.NOT_REGIONAL, note="Der Ort liegt in Leipzig.")

    response = staff_client.get(reverse("admin:companies_posting_change", args=[posting.pk]))

    [record] = [
        inline
        for inline in response.context["inline_admin_formsets"]
        if inline.opts.model.__name__ == "PostingTransition"
    ]
    assert len(record.formset.forms) == 2
    assert not (record.has_add_permission or record.has_change_permission)
    assert not record.has_delete_permission
    assert "Der Ort liegt in Leipzig." in response.content.decode()


# --- Companies -----------------------------------------------------------------------------------


def test_staff_verifies_companies_in_bulk(staff_client, carol):
    waiting = CompanyFactory.create_batch(2, verification_status=Company.Verification.PENDING)

    run_action(staff_client, COMPANIES, "verify", waiting)

    for company in waiting:
        company.refresh_from_db()
        assert company.verification_status == Company.Verification.VERIFIED
        assert company.verified_by == carol
        assert company.verified_at is not None


def test_staff_refuses_verification(staff_client, carol):
    doubtful = CompanyFactory(verification_status=Company.Verification.PENDING)

    run_action(staff_client, COMPANIES, "refuse_verification", [doubtful])

    doubtful.refresh_from_db()
    assert doubtful.verification_status == Company.Verification.REJECTED
    assert doubtful.verified_by == carol


def test_company_page_tells_whether_recruiters_email_matches_the_website(staff_client, company):
    MembershipFactory(company=company, user__email="dora@elbtal-technik.example")
    company.website = "https://www.elbtal-technik.example"
    company.save()

    response = staff_client.get(reverse("admin:companies_company_change", args=[company.pk]))

    page = response.content.decode()
    assert (
        "dora@elbtal-technik.example belongs to the company’s website elbtal-technik.example"
        in page
    )
    assert (
        "bob@example.org is not an address of the company’s website elbtal-technik.example" in page
    )


@pytest.mark.parametrize("companies", [3, 30])
def test_company_changelist_counts_members_with_constant_queries(
    staff_client, django_assert_max_num_queries, companies
):
    for company in CompanyFactory.create_batch(companies):
        MembershipFactory.create_batch(2, company=company)
    staff_client.get(COMPANIES)  # the session's first request stamps it; not the page's cost

    with django_assert_max_num_queries(6):
        response = staff_client.get(COMPANIES)

    assert [company.member_count for company in response.context["cl"].result_list] == [
        2
    ] * companies


def test_staff_finds_a_skill_by_its_synonym(staff_client, own_taxonomy):
    SkillFactory(label_de="Speicherprogrammierbare Steuerung", alternative_labels=["SPS"])
    SkillFactory(label_de="Schweißen")

    response = staff_client.get(reverse("admin:taxonomy_skill_changelist"), {"q": "sps"})

    assert [skill.label_de for skill in response.context["cl"].result_list] == [
        "Speicherprogrammierbare Steuerung"
    ]


# --- Reports -------------------------------------------------------------------------------------


def test_staff_resolves_reports(staff_client, carol, company):
    posting = PostingFactory(company=company)
    report = Report.objects.create(posting=posting, reason=Report.Reason.FRAUD, text="Fake")

    response = run_action(staff_client, REPORTS, "mark_resolved", [report])

    report.refresh_from_db()
    assert report.resolved_at is not None
    assert report.resolved_by == carol
    assert "1 report marked as resolved." in message_texts(response)


def test_open_reports_come_first_and_link_to_what_was_reported(staff_client, company):
    resolved = Report.objects.create(
        company=company, reason=Report.Reason.OTHER, text="Alt", resolved_at=timezone.now()
    )
    posting = PostingFactory(company=company, title="Verdächtige Stelle")
    open_report = Report.objects.create(posting=posting, reason=Report.Reason.FRAUD, text="Fake")

    response = staff_client.get(REPORTS)

    assert list(response.context["cl"].result_list) == [open_report, resolved]
    posting_url = reverse("admin:companies_posting_change", args=[posting.pk])
    assert f'<a href="{posting_url}">Verdächtige Stelle</a>' in response.content.decode()


# --- Who may enter -------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [POSTINGS, COMPANIES, REPORTS])
def test_recruiter_cannot_reach_the_admin_changelists(client, bob, company, url):
    client.force_login(bob)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    assert client.get(url, follow=True).status_code == 403


# --- In the browser ----------------------------------------------------------------------------


@pytest.mark.browser
def test_staff_opens_the_queue_and_the_reject_page_accessibly(
    page, live_server, sign_in, carol, company, assert_accessible
):
    posting = posting_in_review(company, title="Werkstudent*in Halbleiterfertigung")
    TOTP.activate(carol, generate_totp_secret())
    sign_in(page, carol)

    page.goto(live_server.url + POSTINGS)
    expect(page.get_by_text("1 posting in review")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("checkbox", name=posting.title).check()
    page.locator("select[name=action]").select_option("reject")
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reject postings")
    assert_accessible(page)

    page.get_by_label("Reason").select_option(RejectionReason.DISCRIMINATORY)
    page.get_by_label("Message to the recruiters").fill("Bitte geschlechtsneutral formulieren.")
    page.get_by_role("button", name="Reject and inform the recruiters").click()
    expect(page.get_by_text("1 posting sent back to its recruiters.")).to_be_visible()
    posting.refresh_from_db()
    assert posting.status == Posting.Status.REJECTED


@pytest.mark.browser
@pytest.mark.parametrize(
    ("url_name", "subject"),
    [
        ("admin:companies_company_changelist", None),
        ("admin:companies_company_change", "company"),
        ("admin:companies_posting_change", "posting"),
        ("admin:companies_report_changelist", None),
        ("admin:taxonomy_skill_changelist", None),
    ],
)
def test_staff_pages_for_companies_postings_and_reports_are_accessible(
    page, live_server, sign_in, carol, company, assert_accessible, url_name, subject
):
    posting = posting_in_review(company)
    services.reject_posting(posting=posting, by=carol, reason=RejectionReason.OTHER, note="Bitte")
    MembershipFactory(company=company)
    Report.objects.create(posting=posting, reason=Report.Reason.WRONG, text="Falscher Ort")
    TOTP.activate(carol, generate_totp_secret())
    sign_in(page, carol)

    args = {"company": [company.pk], "posting": [posting.pk]}.get(subject, [])
    page.goto(live_server.url + reverse(url_name, args=args))

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
