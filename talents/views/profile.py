"""The talent's own pages: overview, profile and privacy choices."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from companies.models import PostingSkill
from talents.forms import PrivacyForm, ProfileForm, TalentLanguageFormSet, TalentSkillFormSet
from talents.models import Consent, ContactRequest, TalentProfile, TalentSkill
from talents.services import profiles
from taxonomy.models import Skill


def talent_profile(request: AuthenticatedRequest) -> TalentProfile:
    """The signed-in talent's profile; other accounts have none."""
    if not request.user.is_talent:
        raise PermissionDenied(_("This page is for talent accounts."))
    return profiles.profile_for(request.user)


@login_required
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    if request.user.is_recruiter:
        return redirect("companies:my_companies")
    profile = talent_profile(request)
    context = {
        "profile": profile,
        "skills": profile.skills.select_related("skill"),
        "pending_requests": ContactRequest.objects.pending().filter(profile=profile).count(),
        "applications": profile.applications.count(),
        "permit_hints": profiles.permit_hints(profile),
    }
    return render(request, "talents/dashboard.html", context)


@login_required
def profile_edit(request: AuthenticatedRequest) -> HttpResponse:
    profile = talent_profile(request)
    form = ProfileForm(request.POST or None, instance=profile)
    skills = TalentSkillFormSet(
        request.POST or None,
        instance=profile,
        prefix="skills",
        queryset=TalentSkill.objects.select_related("skill"),
    )
    languages = TalentLanguageFormSet(request.POST or None, instance=profile, prefix="languages")
    if request.method == "POST" and form.is_valid() and skills.is_valid() and languages.is_valid():
        with transaction.atomic():
            form.save()
            skills.save()
            languages.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("talents:dashboard")
    context = {
        "form": form,
        "skills": skills,
        "languages": languages,
        "skill_suggestions": Skill.objects.suggestions(
            in_use=PostingSkill.objects.values("skill_id")
        ).values_list("label_de", "label_en"),
    }
    return render(request, "talents/profile_form.html", context)


@login_required
def privacy_settings(request: AuthenticatedRequest) -> HttpResponse:
    profile = talent_profile(request)
    initial = {
        "visible": profile.is_visible_to_companies,
        "alerts": profiles.has_consent(request.user, Consent.Kind.ALERTS),
        "digest": profiles.has_consent(request.user, Consent.Kind.DIGEST),
    }
    form = PrivacyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        profiles.set_privacy(profile=profile, **form.cleaned_data)
        messages.success(request, _("Your choices are saved."))
        return redirect("talents:privacy_settings")
    return render(request, "talents/privacy_settings.html", {"form": form, "profile": profile})
