from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class AccountTypeForm(forms.Form):
    """Added to allauth's signup form: which kind of account a person wants."""

    account_type = forms.ChoiceField(
        label=_("I am signing up as"),
        choices=User.AccountType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose whether you are a talent or a company.")},
    )

    def signup(self, request: HttpRequest, user: User) -> None:
        user.account_type = self.cleaned_data["account_type"]
        user.language = get_language() or settings.LANGUAGE_CODE
        user.save(update_fields=["account_type", "language"])
