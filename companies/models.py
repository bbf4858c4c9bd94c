from django.db import models
from django.utils.translation import gettext_lazy as _


class District(models.TextChoices):
    """The districts (Landkreise) of the Dresden region, and the city itself."""

    DRESDEN = "dresden", _("Dresden (city)")
    MEISSEN = "meissen", _("Meißen")
    SAECHSISCHE_SCHWEIZ_OSTERZGEBIRGE = "ssoe", _("Sächsische Schweiz-Osterzgebirge")
    BAUTZEN = "bautzen", _("Bautzen")
    GOERLITZ = "goerlitz", _("Görlitz")


class TownQuerySet(models.QuerySet):
    def in_district(self, district: str) -> "TownQuerySet":
        return self.filter(district=district)


class Town(models.Model):
    """A town of the region; companies' sites and talents' preferences point here."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    district = models.CharField(_("district"), max_length=20, choices=District.choices)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)

    objects = TownQuerySet.as_manager()

    class Meta:
        verbose_name = _("town")
        verbose_name_plural = _("towns")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
