"""An event as an iCalendar file (RFC 5545), for people's own calendars."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.models import Event


def event_calendar(event: Event, *, with_online_link: bool) -> bytes:
    """One VEVENT in the reader's language; the online link only for registered participants."""
    calendar = Calendar()
    calendar.add("prodid", "-//TalentPortal Dresden//Events//DE")
    calendar.add("version", "2.0")
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@talentportal")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    entry.add("description", event.description)
    entry.add("url", settings.SITE_URL + event.get_absolute_url())
    location = ", ".join(
        part for part in [event.venue, event.town.name if event.town else ""] if part
    )
    if with_online_link and event.online_url:
        location = ", ".join(part for part in [location, event.online_url] if part)
    if location:
        entry.add("location", location)
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    calendar.add_component(entry)
    return calendar.to_ical()
