"""The region: its districts (Landkreise) and towns, where they are and what staff tell visitors
about them. Companies' sites, talents' preferences and events point at these towns; the region pages
that list companies there live in `companies`."""

from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.i18n import MARKDOWN_SUBSET_HELP, normalize_label, text_language


class District(models.TextChoices):
    """The districts (Landkreise) of the Dresden region, and the city itself."""

    DRESDEN = "dresden", _("Dresden (city)")
    MEISSEN = "meissen", _("Meißen")
    SAECHSISCHE_SCHWEIZ_OSTERZGEBIRGE = "ssoe", _("Sächsische Schweiz-Osterzgebirge")
    BAUTZEN = "bautzen", _("Bautzen")
    GOERLITZ = "goerlitz", _("Görlitz")


APPROXIMATE_HELP = _(
    "Approximate public figure (rounded, e.g. from the Statistical Office of Saxony); "
    "check it before publishing and update it once a year."
)


class RegionFacts(models.Model):
    """What staff tell visitors about a place of the region, in German and English."""

    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True, help_text=APPROXIMATE_HELP
    )
    transport_de = models.TextField(
        _("transport links (German)"),
        blank=True,
        help_text=_("One link per line, e.g. “S-Bahn S1 to Dresden, 25 minutes”."),
    )
    transport_en = models.TextField(_("transport links (English)"), blank=True)
    universities_de = models.TextField(
        _("universities and research (German)"),
        blank=True,
        help_text=_("One institution per line."),
    )
    universities_en = models.TextField(_("universities and research (English)"), blank=True)
    text_de = models.TextField(
        _("introduction (German)"), blank=True, help_text=MARKDOWN_SUBSET_HELP
    )
    text_en = models.TextField(
        _("introduction (English)"),
        blank=True,
        help_text=_("While this is empty, the English page shows the German text."),
    )

    class Meta:
        abstract = True

    @property
    def text(self) -> str:
        return self.text_en if self.text_language == "en" else self.text_de

    @property
    def text_language(self) -> str:
        return text_language(self.text_de, self.text_en)

    @property
    def transport_lines(self) -> list[str]:
        return _lines(self.transport_de, self.transport_en)

    @property
    def university_lines(self) -> list[str]:
        return _lines(self.universities_de, self.universities_en)


def _lines(german: str, english: str) -> list[str]:
    text = english if text_language(german, english) == "en" else german
    return [line.strip() for line in text.splitlines() if line.strip()]


class DistrictProfile(RegionFacts):
    """The facts staff keep about one of the region's districts (one row per district)."""

    district = models.CharField(_("district"), max_length=20, choices=District.choices, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    area_km2 = models.PositiveIntegerField(
        _("area in km²"), null=True, blank=True, help_text=APPROXIMATE_HELP
    )

    class Meta:
        db_table = "companies_districtprofile"  # moved from companies; the table stayed
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["district"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("companies:district_detail", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        return str(District(self.district).label)


class TownQuerySet(models.QuerySet["Town"]):
    def in_district(self, district: str) -> "TownQuerySet":
        return self.filter(district=district)

    def for_text(self, text: str) -> "TownQuerySet":
        """Towns whose name or alias is this text, however it is spelled: "Goerlitz",
        "Zhorjelc" and "görlitz" all find Görlitz."""
        return self.filter(lookup_keys__contains=[normalize_label(text)])


class Town(RegionFacts):
    """A town of the region; companies' sites and talents' preferences point here."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    district = models.CharField(_("district"), max_length=20, choices=District.choices)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    aliases = ArrayField(
        models.CharField(max_length=100),
        verbose_name=_("other names"),
        default=list,
        blank=True,
        help_text=_(
            "Other names people type for this town, separated by commas: Sorbian or Czech names "
            "(Budyšin), colloquial short names. Spellings without umlauts or ß are found anyway."
        ),
    )
    lookup_keys = ArrayField(models.CharField(max_length=100), default=list, editable=False)

    objects = TownQuerySet.as_manager()

    class Meta:
        db_table = "companies_town"  # moved from companies; the table stayed
        verbose_name = _("town")
        verbose_name_plural = _("towns")
        ordering = ["name"]
        indexes = [GinIndex(fields=["lookup_keys"], name="town_lookup_keys")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Derived, so that lookups never disagree with the names (not a side effect: same row).
        names = [self.name, *self.aliases]
        self.lookup_keys = sorted({normalize_label(name) for name in names if name.strip()})
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("companies:town_detail", kwargs={"slug": self.slug})
