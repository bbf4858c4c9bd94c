from django.urls import path
from django.utils.translation import gettext_lazy as _

from talents.views import applications, contacts, gdpr, profile, saved

app_name = "talents"

urlpatterns = [
    # The talent's own pages
    path(_("my/profile/"), profile.dashboard, name="dashboard"),
    path(_("my/profile/edit/"), profile.profile_edit, name="profile_edit"),
    path(_("my/profile/privacy/"), profile.privacy_settings, name="privacy_settings"),
    path(_("my/profile/cv/"), applications.cv_upload, name="cv_upload"),
    path(_("my/contacts/"), contacts.my_contact_requests, name="my_contact_requests"),
    path(_("my/contacts/<int:pk>/answer/"), contacts.contact_answer, name="contact_answer"),
    path(_("my/applications/"), applications.my_applications, name="my_applications"),
    path(
        _("my/applications/<int:pk>/withdraw/"),
        applications.application_withdraw,
        name="application_withdraw",
    ),
    path(_("my/bookmarks/"), saved.bookmarks, name="bookmarks"),
    path(_("my/bookmarks/toggle/"), saved.bookmark_toggle, name="bookmark_toggle"),
    path(_("my/searches/"), saved.saved_searches, name="saved_searches"),
    path(_("my/searches/new/"), saved.saved_search_create, name="saved_search_create"),
    path(_("my/searches/<int:pk>/delete/"), saved.saved_search_delete, name="saved_search_delete"),
    path(_("my/data/"), gdpr.my_data, name="my_data"),
    path(_("my/data/export.json"), gdpr.export, name="data_export"),
    path(_("my/data/delete/"), gdpr.erase, name="data_erase"),
    # Applying
    path(_("jobs/<int:pk>/apply/"), applications.apply, name="apply"),
    # Recruiters
    path(
        _("my/companies/<slug:slug>/talents/"), contacts.talent_directory, name="talent_directory"
    ),
    path(
        _("my/companies/<slug:slug>/talents/<int:profile_pk>/"),
        contacts.talent_detail,
        name="talent_detail",
    ),
    path(
        _("my/companies/<slug:slug>/talents/<int:profile_pk>/contact/"),
        contacts.contact_request_create,
        name="contact_request_create",
    ),
    path(_("my/postings/<int:pk>/applications/"), applications.pipeline, name="pipeline"),
    path(
        _("my/company-applications/<int:pk>/"),
        applications.application_detail,
        name="application_detail",
    ),
    # CVs, only through permission checks
    path(_("cv/talent/<int:pk>.pdf"), applications.profile_cv, name="profile_cv"),
    path(_("cv/application/<int:pk>.pdf"), applications.application_cv, name="application_cv"),
]
