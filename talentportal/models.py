"""Site-wide content: the legal pages every German public-sector portal needs, and the feedback
that the accessibility statement invites."""

import re

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# "[Name des Trägers]" – square brackets that do not open a Markdown link "[text](url)".
PLACEHOLDER = re.compile(r"\[[^\[\]\n]+\](?!\()")

MARKDOWN_HELP = _(
    "Markdown: “## Heading”, “### Subheading”, **bold**, “- ” for list items, "
    "[link text](https://…). Leave an empty line between paragraphs; end a line with “\\” "
    "to break it inside a paragraph (addresses); write a gender star as “\\*”."
)


class SitePage(models.Model):
    """Imprint, privacy policy, accessibility statement and the page on the programmes and the
    partner network: staff keep their text up to date.

    The pages are created by data migrations and cannot be added or deleted, only edited.
    """

    class Slug(models.TextChoices):
        IMPRINT = "impressum", _("Imprint")
        PRIVACY = "datenschutz", _("Privacy policy")
        ACCESSIBILITY = "barrierefreiheit", _("Accessibility statement")
        PROGRAMMES = "programme", _("Programmes and partner network")

    slug = models.SlugField(_("page"), unique=True, choices=Slug.choices)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    body_de = models.TextField(_("text (German)"), help_text=MARKDOWN_HELP)
    body_en = models.TextField(
        _("text (English)"),
        blank=True,
        help_text=_("While this is empty, the English page shows the German text."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.get_slug_display()

    def get_absolute_url(self) -> str:
        return reverse(f"site_page_{self.slug}")

    @property
    def title(self) -> str:
        return getattr(self, f"title_{self._language_of('title')}")

    @property
    def body(self) -> str:
        return getattr(self, f"body_{self.body_language}")

    @property
    def body_language(self) -> str:
        """The language of the text shown (for the lang attribute)."""
        return self._language_of("body")

    def open_placeholders(self) -> list[str]:
        """The "[…]" placeholders of the first texts that staff have not yet filled in."""
        texts = (self.title_de, self.title_en, self.body_de, self.body_en)
        return list(dict.fromkeys(PLACEHOLDER.findall("\n".join(texts))))

    def _language_of(self, field: str) -> str:
        """The visitor's language, or the other one while the field is empty in theirs."""
        current = "en" if get_language() == "en" else "de"
        other = "de" if current == "en" else "en"
        return current if getattr(self, f"{field}_{current}").strip() else other


class AccessibilityFeedbackQuerySet(models.QuerySet["AccessibilityFeedback"]):
    def unhandled(self) -> "AccessibilityFeedbackQuerySet":
        return self.filter(handled_at__isnull=True)

    def handled(self) -> "AccessibilityFeedbackQuerySet":
        return self.filter(handled_at__isnull=False)

    def mark_handled(self) -> int:
        """Stamp the unhandled ones among these as handled now; returns how many."""
        return self.unhandled().update(handled_at=timezone.now())


class AccessibilityFeedback(models.Model):
    """A barrier somebody reports through the accessibility statement's feedback mechanism."""

    page_url = models.CharField(
        _("page (address or name)"),
        max_length=500,
        blank=True,
        help_text=_("Optional. Where did you come across the barrier?"),
    )
    description = models.TextField(
        _("description of the barrier"),
        max_length=5000,
        help_text=_("What did not work, and with which aids (screen reader, zoom, keyboard …)?"),
    )
    email = models.EmailField(
        _("email address for our answer"),
        blank=True,
        help_text=_("Optional. Without an address we cannot answer you."),
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    objects = AccessibilityFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = [models.F("handled_at").desc(nulls_first=True), "-created_at"]

    def __str__(self) -> str:
        return self.description[:80]
