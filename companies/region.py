"""The region pages' figures and the map drawn from the towns' coordinates (no map tiles).

The map is an equirectangular projection scaled by the cosine of the region's middle latitude:
over 150 km the distortion is far below what a reader sees, and the code stays a few lines.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from companies.models import Company, CompanySite, Posting
from region.models import DistrictProfile, Town

MAP_WIDTH = 800
MAP_PADDING = 28
LABEL_HEIGHT = 20
LABEL_CHARACTER_WIDTH = 9.4  # approximate width of a character at the label size (bold 15)


@dataclass(frozen=True)
class MapTown:
    """A town placed on the map: its point, the size of its dot and where its label goes."""

    town: Town
    x: float
    y: float
    radius: float
    label: bool
    label_x: float
    label_anchor: str


@dataclass(frozen=True)
class RegionMap:
    width: int
    height: int
    towns: list[MapTown]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def region_map(towns: Iterable[Town]) -> RegionMap:
    """Project the towns to an SVG canvas; label the larger towns where the label has room."""
    towns = list(towns)
    if not towns:
        return RegionMap(MAP_WIDTH, MAP_WIDTH // 2, [])
    latitudes = [float(town.latitude) for town in towns]
    longitudes = [float(town.longitude) for town in towns]
    shrink = math.cos(math.radians((min(latitudes) + max(latitudes)) / 2))
    span_x = max((max(longitudes) - min(longitudes)) * shrink, 0.01)
    span_y = max(max(latitudes) - min(latitudes), 0.01)
    scale = (MAP_WIDTH - 2 * MAP_PADDING) / span_x
    height = round(span_y * scale + 2 * MAP_PADDING)

    dots = {}
    for town in towns:
        x = MAP_PADDING + (float(town.longitude) - min(longitudes)) * shrink * scale
        y = MAP_PADDING + (max(latitudes) - float(town.latitude)) * scale
        dots[town.pk] = (x, y, 4 + min(10.0, math.sqrt((town.population or 0) / 6000)))
    taken = [(x - r, y - r, x + r, y + r) for x, y, r in dots.values()]  # no label covers a dot
    placed: list[MapTown] = []
    for town in sorted(towns, key=lambda town: (-(town.population or 0), town.name)):
        x, y, radius = dots[town.pk]
        own_dot = (x - radius, y - radius, x + radius, y + radius)
        width = len(town.name) * LABEL_CHARACTER_WIDTH
        label, label_x, anchor = False, x + radius + 4, "start"
        for candidate_x, candidate_anchor in ((x + radius + 4, "start"), (x - radius - 4, "end")):
            left = candidate_x if candidate_anchor == "start" else candidate_x - width
            box = (left, y - LABEL_HEIGHT / 2, left + width, y + LABEL_HEIGHT / 2)
            inside = box[0] >= 2 and box[2] <= MAP_WIDTH - 2
            if inside and not any(_overlap(box, other) for other in taken if other != own_dot):
                label, label_x, anchor = True, candidate_x, candidate_anchor
                taken.append(box)
                break
        placed.append(
            MapTown(
                town, round(x, 1), round(y, 1), round(radius, 1), label, round(label_x, 1), anchor
            )
        )
    placed.sort(key=lambda point: point.town.name)  # tab order: alphabetical, like the list
    return RegionMap(MAP_WIDTH, height, placed)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def towns_with_counts() -> QuerySet[Town]:
    """Each town with its verified companies, those hiring there and its open postings."""
    verified = Q(sites__company__verification_status=Company.Verification.VERIFIED)
    live = verified & Q(
        sites__posting__status=Posting.Status.PUBLISHED,
        sites__posting__expires_at__gt=timezone.now(),
    )
    return Town.objects.annotate(
        company_count=Count("sites__company", filter=verified, distinct=True),
        hiring_count=Count("sites__company", filter=live, distinct=True),
        open_posting_count=Count("sites__posting", filter=live, distinct=True),
    ).order_by("name")


def districts_with_counts() -> QuerySet[DistrictProfile]:
    """The districts, each with its verified companies and open postings (one query)."""

    def per_district(queryset: QuerySet) -> Coalesce:
        counted = (
            queryset.filter(sites__town__district=OuterRef("district"))
            .order_by()
            .values("sites__town__district")
            .annotate(count=Count("pk", distinct=True))
            .values("count")
        )
        return Coalesce(Subquery(counted), 0)

    return DistrictProfile.objects.annotate(
        company_count=per_district(Company.objects.verified()),
        open_posting_count=per_district(Posting.objects.published()),
    )


def companies_in_town(town: Town) -> QuerySet[Company]:
    """Verified companies with a site in the town, each with its open postings located there."""
    here = (
        Posting.objects.published()
        .filter(sites__town=town)
        .distinct()
        .select_related("company")
        .prefetch_related(Prefetch("sites", queryset=CompanySite.objects.select_related("town")))
        .order_by("-published_at")
    )
    return (
        Company.objects.verified()
        .filter(sites__town=town)
        .distinct()
        .prefetch_related(Prefetch("postings", queryset=here, to_attr="postings_here"))
        .order_by("name")
    )
