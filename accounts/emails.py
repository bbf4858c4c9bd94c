"""Emails to people, written in their own language and sent by the background worker."""

from collections.abc import Iterable
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from accounts.models import User


@task()
def send_email(*, subject: str, body: str, to: list[str]) -> None:
    """Deliver one rendered email (runs in the worker; retried there when SMTP fails)."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


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
    """Delete finished email tasks (subject, body, address) after SENT_EMAIL_DAYS. Idempotent."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(days=SENT_EMAIL_DAYS)
    return DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()[0]
