"""The portal's scheduled jobs, run as background tasks by the worker.

`manage.py run_scheduled_jobs` (hourly, from cron or a systemd timer) queues one task per job, so
a slow or failing job never holds up the others and the timer's host needs nothing but the
database. Every job is idempotent: a late, repeated or doubled run does no harm.
"""

from collections.abc import Callable

from django_tasks import task

from accounts.emails import prune_sent_emails, retry_failed_emails
from companies.services import expire_due_postings, remind_expiring_postings
from events.services import send_event_reminders
from matching.services import send_match_digests
from talents.services.gdpr import (
    anonymise_old_applications,
    delete_orphaned_files,
    delete_unverified_accounts,
    remind_and_delete_inactive_profiles,
)
from talents.services.saved import send_search_alerts

# name: (what the number it returns counts, the job)
SCHEDULED_JOBS: dict[str, tuple[str, Callable[[], int]]] = {
    "expire_postings": ("expired postings closed", expire_due_postings),
    "remind_expiring_postings": ("expiry reminders queued", remind_expiring_postings),
    "search_alerts": ("search alerts queued", send_search_alerts),
    "match_digests": ("match digests queued", send_match_digests),
    "event_reminders": ("event reminders queued", send_event_reminders),
    "delete_unverified_accounts": ("unconfirmed accounts deleted", delete_unverified_accounts),
    "inactive_profiles": (
        "inactive talents reminded or deleted",
        remind_and_delete_inactive_profiles,
    ),
    "anonymise_applications": ("old applications anonymised", anonymise_old_applications),
    "retry_failed_emails": ("failed emails queued again", retry_failed_emails),
    "prune_sent_emails": ("sent emails deleted from the queue", prune_sent_emails),
    "delete_orphaned_files": ("orphaned CV files deleted", delete_orphaned_files),
}


@task()
def run_scheduled_job(name: str) -> int:
    """Run one scheduled job by its name; returns the number of things it did."""
    return SCHEDULED_JOBS[name][1]()
