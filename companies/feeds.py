"""Atom feed of the newest published postings, of all or of one search (its query string)."""

from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from companies.filters import PostingFilter
from companies.models import CompanySite, Posting, Workplace

FEED_LENGTH = 50


class PostingFeed(Feed):
    """/jobs/feed.atom?q=python&type=working_student: the feed of that search."""

    feed_type = Atom1Feed
    title = _("Jobs in the Dresden region")
    subtitle = _("The newest openings of TalentPortal Dresden")

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> PostingFilter:
        return PostingFilter(request.GET, queryset=Posting.objects.published())

    def link(self, search: PostingFilter) -> str:
        return _with_query(reverse("companies:posting_search"), search)

    def feed_url(self, search: PostingFilter) -> str:
        return _with_query(reverse("companies:posting_feed"), search)

    def items(self, search: PostingFilter) -> QuerySet[Posting]:
        # Newest first even for a search sorted by relevance: a feed reports what is new.
        sites = CompanySite.objects.select_related("town")
        return (
            search.qs.order_by("-published_at", "-pk")
            .select_related("company")
            .prefetch_related(Prefetch("sites", queryset=sites))[:FEED_LENGTH]
        )

    def item_title(self, posting: Posting) -> str:
        # An Atom title is plain text (type="text"): the feed writer escapes it.
        return posting.title

    def item_description(self, posting: Posting) -> str:
        # Atom's summary is type="html", so the plain text is escaped once here.
        places = list(dict.fromkeys(site.town.name for site in posting.sites.all()))
        if posting.workplace != Workplace.ON_SITE:
            places.append(str(posting.get_workplace_display()))
        parts = [posting.company.name, str(posting.get_posting_type_display()), ", ".join(places)]
        return escape(" · ".join(part for part in parts if part))

    def item_author_name(self, posting: Posting) -> str:
        return posting.company.name

    def item_pubdate(self, posting: Posting) -> datetime | None:
        return posting.published_at

    def item_updateddate(self, posting: Posting) -> datetime:
        return posting.updated_at

    def item_guid(self, posting: Posting) -> str:
        # A tag URI (RFC 4151) stays the same when the title, and so the link's slug, changes.
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        minted = timezone.localdate(posting.published_at or posting.created_at).isoformat()
        return f"tag:{host},{minted}:posting-{posting.pk}"


def _with_query(path: str, search: PostingFilter) -> str:
    query = search.data.urlencode()
    return f"{path}?{query}" if query else path
