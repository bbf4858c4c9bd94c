from decimal import Decimal

import factory

from region.models import District, Town


class TownFactory(factory.django.DjangoModelFactory[Town]):
    class Meta:
        model = Town
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda number: f"Ort {number}")
    slug = factory.LazyAttribute(
        lambda town: town.name.lower().replace(" ", "-").replace("ß", "ss")
    )
    district = District.DRESDEN
    latitude = Decimal("51.05089")
    longitude = Decimal("13.73832")


def dresden() -> Town:
    return TownFactory(
        name="Dresden",
        slug="dresden",
        district=District.DRESDEN,
        latitude=Decimal("51.05089"),
        longitude=Decimal("13.73832"),
    )


def goerlitz() -> Town:
    return TownFactory(
        name="Görlitz",
        slug="goerlitz",
        district=District.GOERLITZ,
        latitude=Decimal("51.15280"),
        longitude=Decimal("14.98720"),
    )


def zittau() -> Town:
    return TownFactory(
        name="Zittau",
        slug="zittau",
        district=District.GOERLITZ,
        latitude=Decimal("50.89640"),
        longitude=Decimal("14.80720"),
    )
