from django.urls import path
from django.utils.translation import gettext_lazy as _

from events import views

app_name = "events"

urlpatterns = [
    path(_("events/"), views.event_list, name="event_list"),
    path(_("events/archive/"), views.event_archive, name="event_archive"),
    path(_("events/<int:pk>-<slug:slug>/"), views.event_detail, name="event_detail"),
    path(_("events/<int:pk>/calendar.ics"), views.event_ics, name="event_ics"),
    path(_("events/<int:pk>/register/"), views.event_register, name="event_register"),
    path(_("events/<int:pk>/cancel/"), views.event_cancel, name="event_cancel"),
    path(_("events/<int:pk>/company/"), views.company_register, name="company_register"),
    path(
        _("events/participations/<int:pk>/withdraw/"),
        views.company_withdraw,
        name="company_withdraw",
    ),
    path(_("my/events/"), views.my_events, name="my_events"),
]
