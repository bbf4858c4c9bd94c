from django.core.management.base import BaseCommand

from accounts.emails import prune_sent_emails
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


class Command(BaseCommand):
    help = "Run the portal's scheduled jobs once (call it hourly from cron or a systemd timer)."

    def handle(self, *args: object, **options: object) -> None:
        # Every job is idempotent: running it twice, or late, does no harm. Their emails go
        # through the task queue and are sent by `manage.py db_worker`.
        jobs = {
            "expired postings closed": expire_due_postings,
            "expiry reminders queued": remind_expiring_postings,
            "search alerts queued": send_search_alerts,
            "match digests queued": send_match_digests,
            "event reminders queued": send_event_reminders,
            "unconfirmed accounts deleted": delete_unverified_accounts,
            "inactive talents reminded or deleted": remind_and_delete_inactive_profiles,
            "old applications anonymised": anonymise_old_applications,
            "sent emails deleted from the queue": prune_sent_emails,
            "orphaned CV files deleted": delete_orphaned_files,
        }
        for description, job in jobs.items():
            self.stdout.write(f"{description}: {job()}")
