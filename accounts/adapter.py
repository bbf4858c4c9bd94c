from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from accounts.emails import send_email


class AccountAdapter(DefaultAccountAdapter):
    """allauth as it is, except that its emails (confirmation, password reset, notices) go
    through our task queue like every other email: sent by the worker, retried while the mail
    server is down, never an error page for the visitor."""

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request)}
            | context,
        )
        # Queued in the request's own transaction (the database backend stores the task as a
        # row): it exists exactly when the change that caused it does.
        send_email.enqueue(subject=str(message.subject), body=str(message.body), to=[email])
