"""A mail server that is down loses nothing: the worker retries each email until it goes out."""

import smtplib
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from accounts import emails
from accounts.emails import email_address, retry_delay, retry_failed_emails

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


class FlakyEmailBackend(EmailBackend):
    """An SMTP server that refuses the first ``failures`` connections, then delivers."""

    failures = 0

    def send_messages(self, messages):
        if FlakyEmailBackend.failures > 0:
            FlakyEmailBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.fixture
def flaky_mail_server(settings):
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = f"{__name__}.FlakyEmailBackend"
    FlakyEmailBackend.failures = 2
    return FlakyEmailBackend


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def make_due() -> None:
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def queue_one_email(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        email_address(
            "erika@example.org",
            language="de",
            template="companies/email/invitation",
            context={},
        )


@pytest.mark.django_db(transaction=True)
def test_email_is_retried_with_growing_delay_until_the_server_takes_it(
    flaky_mail_server, django_capture_on_commit_callbacks
):
    queue_one_email(django_capture_on_commit_callbacks)

    run_worker()  # the server is down: the send fails and is queued again for later
    retry = DBTaskResult.objects.get()
    assert retry.status == "READY"
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > timezone.now() + timedelta(seconds=50)
    assert mail.outbox == []

    make_due()
    run_worker()  # still down: the next wait is longer
    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["kwargs"]["attempt"] == 3
    assert retry.run_after > timezone.now() + timedelta(minutes=3)

    make_due()
    run_worker()  # back up
    assert [message.to for message in mail.outbox] == [["erika@example.org"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.fixture
def worker_cannot_queue_retries():
    """The worker could not queue the retry itself (say the database went away at that moment)."""
    task_finished.disconnect(dispatch_uid="retry_failed_emails")
    yield
    task_finished.connect(emails.retry_when_an_email_failed, dispatch_uid="retry_failed_emails")


@pytest.mark.django_db(transaction=True)
def test_failed_email_missed_by_the_worker_is_retried_by_the_scheduled_jobs(
    flaky_mail_server, worker_cannot_queue_retries, django_capture_on_commit_callbacks
):
    flaky_mail_server.failures = 1
    queue_one_email(django_capture_on_commit_callbacks)
    run_worker()
    assert DBTaskResult.objects.get().status == "FAILED"

    call_command("run_scheduled_jobs", "--now", stdout=StringIO())
    assert retry_failed_emails() == 0  # idempotent: the failure was queued again exactly once
    make_due()
    run_worker()
    assert [message.to for message in mail.outbox] == [["erika@example.org"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_retry_delays_grow_and_stay_bounded():
    delays = [retry_delay(attempt) for attempt in range(1, 12)]
    assert delays[0] == timedelta(minutes=1)
    assert delays[1] == timedelta(minutes=4)
    assert delays == sorted(delays)
    assert delays[-1] == timedelta(hours=6)


@pytest.mark.django_db(transaction=True)
def test_password_reset_works_while_the_mail_server_is_down(client, alice, flaky_mail_server):
    from django.urls import reverse

    response = client.post(reverse("account_reset_password"), {"email": alice.email})
    assert response.status_code == 302  # no error page: the email waits in the queue
    assert DBTaskResult.objects.get().args_kwargs["kwargs"]["to"] == [alice.email]

    run_worker()  # down
    make_due()
    run_worker()  # down again
    make_due()
    run_worker()  # back
    assert [message.to for message in mail.outbox] == [[alice.email]]
    assert "/password/reset/key/" in mail.outbox[0].body
