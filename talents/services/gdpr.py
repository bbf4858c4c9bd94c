"""The rights people have over their data (GDPR): a copy of it, and its erasure; and the
retention rules that erase what nobody needs any more."""

from collections.abc import Iterable
from datetime import timedelta
from functools import partial
from importlib import import_module
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.emails import email_address, email_people, forget_emails_to
from accounts.models import User
from companies.models import Company, Invitation, Membership, Report
from talents.models import (
    Application,
    Bookmark,
    Consent,
    ContactRequest,
    SavedSearch,
    TalentProfile,
)

UNVERIFIED_ACCOUNT_DAYS = 14
INACTIVE_PROFILE_DAYS = 365  # twelve months without signing in
INACTIVITY_WARNING_DAYS = 30  # between the reminder and the erasure
APPLICATION_RETENTION_DAYS = 183  # six months after the posting closed


# --- Export ----------------------------------------------------------------------------------------


def stored_data_overview(*, user: User) -> dict[str, Any]:
    """How much of each kind of data the portal keeps about ``user``, for the "my data" page."""
    return {
        "has_profile": TalentProfile.objects.filter(user=user).exists(),
        "applications": Application.objects.filter(profile__user=user).count(),
        "contact_requests": ContactRequest.objects.filter(profile__user=user).count(),
        "bookmarks": Bookmark.objects.filter(user=user).count(),
        "saved_searches": SavedSearch.objects.filter(user=user).count(),
        "consents": Consent.objects.filter(user=user).count(),
        "memberships": Membership.objects.filter(user=user).count(),
    }


def export_personal_data(*, user: User) -> dict[str, Any]:
    """Everything the portal stores about ``user`` (GDPR Art. 15 and 20), as JSON-ready data.

    Only this person's own data: the companies they applied to are named, the recruiters who
    read or wrote are not."""
    return {
        "account": {
            "email": user.email,
            "name": user.display_name,
            "language": user.language,
            "account_type": user.account_type,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("email")
            ],
        },
        "talent_profile": _profile_data(user),
        "consents": [
            {
                "kind": consent.kind,
                "given": consent.given,
                "text_version": consent.text_version,
                "at": consent.at,
            }
            for consent in Consent.objects.filter(user=user).order_by("at", "pk")
        ],
        "applications": [
            {
                "posting": application.posting.title,
                "company": application.posting.company.name,
                "status": application.status,
                "message": application.message,
                "with_cv": bool(application.cv),
                "sent_at": application.created_at,
                "updated_at": application.updated_at,
            }
            for application in Application.objects.filter(profile__user=user)
            .select_related("posting__company")
            .order_by("created_at")
        ],
        "contact_requests": [
            {
                "company": request.company.name,
                "posting": request.posting.title if request.posting else None,
                "message": request.message,
                "status": request.status,
                "sent_at": request.created_at,
                "answered_at": request.answered_at,
            }
            for request in ContactRequest.objects.filter(profile__user=user)
            .select_related("company", "posting")
            .order_by("created_at")
        ],
        "bookmarks": [
            _bookmark_data(bookmark)
            for bookmark in Bookmark.objects.filter(user=user)
            .select_related("posting__company", "company")
            .order_by("created_at")
        ],
        "saved_searches": [
            {
                "name": search.name,
                "query": search.query,
                "email_alerts": search.frequency,
                "last_email_at": search.last_sent_at,
                "created_at": search.created_at,
            }
            for search in SavedSearch.objects.filter(user=user).order_by("created_at")
        ],
        "company_memberships": [
            {
                "company": membership.company.name,
                "role": membership.role,
                "since": membership.created_at,
            }
            for membership in Membership.objects.filter(user=user)
            .select_related("company")
            .order_by("created_at")
        ],
        "reports": [
            {
                "about": str(report.posting or report.company),
                "reason": report.reason,
                "text": report.text,
                "reported_at": report.created_at,
            }
            for report in Report.objects.filter(reporter=user)
            .select_related("posting", "company")
            .order_by("created_at")
        ],
    }


def _bookmark_data(bookmark: Bookmark) -> dict[str, Any]:
    posting = bookmark.posting
    company = posting.company if posting else bookmark.company
    return {
        "posting": posting.title if posting else None,
        "company": company.name if company else None,
        "created_at": bookmark.created_at,
    }


