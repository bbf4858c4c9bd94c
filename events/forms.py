from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from companies.models import Company


class CompanyChoiceForm(forms.Form):
    """Which of the recruiter's verified companies takes part."""

    company = forms.ModelChoiceField(
        label=_("Company"), queryset=Company.objects.none(), empty_label=None
    )

    def __init__(self, *args: object, companies: QuerySet[Company], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["company"].queryset = companies  # type: ignore[attr-defined]
