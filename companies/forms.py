import io
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from companies.models import (
    Benefit,
    Company,
    CompanySite,
    Invitation,
    Membership,
    Posting,
    PostingLanguage,
    PostingSkill,
    RejectionReason,
    Report,
)
from taxonomy.models import FieldOfStudy, Language, Skill

LOGO_MAX_PIXELS = 512
# A small file can still decode to a huge bitmap; refuse before decoding.
LOGO_MAX_SOURCE_PIXELS = 4000 * 4000


def checkbox_choices(choices: Any, **kwargs: Any) -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        choices=choices, widget=forms.CheckboxSelectMultiple, required=False, **kwargs
    )


class CompanyForm(forms.ModelForm):
    benefits = checkbox_choices(Benefit.choices, label=_("Benefits"))
    working_languages = checkbox_choices(
        Language.choices,
        label=_("Working languages"),
        help_text=_("With English, your company shows the badge “English-speaking workplace”."),
    )

    class Meta:
        model = Company
        fields = [
            "name", "legal_form", "size_class", "sector", "website", "logo",
            "description_de", "description_en", "benefits", "working_languages",
            "contact_name", "contact_email", "contact_phone",
        ]  # fmt: skip
        widgets = {
            "description_de": forms.Textarea(attrs={"rows": 8}),
            "description_en": forms.Textarea(attrs={"rows": 8}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }
        error_messages = {"logo": {"invalid_image": _("This file is not an image we can read.")}}
        help_texts = {
            "description_de": _("Markdown: **bold**, *italic*, lists with “-”, links."),
            "logo": _("PNG, JPEG or WebP, at most 2 MB; it is shown at up to 512 × 512 pixels."),
        }

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        if not isinstance(logo, UploadedFile):
            return logo  # unchanged or cleared
        if logo.size is not None and logo.size > settings.LOGO_MAX_BYTES:
            raise forms.ValidationError(
                _("The logo is larger than 2 MB. Please upload a smaller file.")
            )
        try:
            with Image.open(logo) as image:
                image.verify()
            logo.seek(0)
            with Image.open(logo) as image:
                if image.width * image.height > LOGO_MAX_SOURCE_PIXELS:
                    raise forms.ValidationError(
                        _(
                            "The logo has too many pixels. Please upload it at most 4000 × 4000 pixels."
                        )
                    )
                if image.format not in {"PNG", "JPEG", "WEBP"}:
                    raise forms.ValidationError(_("Please upload the logo as PNG, JPEG or WebP."))
                image.thumbnail((LOGO_MAX_PIXELS, LOGO_MAX_PIXELS))
                converted = image.convert("RGBA")
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
            raise forms.ValidationError(_("This file is not an image we can read.")) from error
        # Re-encoded as PNG: nothing of the uploaded file but its pixels survives (no metadata).
        buffer = io.BytesIO()
        converted.save(buffer, format="PNG", optimize=True)
        return InMemoryUploadedFile(buffer, "logo", "logo.png", "image/png", buffer.tell(), None)


CompanySiteFormSet: type[BaseInlineFormSet] = inlineformset_factory(
    Company,
    CompanySite,
    fields=["town", "street", "postal_code"],
    extra=1,
    can_delete=True,
    min_num=1,
    validate_min=True,
)


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]


class SkillField(forms.CharField):
    """A skill typed as text, matched to the shared list by its labels and synonyms."""

    default_error_messages = {
        "unknown": _("“%(text)s” is not in our skill list. Please choose one of the suggestions."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=200, **kwargs)
        self.widget.attrs.update({"list": "skill-suggestions", "autocomplete": "off"})

    def prepare_value(self, value: Any) -> Any:
        return value.label if isinstance(value, Skill) else value

    def clean(self, value: Any) -> Skill | None:
        text = super().clean(value)
        if not text:
            return None
        skill = Skill.objects.for_text(text).first()
        if skill is None:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"text": text}
            )
        return skill


class PostingSkillForm(forms.ModelForm):
    skill = SkillField(label=_("Skill"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # show the label (already loaded with the row), not the id
            self.initial["skill"] = self.instance.skill.label

    class Meta:
        model = PostingSkill
        fields = ["skill", "is_required", "level"]


class PostingLanguageForm(forms.ModelForm):
    class Meta:
        model = PostingLanguage
        fields = ["language", "level"]


PostingSkillFormSet: type[BaseInlineFormSet] = inlineformset_factory(
    Posting, PostingSkill, form=PostingSkillForm, extra=3, can_delete=True, max_num=30
)
PostingLanguageFormSet: type[BaseInlineFormSet] = inlineformset_factory(
    Posting, PostingLanguage, form=PostingLanguageForm, extra=1, can_delete=True, max_num=6
)


class PostingForm(forms.ModelForm):
    fields_of_study = checkbox_choices(FieldOfStudy.choices, label=_("Fields of study"))

    class Meta:
        model = Posting
        fields = [
            "title", "posting_type", "internship_kind", "thesis_level", "thesis_co_supervision",
            "fields_of_study", "degree_level", "sites", "workplace", "start_date",
            "duration_months", "hours_per_week", "salary_min", "salary_max", "salary_period",
            "application_deadline", "expires_at", "description_de", "description_en",
            "apply_in_portal", "apply_url",
        ]  # fmt: skip
        widgets = {
            "sites": forms.CheckboxSelectMultiple,
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "application_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "expires_at": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description_de": forms.Textarea(attrs={"rows": 12}),
            "description_en": forms.Textarea(attrs={"rows": 12}),
        }
        help_texts = {
            "expires_at": _("At most 180 days after publication; 60 days unless you choose."),
            "description_de": _(
                "Markdown: **bold**, *italic*, lists with “-”, links, ### headings."
            ),
            "hours_per_week": _("Working students: at most 20 hours during the semester."),
        }

    def __init__(self, *args: Any, company: Company, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sites = cast(forms.ModelMultipleChoiceField, self.fields["sites"])
        sites.queryset = company.sites.select_related("town")
        self.instance.company = company

    def clean_expires_at(self) -> Any:
        expires_at = self.cleaned_data.get("expires_at")
        if expires_at and (expires_at.hour, expires_at.minute) == (0, 0):
            # A date was chosen: the posting stays visible for the whole of that day.
            expires_at = expires_at.replace(hour=23, minute=59, second=59)
        return expires_at


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}


class RejectionForm(forms.Form):
    """Staff's reason when sending postings back (admin bulk action)."""

    reason = forms.ChoiceField(label=_("Reason"), choices=RejectionReason.choices)
    note = forms.CharField(
        label=_("Message to the recruiters"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say what to change so that the posting can be published."),
    )


class MembershipRoleForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role"]
