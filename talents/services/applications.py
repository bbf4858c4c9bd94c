"""Rules for CVs and applications: keeping a CV, applying with it, and moving an application
through the company's pipeline, with the emails each step owes."""

from functools import partial

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.emails import email_people
from accounts.models import User
from companies.models import Posting
from companies.services import recruiters_of
from talents.models import Application, TalentProfile

# Where an application ends: the talent can no longer withdraw it.
FINAL_STATUSES = frozenset(
    {Application.Status.HIRED, Application.Status.DECLINED, Application.Status.WITHDRAWN}
)


class AlreadyApplied(Exception):
    """The talent has applied to this posting before; ``application`` is that application."""

    def __init__(self, application: Application) -> None:
        super().__init__(f"Already applied: application {application.pk}")
        self.application = application


# --- The CV in the profile ---------------------------------------------------------------------


@transaction.atomic
def save_cv(*, talent: User, upload: UploadedFile) -> TalentProfile:
    """Keep ``upload`` (already checked to be a harmless PDF) as the talent's CV, under a random
    name; a previous CV is deleted. Applications keep their own copies."""
    profile, _created = TalentProfile.objects.select_for_update().get_or_create(user=talent)
    previous = profile.cv.name
    profile.cv.save("cv.pdf", upload, save=False)
    profile.cv_uploaded_at = timezone.now()
    profile.save(update_fields=["cv", "cv_uploaded_at", "updated_at"])
    # The old file goes only once the new one is stored: a rollback keeps the profile whole.
    if previous:
        transaction.on_commit(partial(profile.cv.storage.delete, previous))
    return profile


@transaction.atomic
def delete_cv(*, talent: User) -> None:
    """Remove the talent's CV from the profile (copies sent with applications stay with them)."""
    profile = TalentProfile.objects.select_for_update().filter(user=talent).first()
    if profile is None or not profile.cv:
        return
    previous = profile.cv.name
    profile.cv = ""
    profile.cv_uploaded_at = None
    profile.save(update_fields=["cv", "cv_uploaded_at", "updated_at"])
    transaction.on_commit(partial(profile.cv.storage.delete, previous))


# --- Applying ----------------------------------------------------------------------------------


@transaction.atomic
def apply(
    *, talent: User, posting: Posting, message: str, upload: UploadedFile | None = None
) -> Application:
    """The talent applies to ``posting`` with a message and a CV: ``upload`` if given (already
    checked), otherwise a copy of the profile's CV, so that later changes never alter what was
    sent. The company's recruiters and the talent get an email. The application also shows the
    talent's full profile to the company (TalentProfile.objects.known_to).

    Raises AlreadyApplied for a second application to the same posting, ValidationError when the
    posting takes no applications through the portal or there is no CV."""
    if not (posting.is_live and posting.apply_in_portal):
        raise ValidationError(_("This posting does not take applications through the portal."))
    TalentProfile.objects.get_or_create(user=talent)
    # Locked: two clicks on "apply" are handled one after the other, the second finds the first.
    profile = TalentProfile.objects.select_for_update().get(user=talent)
    existing = Application.objects.filter(posting=posting, profile=profile).first()
    if existing:
        raise AlreadyApplied(existing)
    if upload is None and not profile.cv:
        raise ValidationError(_("Please add your CV as a PDF."))
    application = Application(posting=posting, profile=profile, message=message.strip())
    if upload is not None:
        application.cv.save("cv.pdf", upload, save=False)
    else:
        with profile.cv.open("rb") as profile_cv:
            application.cv.save("cv.pdf", File(profile_cv), save=False)
    application.save()
    context = {"application": application, "posting": posting, "talent": talent}
    email_people(
        recruiters_of(posting.company),
        template="talents/email/application_received",
        context=context,
    )
    email_people([talent], template="talents/email/application_sent", context=context)
    return application


@transaction.atomic
def withdraw_application(*, application: Application) -> None:
    """The talent takes an application back, unless it has already come to an end."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status in FINAL_STATUSES:
        raise ValidationError(
            _("This application can no longer be withdrawn (status: %(status)s).")
            % {"status": locked.get_status_display()}
        )
    application.status = Application.Status.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])


# --- The company's pipeline --------------------------------------------------------------------


def _tell_talent(application: Application) -> None:
    if application.profile is not None:  # an erased talent is told nothing
        email_people(
            [application.profile.user],
            template="talents/email/application_status",
            context={"application": application, "posting": application.posting},
        )


@transaction.atomic
def mark_viewed(*, application: Application) -> bool:
    """A recruiter opened a new application: it becomes "viewed" and the talent learns so.
    True if it was new (only the first opening counts, however many recruiters look at once)."""
    changed = Application.objects.filter(pk=application.pk, status=Application.Status.SENT).update(
        status=Application.Status.VIEWED, updated_at=timezone.now()
    )
    if changed:
        application.status = Application.Status.VIEWED
        _tell_talent(application)
    return bool(changed)


@transaction.atomic
def change_status(*, application: Application, status: str) -> bool:
    """A recruiter moves an application to one of Application.RECRUITER_STATUSES; the talent gets
    an email in their language. True if the status changed (the same status again is no news).

    Raises ValidationError for a status recruiters cannot set, or when the talent withdrew."""
    if status not in Application.RECRUITER_STATUSES:
        raise ValidationError(_("Please choose one of the offered statuses."))
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status == Application.Status.WITHDRAWN:
        raise ValidationError(_("The talent has withdrawn this application."))
    if locked.status == status:
        return False
    application.status = status
    application.save(update_fields=["status", "updated_at"])
    _tell_talent(application)
    return True
