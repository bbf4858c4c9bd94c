"""sitemap.xml: live postings, verified companies and the public pages, in German and English
(each URL with its hreflang alternates and x-default, the unprefixed German one)."""

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from companies.models import Company, CompanyPortrait, Posting
from region.models import DistrictProfile, Town


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PostingSitemap(BilingualSitemap):
    def items(self) -> QuerySet[Posting]:
        return Posting.objects.published().only("pk", "title", "updated_at").order_by("pk")

    def lastmod(self, posting: Posting) -> datetime:
        return posting.updated_at


class CompanySitemap(BilingualSitemap):
    def items(self) -> QuerySet[Company]:
        return Company.objects.verified().only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, company: Company) -> datetime:
        return company.updated_at


class PortraitSitemap(BilingualSitemap):
    def items(self) -> QuerySet[CompanyPortrait]:
        return CompanyPortrait.objects.published().only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, portrait: CompanyPortrait) -> datetime:
        return portrait.updated_at


class RegionSitemap(BilingualSitemap):
    """District and town pages."""

    def items(self) -> list[DistrictProfile | Town]:
        return [*DistrictProfile.objects.order_by("pk"), *Town.objects.order_by("pk")]


class StaticPagesSitemap(BilingualSitemap):
    def items(self) -> list[str]:
        return [
            "home",
            "companies:company_list",
            "companies:posting_search",
            "companies:region_overview",
            "companies:portrait_list",
            "site_page_programme",
            "site_page_impressum",
            "site_page_datenschutz",
            "site_page_barrierefreiheit",
        ]

    def location(self, url_name: str) -> str:
        return reverse(url_name)


SITEMAPS: dict[str, type[Sitemap]] = {
    "postings": PostingSitemap,
    "companies": CompanySitemap,
    "portraits": PortraitSitemap,
    "region": RegionSitemap,
    "pages": StaticPagesSitemap,
}
