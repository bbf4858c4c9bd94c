"""CVs and applications: the talent's CV, applying, the talent's list, the company's pipeline,
and CV downloads that only the people entitled to them can reach (everybody else: 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedRequest
from accounts.models import User
from companies.models import Posting
from talents.application_forms import ApplicationForm, CVForm, StatusForm
from talents.models import Application, TalentProfile, TalentSkill
from talents.services import applications as services


def _require_talent(request: AuthenticatedRequest) -> None:
    if not request.user.is_talent:
        raise PermissionDenied(_("This page is for talent accounts."))


def _own_applications(user: User) -> QuerySet[Application]:
    return Application.objects.filter(profile__user=user)


# --- The talent's side -------------------------------------------------------------------------


@login_required
def cv_upload(request: AuthenticatedRequest) -> HttpResponse:
    _require_talent(request)
    if request.method == "POST" and "delete" in request.POST:
        services.delete_cv(talent=request.user)
        messages.success(request, _("Your CV was deleted."))
        return redirect("talents:cv_upload")
    form = CVForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.save_cv(talent=request.user, upload=form.cleaned_data["cv"])
        messages.success(request, _("Your CV is saved."))
        return redirect("talents:cv_upload")
    profile = TalentProfile.objects.filter(user=request.user).first()
    return render(
        request, "talents/applications/cv_upload.html", {"form": form, "profile": profile}
    )


@login_required
def apply(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_talent(request)
    posting = get_object_or_404(
        Posting.objects.published().filter(apply_in_portal=True).select_related("company"), pk=pk
    )
    existing = _own_applications(request.user).filter(posting=posting).first()
    profile = TalentProfile.objects.filter(user=request.user).first()
    form = ApplicationForm(
        request.POST or None, request.FILES or None, has_profile_cv=bool(profile and profile.cv)
    )
    if request.method == "POST" and not existing and form.is_valid():
        try:
            services.apply(
                talent=request.user,
                posting=posting,
                message=form.cleaned_data["message"],
                upload=form.cleaned_data["cv"],
            )
        except services.AlreadyApplied as error:
            existing = error.application
        except ValidationError as error:  # the posting closed a moment ago
            form.add_error(None, error)
        else:
            messages.success(request, _("Your application is sent. Good luck!"))
            return redirect("talents:my_applications")
    context = {"posting": posting, "form": form, "profile": profile, "existing": existing}
    return render(request, "talents/applications/apply.html", context)


@login_required
def my_applications(request: AuthenticatedRequest) -> HttpResponse:
    applications = _own_applications(request.user).select_related("posting__company")
    context = {"applications": applications, "final_statuses": services.FINAL_STATUSES}
    return render(request, "talents/applications/my_applications.html", context)


@login_required
@require_POST
def application_withdraw(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(_own_applications(request.user), pk=pk)
    try:
        services.withdraw_application(application=application)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your application is withdrawn."))
    return redirect("talents:my_applications")


# --- The company's side ------------------------------------------------------------------------


@login_required
def pipeline(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    posting = get_object_or_404(
        Posting.objects.editable_by(request.user).select_related("company"), pk=pk
    )
    applications = list(posting.applications.select_related("profile__user"))
    groups = [
        (value, label, [item for item in applications if item.status == value])
        for value, label in Application.Status.choices
    ]
    context = {
        "posting": posting,
        "company": posting.company,
        "groups": [group for group in groups if group[2]],
        "total": len(applications),
    }
    return render(request, "talents/applications/pipeline.html", context)


@login_required
def application_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.for_recruiter(request.user)
        .select_related("posting__company", "profile__user", "profile__university")
        .prefetch_related(
            Prefetch("profile__skills", queryset=TalentSkill.objects.select_related("skill")),
            "profile__languages",
        ),
        pk=pk,
    )
    if application.status == Application.Status.SENT:
        services.mark_viewed(application=application)
    form = StatusForm(request.POST or None, initial={"status": application.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.change_status(application=application, status=form.cleaned_data["status"])
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Status saved. The talent gets an email."))
        return redirect("talents:application_detail", pk=pk)
    context = {"application": application, "company": application.posting.company, "form": form}
    return render(request, "talents/applications/application_detail.html", context)


# --- CV downloads ------------------------------------------------------------------------------


def _cv_response(cv: FieldFile, *, owner: User | None) -> FileResponse:
    if not cv:
        raise Http404
    filename = slugify(f"{_('CV')} {owner.get_full_name() if owner else ''}") or "cv"
    response = FileResponse(
        cv.open("rb"),
        as_attachment=True,
        filename=f"{filename}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def profile_cv(request: AuthenticatedRequest, pk: int) -> FileResponse:
    profiles = TalentProfile.objects.all()
    if not request.user.is_staff:
        known = TalentProfile.objects.shared_cv_with(request.user).values("pk")
        profiles = profiles.filter(Q(user=request.user) | Q(pk__in=known))
    profile = get_object_or_404(profiles.select_related("user"), pk=pk)
    return _cv_response(profile.cv, owner=profile.user)


@login_required
def application_cv(request: AuthenticatedRequest, pk: int) -> FileResponse:
    applications = Application.objects.all()
    if not request.user.is_staff:
        of_company = Application.objects.for_recruiter(request.user).values("pk")
        applications = applications.filter(Q(profile__user=request.user) | Q(pk__in=of_company))
    application = get_object_or_404(applications.select_related("profile__user"), pk=pk)
    return _cv_response(
        application.cv, owner=application.profile.user if application.profile else None
    )
