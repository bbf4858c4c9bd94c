from datetime import timedelta

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.emails import forget_emails_to, prune_sent_emails


def queued_email(to: str, *, finished_days_ago: int | None = None) -> DBTaskResult:
    finished = finished_days_ago is not None
    return DBTaskResult.objects.create(
        task_path="accounts.emails.send_email",
        args_kwargs={"args": [], "kwargs": {"subject": "Hallo", "body": "Text", "to": [to]}},
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        status="SUCCESSFUL" if finished else "READY",
        finished_at=timezone.now() - timedelta(days=finished_days_ago) if finished else None,
    )


def test_erasure_forgets_every_email_to_the_person(db):
    queued_email("erika@example.org")
    queued_email("erika@example.org", finished_days_ago=1)
    other = queued_email("max@example.org")
    assert forget_emails_to({"erika@example.org"}) == 2
    assert list(DBTaskResult.objects.all()) == [other]


def test_sent_emails_are_pruned_after_a_week(db):
    old = queued_email("a@example.org", finished_days_ago=8)
    recent = queued_email("b@example.org", finished_days_ago=1)
    pending = queued_email("c@example.org")
    assert prune_sent_emails() == 1
    assert set(DBTaskResult.objects.all()) == {recent, pending}
    assert not DBTaskResult.objects.filter(pk=old.pk).exists()
