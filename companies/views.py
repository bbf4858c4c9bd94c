"""Pages of companies and postings: the public directory and search, and the recruiters' own."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedRequest
from companies import region, services
from companies.filters import CompanyFilter, PostingFilter, cached_facet_counts, show_counts
from companies.forms import (
    CompanyForm,
    CompanySiteFormSet,
    InvitationForm,
    PostingForm,
    PostingLanguageFormSet,
    PostingSkillFormSet,
    ReportForm,
)
from companies.models import (
    Company,
    CompanyPortrait,
    CompanySite,
    InvalidTransition,
    Invitation,
    Membership,
    Posting,
    PostingSkill,
)
from region.models import DistrictProfile
from taxonomy.models import Skill

PAGE_SIZE = 20


class CountedPaginator(Paginator):
    """A paginator told its total, so that it need not count again (the facets already did)."""

    def __init__(self, object_list: QuerySet[Any], per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


def _page(request: HttpRequest, items: QuerySet[Any]) -> Page:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))


def _listed_postings() -> QuerySet[Posting]:
    """Published postings with what a result card shows, in a constant number of queries."""
    return (
        Posting.objects.published()
        .select_related("company")
        .prefetch_related(Prefetch("sites", queryset=CompanySite.objects.select_related("town")))
    )


def _open_postings_count() -> Coalesce:
    live = (
        Posting.objects.published()
        .filter(company=OuterRef("pk"))
        .order_by()
        .values("company")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(live), 0)


# --- Public ----------------------------------------------------------------------------------------


def company_list(request: HttpRequest) -> HttpResponse:
    companies = (
        Company.objects.verified()
        .annotate(open_postings=_open_postings_count())
        .prefetch_related(Prefetch("sites", queryset=CompanySite.objects.select_related("town")))
    )
    company_filter = CompanyFilter(request.GET or None, queryset=companies)
    page = _page(request, company_filter.qs.order_by("name"))
    return render(request, "companies/company_list.html", {"filter": company_filter, "page": page})


def company_detail(request: HttpRequest, slug: str) -> HttpResponse:
    visible = Company.objects.verified() | Company.objects.editable_by(request.user)
    company = get_object_or_404(visible.distinct().prefetch_related("sites__town"), slug=slug)
    postings = _listed_postings().filter(company=company)
    portraits = company.portraits.published() if company.is_verified else []
    return render(
        request,
        "companies/company_detail.html",
        {"company": company, "postings": postings, "portraits": portraits},
    )


# --- The region and company portraits -------------------------------------------------------------


def region_overview(request: HttpRequest) -> HttpResponse:
    """Living and working in the region: the map of the towns and the districts as a list."""
    towns = list(region.towns_with_counts())
    context = {
        "map": region.region_map(towns),
        "towns": towns,
        "districts": region.districts_with_counts(),
    }
    return render(request, "companies/region_overview.html", context)


def district_detail(request: HttpRequest, slug: str) -> HttpResponse:
    district = get_object_or_404(region.districts_with_counts(), slug=slug)
    towns = region.towns_with_counts().filter(district=district.district)
    return render(request, "companies/district_detail.html", {"district": district, "towns": towns})


def town_detail(request: HttpRequest, slug: str) -> HttpResponse:
    town = get_object_or_404(region.towns_with_counts(), slug=slug)
    district = DistrictProfile.objects.filter(district=town.district).first()
    companies = region.companies_in_town(town)
    return render(
        request,
        "companies/town_detail.html",
        {"town": town, "district": district, "companies": companies},
    )


def portrait_list(request: HttpRequest) -> HttpResponse:
    portraits = CompanyPortrait.objects.published().select_related("company")
    return render(request, "companies/portrait_list.html", {"page": _page(request, portraits)})


def portrait_detail(request: HttpRequest, slug: str) -> HttpResponse:
    visible = (
        CompanyPortrait.objects.all()
        if request.user.is_staff
        else CompanyPortrait.objects.published()
    )
    portrait = get_object_or_404(visible.select_related("company"), slug=slug)
    return render(request, "companies/portrait_detail.html", {"portrait": portrait})


def company_logo(request: HttpRequest, slug: str) -> FileResponse:
    visible = Company.objects.verified() | Company.objects.editable_by(request.user)
    company = get_object_or_404(visible.distinct(), slug=slug)
    if not company.logo:
        raise Http404
    response = FileResponse(company.logo.open("rb"), content_type="image/png")
    response["Cache-Control"] = (
        "public, max-age=86400" if company.is_verified else "private, no-store"
    )
    return response


def posting_search(request: HttpRequest) -> HttpResponse:
    posting_filter = PostingFilter(request.GET or None, queryset=_listed_postings())
    facets = cached_facet_counts(posting_filter)
    show_counts(posting_filter, facets)
    paginator = CountedPaginator(posting_filter.qs, PAGE_SIZE, count=facets["all"]["total"])
    context = {
        "filter": posting_filter,
        "page": paginator.get_page(request.GET.get("page")),
        "facets": facets,
        "query_string": request.GET.urlencode(),
    }
    partial = request.headers.get("HX-Request")
    template = (
        "companies/partials/posting_results.html" if partial else "companies/posting_search.html"
    )
    return render(request, template, context)


def posting_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    posting = get_object_or_404(
        Posting.objects.select_related("company").prefetch_related(
            "sites__town", "skills__skill", "languages"
        ),
        pk=pk,
    )
    if posting.is_live:
        if slug != posting.slug:
            return redirect(posting, permanent=True)
        return render(request, "companies/posting_detail.html", {"posting": posting})
    is_team = Posting.objects.editable_by(request.user).filter(pk=pk).exists()
    if is_team or request.user.is_staff:
        return render(
            request, "companies/posting_detail.html", {"posting": posting, "is_preview": True}
        )
    if posting.is_closed and posting.company.is_verified:
        similar = (
            _listed_postings()
            .filter(
                Q(posting_type=posting.posting_type)
                | Q(fields_of_study__overlap=posting.fields_of_study)
            )
            .exclude(pk=posting.pk)[:5]
        )
        return render(
            request,
            "companies/posting_gone.html",
            {"posting": posting, "similar": similar},
            status=410,
        )
    raise Http404


def posting_report(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    posting = get_object_or_404(Posting.objects.published(), pk=pk)
    return _report(request, subject=posting, posting=posting)


def company_report(request: HttpRequest, slug: str) -> HttpResponse:
    company = get_object_or_404(Company.objects.verified(), slug=slug)
    return _report(request, subject=company, company=company)


def _report(request: HttpRequest, *, subject: Posting | Company, **target: object) -> HttpResponse:
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reporter = request.user if request.user.is_authenticated else None
        services.file_report(
            **target,  # type: ignore[arg-type]
            reason=form.cleaned_data["reason"],
            text=form.cleaned_data["text"],
            reporter=reporter,
        )
        messages.success(request, _("Thank you. Our team will look at your report."))
        return redirect(subject)
    return render(request, "companies/report_form.html", {"form": form, "subject": subject})


# --- Recruiters ---------------------------------------------------------------------------------


def _require_company_account(request: AuthenticatedRequest) -> None:
    if not (request.user.is_recruiter or request.user.is_staff):
        raise PermissionDenied(_("Only company accounts can manage companies."))


@login_required
def my_companies(request: AuthenticatedRequest) -> HttpResponse:
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("company")
        .annotate(
            postings_in_review=Count(
                "company__postings", filter=Q(company__postings__status=Posting.Status.IN_REVIEW)
            ),
            postings_live=Count(
                "company__postings", filter=Q(company__postings__status=Posting.Status.PUBLISHED)
            ),
        )
    )
    invitations = (
        Invitation.objects.open().filter(email__iexact=request.user.email).select_related("company")
    )
    return render(
        request,
        "companies/my_companies.html",
        {"memberships": memberships, "invitations": invitations},
    )


@login_required
def company_create(request: AuthenticatedRequest) -> HttpResponse:
    _require_company_account(request)
    form = CompanyForm(request.POST or None, request.FILES or None)
    sites = CompanySiteFormSet(request.POST or None, instance=form.instance, prefix="sites")
    if request.method == "POST" and form.is_valid() and sites.is_valid():
        with transaction.atomic():
            company = services.create_company(company=form.instance, owner=request.user)
            sites.instance = company
            sites.save()
        messages.success(
            request,
            _(
                "Your company is registered. Our team will verify it shortly; until then only your team sees it."
            ),
        )
        return redirect("companies:company_postings", slug=company.slug)
    return render(request, "companies/company_form.html", {"form": form, "sites": sites})


@login_required
def company_edit(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    company = get_object_or_404(Company.objects.editable_by(request.user), slug=slug)
    form = CompanyForm(request.POST or None, request.FILES or None, instance=company)
    sites = CompanySiteFormSet(request.POST or None, instance=company, prefix="sites")
    if request.method == "POST" and form.is_valid() and sites.is_valid():
        with transaction.atomic():
            form.save()
            sites.save()
            services.company_saved(company=company, changed_fields=set(form.changed_data))
        if not company.is_verified:
            messages.info(
                request,
                _(
                    "Saved. Our team will check the changed details before the page is public again."
                ),
            )
        else:
            messages.success(request, _("Company profile saved."))
        return redirect("companies:company_edit", slug=company.slug)
    return render(
        request, "companies/company_form.html", {"form": form, "sites": sites, "company": company}
    )


@login_required
def company_team(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    company = get_object_or_404(Company.objects.editable_by(request.user), slug=slug)
    is_owner = Company.objects.owned_by(request.user).filter(pk=company.pk).exists()
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if not is_owner:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.invite_recruiter(company=company, **form.cleaned_data, by=request.user)
            except ValidationError as error:
                form.add_error("email", error)
            else:
                messages.success(request, _("Invitation sent to %(email)s.") % form.cleaned_data)
                return redirect("companies:company_team", slug=slug)
    members = company.memberships.select_related("user", "company").order_by("user__email")
    invitations = company.invitations.open()
    context = {
        "company": company,
        "members": members,
        "invitations": invitations,
        "form": form,
        "is_owner": is_owner,
    }
    return render(request, "companies/company_team.html", context)


@login_required
@require_POST
def member_remove(request: AuthenticatedRequest, slug: str, membership_pk: int) -> HttpResponse:
    company = get_object_or_404(Company.objects.editable_by(request.user), slug=slug)
    membership = get_object_or_404(company.memberships, pk=membership_pk)
    leaving = membership.user_id == request.user.pk
    if (
        not leaving
        and not company.memberships.filter(user=request.user, role=Membership.Role.OWNER).exists()
    ):
        raise PermissionDenied
    try:
        services.remove_member(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("companies:company_team", slug=slug)
    if leaving:
        messages.success(request, _("You have left %(company)s.") % {"company": company})
        return redirect("companies:my_companies")
    messages.success(
        request, _("%(person)s was removed from the team.") % {"person": membership.user}
    )
    return redirect("companies:company_team", slug=slug)


@login_required
def invitation_accept(request: AuthenticatedRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.open().select_related("company"), token=token)
    if request.method == "POST":
        try:
            services.accept_invitation(invitation=invitation, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("Welcome to the team of %(company)s.") % {"company": invitation.company}
            )
            return redirect("companies:company_postings", slug=invitation.company.slug)
    return render(request, "companies/invitation_accept.html", {"invitation": invitation})


@login_required
def company_postings(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    company = get_object_or_404(Company.objects.editable_by(request.user), slug=slug)
    postings = (
        company.postings.originals()
        .select_related("pending_revision")
        .prefetch_related(Prefetch("sites", queryset=CompanySite.objects.select_related("town")))
        .order_by("-created_at")
    )
    return render(
        request, "companies/company_postings.html", {"company": company, "postings": postings}
    )


@login_required
def posting_create(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    company = get_object_or_404(Company.objects.editable_by(request.user), slug=slug)
    return _posting_form(
        request, company=company, posting=Posting(company=company, created_by=request.user)
    )


@login_required
def posting_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    posting = get_object_or_404(
        Posting.objects.editable_by(request.user).select_related("company"), pk=pk
    )
    if posting.is_closed:
        messages.info(request, _("This posting is closed and can no longer be changed."))
        return redirect("companies:company_postings", slug=posting.company.slug)
    editable = services.posting_for_editing(posting=posting, by=request.user)
    return _posting_form(request, company=posting.company, posting=editable)


def _posting_form(
    request: AuthenticatedRequest, *, company: Company, posting: Posting
) -> HttpResponse:
    form = PostingForm(request.POST or None, instance=posting, company=company)
    skills = PostingSkillFormSet(
        request.POST or None,
        instance=posting,
        prefix="skills",
        queryset=PostingSkill.objects.select_related("skill"),
    )
    languages = PostingLanguageFormSet(request.POST or None, instance=posting, prefix="languages")
    if request.method == "POST" and form.is_valid() and skills.is_valid() and languages.is_valid():
        with transaction.atomic():
            posting = form.save()
            skills.save()
            languages.save()
            reopened = services.posting_saved(posting=posting, by=request.user)
        if reopened:
            messages.info(
                request,
                _(
                    "Saved. Your changes took the posting out of review; submit it again when it is ready."
                ),
            )
        else:
            messages.success(request, _("Saved. Submit the posting for review when it is ready."))
        return redirect("companies:posting_edit", pk=posting.revision_of_id or posting.pk)
    context = {
        "form": form,
        "skills": skills,
        "languages": languages,
        "company": company,
        "posting": posting,
        "skill_suggestions": Skill.objects.suggestions(
            in_use=PostingSkill.objects.values("skill_id")
        ).values_list("label_de", "label_en"),
    }
    return render(request, "companies/posting_form.html", context)


@login_required
@require_POST
def posting_submit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    posting = get_object_or_404(
        Posting.objects.editable_by(request.user).select_related("company"), pk=pk
    )
    target = Posting.objects.filter(revision_of=posting).first() or posting
    if missing := target.missing_for_publication():
        messages.error(
            request, _("Before review, please add: %(missing)s.") % {"missing": ", ".join(missing)}
        )
        return redirect("companies:posting_edit", pk=pk)
    try:
        services.submit_posting(posting=target, by=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Submitted. Our team reviews postings within two working days.")
        )
    return redirect("companies:company_postings", slug=posting.company.slug)


@login_required
@require_POST
def posting_close(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    posting = get_object_or_404(
        Posting.objects.editable_by(request.user).select_related("company"), pk=pk
    )
    filled = request.POST.get("how") == "filled"
    try:
        services.close_posting(posting=posting, by=request.user, filled=filled)
    except InvalidTransition:
        messages.error(
            request,
            _("This posting cannot be closed now; it is: %(status)s.")
            % {"status": posting.get_status_display()},
        )
    else:
        messages.success(request, _("The posting is closed."))
    return redirect("companies:company_postings", slug=posting.company.slug)
