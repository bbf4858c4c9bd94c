"""The region's reference data: its districts and towns with coordinates and other names. Loaded
by `migrate` (see `RegionConfig.ready`) and `manage.py load_reference_data`, so that a production
database has them without the demo. Loading creates what is missing and never changes what staff
have edited since."""

from decimal import Decimal

from region.models import District, DistrictProfile, Town

DISTRICT_SLUGS = {
    District.DRESDEN: "dresden",
    District.MEISSEN: "meissen",
    District.SAECHSISCHE_SCHWEIZ_OSTERZGEBIRGE: "saechsische-schweiz-osterzgebirge",
    District.BAUTZEN: "bautzen",
    District.GOERLITZ: "goerlitz",
}

# name, slug, district, latitude, longitude, population (rounded, Statistisches Landesamt
# Sachsen), other names: Upper Sorbian (hsb) and Czech (cs) names where they are in use, and the
# short names people type. Spellings without umlauts or ß need no entry: lookups fold them.
TOWNS: list[tuple[str, str, str, str, str, int, list[str]]] = [
    ("Dresden", "dresden", District.DRESDEN, "51.05089", "13.73832", 566000,
     ["Drježdźany", "Drážďany"]),
    ("Radebeul", "radebeul", District.MEISSEN, "51.10654", "13.66047", 34000, []),
    ("Meißen", "meissen", District.MEISSEN, "51.16359", "13.47750", 28500, ["Mišno", "Míšeň"]),
    ("Coswig", "coswig", District.MEISSEN, "51.12660", "13.58000", 20800, []),
    ("Riesa", "riesa", District.MEISSEN, "51.30800", "13.29380", 29500, []),
    ("Großenhain", "grossenhain", District.MEISSEN, "51.28900", "13.53300", 18200, []),
    ("Radeburg", "radeburg", District.MEISSEN, "51.21500", "13.72500", 7400, []),
    ("Freital", "freital", District.SAECHSISCHE_SCHWEIZ_OSTERZGEBIRGE, "51.00160", "13.64870",
     39500, []),
    ("Pirna", "pirna", District.SAECHSISCHE_SCHWEIZ_OSTERZGEBIRGE, "50.96230", "13.94030", 39000,
     []),
    ("Heidenau", "heidenau", District.SAECHSISCHE_SCHWEIZ_OSTERZGEBIRGE, "50.98140", "13.86600",
     16500, []),
    ("Dippoldiswalde", "dippoldiswalde", District.SAECHSISCHE_SCHWEIZ_OSTERZGEBIRGE, "50.89380",
     "13.66850", 14500, ["Dipps"]),
    ("Sebnitz", "sebnitz", District.SAECHSISCHE_SCHWEIZ_OSTERZGEBIRGE, "50.97220", "14.27400",
     9800, ["Sebnice"]),
    ("Neustadt in Sachsen", "neustadt-in-sachsen", District.SAECHSISCHE_SCHWEIZ_OSTERZGEBIRGE,
     "51.02400", "14.21600", 12000, ["Neustadt", "Neustadt i. Sa."]),
    ("Bad Schandau", "bad-schandau", District.SAECHSISCHE_SCHWEIZ_OSTERZGEBIRGE, "50.91760",
     "14.15490", 3600, ["Schandau"]),
    ("Altenberg", "altenberg", District.SAECHSISCHE_SCHWEIZ_OSTERZGEBIRGE, "50.76490", "13.75780",
     7800, []),
    ("Radeberg", "radeberg", District.BAUTZEN, "51.11670", "13.91670", 18500, []),
    ("Ottendorf-Okrilla", "ottendorf-okrilla", District.BAUTZEN, "51.18330", "13.82690", 10200,
     ["Ottendorf", "Okrilla"]),
    ("Bautzen", "bautzen", District.BAUTZEN, "51.18140", "14.42440", 38000,
     ["Budyšin", "Budyšín"]),
    ("Kamenz", "kamenz", District.BAUTZEN, "51.26830", "14.09400", 14500,
     ["Kamjenc", "Kamenec"]),
    ("Hoyerswerda", "hoyerswerda", District.BAUTZEN, "51.43860", "14.24860", 31000,
     ["Wojerecy", "Hoywoy"]),
    ("Bischofswerda", "bischofswerda", District.BAUTZEN, "51.12730", "14.17970", 10900,
     ["Biskopicy"]),
    ("Görlitz", "goerlitz", District.GOERLITZ, "51.15280", "14.98720", 56000,
     ["Zhorjelc", "Zhořelec"]),
    ("Zittau", "zittau", District.GOERLITZ, "50.89640", "14.80720", 25000,
     ["Žitawa", "Žitava"]),
    ("Löbau", "loebau", District.GOERLITZ, "51.09940", "14.66710", 14800, ["Lubij", "Lobava"]),
    ("Niesky", "niesky", District.GOERLITZ, "51.29240", "14.82250", 9300, ["Niska"]),
    ("Weißwasser", "weisswasser", District.GOERLITZ, "51.50000", "14.63330", 15500,
     ["Běła Woda"]),
    ("Ebersbach-Neugersdorf", "ebersbach-neugersdorf", District.GOERLITZ, "50.99000", "14.61000",
     11800, ["Ebersbach", "Neugersdorf"]),
    ("Herrnhut", "herrnhut", District.GOERLITZ, "51.01670", "14.74310", 5800, ["Ochranow"]),
]  # fmt: skip


def load() -> None:
    """Create the districts and towns that are missing; give towns without other names theirs."""
    existing = set(DistrictProfile.objects.values_list("district", flat=True))
    DistrictProfile.objects.bulk_create(
        DistrictProfile(district=district, slug=slug)
        for district, slug in DISTRICT_SLUGS.items()
        if district not in existing
    )
    towns = {town.slug: town for town in Town.objects.all()}
    for name, slug, district, latitude, longitude, population, aliases in TOWNS:
        town = towns.get(slug)
        if town is None:
            Town(
                name=name,
                slug=slug,
                district=district,
                latitude=Decimal(latitude),
                longitude=Decimal(longitude),
                population=population,
                aliases=aliases,
            ).save()
        elif aliases and not town.aliases:
            town.aliases = aliases
            town.save(update_fields=["aliases", "lookup_keys"])
