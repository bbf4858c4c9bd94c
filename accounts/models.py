from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(DjangoUserManager):
    """Django's manager, with the email address as the only login name."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):  # type: ignore[override]
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):  # type: ignore[override]
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):  # type: ignore[override]
        extra_fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in with an email address: a talent, a recruiter or project staff."""

    class AccountType(models.TextChoices):
        TALENT = "talent", _("Talent (student, graduate, young professional, researcher)")
        RECRUITER = "recruiter", _("Company (recruiter of a regional employer)")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("name"), max_length=150, blank=True)
    account_type = models.CharField(
        _("account type"), max_length=20, choices=AccountType.choices, default=AccountType.TALENT
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@")[0]

    @property
    def is_talent(self) -> bool:
        return self.account_type == self.AccountType.TALENT and not self.is_staff

    @property
    def is_recruiter(self) -> bool:
        return self.account_type == self.AccountType.RECRUITER and not self.is_staff
