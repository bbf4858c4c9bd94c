from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from talentportal.models import AccessibilityFeedback


class AccessibilityFeedbackForm(forms.ModelForm):
    class Meta:
        model = AccessibilityFeedback
        fields = ["page_url", "description", "email"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }


class ReportPeriodForm(forms.Form):
    """The period of an impact report: from and to, both days included."""

    LONGEST_PERIOD_DAYS = 366 * 10

    start = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("To (inclusive)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    @classmethod
    def default_data(cls) -> dict[str, str]:
        """This year so far."""
        today = timezone.localdate()
        return {"start": today.replace(month=1, day=1).isoformat(), "end": today.isoformat()}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error(
                "end",
                _("The end of the period must not be before its start (%(start)s).")
                % {"start": date_format(start, "SHORT_DATE_FORMAT")},
            )
        elif start and end and (end - start).days > self.LONGEST_PERIOD_DAYS:
            self.add_error("end", _("Please choose a period of at most ten years."))
        return cleaned
