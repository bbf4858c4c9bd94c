"""Site-wide pages: home, the legal pages, operations probes and error pages."""

import sys
from collections.abc import Callable
from functools import wraps

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.middleware import two_factor_setup_redirect
from talentportal import reports
from talentportal.forms import AccessibilityFeedbackForm, ReportPeriodForm
from talentportal.models import SitePage
from talentportal.services import submit_accessibility_feedback


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


def site_page(request: HttpRequest, slug: str) -> HttpResponse:
    """Imprint or privacy policy, in the visitor's language."""
    page = get_object_or_404(SitePage, slug=slug)
    return render(request, "pages/site_page.html", {"page": page})


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The accessibility statement, with its form for reporting barriers."""
    page = get_object_or_404(SitePage, slug=SitePage.Slug.ACCESSIBILITY)
    form = AccessibilityFeedbackForm(request.POST or None)
    # Each report emails every staff member: a few per visitor and day are plenty.
    if request.method == "POST" and not ratelimit.consume(request, action="accessibility_feedback"):
        messages.error(request, _("Too many attempts. Please wait a minute and try again."))
        return render(request, "pages/accessibility_statement.html", {"page": page, "form": form})
    if request.method == "POST" and form.is_valid():
        submit_accessibility_feedback(feedback=form.instance)
        messages.success(
            request, _("Thank you for your message. Our team will look at the barrier.")
        )
        # To the top of the main content, where the message is (not back down to the form).
        return redirect(page.get_absolute_url() + "#main")
    return render(request, "pages/accessibility_statement.html", {"page": page, "form": form})


View = Callable[..., HttpResponse]


def staff_with_two_factor_required(view: View) -> View:
    """Like the admin: staff only (others 403, visitors to sign-in), with two-factor set up."""

    @wraps(view)
    @login_required
    def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_staff:
            raise PermissionDenied
        return two_factor_setup_redirect(request) or view(request, *args, **kwargs)

    return guarded


@staff_with_two_factor_required
def impact_report(request: HttpRequest) -> HttpResponse:
    """The figures for the funder in a period, as charts and tables, or one section as CSV."""
    asked = "start" in request.GET or "end" in request.GET
    form = ReportPeriodForm(request.GET if asked else ReportPeriodForm.default_data())
    if not form.is_valid():
        return render(request, "pages/impact_report.html", {"form": form}, status=400)
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    wanted = request.GET.get("section", "")
    specs = [spec for spec in reports.SECTIONS if wanted in ("", "all", spec.key)]
    if not specs:
        raise Http404
    sections = reports.build_report(start, end, specs)
    if request.GET.get("format") == "csv":
        return reports.csv_response(sections, start, end)
    context = {"form": form, "sections": sections, "start": start, "end": end}
    return render(request, "pages/impact_report.html", context)


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Everything public may be indexed; the sitemap lists it. Personal areas are excluded."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /en/admin/",
        "Disallow: /en/accounts/",
        "Disallow: /mein/",
        "Disallow: /en/my/",
        "Disallow: /berichte/",
        "Disallow: /en/reports/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """The process is alive; touches no database, so a database outage does not restart it."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    """Ready for traffic: the database answers and every migration is applied."""
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    if pending:
        return JsonResponse({"status": "unavailable", "migrations": "pending"}, status=503)
    return JsonResponse({"status": "ok"})


# How long a visitor (or the proxy) should wait before asking again while the database is away.
RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a lost database answers 503 with a page that needs no database (the next
    request reconnects by itself, CONN_HEALTH_CHECKS); anything else the static 500 page. Neither
    shows anything of the error: it is logged with the request id instead."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(render_to_string("500.html"), status=500)
