"""Forms for bookmarks and saved searches."""

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from companies.models import Company, Posting
from talents.models import SavedSearch
from talents.services.saved import (
    bookmarkable_companies,
    bookmarkable_postings,
    clean_search_query,
    require_consent_for,
)


class BookmarkToggleForm(forms.Form):
    """One posting or one company to bookmark (or un-bookmark), and where to go back to."""

    posting = forms.ModelChoiceField(queryset=Posting.objects.none(), required=False)
    company = forms.ModelChoiceField(queryset=Company.objects.none(), required=False)
    next = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only what this person may bookmark is a valid choice: drafts and unverified
        # companies are as unknown here as everywhere else.
        cast(forms.ModelChoiceField, self.fields["posting"]).queryset = bookmarkable_postings(user)
        cast(forms.ModelChoiceField, self.fields["company"]).queryset = bookmarkable_companies(user)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("posting")) == bool(data.get("company")):
            raise ValidationError(_("Choose one posting or one company."))
        return data


class AlertConsentMixin(forms.Form):
    """A consent box that must be ticked whenever emails are switched on."""

    # The words of the consent on the privacy settings page, so that one text version covers both.
    consent = forms.BooleanField(
        label=_("Email me new postings for my saved searches"),
        help_text=_(
            "Daily or weekly, as you choose for each search. You can stop this at any time."
        ),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "frequency" in data:
            try:
                require_consent_for(data["frequency"], consent_given=data.get("consent", False))
            except ValidationError as error:
                self.add_error("consent", error)
        return data


class SavedSearchForm(AlertConsentMixin, forms.ModelForm):
    """Save the posting search of the current page (its query string) under a name."""

    class Meta:
        model = SavedSearch
        fields = ["name", "query", "frequency"]
        widgets = {"query": forms.HiddenInput, "frequency": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Opt-in: no emails unless the person chooses them.
        self.fields["frequency"].initial = SavedSearch.Frequency.NEVER
        self.fields["name"].widget.attrs["autocomplete"] = "off"

    def clean_query(self) -> str:
        return clean_search_query(self.cleaned_data.get("query") or "")


class AlertFrequencyForm(AlertConsentMixin, forms.ModelForm):
    """Change how often a saved search sends emails."""

    class Meta:
        model = SavedSearch
        fields = ["frequency"]
