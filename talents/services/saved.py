"""Bookmarks and saved searches, with the consent-based email alerts for new results."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.emails import email_people
from accounts.models import User
from companies.filters import PostingFilter
from companies.models import Company, Posting
from region.models import Town
from talents.models import Bookmark, Consent, SavedSearch
from talents.services import profiles

# The job runs hourly: an hour of slack keeps "daily" from drifting by an hour every day.
ALERT_INTERVALS = {
    SavedSearch.Frequency.DAILY: timedelta(days=1) - timedelta(hours=1),
    SavedSearch.Frequency.WEEKLY: timedelta(days=7) - timedelta(hours=1),
}
MAX_POSTINGS_PER_ALERT = 10
# Parameters that do not change which postings a search finds.
NOT_PART_OF_A_SEARCH = {"page"}


# --- Bookmarks ---------------------------------------------------------------------------------


def bookmarkable_postings(user: User) -> QuerySet[Posting]:
    """Postings this person may toggle: the public ones, and any they bookmarked earlier (so that
    a bookmark of a posting that closed since can still be removed)."""
    bookmarked = Bookmark.objects.filter(user=user, posting__isnull=False).values("posting")
    return Posting.objects.published() | Posting.objects.filter(pk__in=bookmarked)


def bookmarkable_companies(user: User) -> QuerySet[Company]:
    """Companies this person may toggle: the verified ones, and any they bookmarked earlier."""
    bookmarked = Bookmark.objects.filter(user=user, company__isnull=False).values("company")
    return Company.objects.verified() | Company.objects.filter(pk__in=bookmarked)


@transaction.atomic
def toggle_bookmark(
    *, user: User, posting: Posting | None = None, company: Company | None = None
) -> bool:
    """Bookmark a posting or a company, or remove the bookmark if there is one.

    Returns whether the thing is bookmarked now."""
    if (posting is None) == (company is None):
        raise ValueError("Bookmark either a posting or a company.")
    removed, _by_model = Bookmark.objects.filter(
        user=user, posting=posting, company=company
    ).delete()
    if removed:
        return False
    Bookmark.objects.create(user=user, posting=posting, company=company)
    return True


# --- Consent to alert emails ---------------------------------------------------------------------


def latest_alerts_consent() -> Subquery:
    """For a query over a model with a ``user`` field: whether that user's latest decision about
    alert emails was to give consent (NULL if they never decided)."""
    return Subquery(
        Consent.objects.filter(user=OuterRef("user"), kind=Consent.Kind.ALERTS)
        .order_by("-at", "-pk")
        .values("given")[:1]
    )


def has_alerts_consent(user: User) -> bool:
    """Whether the person's latest decision about alert emails is a consent."""
    return profiles.has_consent(user, Consent.Kind.ALERTS)


def _record_alerts_consent(user: User) -> None:
    # One record per decision: ticking the box again while consenting adds nothing new.
    if not has_alerts_consent(user):
        profiles.record_consent(user=user, kind=Consent.Kind.ALERTS, given=True)


def require_consent_for(frequency: str, *, consent_given: bool) -> None:
    """Daily or weekly emails only with the consent box ticked."""
    if frequency != SavedSearch.Frequency.NEVER and not consent_given:
        raise ValidationError(
            _("Emails need your consent. Tick the box, or choose “No emails”."), code="consent"
        )


# --- Saved searches ------------------------------------------------------------------------------


def clean_search_query(query: str) -> str:
    """The query string of a posting search, without what does not change its results (page)."""
    data = QueryDict(query.lstrip("?"), mutable=True)
    for name in NOT_PART_OF_A_SEARCH:
        data.pop(name, None)
    return data.urlencode()


@transaction.atomic
def save_search(
    *, user: User, name: str, query: str, frequency: str, consent_given: bool
) -> SavedSearch:
    """Keep a posting search under a name. Alert emails (daily or weekly) need the person's
    consent, which is recorded with the version of the text they agreed to."""
    require_consent_for(frequency, consent_given=consent_given)
    if frequency != SavedSearch.Frequency.NEVER:
        _record_alerts_consent(user)
    return SavedSearch.objects.create(
        user=user, name=name, query=clean_search_query(query), frequency=frequency
    )