def _profile_data(user: User) -> dict[str, Any] | None:
    profile = (
        TalentProfile.objects.filter(user=user)
        .select_related("university")
        .prefetch_related("skills__skill", "languages", "preferred_towns")
        .first()
    )
    if profile is None:
        return None
    return {
        "status": profile.status,
        "university": profile.university.name if profile.university else None,
        "fields_of_study": profile.fields_of_study,
        "degree": profile.degree,
        "graduation_date": profile.graduation_date,
        "wanted_types": profile.wanted_types,
        "working_student_hours": profile.working_student_hours,
        "internship_kind": profile.internship_kind,
        "preferred_towns": [town.name for town in profile.preferred_towns.all()],
        "radius_km": profile.radius_km,
        "whole_region": profile.whole_region,
        "earliest_start": profile.earliest_start,
        "bio_de": profile.bio_de,
        "bio_en": profile.bio_en,
        "links": profile.links,
        "work_permit": profile.work_permit,
        "visibility": profile.visibility,
        "skills": [
            {"skill": item.skill.label_en, "skill_de": item.skill.label_de, "level": item.level}
            for item in profile.skills.all()
        ],
        "languages": [
            {"language": item.language, "level": item.level} for item in profile.languages.all()
        ],
        "cv_uploaded_at": profile.cv_uploaded_at if profile.cv else None,
        "created_at": profile.created_at,
        "updated_at": profile.updated_at,
        "last_active_at": profile.last_active_at,
        "inactivity_warned_at": profile.inactivity_warned_at,
    }


# --- Erasure ---------------------------------------------------------------------------------------


def companies_blocking_erasure(user: User) -> QuerySet[Company]:
    """Companies whose only owner is ``user``: they need another owner before the account can go."""
    # Counted over all memberships, not over the ones owned_by() joined to find the user's.
    return (
        Company.objects.filter(pk__in=Company.objects.owned_by(user).values("pk"))
        .annotate(owners=Count("memberships", filter=Q(memberships__role=Membership.Role.OWNER)))
        .filter(owners=1)
    )


def anonymise_applications(applications: QuerySet[Application]) -> int:
    """Cut applications loose from the person: no profile, no message, no CV. The rows stay, so
    that companies' numbers of applications stay right. The CV files go once the data is
    committed. Returns how many applications were anonymised."""
    cv_files = [name for name in applications.exclude(cv="").values_list("cv", flat=True) if name]
    count = applications.update(profile=None, message="", cv="", anonymised_at=timezone.now())
    _delete_files_on_commit(cv_files)
    return count


def _delete_files_on_commit(names: Iterable[str]) -> None:
    for name in names:
        transaction.on_commit(partial(default_storage.delete, name))


def _delete_sessions(user: User) -> None:
    # Sessions store the user's id only inside their encoded data, so each is decoded; the
    # engine's own delete also empties the cache of cached_db sessions.
    if user.last_login is None:
        return  # never signed in, so no session can be theirs
    engine = import_module(settings.SESSION_ENGINE)
    user_id = str(user.pk)
    for session in Session.objects.iterator():
        if str(session.get_decoded().get("_auth_user_id")) == user_id:
            engine.SessionStore().delete(session.session_key)


@transaction.atomic
def erase_account(*, user: User) -> None:
    """Erase a person (GDPR Art. 17): profile and CV files, contact requests, bookmarks, saved
    searches, consents, sessions, email addresses and the account. Applications stay
    anonymised for the companies' counts.

    Raises ValidationError if the person is the last owner of a company."""
    # Locked, as when a member leaves a team: two owners cannot both go at the same moment.
    list(Company.objects.owned_by(user).select_for_update(of=("self",)))
    blocking = list(companies_blocking_erasure(user))
    if blocking:
        raise ValidationError(
            _(
                "You are the only owner of %(companies)s. Make another team member an owner "
                "(or ask our team to close the company) before you delete your account."
            )
            % {"companies": ", ".join(company.name for company in blocking)},
            code="last_owner",
        )
    profile = TalentProfile.objects.filter(user=user).first()
    if profile is not None:
        anonymise_applications(Application.objects.filter(profile=profile))
        ContactRequest.objects.filter(profile=profile).delete()
        if profile.cv:
            _delete_files_on_commit([profile.cv.name])
        profile.delete()
    Bookmark.objects.filter(user=user).delete()
    SavedSearch.objects.filter(user=user).delete()
    Consent.objects.filter(user=user).delete()
    addresses = {
        user.email.lower(),
        *(
            email.lower()
            for email in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
        ),
    }
    Invitation.objects.filter(email__in=addresses).delete()
    forget_emails_to(addresses)  # queued and sent emails hold names and messages too
    _delete_sessions(user)
    EmailAddress.objects.filter(user=user).delete()
    user.delete()


