from typing import Any

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from companies.forms import SkillField, checkbox_choices
from companies.models import PostingType
from talents.models import ContactRequest, TalentLanguage, TalentProfile, TalentSkill
from taxonomy.models import FieldOfStudy


class ProfileForm(forms.ModelForm):
    fields_of_study = checkbox_choices(FieldOfStudy.choices, label=_("Fields of study"))
    wanted_types = checkbox_choices(PostingType.choices, label=_("I am looking for"))
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Up to three web addresses, one per line (e.g. portfolio, GitHub, LinkedIn)."),
    )

    class Meta:
        model = TalentProfile
        fields = [
            "status", "university", "fields_of_study", "degree", "graduation_date", "wanted_types",
            "working_student_hours", "internship_kind", "preferred_towns", "radius_km", "whole_region",
            "earliest_start", "bio_de", "bio_en", "links", "work_permit",
        ]  # fmt: skip
        widgets = {
            "preferred_towns": forms.CheckboxSelectMultiple,
            "graduation_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "earliest_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "bio_de": forms.Textarea(attrs={"rows": 5}),
            "bio_en": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial["links"] = "\n".join(self.instance.links or [])

    def clean_links(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > 3:
            raise forms.ValidationError(_("Please give at most three links."))
        validator = forms.URLField(assume_scheme="https")
        return [validator.clean(line) for line in lines]


class TalentSkillForm(forms.ModelForm):
    skill = SkillField(label=_("Skill"))

    class Meta:
        model = TalentSkill
        fields = ["skill", "level"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["skill"] = self.instance.skill.label


TalentSkillFormSet: type[BaseInlineFormSet] = inlineformset_factory(
    TalentProfile, TalentSkill, form=TalentSkillForm, extra=3, can_delete=True, max_num=40
)
TalentLanguageFormSet: type[BaseInlineFormSet] = inlineformset_factory(
    TalentProfile, TalentLanguage, fields=["language", "level"], extra=1, can_delete=True, max_num=8
)


class PrivacyForm(forms.Form):
    """Three separate consents, each with its own words."""

    visible = forms.BooleanField(
        label=_("Show my profile to verified companies as an anonymous card"),
        help_text=_(
            "Companies see your skills, languages, field, degree, availability and district – not your "
            "name, photo or contact details. They can ask you through the portal; only if you accept do "
            "they see your full profile. You can hide your profile again at any time."
        ),
        required=False,
    )
    alerts = forms.BooleanField(
        label=_("Email me new postings for my saved searches"),
        help_text=_(
            "Daily or weekly, as you choose for each search. You can stop this at any time."
        ),
        required=False,
    )
    digest = forms.BooleanField(
        label=_("Email me a weekly summary of new postings that match my profile"),
        help_text=_("Suggestions only, computed from your profile; you can stop this at any time."),
        required=False,
    )


class ContactRequestForm(forms.ModelForm):
    class Meta:
        model = ContactRequest
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "message": _("Say who you are, what you offer and why this person caught your eye.")
        }


class ContactAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])
