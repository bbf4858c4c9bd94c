"""Events and networking formats: staff publish them, companies take part, talents register
(with a waiting list), and speed-dating events get their talent–company slots."""

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.i18n import normalize_label
from companies.models import Company
from region.models import Town

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


class EventKind(models.TextChoices):
    COMPANY_VISIT = "company_visit", _("Company visit")
    CAREER_EVENING = "career_evening", _("Career evening")
    SPEED_DATING = "speed_dating", _("Speed dating")
    WORKSHOP = "workshop", _("Workshop")
    JOB_FAIR = "job_fair", _("Job fair")
    ONLINE = "online", _("Online format")


class EventLanguage(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")
    BOTH = "both", _("German and English")


class TargetGroup(models.TextChoices):
    STUDENTS = "students", _("Students")
    GRADUATES = "graduates", _("Graduates")
    YOUNG_PROFESSIONALS = "young_professionals", _("Young professionals")
    RESEARCHERS = "researchers", _("Researchers")
    INTERNATIONAL = "international", _("International talents")


class EventQuerySet(models.QuerySet["Event"]):
    def published(self) -> "EventQuerySet":
        return self.filter(is_published=True)

    def upcoming(self) -> "EventQuerySet":
        """Events that have not ended yet (cancelled ones too: people must learn of it)."""
        return self.filter(ends_at__gte=timezone.now())

    def past(self) -> "EventQuerySet":
        return self.filter(ends_at__lt=timezone.now())

    def visible_to(self, user: "User | AnonymousUser") -> "EventQuerySet":
        """Published events for everybody; drafts for staff as well."""
        return self.all() if user.is_authenticated and user.is_staff else self.published()

    def with_counts(self) -> "EventQuerySet":
        """Registered talents and taking-part companies, counted in the same query."""
        return self.annotate(
            registered_count=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.REGISTERED),
                distinct=True,
            ),
            company_count=Count(
                "company_participations",
                filter=Q(company_participations__withdrawn_at__isnull=True),
                distinct=True,
            ),
        )


