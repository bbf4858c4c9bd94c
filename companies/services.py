"""Rules that span several models of companies: teams, postings and their moderation."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.emails import email_address, email_people
from accounts.models import User
from companies.models import (
    Company,
    InvalidTransition,
    Invitation,
    Membership,
    Posting,
    PostingLanguage,
    PostingSkill,
    Report,
)
from companies.search import refresh_search_fields

EXPIRY_REMINDER_DAYS = 7

# Fields a revision carries over to the live posting when staff approve it.
REVISED_FIELDS = [
    "title", "posting_type", "internship_kind", "thesis_level", "thesis_co_supervision",
    "fields_of_study", "degree_level", "workplace", "start_date", "duration_months",
    "hours_per_week", "salary_min", "salary_max", "salary_period", "application_deadline",
    "expires_at", "description_de", "description_en", "apply_in_portal", "apply_url",
]  # fmt: skip


def recruiters_of(company: Company) -> QuerySet[User]:
    return User.objects.filter(memberships__company=company, is_active=True)


# --- Companies and teams -------------------------------------------------------------------------


@transaction.atomic
def create_company(*, company: Company, owner: User) -> Company:
    """Save a new company with ``owner`` as the first member of its team; staff verify it later."""
    company.save()
    Membership.objects.create(company=company, user=owner, role=Membership.Role.OWNER)
    return company


IDENTITY_FIELDS = {"name", "website", "legal_form"}


def company_saved(*, company: Company, changed_fields: set[str]) -> None:
    """After a team saved its profile and sites: a verified company that changed who it is
    (name, website, legal form) goes back to staff for verification; its postings' search
    fields follow the sites."""
    if company.is_verified and changed_fields & IDENTITY_FIELDS:
        company.verification_status = Company.Verification.PENDING
        company.save(update_fields=["verification_status", "updated_at"])
    refresh_search_fields(company.postings.all())


@transaction.atomic
def decide_verification(*, company: Company, by: User, verified: bool) -> None:
    """Staff verify a company (it becomes public) or refuse; its team learns the outcome."""
    if verified:
        company.verify(by=by)
    else:
        company.refuse_verification(by=by)
    email_people(
        recruiters_of(company),
        template="companies/email/company_verified"
        if verified
        else "companies/email/company_refused",
        context={"company": company},
    )


@transaction.atomic
def invite_recruiter(*, company: Company, email: str, role: str, by: User) -> Invitation:
    """Invite a colleague by email to the company's recruiter team."""
    email = email.strip().lower()
    if company.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(_("This person is already in your team."))
    if company.invitations.open().filter(email__iexact=email).exists():
        raise ValidationError(_("This person has already been invited."))
    invitation = Invitation.objects.create(company=company, email=email, role=role, invited_by=by)
    email_address(
        email,
        language=by.language,
        template="companies/email/invitation",
        context={"invitation": invitation, "company": company, "inviter": by},
    )
    return invitation


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User) -> Membership:
    """The invited person joins the team (their account's address must be the invited one)."""
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(_("This invitation was sent to another email address."))
    membership, _created = Membership.objects.get_or_create(
        company=invitation.company, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, by: User) -> None:
    """An owner removes somebody from the team, or somebody leaves; the last owner cannot go."""
    company = Company.objects.select_for_update().get(pk=membership.company_id)
    owners = company.memberships.filter(role=Membership.Role.OWNER)
    if membership.role == Membership.Role.OWNER and owners.count() == 1:
        raise ValidationError(_("The last owner cannot leave. Make another member an owner first."))
    membership.delete()


# --- Postings ------------------------------------------------------------------------------------


@transaction.atomic
def posting_for_editing(*, posting: Posting, by: User) -> Posting:
    """The version a recruiter edits. A published posting stays live as it is; the edit goes to
    a revision that staff review and that replaces the live text only when approved."""
    if posting.status != Posting.Status.PUBLISHED:
        return posting
    Posting.objects.select_for_update().get(pk=posting.pk)  # one revision, even from two tabs
    revision = Posting.objects.filter(revision_of=posting).first()
    if revision:
        return revision
    skills = list(posting.skills.all())
    languages = list(posting.languages.all())
    sites = list(posting.sites.all())
    revision = Posting.objects.get(pk=posting.pk)
    revision.pk = None
    revision.revision_of = posting
    revision.status = Posting.Status.DRAFT
    revision.published_at = revision.closed_at = None
    revision.created_by = by
    revision.save()
    revision.sites.set(sites)
    PostingSkill.objects.bulk_create(
        PostingSkill(
            posting=revision, skill_id=item.skill_id, is_required=item.is_required, level=item.level
        )
        for item in skills
    )
    PostingLanguage.objects.bulk_create(
        PostingLanguage(posting=revision, language=item.language, level=item.level)
        for item in languages
    )
    return revision


