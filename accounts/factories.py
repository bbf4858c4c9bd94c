import factory
from allauth.account.models import EmailAddress

from accounts.models import User

PASSWORD = "Sicheres-Passwort-42"  # noqa: S105 – test accounts only


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A signed-up person whose email address is verified, with PASSWORD as password."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda number: f"person{number}@example.org")
    display_name = factory.Faker("name", locale="de_DE")
    account_type = User.AccountType.TALENT
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class TalentUserFactory(UserFactory):
    account_type = User.AccountType.TALENT


class RecruiterUserFactory(UserFactory):
    account_type = User.AccountType.RECRUITER


class StaffUserFactory(UserFactory):
    is_staff = True
    is_superuser = True
