"""Companies with their recruiter teams and sites, their postings with the moderation workflow,
reports from visitors and company portraits. Towns come from `region`, skills and the shared
vocabularies from `taxonomy`."""

import uuid
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.i18n import MARKDOWN_SUBSET_HELP, normalize_label, text_language
from region.models import Town
from taxonomy.models import (
    CEFRLevel,
    DegreeLevel,
    FieldOfStudy,
    Language,
    Skill,
    SkillLevel,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


# --- Companies ---------------------------------------------------------------------------------


class SizeClass(models.TextChoices):
    MICRO = "1-9", _("1–9 employees")
    SMALL = "10-49", _("10–49 employees")
    MEDIUM = "50-249", _("50–249 employees")
    LARGE = "250+", _("250 or more employees")


class Sector(models.TextChoices):
    """Sections of the German classification of economic activities (WZ 2008)."""

    A = "A", _("Agriculture, forestry and fishing")
    B = "B", _("Mining and quarrying")
    C = "C", _("Manufacturing")
    D = "D", _("Energy supply")
    E = "E", _("Water supply, sewerage and waste management")
    F = "F", _("Construction")
    G = "G", _("Wholesale and retail trade, repair of motor vehicles")
    H = "H", _("Transportation and storage")
    I = "I", _("Accommodation and food service")  # noqa: E741 – the section's letter
    J = "J", _("Information and communication")
    K = "K", _("Financial and insurance services")
    L = "L", _("Real estate")
    M = "M", _("Professional, scientific and technical services")
    N = "N", _("Administrative and support services")
    O = "O", _("Public administration")  # noqa: E741 – the section's letter
    P = "P", _("Education")
    Q = "Q", _("Human health and social work")
    R = "R", _("Arts, entertainment and recreation")
    S = "S", _("Other services")


class LegalForm(models.TextChoices):
    GMBH = "gmbh", "GmbH"
    UG = "ug", "UG (haftungsbeschränkt)"
    GMBH_CO_KG = "gmbh_co_kg", "GmbH & Co. KG"
    AG = "ag", "AG"
    KG = "kg", "KG"
    OHG = "ohg", "OHG"
    EK = "ek", "e. K."
    GBR = "gbr", "GbR"
    EG = "eg", "eG"
    EV = "ev", "e. V."
    SOLE = "sole", _("Sole proprietorship")
    PUBLIC = "public", _("Public body or institute")
    OTHER = "other", _("Other")


class Benefit(models.TextChoices):
    FLEXIBLE_HOURS = "flexible_hours", _("Flexible working hours")
    REMOTE = "remote", _("Working from home")
    JOB_TICKET = "job_ticket", _("Deutschlandticket or job ticket")
    BIKE = "bike", _("Bike leasing")
    PENSION = "pension", _("Company pension scheme")
    TRAINING = "training", _("Training budget")
    HEALTH = "health", _("Health and sports offers")
    CHILDCARE = "childcare", _("Childcare support")
    LANGUAGE_COURSES = "language_courses", _("Language courses")
    RELOCATION = "relocation", _("Help with moving to the region")
    EXTRA_LEAVE = "extra_leave", _("30 days of leave or more")
    MENTORING = "mentoring", _("Mentoring for newcomers")


class CompanyQuerySet(models.QuerySet["Company"]):
    def verified(self) -> "CompanyQuerySet":
        """Companies that staff verified: the only ones the public sees."""
        return self.filter(verification_status=Company.Verification.VERIFIED)

    def editable_by(self, user: "User | AnonymousUser") -> "CompanyQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)

    def owned_by(self, user: "User | AnonymousUser") -> "CompanyQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user, memberships__role=Membership.Role.OWNER)

    def in_district(self, district: str) -> "CompanyQuerySet":
        return self.filter(sites__town__district=district).distinct()

    def hiring(self) -> "CompanyQuerySet":
        return self.filter(Exists(Posting.objects.published().filter(company=OuterRef("pk"))))


def company_logo_path(company: "Company", filename: str) -> str:
    # A random name: the uploaded file name tells nothing and collides with nothing.
    return f"logos/{uuid.uuid4().hex}.png"


class Company(models.Model):
    """An employer of the region, presented by its recruiter team once staff verified it."""

    class Verification(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Verification refused")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, editable=False)
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices)
    size_class = models.CharField(_("size"), max_length=10, choices=SizeClass.choices)
    sector = models.CharField(_("sector (WZ 2008)"), max_length=1, choices=Sector.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to=company_logo_path, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    benefits = ArrayField(
        models.CharField(max_length=30, choices=Benefit.choices),
        verbose_name=_("benefits"),
        default=list,
        blank=True,
    )
    working_languages = ArrayField(
        models.CharField(max_length=3, choices=Language.choices),
        verbose_name=_("working languages"),
        default=list,
        blank=True,
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    verification_status = models.CharField(
        _("verification"), max_length=10, choices=Verification.choices, default=Verification.PENDING
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name"]
        indexes = [models.Index(fields=["verification_status", "name"], name="company_status_name")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            base = slugify(normalize_label(self.name))[:200] or "unternehmen"
            self.slug = base
            number = 2
            while Company.objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
                self.slug, number = f"{base}-{number}", number + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("companies:company_detail", kwargs={"slug": self.slug})

    @property
    def is_verified(self) -> bool:
        return self.verification_status == self.Verification.VERIFIED

    @property
    def is_sme(self) -> bool:
        """Small or medium-sized enterprise by the EU definition's staff count (< 250)."""
        return self.size_class != SizeClass.LARGE

    @property
    def is_english_speaking(self) -> bool:
        return Language.ENGLISH in self.working_languages

    @property
    def description(self) -> str:
        """The description in the reader's language, else the other one."""
        return self.description_en if self.description_language == "en" else self.description_de

    @property
    def description_language(self) -> str:
        """The language of `description`, for the lang attribute around it."""
        return text_language(self.description_de, self.description_en)

    @property
    def benefit_labels(self) -> list[str]:
        return [str(Benefit(value).label) for value in self.benefits]

    @property
    def working_language_labels(self) -> list[str]:
        return [str(Language(value).label) for value in self.working_languages]

    @property
    def website_domain(self) -> str:
        host = urlsplit(self.website).hostname or ""
        return host.removeprefix("www.")

    def email_matches_website(self, email: str) -> bool:
        """For the reviewer: does this address belong to the company's own domain?"""
        domain = email.rsplit("@", 1)[-1].lower()
        return bool(self.website_domain) and (
            domain == self.website_domain or domain.endswith("." + self.website_domain)
        )

    def verify(self, *, by: "User") -> None:
        """Staff confirm that the company is real and regional; it becomes public."""
        self.verification_status = self.Verification.VERIFIED
        self.verified_at, self.verified_by = timezone.now(), by
        self.save(update_fields=["verification_status", "verified_at", "verified_by", "updated_at"])

    def refuse_verification(self, *, by: "User") -> None:
        self.verification_status = self.Verification.REJECTED
        self.verified_at, self.verified_by = timezone.now(), by
        self.save(update_fields=["verification_status", "verified_at", "verified_by", "updated_at"])


class CompanySite(models.Model):
    """A place where the company works, in a town of the region."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="sites")
    town = models.ForeignKey(
        Town, verbose_name=_("town"), on_delete=models.PROTECT, related_name="sites"
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postal code"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("A German postal code has five digits."))],
    )

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["town__name", "street"]

    def __str__(self) -> str:
        return f"{self.street}, {self.town}" if self.street else str(self.town)


class Membership(models.Model):
    """A person in a company's recruiter team. Owners also manage the team."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        RECRUITER = "recruiter", _("Recruiter")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.RECRUITER)
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        ordering = ["company", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["company", "user"], name="one_membership_per_company")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.company}"

    @property
    def email_matches_website(self) -> bool:
        return self.company.email_matches_website(self.user.email)


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> "InvitationQuerySet":
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


def _invitation_expiry() -> Any:
    return timezone.now() + timedelta(days=14)


class Invitation(models.Model):
    """An email invitation to join a company's recruiter team; the link carries the token."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.RECRUITER
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.company}"

    def get_absolute_url(self) -> str:
        return reverse("companies:invitation_accept", kwargs={"token": self.token})


# --- Postings ----------------------------------------------------------------------------------

POSTING_DEFAULT_DAYS = 60
POSTING_MAX_DAYS = 180


class PostingType(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time job")
    PART_TIME = "part_time", _("Part-time job")
    WORKING_STUDENT = "working_student", _("Working student (Werkstudent)")
    INTERNSHIP = "internship", _("Internship")
    THESIS = "thesis", _("Bachelor or master thesis")
    TRAINEE = "trainee", _("Trainee programme")
    PHD = "phd", _("PhD or research position")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship or dual study")
    ENTRY_LEVEL = "entry_level", _("Entry-level job for graduates")


class Workplace(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    HYBRID = "hybrid", _("Hybrid")
    REMOTE = "remote", _("Remote")


class InternshipKind(models.TextChoices):
    COMPULSORY = "compulsory", _("Compulsory internship (Pflichtpraktikum)")
    VOLUNTARY = "voluntary", _("Voluntary internship")


class ThesisLevel(models.TextChoices):
    BACHELOR = "bachelor", _("Bachelor thesis")
    MASTER = "master", _("Master thesis")
    BOTH = "both", _("Bachelor or master thesis")


class SalaryPeriod(models.TextChoices):
    HOUR = "HOUR", _("per hour")
    MONTH = "MONTH", _("per month")
    YEAR = "YEAR", _("per year")


class PostingQuerySet(models.QuerySet["Posting"]):
    def published(self) -> "PostingQuerySet":
        """Live postings: published, not expired, of a verified company."""
        return self.filter(
            status=Posting.Status.PUBLISHED,
            expires_at__gt=timezone.now(),
            company__verification_status=Company.Verification.VERIFIED,
        )

    def editable_by(self, user: "User | AnonymousUser") -> "PostingQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(company__memberships__user=user)

    def for_type(self, posting_type: str) -> "PostingQuerySet":
        return self.filter(posting_type=posting_type)

    def in_review(self) -> "PostingQuerySet":
        return self.filter(status=Posting.Status.IN_REVIEW)

    def originals(self) -> "PostingQuerySet":
        """Postings themselves, without pending revisions of published ones."""
        return self.filter(revision_of__isnull=True)

    def due_to_expire(self) -> "PostingQuerySet":
        return self.filter(status=Posting.Status.PUBLISHED, expires_at__lte=timezone.now())


def _posting_expiry() -> Any:
    return timezone.now() + timedelta(days=POSTING_DEFAULT_DAYS)


class InvalidTransition(Exception):
    """A posting was asked to move to a status it cannot reach from where it is."""

    def __init__(self, current: str, wanted: str) -> None:
        super().__init__(f"A posting cannot go from {current} to {wanted}.")
        self.current, self.wanted = current, wanted


class Posting(models.Model):
    """An opening of a company: a job, a thesis, an internship … with its moderation state."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        EXPIRED = "expired", _("Expired")
        FILLED = "filled", _("Filled")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    CLOSED_STATUSES: ClassVar[set[str]] = {Status.EXPIRED, Status.FILLED, Status.WITHDRAWN}

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="postings")
    revision_of = models.OneToOneField(
        "self",
        verbose_name=_("changes to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="pending_revision",
        help_text=_("A published posting's edited version, live only after review."),
    )
    title = models.CharField(_("title"), max_length=200)
    posting_type = models.CharField(_("type"), max_length=20, choices=PostingType.choices)
    internship_kind = models.CharField(
        _("kind of internship"), max_length=20, choices=InternshipKind.choices, blank=True
    )
    thesis_level = models.CharField(
        _("thesis level"), max_length=10, choices=ThesisLevel.choices, blank=True
    )
    thesis_co_supervision = models.BooleanField(
        _("co-supervised by the company"),
        default=False,
        help_text=_("The company provides a supervisor alongside the university's."),
    )
    fields_of_study = ArrayField(
        models.CharField(max_length=30, choices=FieldOfStudy.choices),
        verbose_name=_("fields of study"),
        default=list,
        blank=True,
    )
    degree_level = models.PositiveSmallIntegerField(
        _("minimum degree"), choices=DegreeLevel.choices, default=DegreeLevel.NONE
    )
    sites = models.ManyToManyField(CompanySite, verbose_name=_("locations"), blank=True)
    workplace = models.CharField(
        _("workplace"), max_length=10, choices=Workplace.choices, default=Workplace.ON_SITE
    )
    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("Empty: as soon as possible.")
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration in months"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("Empty: permanent."),
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(48)],
    )
    salary_min = models.DecimalField(
        _("salary from"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    salary_max = models.DecimalField(
        _("salary up to"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    salary_period = models.CharField(
        _("salary period"), max_length=5, choices=SalaryPeriod.choices, default=SalaryPeriod.MONTH
    )
    application_deadline = models.DateField(_("application deadline"), null=True, blank=True)
    expires_at = models.DateTimeField(_("visible until"), default=_posting_expiry)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    apply_in_portal = models.BooleanField(_("applications through the portal"), default=True)
    apply_url = models.URLField(_("external application address"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    expiry_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Full text in German and English, title (A) over skills (B) over description (C);
    # kept current by companies.search.refresh_search_fields().
    search_vector = SearchVectorField(null=True, editable=False)
    # Derived from the sites and language requirements by the same function, for one-scan facets.
    districts = ArrayField(models.CharField(max_length=20), default=list, editable=False)
    language_codes = ArrayField(models.CharField(max_length=3), default=list, editable=False)
    town_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    # How many must-have and nice-to-have skills: matching ranks postings that lack one of the
    # groups with everybody (see matching.queries).
    must_have_count = models.PositiveSmallIntegerField(default=0, editable=False)
    nice_to_have_count = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = PostingQuerySet.as_manager()

    class Meta:
        verbose_name = _("posting")
        verbose_name_plural = _("postings")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="posting_search"),
            GinIndex(fields=["districts"], name="posting_districts"),
            GinIndex(fields=["language_codes"], name="posting_languages"),
            GinIndex(fields=["fields_of_study"], name="posting_fields"),
            models.Index(fields=["status", "expires_at"], name="posting_status_expiry"),
            models.Index(fields=["posting_type", "status"], name="posting_type_status"),
            models.Index(fields=["-published_at"], name="posting_published"),
            models.Index(
                fields=["id"], condition=Q(must_have_count=0), name="posting_without_must_haves"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_min__lte=models.F("salary_max")),
                name="salary_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("companies:posting_detail", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def slug(self) -> str:
        return slugify(normalize_label(self.title))[:80] or "stelle"

    @property
    def description(self) -> str:
        return self.description_en if self.description_language == "en" else self.description_de

    @property
    def description_language(self) -> str:
        return text_language(self.description_de, self.description_en)

    @property
    def is_live(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.expires_at > timezone.now()
            and self.company.is_verified
        )

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED_STATUSES or (
            self.status == self.Status.PUBLISHED and self.expires_at <= timezone.now()
        )

    @property
    def field_of_study_labels(self) -> list[str]:
        return [str(FieldOfStudy(value).label) for value in self.fields_of_study]

    @property
    def has_salary(self) -> bool:
        return self.salary_min is not None or self.salary_max is not None

    def missing_for_publication(self) -> list[str]:
        """What a posting needs before staff can publish it (what search engines require too)."""
        missing = []
        if not self.title.strip():
            missing.append(str(_("a title")))
        if not (self.description_de.strip() or self.description_en.strip()):
            missing.append(str(_("a description in German or English")))
        if self.workplace != Workplace.REMOTE and not self.sites.exists():
            missing.append(str(_("at least one location")))
        if self.expires_at <= timezone.now():
            missing.append(str(_("a date until which it is visible, in the future")))
        if not self.apply_in_portal and not self.apply_url:
            missing.append(str(_("a way to apply")))
        return missing

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_min > self.salary_max
        ):
            errors["salary_max"] = _("The upper end must not be below the lower end.")
        # A revision counts from the publication of the posting it changes.
        published = self.revision_of.published_at if self.revision_of else self.published_at
        limit = (published or self.created_at or timezone.now()) + timedelta(days=POSTING_MAX_DAYS)
        if self.expires_at and self.expires_at > limit:
            errors["expires_at"] = _("A posting can be visible for at most 180 days.")
        if (
            self.posting_type == PostingType.WORKING_STUDENT
            and self.hours_per_week
            and self.hours_per_week > 20
        ):
            errors["hours_per_week"] = _(
                "Working students may work at most 20 hours a week during the semester."
            )
        if not self.apply_in_portal and not self.apply_url:
            errors["apply_url"] = _(
                "Give an address for applications, or accept them through the portal."
            )
        if errors:
            raise ValidationError(errors)

    # --- Moderation: one method per transition, each recorded ----------------------------------

    def _move(
        self,
        to_status: str,
        *,
        allowed_from: set[str],
        by: "User | None",
        reason: str = "",
        note: str = "",
    ) -> None:
        # The row's status as stored, locked: two staff members acting at once cannot both win.
        stored = (
            Posting.objects.select_for_update()
            .filter(pk=self.pk)
            .values_list("status", flat=True)
            .first()
        )
        if self.status not in allowed_from or stored != self.status:
            raise InvalidTransition(stored or self.status, to_status)
        from_status, self.status = self.status, to_status
        self.save(update_fields=["status", "published_at", "closed_at", "updated_at"])
        self.transitions.create(
            from_status=from_status, to_status=to_status, by=by, reason=reason, note=note
        )

    @property
    def can_be_submitted(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.REJECTED}

    def reopen(self, *, by: "User") -> None:
        """A recruiter changed a posting in review: it leaves the queue until submitted again."""
        self._move(self.Status.DRAFT, allowed_from={self.Status.IN_REVIEW}, by=by)

    def submit(self, *, by: "User") -> None:
        """A recruiter hands a draft (or a rejected posting, reworked) to staff for review."""
        self._move(
            self.Status.IN_REVIEW, allowed_from={self.Status.DRAFT, self.Status.REJECTED}, by=by
        )

    def publish(self, *, by: "User") -> None:
        """Staff approve a posting in review; it goes live until its expiry."""
        if self.status != self.Status.IN_REVIEW:
            raise InvalidTransition(self.status, self.Status.PUBLISHED)
        if missing := self.missing_for_publication():
            raise ValidationError(
                _("Not ready for publication, missing: %(missing)s")
                % {"missing": ", ".join(missing)}
            )
        self.published_at = timezone.now()
        self._move(self.Status.PUBLISHED, allowed_from={self.Status.IN_REVIEW}, by=by)

    def reject(self, *, by: "User", reason: str, note: str) -> None:
        self._move(
            self.Status.REJECTED,
            allowed_from={self.Status.IN_REVIEW},
            by=by,
            reason=reason,
            note=note,
        )

    def expire(self) -> None:
        """The posting reached its expiry date (scheduled job, nobody in particular)."""
        self.closed_at = timezone.now()
        self._move(self.Status.EXPIRED, allowed_from={self.Status.PUBLISHED}, by=None)

    def mark_filled(self, *, by: "User") -> None:
        self.closed_at = timezone.now()
        self._move(self.Status.FILLED, allowed_from={self.Status.PUBLISHED}, by=by)

    def withdraw(self, *, by: "User") -> None:
        self.closed_at = timezone.now()
        self._move(
            self.Status.WITHDRAWN,
            allowed_from={
                self.Status.DRAFT,
                self.Status.IN_REVIEW,
                self.Status.PUBLISHED,
                self.Status.REJECTED,
            },
            by=by,
        )


class PostingSkill(models.Model):
    """A skill a posting asks for: must-have or nice-to-have, at a level."""

    Level = SkillLevel

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(
        Skill, verbose_name=_("skill"), on_delete=models.PROTECT, related_name="+"
    )
    is_required = models.BooleanField(_("must-have"), default=True)
    level = models.PositiveSmallIntegerField(
        _("level"), choices=SkillLevel.choices, default=SkillLevel.GOOD
    )

    class Meta:
        verbose_name = _("skill requirement")
        verbose_name_plural = _("skill requirements")
        ordering = ["-is_required", "skill__label_de"]
        constraints = [
            models.UniqueConstraint(fields=["posting", "skill"], name="one_requirement_per_skill")
        ]

    def __str__(self) -> str:
        return f"{self.skill} ({self.get_level_display()})"


class PostingLanguage(models.Model):
    """A language a posting requires, at least at a CEFR level."""

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=3, choices=Language.choices)
    level = models.PositiveSmallIntegerField(
        _("at least"), choices=CEFRLevel.choices, default=CEFRLevel.B2
    )

    class Meta:
        verbose_name = _("language requirement")
        verbose_name_plural = _("language requirements")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["posting", "language"], name="one_requirement_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_language_display()} {self.get_level_display()}"


class RejectionReason(models.TextChoices):
    INCOMPLETE = "incomplete", _("Information is missing or unclear")
    NOT_REGIONAL = "not_regional", _("Not a position in the region")
    DISCRIMINATORY = "discriminatory", _("Discriminatory wording (AGG)")
    NOT_A_POSTING = "not_a_posting", _("Not an opening (advertising, spam)")
    UNPAID = "unpaid", _("Unlawful pay or working conditions")
    OTHER = "other", _("Other reason")


class PostingTransition(models.Model):
    """Who moved a posting from which status to which, when and why: the moderation record."""

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(
        pgettext_lazy("status change", "from"), max_length=10, choices=Posting.Status.choices
    )
    to_status = models.CharField(
        pgettext_lazy("status change", "to"), max_length=10, choices=Posting.Status.choices
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("status change", "by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(pgettext_lazy("status change", "at"), auto_now_add=True)
    reason = models.CharField(
        _("reason"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class Report(models.Model):
    """Anybody may report a posting or a company; staff work through the open reports."""

    class Reason(models.TextChoices):
        FRAUD = "fraud", _("Fraud or fake offer")
        DISCRIMINATION = "discrimination", _("Discrimination")
        OUTDATED = "outdated", _("No longer available")
        WRONG = "wrong", _("Wrong or misleading information")
        OTHER = "other", _("Something else")

    posting = models.ForeignKey(
        Posting, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("what is wrong"), max_length=2000)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = [models.F("resolved_at").asc(nulls_first=True), "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(posting__isnull=False, company__isnull=True)
                | Q(posting__isnull=True, company__isnull=False),
                name="report_names_one_thing",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.posting or self.company}"


# --- Company portraits ---------------------------------------------------------------------------


class CompanyPortraitQuerySet(models.QuerySet["CompanyPortrait"]):
    def published(self) -> "CompanyPortraitQuerySet":
        """Portraits staff published (not dated in the future) about verified companies."""
        return self.filter(
            published_at__isnull=False,
            published_at__lte=timezone.now(),
            company__verification_status=Company.Verification.VERIFIED,
        )


class CompanyPortrait(models.Model):
    """A story staff write and publish about a company of the region."""

    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="portraits"
    )
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("The last part of the address.")
    )
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    teaser_de = models.TextField(
        _("teaser (German)"), max_length=400, help_text=_("One or two sentences for the list.")
    )
    teaser_en = models.TextField(_("teaser (English)"), max_length=400, blank=True)
    body_de = models.TextField(_("text (German)"), help_text=MARKDOWN_SUBSET_HELP)
    body_en = models.TextField(
        _("text (English)"),
        blank=True,
        help_text=_("While this is empty, the English page shows the German text."),
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_("Empty: a draft only staff see. A future date publishes it then."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_staff": True},
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CompanyPortraitQuerySet.as_manager()

    class Meta:
        verbose_name = _("company portrait")
        verbose_name_plural = _("company portraits")
        ordering = [models.F("published_at").desc(nulls_last=True), "-created_at"]
        indexes = [models.Index(fields=["-published_at"], name="portrait_published")]

    def __str__(self) -> str:
        return self.title_de

    def get_absolute_url(self) -> str:
        return reverse("companies:portrait_detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return (
            self.published_at is not None
            and self.published_at <= timezone.now()
            and self.company.is_verified
        )

    @property
    def language(self) -> str:
        """The language shown: the reader's once title and text exist in it, else German."""
        if get_language() == "en" and self.title_en.strip() and self.body_en.strip():
            return "en"
        return "de"

    @property
    def title(self) -> str:
        return self.title_en if self.language == "en" else self.title_de

    @property
    def teaser(self) -> str:
        return (self.teaser_en or self.teaser_de) if self.language == "en" else self.teaser_de

    @property
    def body(self) -> str:
        return self.body_en if self.language == "en" else self.body_de
