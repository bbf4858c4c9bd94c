"""A talent's own profile and consents."""

from django.db import transaction
from django.utils import timezone

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
