"""Rules of the site pages that span models."""

from django.db import transaction

from accounts.emails import email_people
from accounts.models import User
from talentportal.models import AccessibilityFeedback


@transaction.atomic
def submit_accessibility_feedback(*, feedback: AccessibilityFeedback) -> AccessibilityFeedback:
    """Save feedback on a barrier and tell every active staff member, who answer it."""
    feedback.save()
    email_people(
        User.objects.filter(is_staff=True, is_active=True),
        template="pages/email/accessibility_feedback",
        context={"feedback": feedback},
    )
    return feedback
