"""The shared vocabularies: skill concepts (labels, synonyms, hierarchy; ESCO or curated) with
their free-text lookup, and the small fixed lists both sides of a match use (languages with CEFR
levels, skill levels, fields of study, degrees)."""

from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.i18n import normalize_label


class Language(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")
    CZECH = "cs", _("Czech")
    POLISH = "pl", _("Polish")
    UPPER_SORBIAN = "hsb", _("Upper Sorbian")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    ITALIAN = "it", _("Italian")
    RUSSIAN = "ru", _("Russian")
    UKRAINIAN = "uk", _("Ukrainian")
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    VIETNAMESE = "vi", _("Vietnamese")


class CEFRLevel(models.IntegerChoices):
    """Common European Framework of Reference (GER) levels; a higher number satisfies a lower."""

    A1 = 1, "A1"
    A2 = 2, "A2"
    B1 = 3, "B1"
    B2 = 4, "B2"
    C1 = 5, "C1"
    C2 = 6, _("C2 / native")


class FieldOfStudy(models.TextChoices):
    COMPUTER_SCIENCE = "computer_science", _("Computer science and software")
    ELECTRICAL_ENGINEERING = (
        "electrical_engineering",
        _("Electrical engineering and microelectronics"),
    )
    MECHANICAL_ENGINEERING = "mechanical_engineering", _("Mechanical engineering")
    MECHATRONICS = "mechatronics", _("Mechatronics and automation")
    MATERIALS = "materials", _("Materials science and physics")
    CIVIL_ENGINEERING = "civil_engineering", _("Civil engineering and architecture")
    ENERGY_ENVIRONMENT = "energy_environment", _("Energy and environmental engineering")
    LIFE_SCIENCES = "life_sciences", _("Life sciences, chemistry and biotechnology")
    HEALTH = "health", _("Medicine, nursing and health")
    MATHEMATICS = "mathematics", _("Mathematics and statistics")
    BUSINESS = "business", _("Business and economics")
    LOGISTICS = "logistics", _("Logistics and transport")
    LAW = "law", _("Law and public administration")
    SOCIAL_SCIENCES = "social_sciences", _("Social sciences and education")
    HUMANITIES = "humanities", _("Humanities and languages")
    DESIGN_MEDIA = "design_media", _("Design, media and communication")
    TOURISM = "tourism", _("Tourism and hospitality")
    TRADES = "trades", _("Skilled trades")


class DegreeLevel(models.IntegerChoices):
    """Highest degree; for a posting, the least it asks for."""

    NONE = 0, _("No degree (yet)")
    BACHELOR = 1, _("Bachelor")
    MASTER = 2, _("Master or Diplom")
    PHD = 3, _("Doctorate (PhD)")


class SkillQuerySet(models.QuerySet["Skill"]):
    def for_text(self, text: str) -> "SkillQuerySet":
        """Concepts whose label or synonym is this text (case- and umlaut-insensitive)."""
        return self.filter(lookup_keys__contains=[normalize_label(text)])

    def suggestions(self, *, in_use: models.QuerySet, limit: int = 500) -> "SkillQuerySet":
        """What a form suggests while typing (a <datalist>, so it works without JavaScript): the
        curated list and concepts already in use – not all of ESCO's 14,000 concepts. Any other
        concept is still found when typed by its label or a synonym."""
        return self.filter(Q(concept_uri__isnull=True) | Q(pk__in=in_use)).order_by("label_de")[
            :limit
        ]


class Skill(models.Model):
    """A skill concept of the shared list (ESCO or curated), with labels, synonyms and a broader
    concept. `import_esco` loads ESCO; the matching app merges duplicates."""

    concept_uri = models.CharField(
        _("concept URI"), max_length=255, unique=True, null=True, blank=True
    )
    label_de = models.CharField(_("German label"), max_length=200)
    label_en = models.CharField(_("English label"), max_length=200)
    alternative_labels = ArrayField(
        models.CharField(max_length=200), verbose_name=_("synonyms"), default=list, blank=True
    )
    broader = models.ForeignKey(
        "self",
        verbose_name=_("broader concept"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="narrower",
    )
    lookup_keys = ArrayField(models.CharField(max_length=200), default=list, editable=False)

    objects = SkillQuerySet.as_manager()

    class Meta:
        db_table = "companies_skill"  # moved from companies; the table stayed
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["label_de"]
        indexes = [GinIndex(fields=["lookup_keys"], name="skill_lookup_keys")]

    def __str__(self) -> str:
        return self.label

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Derived, so that lookups never disagree with the labels (not a side effect: same row).
        labels = [self.label_de, self.label_en, *self.alternative_labels]
        self.lookup_keys = sorted({normalize_label(label) for label in labels if label.strip()})
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return self.label_en if get_language() == "en" else self.label_de


class SkillLevel(models.IntegerChoices):
    """How well: what a posting asks for and what a talent has, on the same scale."""

    BASIC = 1, _("Basic knowledge")
    GOOD = 2, _("Good knowledge")
    EXPERT = 3, _("Expert knowledge")
