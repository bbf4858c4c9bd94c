from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from companies.sitemaps import SITEMAPS
from events.sitemaps import SITEMAPS as EVENT_SITEMAPS
from talentportal import views

# The admin signs in through allauth (rate limits, two-factor), never through a second form.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = _("TalentPortal Dresden – administration")
admin.site.site_title = _("TalentPortal administration")
admin.site.index_title = _("Moderation and content")

handler500 = "talentportal.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS | EVENT_SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path(_("imprint/"), views.site_page, {"slug": "impressum"}, name="site_page_impressum"),
    path(_("privacy/"), views.site_page, {"slug": "datenschutz"}, name="site_page_datenschutz"),
    path(_("accessibility/"), views.accessibility_statement, name="site_page_barrierefreiheit"),
    path(_("programmes/"), views.site_page, {"slug": "programme"}, name="site_page_programme"),
    path(_("reports/"), views.impact_report, name="impact_report"),
    path("accounts/", include("allauth.urls")),
    path("", include("companies.urls")),
    path("", include("talents.urls")),
    path("", include("matching.urls")),
    path("", include("events.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
