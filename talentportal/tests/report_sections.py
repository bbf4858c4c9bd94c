"""Section functions as another app would write them, for the tests of the report registry."""

from datetime import date, datetime


def participation_by_month(start: date, end: date) -> list[tuple[datetime, int]]:
    return [
        (datetime(start.year, start.month, 12, 18, 30), 7),
        (datetime(start.year, start.month, 20), 1),
    ]


def matches_shown_and_acted_on(start: date, end: date) -> dict[str, int]:
    return {"Vorschläge angezeigt": 120, "Vorschläge genutzt": 3}
