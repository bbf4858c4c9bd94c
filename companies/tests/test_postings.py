from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.i18n import normalize_label
from companies import services
from companies.factories import CompanyFactory, MembershipFactory, PostingFactory
from companies.markdown import render_markdown
from companies.models import InvalidTransition, Posting, PostingSkill, PostingType
from taxonomy.factories import SkillFactory
from taxonomy.models import Skill


@pytest.fixture
def draft(bob):
    posting = PostingFactory(status=Posting.Status.DRAFT, published_at=None)
    MembershipFactory(company=posting.company, user=bob)
    return posting


def test_a_draft_goes_through_review_to_publication(
    draft, bob, carol, django_capture_on_commit_callbacks
):
    draft.submit(by=bob)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_posting(posting=draft, by=carol)
    draft.refresh_from_db()
    assert draft.status == Posting.Status.PUBLISHED
    assert draft.published_at is not None
    assert [(t.from_status, t.to_status, t.by) for t in draft.transitions.order_by("at")] == [
        ("draft", "in_review", bob),
        ("in_review", "published", carol),
    ]
    assert mail.outbox[0].to == [bob.email]
    assert draft.title in mail.outbox[0].subject


def test_a_draft_cannot_skip_the_review(draft, carol):
    with pytest.raises(InvalidTransition):
        draft.publish(by=carol)
    draft.refresh_from_db()
    assert draft.status == Posting.Status.DRAFT
    assert not draft.transitions.exists()


def test_rejection_records_reason_and_note_and_tells_the_recruiters(
    draft, bob, carol, django_capture_on_commit_callbacks
):
    draft.submit(by=bob)
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_posting(
            posting=draft, by=carol, reason="discriminatory", note="Bitte „junges Team“ streichen."
        )
    decision = draft.transitions.first()
    assert (decision.to_status, decision.reason, decision.by) == (
        "rejected",
        "discriminatory",
        carol,
    )
    assert "junges Team" in mail.outbox[0].body
    draft.submit(by=bob)  # reworked, back to review
    assert draft.status == Posting.Status.IN_REVIEW


def test_posting_without_description_cannot_be_published(draft, bob, carol):
    draft.description_de = draft.description_en = ""
    draft.save()
    draft.submit(by=bob)
    with pytest.raises(ValidationError):
        draft.publish(by=carol)


def test_expiry_closes_due_postings_once_and_tells_the_recruiters(
    bob, django_capture_on_commit_callbacks
):
    due = PostingFactory(expires_at=timezone.now() - timedelta(minutes=1))
    MembershipFactory(company=due.company, user=bob)
    PostingFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.expire_due_postings() == 1
        assert services.expire_due_postings() == 0
    due.refresh_from_db()
    assert due.status == Posting.Status.EXPIRED
    assert due.transitions.get().by is None
    assert len(mail.outbox) == 1


def test_recruiters_are_reminded_once_a_week_before_expiry(bob, django_capture_on_commit_callbacks):
    soon = PostingFactory(expires_at=timezone.now() + timedelta(days=6))
    MembershipFactory(company=soon.company, user=bob)
    PostingFactory(expires_at=timezone.now() + timedelta(days=20))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_expiring_postings() == 1
        assert services.remind_expiring_postings() == 0
    assert len(mail.outbox) == 1
    assert "7" in mail.outbox[0].subject


def test_working_student_hours_are_capped_at_20():
    posting = Posting(
        posting_type=PostingType.WORKING_STUDENT, hours_per_week=25, apply_in_portal=True
    )
    with pytest.raises(ValidationError) as error:
        posting.clean()
    assert "hours_per_week" in error.value.message_dict


def test_posting_is_visible_for_at_most_180_days():
    posting = Posting(apply_in_portal=True, expires_at=timezone.now() + timedelta(days=200))
    with pytest.raises(ValidationError) as error:
        posting.clean()
    assert "expires_at" in error.value.message_dict


def test_salary_range_must_be_ordered():
    posting = Posting(apply_in_portal=True, salary_min=4000, salary_max=3000)
    with pytest.raises(ValidationError) as error:
        posting.clean()
    assert "salary_max" in error.value.message_dict


def test_labels_meet_without_case_umlauts_and_eszett():
    assert normalize_label("  Schweißen ") == normalize_label("schweissen") == "schweissen"
    assert normalize_label("Bürokommunikation") == "buerokommunikation"
    assert normalize_label("Café") == "cafe"


