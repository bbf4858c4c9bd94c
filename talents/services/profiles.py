"""A talent's own profile and consents."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from talents.models import Consent, TalentProfile

# The version of the consent texts people agree to; raise it when a text changes.
CONSENT_TEXT_VERSION = "2026-11"


def profile_for(user: User) -> TalentProfile:
    """The talent's profile, created hidden on first use."""
    profile, _created = TalentProfile.objects.get_or_create(user=user)
    return profile


def record_consent(*, user: User, kind: str, given: bool) -> Consent:
    """Log a consent given or withdrawn, with the text version the person saw."""
    return Consent.objects.create(
        user=user, kind=kind, given=given, text_version=CONSENT_TEXT_VERSION
    )


def has_consent(user: User, kind: str) -> bool:
    """The latest word counts: a consent is active until withdrawn."""
    latest = Consent.objects.filter(user=user, kind=kind).order_by("-at", "-pk").first()
    return bool(latest and latest.given)


@transaction.atomic
def set_privacy(*, profile: TalentProfile, visible: bool, alerts: bool, digest: bool) -> None:
    """Save the talent's choices; every change of a consent is logged."""
    user = profile.user
    wanted = {
        Consent.Kind.VISIBILITY: visible,
        Consent.Kind.ALERTS: alerts,
        Consent.Kind.DIGEST: digest,
    }
    for kind, given in wanted.items():
        if has_consent(user, kind) != given:
            record_consent(user=user, kind=kind, given=given)
    profile.visibility = (
        TalentProfile.Visibility.ANONYMOUS if visible else TalentProfile.Visibility.HIDDEN
    )
    profile.save(update_fields=["visibility", "updated_at"])


def mark_active(profile: TalentProfile) -> None:
    TalentProfile.objects.filter(pk=profile.pk).update(
        last_active_at=timezone.now(), inactivity_warned_at=None
    )


def permit_hints(profile: TalentProfile) -> list[str]:
    """Hints for the talent alone, from the private residence-permit answer (never shown to
    companies, never used for matching). General information, not legal advice."""
    hints = {
        TalentProfile.WorkPermit.STUDENT_VISA: _(
            "With a student residence permit you may work up to 140 full or 280 half days a year, "
            "and as a working student up to 20 hours a week during the semester. Jobs at your "
            "university do not count towards this limit."
        ),
        TalentProfile.WorkPermit.JOB_SEEKER: _(
            "With a job seeker visa or an opportunity card you may work part-time (up to 20 hours a "
            "week) and try out a job for up to two weeks. Once you have an offer of a qualified job, "
            "the foreigners' authority can change your permit."
        ),
        TalentProfile.WorkPermit.BLUE_CARD: _(
            "An EU Blue Card is tied to a qualified job with a minimum salary. Talk to the "
            "foreigners' authority before you change employers in the first months."
        ),
        TalentProfile.WorkPermit.OTHER: _(
            "The Welcome Center and the foreigners' authority of your district advise you free of "
            "charge on what your permit allows."
        ),
    }
    hint = hints.get(profile.work_permit)  # type: ignore[call-overload]
    if not hint:
        return []
    return [
        str(hint),
        str(_("This is general information, not legal advice; the foreigners' authority decides.")),
    ]