# --- Retention jobs --------------------------------------------------------------------------------


def delete_unverified_accounts() -> int:
    """Erase accounts whose email address was never confirmed within 14 days (never staff).
    Idempotent. Returns how many accounts were erased."""
    cutoff = timezone.now() - timedelta(days=UNVERIFIED_ACCOUNT_DAYS)
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    unverified = User.objects.filter(
        date_joined__lt=cutoff, is_staff=False, is_superuser=False
    ).exclude(Exists(verified))
    return _erase_each(unverified)


def remind_and_delete_inactive_profiles() -> int:
    """Talents who have not signed in for twelve months get one reminder; who still has not
    signed in 30 days after it is erased. Idempotent. Returns reminders plus erasures."""
    now = timezone.now()
    last_seen = Coalesce("user__last_login", "user__date_joined")
    profiles = TalentProfile.objects.select_related("user")
    # Back after a reminder: a later long absence gets a reminder of its own.
    profiles.filter(
        inactivity_warned_at__isnull=False, user__last_login__gt=F("inactivity_warned_at")
    ).update(inactivity_warned_at=None)
    inactive = profiles.alias(last_seen=last_seen).filter(
        last_seen__lt=now - timedelta(days=INACTIVE_PROFILE_DAYS), user__is_staff=False
    )
    reminded = 0
    for profile in inactive.filter(inactivity_warned_at__isnull=True):
        with transaction.atomic():
            profile.inactivity_warned_at = now
            profile.save(update_fields=["inactivity_warned_at"])
            email_people(
                [profile.user],
                template="talents/email/retention_inactive",
                context={
                    "deletion_date": now + timedelta(days=INACTIVITY_WARNING_DAYS),
                    "profile": profile,
                },
            )
        reminded += 1
    overdue = inactive.filter(
        inactivity_warned_at__lte=now - timedelta(days=INACTIVITY_WARNING_DAYS)
    )
    erased = _erase_each(User.objects.filter(talent_profile__in=overdue), notify=True)
    return reminded + erased


def anonymise_old_applications() -> int:
    """Anonymise applications six months after their posting closed (or expired); the talent's
    account stays. Idempotent. Returns how many applications were anonymised."""
    cutoff = timezone.now() - timedelta(days=APPLICATION_RETENTION_DAYS)
    old = Application.objects.alias(
        closed=Coalesce("posting__closed_at", "posting__expires_at")
    ).filter(anonymised_at__isnull=True, closed__lt=cutoff)
    with transaction.atomic():
        due = list(old.values_list("pk", flat=True))
        return anonymise_applications(Application.objects.filter(pk__in=due))


def _erase_each(users: QuerySet[User], *, notify: bool = False) -> int:
    erased = 0
    for user in users.distinct():
        try:
            with transaction.atomic():
                address, language = user.email, user.language
                erase_account(user=user)
                if notify:
                    email_address(
                        address,
                        language=language,
                        template="talents/email/retention_erased",
                        context={},
                    )
        except ValidationError:
            continue  # the last owner of a company: staff settle it by hand
        erased += 1
    return erased


# Uploads younger than this may still be on their way into a row; they are left alone.
ORPHAN_GRACE = timedelta(days=1)


def delete_orphaned_files() -> int:
    """Delete CV files no row points to any more – left behind when a company, a posting or an
    account is deleted by other means than erasure (the admin, cascades). Idempotent."""
    referenced = set(TalentProfile.objects.exclude(cv="").values_list("cv", flat=True))
    referenced |= set(Application.objects.exclude(cv="").values_list("cv", flat=True))
    cutoff = timezone.now() - ORPHAN_GRACE
    deleted = 0
    for folder in ("cvs", "applications"):
        try:  # object storage has no folders to ask about: list, and take nothing as empty
            filenames = default_storage.listdir(folder)[1]
        except FileNotFoundError:
            continue
        for filename in filenames:
            name = f"{folder}/{filename}"
            if name not in referenced and default_storage.get_modified_time(name) < cutoff:
                default_storage.delete(name)
                deleted += 1
    return deleted