class Event(models.Model):
    """A company visit, career evening, speed dating, workshop, job fair or online format."""

    Kind = EventKind

    kind = models.CharField(_("format"), max_length=20, choices=EventKind.choices)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_de = models.TextField(
        _("description (German)"), blank=True, help_text=_("Markdown: paragraphs, lists, links.")
    )
    description_en = models.TextField(_("description (English)"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Empty: talents can register until the event starts."),
    )
    town = models.ForeignKey(
        Town,
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    venue = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("Building, street and room.")
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to registered participants."),
    )
    language = models.CharField(
        _("language"), max_length=4, choices=EventLanguage.choices, default=EventLanguage.GERMAN
    )
    capacity = models.PositiveIntegerField(
        _("places for talents"), validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    target_groups = ArrayField(
        models.CharField(max_length=20, choices=TargetGroup.choices),
        verbose_name=_("target groups"),
        default=list,
        blank=True,
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("minutes per speed-dating round"),
        default=10,
        validators=[MinValueValidator(3), MaxValueValidator(60)],
    )
    is_published = models.BooleanField(_("published"), default=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["is_published", "ends_at"], name="event_published_end")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(registration_deadline__isnull=True)
                | Q(registration_deadline__lte=models.F("starts_at")),
                name="event_deadline_before_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" and self.title_en.strip() else self.title_de

    @property
    def title_language(self) -> str:
        return "en" if get_language() == "en" and self.title_en.strip() else "de"

    @property
    def slug(self) -> str:
        return slugify(normalize_label(self.title_de))[:80] or "veranstaltung"

    @property
    def description(self) -> str:
        return self.description_en if self.description_language == "en" else self.description_de

    @property
    def description_language(self) -> str:
        if get_language() == "en":
            return "en" if self.description_en.strip() or not self.description_de.strip() else "de"
        return "de" if self.description_de.strip() or not self.description_en.strip() else "en"

    @property
    def target_group_labels(self) -> list[str]:
        return [str(TargetGroup(value).label) for value in self.target_groups]

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def closes_at(self) -> Any:
        """When registration closes: the deadline, else the start."""
        return self.registration_deadline or self.starts_at

    @property
    def is_open_for_registration(self) -> bool:
        return self.is_published and not self.is_cancelled and timezone.now() < self.closes_at

    @property
    def slot_length(self) -> timedelta:
        return timedelta(minutes=self.slot_minutes)

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if (
            self.registration_deadline
            and self.starts_at
            and self.registration_deadline > self.starts_at
        ):
            errors["registration_deadline"] = _(
                "The registration deadline must not be after the start of the event."
            )
        if self.town_id is None and not self.online_url:
            errors["town"] = _("Give a town (with the venue) or an online link.")
        if self.kind == EventKind.ONLINE and not self.online_url:
            errors["online_url"] = _("An online format needs an online link.")
        if errors:
            raise ValidationError(errors)

    def cancel(self) -> None:
        """Staff call the event off; it stays visible, marked as cancelled."""
        if self.cancelled_at is None:
            self.cancelled_at = timezone.now()
            self.save(update_fields=["cancelled_at", "updated_at"])


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def registered(self) -> "RegistrationQuerySet":
        return self.filter(status=Registration.Status.REGISTERED)

    def waiting(self) -> "RegistrationQuerySet":
        """The waiting list in its order: who joined it first moves up first."""
        return self.filter(status=Registration.Status.WAITING).order_by("joined_at", "pk")

    def active(self) -> "RegistrationQuerySet":
        return self.exclude(status=Registration.Status.CANCELLED)


class Registration(models.Model):
    """A talent's place at an event, or on its waiting list."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("talent"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    joined_at = models.DateTimeField(_("registered at"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("talent registration")
        verbose_name_plural = _("talent registrations")
        ordering = ["event", "status", "joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_talent")
        ]
        indexes = [models.Index(fields=["event", "status", "joined_at"], name="registration_queue")]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"


class CompanyParticipationQuerySet(models.QuerySet["CompanyParticipation"]):
    def active(self) -> "CompanyParticipationQuerySet":
        return self.filter(withdrawn_at__isnull=True)

    def of_recruiter(self, user: "User | AnonymousUser") -> "CompanyParticipationQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(company__memberships__user=user)


class CompanyParticipation(models.Model):
    """A verified company takes part in an event (registered by one of its recruiters)."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="company_participations"
    )
    company = models.ForeignKey(
        Company,
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="event_participations",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CompanyParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("company participation")
        verbose_name_plural = _("company participations")
        ordering = ["event", "company__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "company"], name="one_participation_per_company"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} – {self.event}"


class SpeedDatingSlot(models.Model):
    """One round of a speed-dating event: a talent at a company's table."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="+"
    )
    talent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("talent"),
        on_delete=models.CASCADE,
        related_name="speed_dating_slots",
    )
    starts_at = models.DateTimeField(_("starts at"))
    table = models.PositiveSmallIntegerField(_("table"), validators=[MinValueValidator(1)])
    score = models.FloatField(_("match score"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("speed-dating slot")
        verbose_name_plural = _("speed-dating slots")
        ordering = ["event", "starts_at", "table"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "talent", "starts_at"],
                name="talent_one_slot_at_a_time",
                violation_error_message=_("This talent already has a slot at this time."),
            ),
            models.UniqueConstraint(
                fields=["event", "table", "starts_at"],
                name="table_one_slot_at_a_time",
                violation_error_message=_("This table is already taken at this time."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M} {self.company} – {self.talent}"

    def clean(self) -> None:
        if not (self.event_id and self.starts_at):
            return
        errors: dict[str, Any] = {}
        event = self.event
        if not event.starts_at <= self.starts_at <= event.ends_at - event.slot_length:
            errors["starts_at"] = _("The slot must lie within the event's time.")
        if (
            self.talent_id
            and not event.registrations.registered().filter(user_id=self.talent_id).exists()
        ):
            errors["talent"] = _("This talent is not registered for the event.")
        if (
            self.company_id
            and not event.company_participations.active()
            .filter(company_id=self.company_id)
            .exists()
        ):
            errors["company"] = _("This company does not take part in the event.")
        overlapping = SpeedDatingSlot.objects.filter(
            event_id=self.event_id,
            talent_id=self.talent_id,
            starts_at__gt=self.starts_at - event.slot_length,
            starts_at__lt=self.starts_at + event.slot_length,
        ).exclude(pk=self.pk)
        if self.talent_id and overlapping.exists():
            errors.setdefault("talent", _("This talent already has a slot at this time."))
        if errors:
            raise ValidationError(errors)