def posting_saved(*, posting: Posting, by: User) -> bool:
    """After a posting and its skills were saved: keep its search fields current, and take it out
    of review if it was there (staff must see what they approve). True when it left review."""
    refresh_search_fields(Posting.objects.filter(pk=posting.pk))
    if posting.status == Posting.Status.IN_REVIEW:
        posting.reopen(by=by)
        return True
    return False


@transaction.atomic
def submit_posting(*, posting: Posting, by: User) -> None:
    """Hand a draft to staff for review."""
    posting.submit(by=by)


@transaction.atomic
def publish_posting(*, posting: Posting, by: User) -> Posting:
    """Staff approve a posting in review (or a revision, which then replaces the live text)."""
    if posting.revision_of_id:
        live = _apply_revision(revision=posting, live_pk=posting.revision_of_id, by=by)
    else:
        posting.publish(by=by)
        live = posting
    refresh_search_fields(Posting.objects.filter(pk=live.pk))
    email_people(
        recruiters_of(live.company),
        template="companies/email/posting_published",
        context={"posting": live},
    )
    return live


def _apply_revision(*, revision: Posting, live_pk: int, by: User) -> Posting:
    # Both rows locked and checked as stored: a second approval (two staff members, a double
    # click) finds no revision in review and changes nothing.
    live = (
        Posting.objects.select_for_update()
        .filter(pk=live_pk, status=Posting.Status.PUBLISHED)
        .first()
    )
    locked = Posting.objects.select_for_update().filter(
        pk=revision.pk, revision_of_id=live_pk, status=Posting.Status.IN_REVIEW
    )
    if live is None or not locked.exists():
        raise InvalidTransition(revision.status, Posting.Status.PUBLISHED)
    if missing := revision.missing_for_publication():
        raise ValidationError(
            _("Not ready for publication, missing: %(missing)s") % {"missing": ", ".join(missing)}
        )
    if revision.expires_at != live.expires_at:
        live.expiry_reminder_sent_at = None  # a new end date deserves its own reminder
    for field in REVISED_FIELDS:
        setattr(live, field, getattr(revision, field))
    live.save()
    live.sites.set(revision.sites.all())
    live.skills.all().delete()
    live.languages.all().delete()
    revision.skills.update(posting=live)
    revision.languages.update(posting=live)
    live.transitions.create(
        from_status=live.status,
        to_status=live.status,
        by=by,
        note=_("Changes approved and published."),
    )
    revision.delete()
    return live


@transaction.atomic
def reject_posting(*, posting: Posting, by: User, reason: str, note: str) -> None:
    """Staff send a posting back with a typed reason and a note; the recruiters read both."""
    posting.reject(by=by, reason=reason, note=note)
    email_people(
        recruiters_of(posting.company),
        template="companies/email/posting_rejected",
        context={"posting": posting, "reason": posting.transitions.first()},
    )


@transaction.atomic
def close_posting(*, posting: Posting, by: User, filled: bool) -> None:
    """A recruiter closes a posting: filled, or withdrawn. A pending revision goes with it."""
    if filled:
        posting.mark_filled(by=by)
    else:
        posting.withdraw(by=by)
    Posting.objects.filter(revision_of=posting).delete()


def expire_due_postings() -> int:
    """Close every published posting whose time is up, and tell its recruiters. Idempotent."""
    count = 0
    for candidate in Posting.objects.due_to_expire().values_list("pk", flat=True):
        with transaction.atomic():
            # skip_locked: an overlapping run, or a recruiter closing it right now, has it.
            posting = (
                Posting.objects.due_to_expire()
                .select_for_update(skip_locked=True)
                .filter(pk=candidate)
                .first()
            )
            if posting is None:
                continue
            posting.expire()
            Posting.objects.filter(
                revision_of=posting
            ).delete()  # changes to a closed posting lapse
            email_people(
                recruiters_of(posting.company),
                template="companies/email/posting_expired",
                context={"posting": posting},
            )
        count += 1
    return count


def remind_expiring_postings() -> int:
    """Remind recruiters once, seven days ahead, that a posting is about to expire. Idempotent."""
    soon = timezone.now() + timedelta(days=EXPIRY_REMINDER_DAYS)
    due = Posting.objects.published().filter(
        expires_at__lte=soon, expiry_reminder_sent_at__isnull=True
    )
    count = 0
    for candidate in due.values_list("pk", flat=True):
        with transaction.atomic():
            posting = (
                due.select_for_update(skip_locked=True, of=("self",)).filter(pk=candidate).first()
            )
            if posting is None:
                continue
            posting.expiry_reminder_sent_at = timezone.now()
            posting.save(update_fields=["expiry_reminder_sent_at"])
            email_people(
                recruiters_of(posting.company),
                template="companies/email/posting_expiring",
                context={"posting": posting},
            )
        count += 1
    return count


def file_report(
    *,
    posting: Posting | None = None,
    company: Company | None = None,
    reason: str,
    text: str,
    reporter: User | None,
) -> Report:
    """Anybody reports a posting or a company; it lands in the staff's queue."""
    return Report.objects.create(
        posting=posting, company=company, reason=reason, text=text, reporter=reporter
    )
