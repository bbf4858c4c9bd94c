"""Published events and the event lists in sitemap.xml, in German and English."""

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from companies.sitemaps import BilingualSitemap
from events.models import Event


class EventSitemap(BilingualSitemap):
    def items(self) -> QuerySet[Event]:
        return Event.objects.published().only("pk", "title_de", "updated_at").order_by("pk")

    def lastmod(self, event: Event) -> datetime:
        return event.updated_at


class EventPagesSitemap(BilingualSitemap):
    def items(self) -> list[str]:
        return ["events:event_list", "events:event_archive"]

    def location(self, url_name: str) -> str:
        return reverse(url_name)


SITEMAPS: dict[str, type[Sitemap]] = {"events": EventSitemap, "event_pages": EventPagesSitemap}
