"""Emails to people, written in their own language and sent by the background worker.

No email is lost: a send that fails (SMTP server down, refused, timed out) raises, so the worker
records the task as failed; ``retry_failed_emails`` then queues it again with a growing delay and
deletes the failed record in the same transaction. The worker calls it right after each failure
(see ``AccountsConfig.ready``) and the scheduled jobs sweep up whatever that missed.
"""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import TaskResult, TaskResultStatus, default_task_backend, task

from accounts.models import User

logger = logging.getLogger(__name__)

# Retries wait 1, 4, 16, 64 minutes …, at most six hours, and never give up.
RETRY_FIRST_DELAY_SECONDS = 60
RETRY_MAX_DELAY_SECONDS = 6 * 60 * 60


@task()
def send_email(*, subject: str, body: str, to: list[str], attempt: int = 1) -> None:
    """Deliver one rendered email (runs in the worker). A failure raises and is retried."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after the ``attempt``-th failed send before the next one."""
    seconds = RETRY_FIRST_DELAY_SECONDS * 4 ** min(attempt - 1, 10)
    return timedelta(seconds=min(seconds, RETRY_MAX_DELAY_SECONDS))


def retry_failed_emails() -> int:
    """Queue every failed email again, after its retry delay; its failed record goes in the same
    transaction, so each failure is retried exactly once. Idempotent; returns how many."""
    from django_tasks_db.models import DBTaskResult

    if not default_task_backend.supports_defer:
        return 0  # tasks run at once (tests): nothing is stored that could be retried
    retried = 0
    with transaction.atomic():
        failed = DBTaskResult.objects.failed().filter(task_path=send_email.module_path)
        for result in failed.select_for_update(skip_locked=True):
            kwargs = result.args_kwargs["kwargs"]
            attempt = kwargs.get("attempt", 1)
            finished_at: datetime = result.finished_at or timezone.now()
            send_email.using(run_after=finished_at + retry_delay(attempt)).enqueue(
                **{**kwargs, "attempt": attempt + 1}
            )
            logger.warning(
                "Email task %s failed (attempt %s, %s); queued again",
                result.id,
                attempt,
                result.exception_class_path,
            )
            result.delete()
            retried += 1
    return retried


def retry_when_an_email_failed(*, task_result: TaskResult, **kwargs: object) -> None:
    """task_finished receiver: a failed send is queued again at once (not at the next hourly
    run). If even that fails (database gone), the scheduled sweep retries it later."""
    if (
        task_result.status == TaskResultStatus.FAILED
        and task_result.task.module_path == send_email.module_path
    ):
        retry_failed_emails()


def email_people(people: Iterable[User], *, template: str, context: dict[str, Any]) -> None:
    """Queue ``template``'s email to each person, in their language, once the transaction commits.

    ``template`` names a pair ``<template>_subject.txt`` / ``<template>_body.txt``.
    """
    for person in people:
        email_address(
            person.email,
            language=person.language,
            template=template,
            context={**context, "person": person},
        )


def email_address(address: str, *, language: str, template: str, context: dict[str, Any]) -> None:
    """Like email_people, for an address that may have no account yet (an invitation)."""
    with translation.override(language):
        full_context = {**context, "site_url": settings.SITE_URL}
        subject = render_to_string(f"{template}_subject.txt", full_context).strip()
        body = render_to_string(f"{template}_body.txt", full_context)
    transaction.on_commit(
        partial(
            send_email.enqueue,
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
            body=body,
            to=[address],
        )
    )


# Sent emails stay in the task table only as long as needed to see that they went out.
SENT_EMAIL_DAYS = 7


def forget_emails_to(addresses: Iterable[str]) -> int:
    """Delete every queued or sent email to these addresses (erasure: nothing of the person stays)."""
    from django_tasks_db.models import DBTaskResult

    deleted = 0
    for address in addresses:
        deleted += DBTaskResult.objects.filter(
            args_kwargs__kwargs__to__contains=[address]
        ).delete()[0]
    return deleted


def prune_sent_emails() -> int:
    """Delete sent emails and other finished tasks (subject, body, address) after SENT_EMAIL_DAYS.
    Failed emails stay until they are retried. Idempotent."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(days=SENT_EMAIL_DAYS)
    finished = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff)
    unsent = finished.failed().filter(task_path=send_email.module_path)
    return finished.exclude(pk__in=unsent.values("pk")).delete()[0]
