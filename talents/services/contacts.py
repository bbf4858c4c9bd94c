"""Recruiters ask talents to get in touch; nothing personal is revealed before the talent agrees."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.emails import email_people
from accounts.models import User
from companies.models import Company, Posting
from companies.services import recruiters_of
from talents.models import ContactRequest, TalentProfile


@transaction.atomic
def request_contact(
    *,
    company: Company,
    profile: TalentProfile,
    sent_by: User,
    message: str,
    posting: Posting | None = None,
) -> ContactRequest:
    """A recruiter of a verified company asks a visible talent; the talent gets an email."""
    if not company.is_verified:
        raise ValidationError(_("Your company must be verified before it can contact talents."))
    if not TalentProfile.objects.visible_to_companies().filter(pk=profile.pk).exists():
        raise ValidationError(_("This profile is no longer visible."))
    if ContactRequest.objects.pending().filter(company=company, profile=profile).exists():
        raise ValidationError(
            _("Your company has already asked this person and is waiting for an answer.")
        )
    contact = ContactRequest.objects.create(
        company=company, profile=profile, sent_by=sent_by, message=message, posting=posting
    )
    email_people(
        [profile.user], template="talents/email/contact_request", context={"contact": contact}
    )
    return contact


@transaction.atomic
def answer_contact_request(*, contact: ContactRequest, accept: bool) -> None:
    """The talent accepts (the company now sees the full profile and email) or declines."""
    status = ContactRequest.Status.ACCEPTED if accept else ContactRequest.Status.DECLINED
    # Only a pending request changes, once: a second tab or a double click finds it answered.
    answered = ContactRequest.objects.filter(
        pk=contact.pk, status=ContactRequest.Status.PENDING
    ).update(status=status, answered_at=timezone.now())
    if not answered:
        raise ValidationError(_("This request has already been answered."))
    contact.status = status
    email_people(
        recruiters_of(contact.company),
        template="talents/email/contact_answered",
        context={"contact": contact, "talent": contact.profile.user if accept else None},
    )