@transaction.atomic
def change_alert_frequency(
    *, saved_search: SavedSearch, frequency: str, consent_given: bool
) -> None:
    """Switch a saved search's emails to never, daily or weekly (the latter two with consent)."""
    require_consent_for(frequency, consent_given=consent_given)
    if frequency != SavedSearch.Frequency.NEVER:
        _record_alerts_consent(saved_search.user)
    saved_search.frequency = frequency
    saved_search.save(update_fields=["frequency"])


@transaction.atomic
def stop_all_alerts(*, user: User) -> int:
    """Withdraw the consent to alert emails: every saved search stays, without emails.

    Returns how many searches had emails switched on."""
    stopped = (
        SavedSearch.objects.filter(user=user)
        .exclude(frequency=SavedSearch.Frequency.NEVER)
        .update(frequency=SavedSearch.Frequency.NEVER)
    )
    if has_alerts_consent(user):
        profiles.record_consent(user=user, kind=Consent.Kind.ALERTS, given=False)
    return stopped


def describe_search(query: str, towns: dict[str, str]) -> list[str]:
    """What a saved search looks for, in words: ["Search: “Python”", "Type: Thesis", …].

    ``towns`` maps town slugs to names (one query for all searches of a page)."""
    data = QueryDict(query)
    parts = []
    for name, search_filter in PostingFilter.base_filters.items():
        values = [value for value in data.getlist(name) if value]
        if not values or name == "sort":
            continue
        label = search_filter.label
        if name == "q":
            parts.append(_("%(label)s: “%(text)s”") % {"label": label, "text": values[0]})
        elif name in {"town", "near"}:
            parts.append(f"{label}: {towns.get(values[0], values[0])}")
        elif "choices" in search_filter.extra:
            choices = dict(search_filter.extra["choices"])
            shown = ", ".join(str(choices[value]) for value in values if value in choices)
            if shown:
                parts.append(f"{label}: {shown}")
        elif values[0] in {"on", "true", "True", "1"}:
            parts.append(str(label))
    return parts


def town_names() -> dict[str, str]:
    """Town slugs (as search queries hold them) with the towns' names, for describe_search."""
    return dict(Town.objects.values_list("slug", "name"))


# --- Alerts job ----------------------------------------------------------------------------------


def searches_due_for_alerts(now: datetime) -> QuerySet[SavedSearch]:
    """Saved searches with emails switched on, whose owner consents, and whose interval is up."""
    interval_up = Q()
    for frequency, interval in ALERT_INTERVALS.items():
        interval_up |= Q(frequency=frequency) & (
            Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=now - interval)
        )
    return (
        SavedSearch.objects.annotate(consents=latest_alerts_consent())
        .filter(consents=True, user__is_active=True)
        .filter(interval_up)
    )


def new_results(saved_search: SavedSearch, *, until: datetime) -> QuerySet[Posting]:
    """Live postings the saved search finds that were published since its last email (or since
    it was saved), up to ``until``, in the search's order."""
    since = saved_search.last_sent_at or saved_search.created_at
    postings = Posting.objects.published().select_related("company")
    results = PostingFilter(QueryDict(saved_search.query), queryset=postings).qs
    return results.filter(published_at__gt=since, published_at__lte=until)


def send_search_alerts() -> int:
    """Email everybody whose saved searches found new postings since their last email, daily or
    weekly as they chose, and only with their consent. Idempotent: a search emailed within its
    interval waits, and a posting is announced once. Returns the number of emails queued."""
    now = timezone.now()
    sent = 0
    for saved_search in searches_due_for_alerts(now).select_related("user"):
        results = new_results(saved_search, until=now)
        postings = list(results[:MAX_POSTINGS_PER_ALERT])
        if not postings:
            continue
        count = len(postings) if len(postings) < MAX_POSTINGS_PER_ALERT else results.count()
        with transaction.atomic():
            saved_search.last_sent_at = now
            saved_search.save(update_fields=["last_sent_at"])
            email_people(
                [saved_search.user],
                template="talents/email/alert",
                context={"saved_search": saved_search, "postings": postings, "count": count},
            )
        sent += 1
    return sent
