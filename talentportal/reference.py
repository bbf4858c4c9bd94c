"""Reference data every database needs, demo or production: the region's districts and towns, the
curated skills and the universities. `migrate` loads it when it has run (a `post_migrate`
receiver, as Django does for content types and permissions), and so does
`manage.py load_reference_data`. Each app's `reference.load()` creates only what is missing, so
running it again, or after staff edited a row, changes nothing."""

from typing import Any

from django.db import transaction

from region import reference as region_reference
from talents import reference as talents_reference
from taxonomy import reference as taxonomy_reference


def load_reference_data() -> None:
    with transaction.atomic():
        region_reference.load()
        taxonomy_reference.load()
        talents_reference.load()


def load_after_migrate(**kwargs: Any) -> None:
    """post_migrate receiver: also after a test flushes the tables, so every test database has
    the reference data."""
    load_reference_data()
