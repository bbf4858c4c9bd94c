"""Self-service for the rights over one's data: what is stored, a copy of it, and erasure.
For every signed-in person, talents and recruiters alike."""

from typing import Any

from allauth.core import ratelimit
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from accounts.http import AuthenticatedRequest
from accounts.models import User
from talents.services import gdpr as services


class EraseAccountForm(forms.Form):
    """Erasure cannot be undone: the person confirms it with their current password."""

    password = forms.CharField(
        label=gettext_lazy("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(
                _("This is not your current password. Nothing was deleted."),
                code="password_incorrect",
            )
        return password


@login_required
def my_data(request: AuthenticatedRequest) -> HttpResponse:
    overview = services.stored_data_overview(user=request.user)
    return render(request, "talents/gdpr/my_data.html", {"overview": overview})


@login_required
@require_GET
def export(request: AuthenticatedRequest) -> HttpResponse:
    data = services.export_personal_data(user=request.user)
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    filename = f"talentportal-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
def erase(request: AuthenticatedRequest) -> HttpResponse:
    # The password check must not become a way to guess it: allauth's limit for re-entering one.
    if request.method == "POST" and not ratelimit.consume(
        request, action="reauthenticate", user=request.user
    ):
        messages.error(request, _("Too many attempts. Please wait a minute and try again."))
        return redirect("talents:data_erase")
    form = EraseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_account(user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("talents:data_erase")
        logout(request)
        messages.success(request, _("Your account and all your data have been deleted. Goodbye!"))
        return redirect("home")
    blocking = list(services.companies_blocking_erasure(request.user))
    return render(request, "talents/gdpr/erase.html", {"form": form, "blocking": blocking})
