from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from accounts.emails import retry_when_an_email_failed

        # The worker announces each finished task; a failed email is queued again at once.
        task_finished.connect(retry_when_an_email_failed, dispatch_uid="retry_failed_emails")
