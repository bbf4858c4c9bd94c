from argparse import ArgumentParser

from django.core.management.base import BaseCommand
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult

from talentportal.tasks import SCHEDULED_JOBS, run_scheduled_job


class Command(BaseCommand):
    help = (
        "Queue the portal's scheduled jobs for the worker (call it hourly from cron or a systemd "
        "timer); --now runs them in this process instead."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--now", action="store_true", help="run the jobs here and now, not in the worker"
        )

    def handle(self, *args: object, now: bool = False, **options: object) -> None:
        # Every job is idempotent, so running it twice or late does no harm; a job still waiting
        # for the worker (it was down for a while) is not queued a second time.
        for name, (description, job) in SCHEDULED_JOBS.items():
            if now:
                self.stdout.write(f"{description}: {job()}")
            elif default_task_backend.supports_get_result and _waiting(name):
                self.stdout.write(f"{description}: still queued")
            else:
                result = run_scheduled_job.enqueue(name)
                outcome = result.return_value if result.is_finished else "queued"
                self.stdout.write(f"{description}: {outcome}")


def _waiting(name: str) -> bool:
    return DBTaskResult.objects.filter(
        status="READY", task_path=run_scheduled_job.module_path, args_kwargs__args=[name]
    ).exists()
