from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

Handler = Callable[[HttpRequest], HttpResponse]

# Written at most once a minute, so that a busy session does not save on every request.
ACTIVITY_RESOLUTION_SECONDS = 60


class SessionTimeoutMiddleware:
    """Sign a person out after SESSION_IDLE_TIMEOUT without requests, or SESSION_ABSOLUTE_TIMEOUT
    after signing in, whichever comes first."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = timezone.now()
            started = request.session.setdefault("signed_in_at", now.isoformat())
            last_seen = request.session.get("last_seen_at", started)
            if (
                now - datetime.fromisoformat(started) > settings.SESSION_ABSOLUTE_TIMEOUT
                or now - datetime.fromisoformat(last_seen) > settings.SESSION_IDLE_TIMEOUT
            ):
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after a period of inactivity. Please sign in again."),
                )
                return redirect(
                    f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}"
                )
            if (
                now - datetime.fromisoformat(last_seen)
            ).total_seconds() > ACTIVITY_RESOLUTION_SECONDS:
                request.session["last_seen_at"] = now.isoformat()
        return self.get_response(request)


def two_factor_setup_redirect(request: HttpRequest) -> HttpResponse | None:
    """For a staff member without two-factor authentication (TOTP): the way to set it up, with
    a message; None for everybody else. Guards the admin and the staff's other pages."""
    user = request.user
    if (
        user.is_authenticated
        and user.is_staff
        and not is_mfa_enabled(user, [Authenticator.Type.TOTP])
    ):
        messages.warning(
            request,
            _(
                "Staff accounts need two-factor authentication. Please set up an authenticator app first."
            ),
        )
        return redirect("mfa_activate_totp")
    return None


class StaffTwoFactorMiddleware:
    """Staff reach the admin only with two-factor authentication (TOTP) set up."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(reverse("admin:index")) and (
            setup := two_factor_setup_redirect(request)
        ):
            return setup
        return self.get_response(request)
