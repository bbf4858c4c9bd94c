"""The universities a talent chooses from: Saxony's universities, universities of applied sciences
and of the arts, and "other". Loaded by `migrate` (see `TalentsConfig.ready`) and
`manage.py load_reference_data`; loading creates the missing ones and changes none."""

from talents.models import University

# name, short name, city, kind
UNIVERSITIES: list[tuple[str, str, str, str]] = [
    ("Technische Universität Dresden", "TU Dresden", "Dresden", University.Kind.UNIVERSITY),
    (
        "Hochschule für Technik und Wirtschaft Dresden",
        "HTW Dresden",
        "Dresden",
        University.Kind.APPLIED_SCIENCES,
    ),
    ("Hochschule Zittau/Görlitz", "HSZG", "Zittau", University.Kind.APPLIED_SCIENCES),
    (
        "Technische Universität Bergakademie Freiberg",
        "TU Bergakademie Freiberg",
        "Freiberg",
        University.Kind.UNIVERSITY,
    ),
    ("Technische Universität Chemnitz", "TU Chemnitz", "Chemnitz", University.Kind.UNIVERSITY),
    ("Universität Leipzig", "Uni Leipzig", "Leipzig", University.Kind.UNIVERSITY),
    (
        "Hochschule für Technik, Wirtschaft und Kultur Leipzig",
        "HTWK Leipzig",
        "Leipzig",
        University.Kind.APPLIED_SCIENCES,
    ),
    ("Hochschule Mittweida", "HS Mittweida", "Mittweida", University.Kind.APPLIED_SCIENCES),
    ("Westsächsische Hochschule Zwickau", "WHZ", "Zwickau", University.Kind.APPLIED_SCIENCES),
    ("Duale Hochschule Sachsen", "DHSN", "Dresden", University.Kind.APPLIED_SCIENCES),
    ("Evangelische Hochschule Dresden", "ehs Dresden", "Dresden", University.Kind.APPLIED_SCIENCES),
    ("Hochschule für Bildende Künste Dresden", "HfBK Dresden", "Dresden", University.Kind.ARTS),
    (
        "Hochschule für Musik Carl Maria von Weber Dresden",
        "HfM Dresden",
        "Dresden",
        University.Kind.ARTS,
    ),
    ("Palucca Hochschule für Tanz Dresden", "Palucca", "Dresden", University.Kind.ARTS),
    ("Handelshochschule Leipzig", "HHL", "Leipzig", University.Kind.UNIVERSITY),
    ("Andere Hochschule (außerhalb Sachsens oder im Ausland)", "", "", University.Kind.OTHER),
]


def load() -> None:
    """Create the universities that are missing (by name)."""
    existing = set(University.objects.values_list("name", flat=True))
    University.objects.bulk_create(
        University(name=name, short_name=short_name, city=city, kind=kind)
        for name, short_name, city, kind in UNIVERSITIES
        if name not in existing
    )
