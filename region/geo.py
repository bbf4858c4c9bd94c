"""Great-circle distances between places of the region."""

import math
from decimal import Decimal

EARTH_RADIUS_KM = 6371.0


def distance_km(
    latitude_a: float | Decimal,
    longitude_a: float | Decimal,
    latitude_b: float | Decimal,
    longitude_b: float | Decimal,
) -> float:
    """Haversine distance between two points in kilometres."""
    lat_a, lon_a, lat_b, lon_b = map(
        math.radians, map(float, (latitude_a, longitude_a, latitude_b, longitude_b))
    )
    half_chord = (
        math.sin((lat_b - lat_a) / 2) ** 2
        + math.cos(lat_a) * math.cos(lat_b) * math.sin((lon_b - lon_a) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(half_chord))
