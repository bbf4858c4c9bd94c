from django.urls import path
from django.utils.translation import gettext_lazy as _

from matching import views

app_name = "matching"

urlpatterns = [
    path(_("my/matches/"), views.my_matches, name="my_matches"),
    path(_("my/matches/<int:pk>/apply/"), views.apply_from_match, name="apply_from_match"),
    path(
        _("my/postings/<int:pk>/matching-talents/"), views.matching_talents, name="matching_talents"
    ),
    path(
        _("my/postings/<int:pk>/matching-talents/<int:profile_pk>/contact/"),
        views.contact_from_match,
        name="contact_from_match",
    ),
    path(_("staff/matching/"), views.statistics, name="statistics"),
]
