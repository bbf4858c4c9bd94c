"""Public event pages, and registering for them as a talent or for a company."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedRequest
from accounts.models import User
from companies.models import Company
from events import services
from events.filters import EventFilter
from events.forms import CompanyChoiceForm
from events.ics import event_calendar
from events.models import CompanyParticipation, Event, EventQuerySet, Registration

PAGE_SIZE = 20


def _listed(request: HttpRequest, events: EventQuerySet, template: str) -> HttpResponse:
    event_filter = EventFilter(
        request.GET or None, queryset=events.with_counts().select_related("town")
    )
    page = Paginator(event_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {"filter": event_filter, "page": page})


def event_list(request: HttpRequest) -> HttpResponse:
    return _listed(
        request,
        Event.objects.published().upcoming().order_by("starts_at", "pk"),
        "events/event_list.html",
    )


def event_archive(request: HttpRequest) -> HttpResponse:
    return _listed(
        request,
        Event.objects.published().past().order_by("-starts_at", "-pk"),
        "events/event_archive.html",
    )


def _visible_event(request: HttpRequest, pk: int) -> Event:
    return get_object_or_404(
        Event.objects.visible_to(request.user).with_counts().select_related("town"), pk=pk
    )


def _may_see_online_link(
    user: "User | AnonymousUser", event: Event, registration: Registration | None
) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or (registration and registration.status == Registration.Status.REGISTERED):
        return True
    return event.company_participations.active().of_recruiter(user).exists()


def event_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    event = _visible_event(request, pk)
    if slug != event.slug:
        return redirect(event, permanent=True)
    user = request.user
    registration = (
        event.registrations.filter(user=user).first()
        if user.is_authenticated and user.is_talent
        else None
    )
    participations = (
        event.company_participations.active()
        .filter(company__in=Company.objects.verified())
        .select_related("company")
        .order_by("company__name")
    )
    own_participations: list[CompanyParticipation] = []
    company_choices: list[Company] = []
    company_form = None
    if user.is_authenticated and user.is_recruiter:
        own_participations = list(
            event.company_participations.active().of_recruiter(user).select_related("company")
        )
        taking_part = [participation.company_id for participation in own_participations]
        companies = services.companies_for_events(user).exclude(pk__in=taking_part)
        company_choices = list(companies)
        company_form = CompanyChoiceForm(companies=companies) if company_choices else None
    context = {
        "event": event,
        "registration": registration,
        "participations": participations,
        "own_participations": own_participations,
        "company_form": company_form,
        "company_choices": company_choices,
        "show_online_link": _may_see_online_link(user, event, registration),
        "waiting_position": services.waiting_position(registration) if registration else None,
        "is_full": event.registered_count >= event.capacity,  # type: ignore[attr-defined]
    }
    return render(request, "events/event_detail.html", context)


@login_required
@require_POST
def event_register(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.is_talent:
        raise PermissionDenied(_("Only talent accounts can register for events."))
    event = _visible_event(request, pk)
    try:
        registration = services.register_talent(
            event=event, user=request.user, waiting_list="waiting_list" in request.POST
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.status == Registration.Status.REGISTERED:
            messages.success(
                request, _("You are registered. We have sent you a confirmation by email.")
            )
        else:
            messages.success(
                request, _("You are on the waiting list. We will email you if a place frees up.")
            )
    return redirect(event)


@login_required
@require_POST
def event_cancel(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(
        Registration.objects.active().select_related("event").filter(user=request.user), event_id=pk
    )
    try:
        services.cancel_registration(registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(registration.event)


@login_required
@require_POST
def company_register(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk)
    companies = services.companies_for_events(request.user)
    if not companies.exists():
        raise PermissionDenied(_("Only recruiters of a verified company can register it."))
    form = CompanyChoiceForm(request.POST, companies=companies)
    if not form.is_valid():
        messages.error(request, _("Please choose one of your companies."))
        return redirect(event)
    company: Company = form.cleaned_data["company"]
    try:
        services.register_company(event=event, company=company, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(company)s takes part. We have emailed your team.") % {"company": company.name},
        )
    return redirect(event)


@login_required
@require_POST
def company_withdraw(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    participation = get_object_or_404(
        CompanyParticipation.objects.active()
        .of_recruiter(request.user)
        .select_related("event", "company"),
        pk=pk,
    )
    try:
        services.withdraw_company(participation=participation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(company)s no longer takes part.") % {"company": participation.company.name},
        )
    return redirect(participation.event)


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk)
    registration = (
        event.registrations.filter(user=request.user).first()
        if request.user.is_authenticated
        else None
    )
    content = event_calendar(
        event, with_online_link=_may_see_online_link(request.user, event, registration)
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@login_required
def my_events(request: AuthenticatedRequest) -> HttpResponse:
    registrations = (
        Registration.objects.active()
        .filter(user=request.user)
        .select_related("event__town")
        .order_by("-event__starts_at")
    )
    participations = (
        CompanyParticipation.objects.active()
        .of_recruiter(request.user)
        .select_related("event__town", "company")
        .order_by("-event__starts_at", "company__name")
    )
    context = {"registrations": registrations, "participations": participations}
    return render(request, "events/my_events.html", context)
