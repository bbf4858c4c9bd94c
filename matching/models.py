"""What the matching keeps: the weights staff tune, when each talent last got a digest, and
daily counts of matches shown and acted on (numbers only, nobody's data)."""

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.scoring import CRITERIA, DEFAULT_WEIGHTS, Weights

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


def _weight(
    label: "StrOrPromise", criterion: str, help_text: "StrOrPromise"
) -> "models.PositiveSmallIntegerField[int, int]":
    return models.PositiveSmallIntegerField(
        label,
        default=getattr(DEFAULT_WEIGHTS, criterion),
        validators=[MaxValueValidator(100)],
        help_text=help_text,
    )


class MatchingWeights(models.Model):
    """The points each criterion is worth (one row; they add up to 100). Without a row the
    documented defaults of `matching.scoring.Weights` apply."""

    skills = _weight(_("skills"), "skills", _("Must-have and nice-to-have skills."))
    languages = _weight(_("languages"), "languages", _("Required languages at their level."))
    distance = _weight(_("distance"), "distance", _("From the preferred towns to the sites."))
    field = _weight(_("field of study"), "field", _("A field of study the posting names."))
    degree = _weight(_("degree"), "degree", _("The posting's minimum degree."))
    start = _weight(_("start date"), "start", _("Available by the start date."))
    hours = _weight(_("hours"), "hours", _("Working students' hours per week."))
    text = _weight(_("text"), "text", _("How well the profile's text fits the posting."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("matching weights")
        verbose_name_plural = _("matching weights")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="one_row_of_weights"),
        ]

    def __str__(self) -> str:
        return str(_("Matching weights"))

    def save(self, *args: object, **kwargs: object) -> None:
        self.pk = 1
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        total = sum(getattr(self, criterion) for criterion in CRITERIA)
        if total != 100:
            raise ValidationError(
                _("The weights must add up to 100; now they add up to %(total)s.")
                % {"total": total}
            )

    def as_weights(self) -> Weights:
        return Weights(**{criterion: getattr(self, criterion) for criterion in CRITERIA})

    @classmethod
    def current(cls) -> Weights:
        """The weights in force: the row's, or the defaults."""
        row = cls.objects.filter(pk=1).first()
        return row.as_weights() if row else DEFAULT_WEIGHTS


class DigestLog(models.Model):
    """When a talent last got the weekly match digest: the next one lists what is newer."""

    profile = models.OneToOneField(
        "talents.TalentProfile", on_delete=models.CASCADE, related_name="digest_log"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.profile} {self.sent_at:%Y-%m-%d}"


class MatchCount(models.Model):
    """How many matches pages showed on a day and how many led to an application or a
    contact request: counts only, for the staff's figures."""

    class Side(models.TextChoices):
        TALENT = "talent", _("postings shown to talents")
        COMPANY = "company", _("talents shown to companies")

    day = models.DateField(_("day"), default=timezone.localdate)
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    shown = models.PositiveIntegerField(_("shown"), default=0)
    acted_on = models.PositiveIntegerField(_("acted on"), default=0)

    class Meta:
        verbose_name = _("match count")
        verbose_name_plural = _("match counts")
        constraints = [
            models.UniqueConstraint(fields=["day", "side"], name="one_match_count_a_day_and_side")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.get_side_display()}"
