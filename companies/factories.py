from datetime import timedelta

import factory
from django.utils import timezone

from accounts.factories import RecruiterUserFactory
from companies.models import (
    Company,
    CompanyPortrait,
    CompanySite,
    Membership,
    Posting,
    PostingLanguage,
    PostingSkill,
    PostingType,
    Sector,
    SizeClass,
)
from region.factories import dresden
from taxonomy.factories import SkillFactory


class CompanyFactory(factory.django.DjangoModelFactory[Company]):
    """A verified company of the region (pass verification_status for others)."""

    class Meta:
        model = Company

    name = factory.Sequence(lambda number: f"Elbtal Technik {number} GmbH")
    legal_form = "gmbh"
    size_class = SizeClass.SMALL
    sector = Sector.C
    website = factory.Sequence(lambda number: f"https://elbtal-technik-{number}.example")
    description_de = "Wir entwickeln Sensorik für Halbleiterfabriken in Dresden."
    description_en = "We build sensors for semiconductor fabs in Dresden."
    verification_status = Company.Verification.VERIFIED
    verified_at = factory.LazyFunction(timezone.now)


class CompanySiteFactory(factory.django.DjangoModelFactory[CompanySite]):
    class Meta:
        model = CompanySite

    company = factory.SubFactory(CompanyFactory)
    town = factory.LazyFunction(dresden)
    street = "Hauptstraße 1"
    postal_code = "01067"


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    company = factory.SubFactory(CompanyFactory)
    user = factory.SubFactory(RecruiterUserFactory)
    role = Membership.Role.OWNER


class PostingFactory(factory.django.DjangoModelFactory[Posting]):
    """A published, live posting with one site in the company's town (Dresden unless given)."""

    class Meta:
        model = Posting
        skip_postgeneration_save = True

    company = factory.SubFactory(CompanyFactory)
    title = factory.Sequence(lambda number: f"Werkstudent*in Softwareentwicklung {number}")
    posting_type = PostingType.WORKING_STUDENT
    hours_per_week = 20
    description_de = "Sie entwickeln mit uns Software für Messtechnik."
    description_en = "You develop software for measurement technology with us."
    status = Posting.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=60))

    @factory.post_generation
    def sites(self, create: bool, extracted: list[CompanySite] | None, **kwargs: object) -> None:
        if not create:
            return
        if extracted is None:
            extracted = [CompanySiteFactory(company=self.company)]
        self.sites.set(extracted)

    @factory.post_generation
    def search(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            from companies.search import refresh_search_fields

            refresh_search_fields(Posting.objects.filter(pk=self.pk))


class PostingSkillFactory(factory.django.DjangoModelFactory[PostingSkill]):
    class Meta:
        skip_postgeneration_save = True
        model = PostingSkill

    posting = factory.SubFactory(PostingFactory)
    skill = factory.SubFactory(SkillFactory)
    is_required = True
    level = PostingSkill.Level.GOOD

    @factory.post_generation
    def search(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:  # the posting's search fields include its skills and languages
            from companies.search import refresh_search_fields

            refresh_search_fields(Posting.objects.filter(pk=self.posting_id))


class PostingLanguageFactory(factory.django.DjangoModelFactory[PostingLanguage]):
    class Meta:
        skip_postgeneration_save = True
        model = PostingLanguage

    posting = factory.SubFactory(PostingFactory)
    language = "de"
    level = 4

    @factory.post_generation
    def search(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:  # the posting's search fields include its skills and languages
            from companies.search import refresh_search_fields

            refresh_search_fields(Posting.objects.filter(pk=self.posting_id))


class CompanyPortraitFactory(factory.django.DjangoModelFactory[CompanyPortrait]):
    """A published portrait of a verified company (pass published_at=None for a draft)."""

    class Meta:
        model = CompanyPortrait

    company = factory.SubFactory(CompanyFactory)
    slug = factory.Sequence(lambda number: f"portraet-{number}")
    title_de = factory.Sequence(lambda number: f"Sensorik aus dem Elbtal {number}")
    title_en = factory.Sequence(lambda number: f"Sensors from the Elbe valley {number}")
    teaser_de = "Wie ein kleines Team Fabriken sehen lässt."
    teaser_en = "How a small team lets factories see."
    body_de = "## Das Team\n\nZwölf Menschen, **eine** Idee."
    body_en = "## The team\n\nTwelve people, **one** idea."
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