def test_skills_are_found_by_label_and_synonym(own_taxonomy):
    skill = SkillFactory(
        label_de="SPS-Programmierung", label_en="PLC programming", alternative_labels=["Siemens S7"]
    )
    assert list(Skill.objects.for_text("sps-programmierung")) == [skill]
    assert list(Skill.objects.for_text("plc PROGRAMMING")) == [skill]
    assert list(Skill.objects.for_text("siemens s7")) == [skill]
    assert not Skill.objects.for_text("S7").exists()


def test_recruiter_address_on_the_company_domain_is_recognised(db):
    company = CompanyFactory(website="https://www.elbtal-sensorik.example/karriere")
    assert company.email_matches_website("bob@elbtal-sensorik.example")
    assert company.email_matches_website("bob@mail.elbtal-sensorik.example")
    assert not company.email_matches_website("bob@gmail.example")
    assert not CompanyFactory(website="").email_matches_website("bob@elbtal-sensorik.example")


def test_markdown_keeps_formatting_and_drops_anything_dangerous():
    html = render_markdown(
        "# Titel\n\n**fett** [Link](https://example.org) <script>alert(1)</script> "
        "[böse](javascript:alert(1)) ![bild](https://tracker.example/x.png)"
    )
    assert "<h3>Titel</h3>" in html
    assert "<strong>fett</strong>" in html
    assert 'href="https://example.org"' in html
    assert 'rel="nofollow noopener noreferrer"' in html
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert "<img" not in html


def test_approving_a_revision_twice_changes_nothing_the_second_time(bob, carol):
    live = PostingFactory(title="Alt")
    skill = SkillFactory()
    live.skills.create(skill=skill)
    revision = services.posting_for_editing(posting=live, by=bob)
    revision.title = "Neu"
    revision.save()
    revision.submit(by=bob)
    stale_copy = Posting.objects.get(pk=revision.pk)
    services.publish_posting(posting=revision, by=carol)
    with pytest.raises(InvalidTransition):
        services.publish_posting(posting=stale_copy, by=carol)
    live.refresh_from_db()
    assert live.title == "Neu"
    assert [requirement.skill for requirement in live.skills.all()] == [skill]
    assert live.sites.exists()


def test_expiry_lets_a_pending_revision_lapse(bob):
    live = PostingFactory(expires_at=timezone.now() + timedelta(minutes=5))
    services.posting_for_editing(posting=live, by=bob)
    Posting.objects.filter(pk=live.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    services.expire_due_postings()
    assert not Posting.objects.filter(revision_of=live).exists()


def test_revision_counts_the_180_days_from_the_original_publication(bob):
    live = PostingFactory(published_at=timezone.now() - timedelta(days=170))
    revision = services.posting_for_editing(posting=live, by=bob)
    revision.expires_at = timezone.now() + timedelta(days=30)
    with pytest.raises(ValidationError) as error:
        revision.clean()
    assert "expires_at" in error.value.message_dict


def test_changing_a_posting_in_review_takes_it_out_of_review(bob):
    posting = PostingFactory(status=Posting.Status.IN_REVIEW, published_at=None)
    assert services.posting_saved(posting=posting, by=bob) is True
    assert posting.status == Posting.Status.DRAFT
    assert posting.transitions.get().to_status == "draft"


def test_a_verified_company_that_changes_its_name_is_checked_again(db):
    company = CompanyFactory()
    services.company_saved(company=company, changed_fields={"description_de"})
    assert company.is_verified
    services.company_saved(company=company, changed_fields={"name"})
    company.refresh_from_db()
    assert company.verification_status == "pending"


def test_forms_suggest_the_curated_list_and_concepts_in_use_not_all_of_esco(own_taxonomy):
    curated = SkillFactory(label_de="Python")
    in_use = SkillFactory(label_de="Schweißen", concept_uri="http://data.europa.eu/esco/skill/1")
    SkillFactory(label_de="Imkerei", concept_uri="http://data.europa.eu/esco/skill/2")
    PostingFactory().skills.create(skill=in_use)
    assert set(Skill.objects.suggestions(in_use=PostingSkill.objects.values("skill_id"))) == {
        curated,
        in_use,
    }
    assert Skill.objects.for_text("Imkerei").exists()  # still found when typed
