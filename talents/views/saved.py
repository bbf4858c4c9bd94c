"""A person's bookmarks (postings and companies) and saved searches with their email alerts."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedRequest
from talents.models import Bookmark, SavedSearch
from talents.saved_forms import AlertFrequencyForm, BookmarkToggleForm, SavedSearchForm
from talents.services import saved as services


def _safe_next(request: AuthenticatedRequest, fallback: str) -> str:
    """The posted `next` page if it is one of ours, else ``fallback`` (no open redirects)."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
def bookmarks(request: AuthenticatedRequest) -> HttpResponse:
    own = Bookmark.objects.filter(user=request.user)
    context = {
        "posting_bookmarks": own.filter(posting__isnull=False).select_related("posting__company"),
        "company_bookmarks": own.filter(company__isnull=False).select_related("company"),
    }
    return render(request, "talents/saved/bookmarks.html", context)


@login_required
@require_POST
def bookmark_toggle(request: AuthenticatedRequest) -> HttpResponse:
    form = BookmarkToggleForm(request.POST, user=request.user)
    if not form.is_valid():
        raise Http404  # a draft, an unverified company or nonsense: nothing to bookmark
    thing = form.cleaned_data["posting"] or form.cleaned_data["company"]
    bookmarked = services.toggle_bookmark(
        user=request.user,
        posting=form.cleaned_data["posting"],
        company=form.cleaned_data["company"],
    )
    if bookmarked:
        messages.success(request, _("“%(name)s” is in your bookmarks.") % {"name": thing})
    else:
        messages.success(
            request, _("“%(name)s” was removed from your bookmarks.") % {"name": thing}
        )
    return HttpResponseRedirect(_safe_next(request, fallback=reverse("talents:bookmarks")))


@dataclass
class SearchRow:
    """A saved search as its page shows it: what it looks for, and its frequency form."""

    search: SavedSearch
    description: list[str]
    form: AlertFrequencyForm


@login_required
def saved_searches(request: AuthenticatedRequest) -> HttpResponse:
    own = SavedSearch.objects.filter(user=request.user)
    if request.method == "POST" and "stop_alerts" in request.POST:
        services.stop_all_alerts(user=request.user)
        messages.success(request, _("You will receive no more emails about your saved searches."))
        return redirect("talents:saved_searches")
    posted = _frequency_form(request, own) if request.method == "POST" else None
    if posted and posted.is_valid():
        services.change_alert_frequency(
            saved_search=posted.instance,
            frequency=posted.cleaned_data["frequency"],
            consent_given=posted.cleaned_data["consent"],
        )
        messages.success(
            request, _("Email alerts for “%(name)s” changed.") % {"name": posted.instance}
        )
        return redirect("talents:saved_searches")
    towns = services.town_names()
    rows = [
        SearchRow(
            search=search,
            description=services.describe_search(search.query, towns),
            form=posted
            if posted and posted.instance.pk == search.pk
            else AlertFrequencyForm(instance=search, prefix=f"search-{search.pk}"),
        )
        for search in own
    ]
    context = {"rows": rows, "has_consent": services.has_alerts_consent(request.user)}
    return render(request, "talents/saved/saved_searches.html", context)


def _frequency_form(
    request: AuthenticatedRequest, own: QuerySet[SavedSearch]
) -> AlertFrequencyForm:
    """The frequency form of the one saved search (of this person's) that was posted."""
    value = request.POST.get("search", "")
    if not value.isdigit():
        raise Http404
    saved_search = get_object_or_404(own, pk=int(value))
    return AlertFrequencyForm(
        request.POST, instance=saved_search, prefix=f"search-{saved_search.pk}"
    )


@login_required
def saved_search_create(request: AuthenticatedRequest) -> HttpResponse:
    initial = {"query": request.GET.get("query", ""), "name": request.GET.get("name", "")}
    form = SavedSearchForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved_search = services.save_search(
            user=request.user,
            name=form.cleaned_data["name"],
            query=form.cleaned_data["query"],
            frequency=form.cleaned_data["frequency"],
            consent_given=form.cleaned_data["consent"],
        )
        messages.success(request, _("Search “%(name)s” saved.") % {"name": saved_search})
        return redirect("talents:saved_searches")
    return render(request, "talents/saved/saved_search_form.html", {"form": form})


@login_required
@require_POST
def saved_search_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    saved_search = get_object_or_404(SavedSearch.objects.filter(user=request.user), pk=pk)
    saved_search.delete()
    messages.success(request, _("Search “%(name)s” deleted.") % {"name": saved_search})
    return redirect("talents:saved_searches")
