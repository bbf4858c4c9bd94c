"""The region's five districts with first facts (approximate public figures, rounded; staff check
and update them in the admin). The texts live here so that this migration stays as it ran."""

from django.db import migrations

# district: slug, population, area km², transport (de, en), universities (de, en), text (de, en)
DISTRICTS = {
    "dresden": (
        "dresden",
        566000,
        328,
        "ICE/IC nach Leipzig (gut 1 Stunde) und Berlin (knapp 2 Stunden)\n"
        "EuroCity nach Prag (gut 2 Stunden)\n"
        "S-Bahn-Netz in die Landkreise, dichtes Straßenbahn- und Busnetz\n"
        "Flughafen Dresden International",
        "ICE/IC to Leipzig (just over 1 hour) and Berlin (just under 2 hours)\n"
        "EuroCity to Prague (just over 2 hours)\n"
        "S-Bahn to the districts, dense tram and bus network\n"
        "Dresden International Airport",
        "Technische Universität Dresden\nHochschule für Technik und Wirtschaft Dresden\n"
        "Hochschule für Bildende Künste, Hochschule für Musik, Palucca Hochschule für Tanz\n"
        "Institute von Fraunhofer, Max Planck, Leibniz und Helmholtz",
        "TU Dresden\nDresden University of Applied Sciences (HTW)\n"
        "Academy of Fine Arts, University of Music, Palucca University of Dance\n"
        "Fraunhofer, Max Planck, Leibniz and Helmholtz institutes",
        "Die Landeshauptstadt ist Universitätsstadt und Zentrum der Mikroelektronik "
        "(„Silicon Saxony“), der Forschung und der Kultur. Viele kleine und mittlere Unternehmen "
        "aus IT, Elektronik, Maschinenbau und Life Sciences suchen hier Fachkräfte.",
        "Saxony's capital is a university city and a centre of microelectronics "
        "(“Silicon Saxony”), research and culture. Many small and medium companies in IT, "
        "electronics, engineering and life sciences are looking for skilled staff here.",
    ),
    "meissen": (
        "meissen",
        240000,
        1455,
        "S-Bahn S1 Meißen–Dresden (gut 30 Minuten)\nRegionalzüge Riesa–Dresden und Riesa–Leipzig\n"
        "Autobahnen A4, A13 und A14\nElbhafen Riesa",
        "S-Bahn S1 Meißen–Dresden (just over 30 minutes)\n"
        "Regional trains Riesa–Dresden and Riesa–Leipzig\nMotorways A4, A13 and A14\n"
        "Elbe port of Riesa",
        "Hochschule Meißen (FH) und Fortbildungszentrum\n"
        "Berufsakademie Sachsen, Staatliche Studienakademie Riesa",
        "Meissen University of Applied Sciences (public administration)\n"
        "Saxon University of Cooperative Education, Riesa campus",
        "Zwischen Weinbergen an der Elbe und dem Industriestandort Riesa: Porzellan, Wein, "
        "Stahl, Logistik und Zulieferer der Chipindustrie im Dresdner Norden.",
        "Between the Elbe vineyards and the industrial town of Riesa: porcelain, wine, steel, "
        "logistics and suppliers of the chip industry north of Dresden.",
    ),
    "ssoe": (
        "saechsische-schweiz-osterzgebirge",
        245000,
        1654,
        "S-Bahn S1 Dresden–Pirna–Bad Schandau\nEuroCity-Strecke Dresden–Prag\n"
        "Autobahn A17 Dresden–Prag\nMüglitztalbahn nach Altenberg, Weißeritztalbahn",
        "S-Bahn S1 Dresden–Pirna–Bad Schandau\nEuroCity line Dresden–Prague\n"
        "Motorway A17 Dresden–Prague\nMüglitz valley line to Altenberg, Weisseritz valley railway",
        "TU Dresden, Fachrichtung Forstwissenschaften in Tharandt\nNähe zu den Dresdner Hochschulen",
        "TU Dresden, forest sciences in Tharandt\nClose to the universities of Dresden",
        "Nationalpark, Elbsandsteingebirge und Osterzgebirge: Tourismus, Glashütter Uhrenindustrie, "
        "Präzisionstechnik, Pharma und Maschinenbau – mit Freital, Pirna und Heidenau dicht an Dresden.",
        "National park, Elbe Sandstone Mountains and Eastern Ore Mountains: tourism, the watch "
        "industry of Glashütte, precision engineering, pharmaceuticals and machinery – with Freital, "
        "Pirna and Heidenau close to Dresden.",
    ),
    "bautzen": (
        "bautzen",
        295000,
        2391,
        "Autobahn A4 Dresden–Görlitz\nRegionalexpress Dresden–Bautzen–Görlitz\n"
        "S-Bahn S8 Dresden–Kamenz\nFlughafen Dresden direkt an der Kreisgrenze",
        "Motorway A4 Dresden–Görlitz\nRegional express Dresden–Bautzen–Görlitz\n"
        "S-Bahn S8 Dresden–Kamenz\nDresden Airport right at the district border",
        "Berufsakademie Sachsen, Staatliche Studienakademie Bautzen\nSorbisches Institut in Bautzen",
        "Saxon University of Cooperative Education, Bautzen campus\nSorbian Institute in Bautzen",
        "Der flächengrößte Landkreis Sachsens reicht vom Dresdner Speckgürtel mit Radeberg und "
        "Ottendorf-Okrilla bis in die Lausitz. Zweisprachige Region (Deutsch und Sorbisch) mit "
        "Schienenfahrzeugbau, Elektronik, Lebensmitteln und Energie im Strukturwandel.",
        "Saxony's largest district by area reaches from the edge of Dresden with Radeberg and "
        "Ottendorf-Okrilla into Lusatia. A bilingual region (German and Sorbian) with rail vehicle "
        "manufacturing, electronics, food and energy in structural change.",
    ),
    "goerlitz": (
        "goerlitz",
        250000,
        2111,
        "Autobahn A4 nach Dresden und Breslau (Wrocław)\nRegionalexpress Görlitz–Dresden\n"
        "Trilex-Züge Zittau–Liberec und Görlitz–Zittau\nNähe zu Polen und Tschechien",
        "Motorway A4 to Dresden and Wrocław\nRegional express Görlitz–Dresden\n"
        "Trilex trains Zittau–Liberec and Görlitz–Zittau\nClose to Poland and Czechia",
        "Hochschule Zittau/Görlitz\nInternationales Hochschulinstitut Zittau der TU Dresden\n"
        "CASUS – Center for Advanced Systems Understanding (Görlitz)\n"
        "Senckenberg Museum für Naturkunde Görlitz",
        "Zittau/Görlitz University of Applied Sciences\n"
        "International Institute Zittau of TU Dresden\n"
        "CASUS – Center for Advanced Systems Understanding (Görlitz)\n"
        "Senckenberg Museum of Natural History Görlitz",
        "Im Dreiländereck mit Polen und Tschechien: Görlitz und Zittau mit ihren Hochschulen, "
        "Schienenfahrzeugbau, Kunststofftechnik, Textil und neue Energie- und Forschungsprojekte "
        "des Strukturwandels in der Lausitz.",
        "Where Germany, Poland and Czechia meet: Görlitz and Zittau with their universities, rail "
        "vehicle manufacturing, plastics, textiles and new energy and research projects of "
        "Lusatia's structural change.",
    ),
}


def create_districts(apps, schema_editor):
    DistrictProfile = apps.get_model("companies", "DistrictProfile")
    for district, facts in DISTRICTS.items():
        slug, population, area, transport_de, transport_en, uni_de, uni_en, text_de, text_en = facts
        DistrictProfile.objects.get_or_create(
            district=district,
            defaults={
                "slug": slug,
                "population": population,
                "area_km2": area,
                "transport_de": transport_de,
                "transport_en": transport_en,
                "universities_de": uni_de,
                "universities_en": uni_en,
                "text_de": text_de,
                "text_en": text_en,
            },
        )


def delete_districts(apps, schema_editor):
    apps.get_model("companies", "DistrictProfile").objects.filter(district__in=DISTRICTS).delete()


class Migration(migrations.Migration):
    dependencies = [("companies", "0005_region_facts_and_portraits")]

    operations = [migrations.RunPython(create_districts, delete_districts)]
