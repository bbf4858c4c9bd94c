from django.db import models
from django.utils.translation import gettext_lazy as _


class University(models.Model):
    """A Saxon university or university of applied sciences (or "other", for everybody else)."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        APPLIED_SCIENCES = "applied_sciences", _("University of applied sciences")
        ARTS = "arts", _("University of arts or music")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    city = models.CharField(_("city"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("university")
        verbose_name_plural = _("universities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name
