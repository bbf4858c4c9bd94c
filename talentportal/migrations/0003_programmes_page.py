"""The page on the two programmes behind the portal and their partner network, with a first text;
staff complete the [placeholders] (contacts, funder) in the admin."""

from django.db import migrations, models

PROGRAMME_DE = r"""Hinter dem TalentPortal Dresden stehen zwei Programme. Gemeinsam wollen sie erreichen, dass Studierende, Absolvent\*innen und junge Fachkräfte aus Sachsen und aus aller Welt in der Region von Dresden bis Zittau eine Arbeit finden – und dass kleine und mittlere Unternehmen die Fachkräfte finden, die sie suchen.

## Programm 1: Netzwerk für Absolvent\*innen

Das Netzwerkprogramm bringt Talente und Unternehmen persönlich zusammen. Dazu gehören:

- **Unternehmensbesuche und Exkursionen** zu Arbeitgebern der Region,
- **Karriere-Abende und Speed-Datings**, bei denen Talente Personalverantwortliche direkt kennenlernen,
- **Workshops** zu Bewerbung, Berufseinstieg und Arbeitsmarkt in Deutschland, auch auf Englisch,
- **Mentoring** durch Fachkräfte aus regionalen Unternehmen.

Die Veranstaltungen sind kostenlos. Internationale Studierende sind ausdrücklich eingeladen.

Ansprechperson: [Name], [E-Mail-Adresse], [Telefonnummer]

## Programm 2: Region und Fachkräfte

Das zweite Programm zeigt, wie es sich in der Region lebt und arbeitet – von der Landeshauptstadt Dresden über die Sächsische Schweiz und die Lausitz bis nach Görlitz und Zittau. Es stellt Orte, Verkehrsverbindungen, Hochschulen und die Unternehmen vor, die Fachkräfte suchen, und erzählt in Unternehmensporträts von kleinen und mittleren Unternehmen der Region.

Unternehmen unterstützt das Programm dabei, sich als Arbeitgeber zu präsentieren, Stellen zu veröffentlichen und internationale Fachkräfte einzuarbeiten.

Ansprechperson: [Name], [E-Mail-Adresse], [Telefonnummer]

## Partnernetzwerk

Die Programme arbeiten mit diesen Partner\*innen zusammen:

- Hochschulen der Region: [z. B. Technische Universität Dresden, Hochschule für Technik und Wirtschaft Dresden, Hochschule Zittau/Görlitz]
- Kammern und Verbände: [z. B. Industrie- und Handelskammer Dresden, Handwerkskammer Dresden]
- Wirtschaftsförderung und Kommunen: [z. B. Wirtschaftsförderung der Landeshauptstadt Dresden, Landkreise]
- Agentur für Arbeit und Welcome Center: [Namen der Partner\*innen]

## Förderung

Beide Programme werden gefördert durch [Name des Förderprogramms] von [Fördermittelgeber]. Den Fördermittelgebern berichten wir über die Ergebnisse ausschließlich in Form von Zahlen, ohne personenbezogene Daten.

## Kontakt

[Name des Trägers]\
[Straße und Hausnummer]\
[Postleitzahl] [Ort]\
E-Mail: [E-Mail-Adresse]
"""

PROGRAMME_EN = r"""Two programmes stand behind TalentPortal Dresden. Together they want students, graduates and young professionals from Saxony and from all over the world to find work in the region from Dresden to Zittau – and small and medium companies to find the skilled staff they are looking for.

## Programme 1: Network for graduates

The networking programme brings talents and companies together in person. It offers:

- **Company visits and excursions** to employers of the region,
- **Career evenings and speed dating**, where talents meet the people who hire,
- **Workshops** on applications, starting a career and the German job market, also in English,
- **Mentoring** by professionals from regional companies.

The events are free of charge. International students are expressly invited.

Contact: [name], [email address], [telephone number]

## Programme 2: Region and skilled staff

The second programme shows what living and working in the region is like – from the state capital Dresden through Saxon Switzerland and Lusatia to Görlitz and Zittau. It presents towns, transport links, universities and the companies looking for skilled staff, and tells the stories of the region's small and medium companies in company portraits.

It helps companies to present themselves as employers, to publish openings and to welcome international staff.

Contact: [name], [email address], [telephone number]

## Partner network

The programmes work with these partners:

- Universities of the region: [e.g. TU Dresden, HTW Dresden, Zittau/Görlitz University of Applied Sciences]
- Chambers and associations: [e.g. Dresden Chamber of Industry and Commerce, Dresden Chamber of Crafts]
- Economic development and municipalities: [e.g. the City of Dresden's economic development office, the districts]
- Employment agency and welcome centres: [names of the partners]

## Funding

Both programmes are funded by [name of the funding programme] of [funding body]. We report results to the funders only as figures, without personal data.

## Contact

[Name of the organisation]\
[Street and number]\
[Postal code] [Town]\
Email: [email address]
"""


def create_programmes_page(apps, schema_editor):
    apps.get_model("talentportal", "SitePage").objects.get_or_create(
        slug="programme",
        defaults={
            "title_de": "Programme und Partnernetzwerk",
            "title_en": "Programmes and partner network",
            "body_de": PROGRAMME_DE.strip() + "\n",
            "body_en": PROGRAMME_EN.strip() + "\n",
        },
    )


def delete_programmes_page(apps, schema_editor):
    apps.get_model("talentportal", "SitePage").objects.filter(slug="programme").delete()


class Migration(migrations.Migration):
    dependencies = [("talentportal", "0002_legal_pages")]

    operations = [
        migrations.AlterField(
            model_name="sitepage",
            name="slug",
            field=models.SlugField(
                choices=[
                    ("impressum", "Imprint"),
                    ("datenschutz", "Privacy policy"),
                    ("barrierefreiheit", "Accessibility statement"),
                    ("programme", "Programmes and partner network"),
                ],
                unique=True,
                verbose_name="page",
            ),
        ),
        migrations.RunPython(create_programmes_page, delete_programmes_page),
    ]
