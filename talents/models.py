"""Talents: private-by-default profiles, their CVs, consents, and what they do with companies
(applications, contact requests, bookmarks, saved searches)."""

import uuid
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from companies.models import Company, InternshipKind, Posting, PostingType
from region.models import Town
from taxonomy.models import CEFRLevel, DegreeLevel, FieldOfStudy, Language, Skill, SkillLevel

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


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


class TalentProfileQuerySet(models.QuerySet["TalentProfile"]):
    def visible_to_companies(self) -> "TalentProfileQuerySet":
        """Profiles whose talents chose to be found (as anonymous cards), and only those."""
        return self.filter(visibility=TalentProfile.Visibility.ANONYMOUS, user__is_active=True)

    def known_to_company(self, company: Company) -> "TalentProfileQuerySet":
        """Talents who applied to this verified company (and did not withdraw) or accepted its
        contact request: the only ones it sees in full."""
        if not company.is_verified:
            return self.none()
        return self.filter(
            Q(applications__posting__company=company, applications__anonymised_at__isnull=True)
            & ~Q(applications__status="withdrawn")
            | Q(contact_requests__company=company, contact_requests__status="accepted")
        ).distinct()

    def known_to(self, user: "User | AnonymousUser") -> "TalentProfileQuerySet":
        """Profiles a recruiter may see in full: known to one of the recruiter's verified companies."""
        if not user.is_authenticated:
            return self.none()
        companies = Company.objects.verified().filter(memberships__user=user)
        return self.filter(
            Q(
                applications__posting__company__in=companies,
                applications__anonymised_at__isnull=True,
            )
            & ~Q(applications__status="withdrawn")
            | Q(contact_requests__company__in=companies, contact_requests__status="accepted")
        ).distinct()

    def shared_cv_with(self, user: "User | AnonymousUser") -> "TalentProfileQuerySet":
        """Profiles whose own CV a recruiter may download: the talent accepted a contact request
        of the recruiter's verified company. (Applicants' CVs travel with their applications.)"""
        if not user.is_authenticated:
            return self.none()
        companies = Company.objects.verified().filter(memberships__user=user)
        return self.filter(
            contact_requests__company__in=companies, contact_requests__status="accepted"
        )


def cv_path(profile: "TalentProfile", filename: str) -> str:
    # Random and meaningless: the name reveals nothing and cannot be guessed.
    return f"cvs/{uuid.uuid4().hex}.pdf"


