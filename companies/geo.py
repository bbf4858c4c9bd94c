"""Great-circle distances, in Python for one pair and as a PostgreSQL expression for many."""

import math
from decimal import Decimal

from django.db.models import Expression, F, FloatField, Value
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt

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


def distance_km_expression(
    latitude_field: str, longitude_field: str, latitude: float | Decimal, longitude: float | Decimal
) -> Expression:
    """The same formula in SQL, from the point to the row's coordinates."""
    lat_row = Radians(Cast(F(latitude_field), FloatField()))
    lon_row = Radians(Cast(F(longitude_field), FloatField()))
    lat_point = Radians(Value(float(latitude)))
    lon_point = Radians(Value(float(longitude)))
    half_chord = Power(Sin((lat_row - lat_point) / 2), 2) + Cos(lat_point) * Cos(lat_row) * Power(
        Sin((lon_row - lon_point) / 2), 2
    )
    return 2 * EARTH_RADIUS_KM * ASin(Sqrt(half_chord))
