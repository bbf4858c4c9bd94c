from django.urls import path
from django.utils.translation import gettext_lazy as _

from companies import feeds, views

app_name = "companies"

urlpatterns = [
    # Public
    path(_("companies/"), views.company_list, name="company_list"),
    path(_("companies/<slug:slug>/"), views.company_detail, name="company_detail"),
    path(_("companies/<slug:slug>/logo.png"), views.company_logo, name="company_logo"),
    path(_("companies/<slug:slug>/report/"), views.company_report, name="company_report"),
    path(_("region/"), views.region_overview, name="region_overview"),
    path(_("region/districts/<slug:slug>/"), views.district_detail, name="district_detail"),
    path(_("region/towns/<slug:slug>/"), views.town_detail, name="town_detail"),
    path(_("portraits/"), views.portrait_list, name="portrait_list"),
    path(_("portraits/<slug:slug>/"), views.portrait_detail, name="portrait_detail"),
    path(_("jobs/"), views.posting_search, name="posting_search"),
    path(_("jobs/feed.atom"), feeds.PostingFeed(), name="posting_feed"),
    path(_("jobs/<int:pk>-<slug:slug>/"), views.posting_detail, name="posting_detail"),
    path(_("jobs/<int:pk>-<slug:slug>/report/"), views.posting_report, name="posting_report"),
    # Recruiters
    path(_("my/companies/"), views.my_companies, name="my_companies"),
    path(_("my/companies/new/"), views.company_create, name="company_create"),
    path(_("my/companies/<slug:slug>/edit/"), views.company_edit, name="company_edit"),
    path(_("my/companies/<slug:slug>/team/"), views.company_team, name="company_team"),
    path(
        _("my/companies/<slug:slug>/team/<int:membership_pk>/remove/"),
        views.member_remove,
        name="member_remove",
    ),
    path(_("my/companies/<slug:slug>/postings/"), views.company_postings, name="company_postings"),
    path(_("my/companies/<slug:slug>/postings/new/"), views.posting_create, name="posting_create"),
    path(_("my/postings/<int:pk>/edit/"), views.posting_edit, name="posting_edit"),
    path(_("my/postings/<int:pk>/submit/"), views.posting_submit, name="posting_submit"),
    path(_("my/postings/<int:pk>/close/"), views.posting_close, name="posting_close"),
    path(_("invitations/<uuid:token>/"), views.invitation_accept, name="invitation_accept"),
]