class TalentProfile(models.Model):
    """A talent's profile. Hidden from companies until the talent opts in (visibility)."""

    class Status(models.TextChoices):
        STUDENT = "student", _("Student")
        GRADUATE = "graduate", _("Graduate")
        YOUNG_PROFESSIONAL = "young_professional", _("Young professional")
        RESEARCHER = "researcher", _("Researcher")

    class Visibility(models.TextChoices):
        HIDDEN = "hidden", _("Hidden: companies cannot find my profile")
        ANONYMOUS = "anonymous", _("Anonymous card: verified companies see my skills, not who I am")

    class WorkPermit(models.TextChoices):
        EU = "eu", _("EU/EEA or Swiss citizen")
        STUDENT_VISA = "student_visa", _("Student residence permit")
        JOB_SEEKER = "job_seeker", _("Job seeker visa or opportunity card")
        BLUE_CARD = "blue_card", _("EU Blue Card or work permit")
        OTHER = "other", _("Other or not sure")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="talent_profile"
    )
    status = models.CharField(
        _("I am"), max_length=20, choices=Status.choices, default=Status.STUDENT
    )
    university = models.ForeignKey(
        University, verbose_name=_("university"), null=True, blank=True, on_delete=models.SET_NULL
    )
    fields_of_study = ArrayField(
        models.CharField(max_length=30, choices=FieldOfStudy.choices),
        verbose_name=_("fields of study"),
        default=list,
        blank=True,
    )
    degree = models.PositiveSmallIntegerField(
        _("highest degree (or the one I am working on)"),
        choices=DegreeLevel.choices,
        default=DegreeLevel.BACHELOR,
    )
    graduation_date = models.DateField(_("(expected) graduation"), null=True, blank=True)
    wanted_types = ArrayField(
        models.CharField(max_length=20, choices=PostingType.choices),
        verbose_name=_("I am looking for"),
        default=list,
        blank=True,
    )
    working_student_hours = models.PositiveSmallIntegerField(
        _("hours per week as a working student"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    internship_kind = models.CharField(
        _("kind of internship"), max_length=20, choices=InternshipKind.choices, blank=True
    )
    preferred_towns = models.ManyToManyField(Town, verbose_name=_("preferred towns"), blank=True)
    radius_km = models.PositiveSmallIntegerField(
        _("distance I would travel (km)"), default=30, validators=[MaxValueValidator(200)]
    )
    whole_region = models.BooleanField(_("anywhere in the region"), default=False)
    earliest_start = models.DateField(_("earliest start"), null=True, blank=True)
    bio_de = models.TextField(_("about me (German)"), blank=True, max_length=2000)
    bio_en = models.TextField(_("about me (English)"), blank=True, max_length=2000)
    links = ArrayField(models.URLField(), verbose_name=_("links"), default=list, blank=True, size=3)
    work_permit = models.CharField(
        _("residence and work permit (private)"),
        max_length=20,
        choices=WorkPermit.choices,
        blank=True,
        help_text=_("Only used for hints to you. Companies never see it."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.HIDDEN
    )
    cv = models.FileField(_("CV (PDF)"), upload_to=cv_path, blank=True)
    cv_uploaded_at = models.DateTimeField(null=True, blank=True)
    last_active_at = models.DateTimeField(default=timezone.now)
    inactivity_warned_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TalentProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("talent profile")
        verbose_name_plural = _("talent profiles")
        indexes = [models.Index(fields=["visibility"], name="profile_visibility")]

    def __str__(self) -> str:
        return str(_("Talent profile %(number)s") % {"number": self.pk})

    @property
    def is_visible_to_companies(self) -> bool:
        return self.visibility == self.Visibility.ANONYMOUS

    @property
    def field_of_study_labels(self) -> list[str]:
        return [str(FieldOfStudy(value).label) for value in self.fields_of_study]

    @property
    def bio(self) -> str:
        if get_language() == "en":
            return self.bio_en or self.bio_de
        return self.bio_de or self.bio_en


class TalentSkill(models.Model):
    Level = SkillLevel

    profile = models.ForeignKey(TalentProfile, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(
        Skill, verbose_name=_("skill"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.PositiveSmallIntegerField(
        _("level"), choices=SkillLevel.choices, default=SkillLevel.GOOD
    )

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["-level", "skill__label_de"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "skill"], name="one_entry_per_talent_skill")
        ]

    def __str__(self) -> str:
        return f"{self.skill} ({self.get_level_display()})"


class TalentLanguage(models.Model):
    profile = models.ForeignKey(TalentProfile, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=3, choices=Language.choices)
    level = models.PositiveSmallIntegerField(
        _("level"), choices=CEFRLevel.choices, default=CEFRLevel.B2
    )

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["-level", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "language"], name="one_entry_per_talent_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_language_display()} {self.get_level_display()}"


class Consent(models.Model):
    """Every consent a person gives or withdraws, with the version of the text they saw."""

    class Kind(models.TextChoices):
        VISIBILITY = "visibility", _("Companies may find my anonymous profile")
        ALERTS = "alerts", _("Emails about new postings for my saved searches")
        DIGEST = "digest", _("Weekly email with new matching postings")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    kind = models.CharField(_("consent"), max_length=20, choices=Kind.choices)
    given = models.BooleanField(_("given"))
    text_version = models.CharField(_("text version"), max_length=20)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.given}"


class ContactRequestQuerySet(models.QuerySet["ContactRequest"]):
    def pending(self) -> "ContactRequestQuerySet":
        return self.filter(status=ContactRequest.Status.PENDING)


class ContactRequest(models.Model):
    """A recruiter asks a talent (found as an anonymous card) to get in touch."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contact_requests")
    posting = models.ForeignKey(
        Posting,
        verbose_name=_("about the posting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    profile = models.ForeignKey(
        TalentProfile, on_delete=models.CASCADE, related_name="contact_requests"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    objects = ContactRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "profile"],
                condition=Q(status="pending"),
                name="one_open_request_per_company_and_talent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} → {self.profile}"


class ApplicationQuerySet(models.QuerySet["Application"]):
    def for_recruiter(self, user: "User | AnonymousUser") -> "ApplicationQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            posting__company__memberships__user=user,
            posting__company__verification_status=Company.Verification.VERIFIED,
        )


def application_cv_path(application: "Application", filename: str) -> str:
    return f"applications/{uuid.uuid4().hex}.pdf"


class Application(models.Model):
    """A talent applies to a posting through the portal with a message and the CV of that day."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        VIEWED = "viewed", _("Viewed")
        IN_REVIEW = "in_review", _("In review")
        INTERVIEW = "interview", _("Interview")
        OFFER = "offer", _("Offer")
        HIRED = "hired", _("Hired")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    RECRUITER_STATUSES: ClassVar[list[str]] = [
        Status.VIEWED, Status.IN_REVIEW, Status.INTERVIEW, Status.OFFER, Status.HIRED, Status.DECLINED
    ]  # fmt: skip

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="applications")
    profile = models.ForeignKey(
        TalentProfile, null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    message = models.TextField(_("message"), max_length=5000, blank=True)
    cv = models.FileField(_("CV (PDF)"), upload_to=application_cv_path, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SENT
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["posting", "profile"],
                condition=Q(profile__isnull=False),
                name="one_application_per_posting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile} → {self.posting}"


class Bookmark(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks"
    )
    posting = models.ForeignKey(
        Posting, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bookmark")
        verbose_name_plural = _("bookmarks")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(posting__isnull=False, company__isnull=True)
                | Q(posting__isnull=True, company__isnull=False),
                name="bookmark_names_one_thing",
            ),
            models.UniqueConstraint(fields=["user", "posting"], name="one_bookmark_per_posting"),
            models.UniqueConstraint(fields=["user", "company"], name="one_bookmark_per_company"),
        ]

    def __str__(self) -> str:
        return str(self.posting or self.company)


class SavedSearch(models.Model):
    """A posting search kept by a talent, with optional email alerts for new results."""

    class Frequency(models.TextChoices):
        NEVER = "never", _("No emails")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=100)
    query = models.CharField(_("search"), max_length=1000, blank=True)
    frequency = models.CharField(
        _("email alerts"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_results_url(self) -> str:
        return reverse("companies:posting_search") + (f"?{self.query}" if self.query else "")
