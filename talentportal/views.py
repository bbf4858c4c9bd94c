"""Site-wide pages: home, the legal pages, operations probes and error pages."""

import sys

from allauth.core import ratelimit
from django.contrib import messages
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from talentportal.forms import AccessibilityFeedbackForm
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
