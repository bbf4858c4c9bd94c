"""Anonymous talent cards for verified companies, contact requests and the talents' answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedRequest
from companies.models import Company
from talents.filters import TalentFilter
from talents.forms import ContactAnswerForm, ContactRequestForm
from talents.models import ContactRequest, TalentLanguage, TalentProfile, TalentSkill
from talents.services import contacts
from talents.views.profile import talent_profile

PAGE_SIZE = 20


def _cards() -> QuerySet[TalentProfile]:
    """Visible profiles with what a card shows, in a constant number of queries."""
    return TalentProfile.objects.visible_to_companies().prefetch_related(
        Prefetch("skills", queryset=TalentSkill.objects.select_related("skill")),
        Prefetch("languages", queryset=TalentLanguage.objects.all()),
        "preferred_towns",
    )


@login_required
def talent_directory(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    company = get_object_or_404(Company.objects.editable_by(request.user), slug=slug)
    if not company.is_verified:
        return render(
            request, "talents/talent_directory.html", {"company": company, "waiting": True}
        )
    talent_filter = TalentFilter(
        request.GET or None, queryset=_cards().order_by("-updated_at", "-pk")
    )
    page = Paginator(talent_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "talents/talent_directory.html",
        {"company": company, "filter": talent_filter, "page": page},
    )


@login_required
def talent_detail(request: AuthenticatedRequest, slug: str, profile_pk: int) -> HttpResponse:
    company = get_object_or_404(Company.objects.verified().editable_by(request.user), slug=slug)
    known = TalentProfile.objects.known_to_company(company).filter(pk=profile_pk).exists()
    # Known talents in full; everybody else only as the anonymous card, and only if visible.
    profiles = TalentProfile.objects.all() if known else _cards()
    profile = get_object_or_404(profiles.select_related("user", "university"), pk=profile_pk)
    pending = ContactRequest.objects.pending().filter(company=company, profile=profile).exists()
    context = {
        "company": company,
        "profile": profile,
        "known": known,
        "pending": pending,
        "form": ContactRequestForm(),
    }
    return render(request, "talents/talent_detail.html", context)


@login_required
def contact_request_create(
    request: AuthenticatedRequest, slug: str, profile_pk: int
) -> HttpResponse:
    company = get_object_or_404(Company.objects.verified().editable_by(request.user), slug=slug)
    profile = get_object_or_404(TalentProfile.objects.visible_to_companies(), pk=profile_pk)
    form = ContactRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contacts.request_contact(
                company=company,
                profile=profile,
                sent_by=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("Your request is sent. You will hear from us when the person answers.")
            )
        return redirect("talents:talent_detail", slug=slug, profile_pk=profile_pk)
    return render(
        request,
        "talents/contact_request_form.html",
        {"company": company, "profile": profile, "form": form},
    )


@login_required
def my_contact_requests(request: AuthenticatedRequest) -> HttpResponse:
    profile = talent_profile(request)
    requests = ContactRequest.objects.filter(profile=profile).select_related("company", "posting")
    return render(request, "talents/my_contact_requests.html", {"contact_requests": requests})


@login_required
@require_POST
def contact_answer(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(ContactRequest.objects.filter(profile__user=request.user), pk=pk)
    form = ContactAnswerForm(request.POST)
    if form.is_valid():
        try:
            contacts.answer_contact_request(
                contact=contact, accept=form.cleaned_data["answer"] == "accept"
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Your answer is sent."))
    return redirect("talents:my_contact_requests")
