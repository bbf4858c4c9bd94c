"""The curated skill list: the region's sectors in about a hundred concepts with German and
English labels, synonyms and a broader concept. Loaded by `migrate` (see `TaxonomyConfig.ready`)
and `manage.py load_reference_data`; ESCO (`import_esco`) links to these instead of duplicating
them. Loading creates the concepts that are missing (by label or synonym) and never changes one
that staff have edited.

A synonym means the same thing in other words. A narrower skill (a tool, a method, a variant) is
never a synonym of a broader one but a concept of its own below it, so that the match can tell
"MIG welding meets welding" from "welding is only part of MIG welding"."""

from accounts.i18n import normalize_label
from taxonomy.models import Skill

# German label, English label, synonyms, broader concept (German label) or ""
SKILLS: list[tuple[str, str, list[str], str]] = [
    ("Softwareentwicklung", "Software development", ["Programmierung", "programming"], ""),
    ("Python", "Python", ["Python 3"], "Softwareentwicklung"),
    ("Java", "Java", [], "Softwareentwicklung"),
    ("C++", "C++", ["cpp"], "Softwareentwicklung"),
    ("C", "C", ["Embedded C"], "Softwareentwicklung"),
    ("JavaScript", "JavaScript", ["JS", "ECMAScript"], "Softwareentwicklung"),
    ("TypeScript", "TypeScript", ["TS"], "JavaScript"),
    ("Webentwicklung", "Web development", ["Web-Entwicklung"], "Softwareentwicklung"),
    ("Frontend-Entwicklung", "Front-end development", ["Frontend"], "Webentwicklung"),
    ("Backend-Entwicklung", "Back-end development", ["Backend"], "Webentwicklung"),
    ("Django", "Django", [], "Webentwicklung"),
    ("SQL", "SQL", ["Datenbanken", "databases", "Datenbankabfragen"], "Softwareentwicklung"),
    ("PostgreSQL", "PostgreSQL", ["Postgres"], "SQL"),
    ("Datenanalyse", "Data analysis", ["Data Science", "Statistik"], ""),
    (
        "Maschinelles Lernen",
        "Machine learning",
        ["KI", "AI", "künstliche Intelligenz"],
        "Datenanalyse",
    ),
    ("Linux", "Linux", ["Unix"], ""),
    ("Git", "Git", ["Versionskontrolle", "version control"], "Softwareentwicklung"),
    ("IT-Sicherheit", "IT security", ["Cybersecurity", "Informationssicherheit"], ""),
    ("Netzwerktechnik", "Network engineering", ["Netzwerkadministration"], ""),
    (
        "Halbleitertechnik",
        "Semiconductor technology",
        ["Halbleiterfertigung", "semiconductor manufacturing"],
        "",
    ),
    ("Reinraumarbeit", "Clean room work", ["Reinraum", "clean room"], "Halbleitertechnik"),
    ("Mikroelektronik", "Microelectronics", [], ""),
    ("Chipdesign", "Chip design", ["VLSI", "ASIC-Design", "Schaltungsentwurf"], "Mikroelektronik"),
    ("FPGA-Entwicklung", "FPGA development", ["FPGA"], "Chipdesign"),
    ("VHDL", "VHDL", [], "FPGA-Entwicklung"),
    ("Verilog", "Verilog", ["SystemVerilog"], "FPGA-Entwicklung"),
    ("Prozesstechnik", "Process engineering", ["Verfahrenstechnik"], ""),
    ("Messtechnik", "Measurement technology", ["Sensorik", "sensors"], ""),
    ("Elektrotechnik", "Electrical engineering", [], ""),
    (
        "Schaltungstechnik",
        "Circuit design",
        ["Leiterplattenentwurf", "PCB design"],
        "Elektrotechnik",
    ),
    ("Elektroinstallation", "Electrical installation", [], "Elektrotechnik"),
    (
        "SPS-Programmierung",
        "PLC programming",
        ["SPS", "PLC", "speicherprogrammierbare Steuerung"],
        "Automatisierungstechnik",
    ),
    ("Automatisierungstechnik", "Automation engineering", ["Automation"], ""),
    ("Robotik", "Robotics", ["Industrieroboter"], "Automatisierungstechnik"),
    ("Mechatronik", "Mechatronics", [], ""),
    ("Maschinenbau", "Mechanical engineering", [], ""),
    ("CAD-Konstruktion", "CAD design", ["CAD", "Konstruktion"], "Maschinenbau"),
    ("CNC-Fertigung", "CNC machining", ["CNC", "Zerspanung"], "Maschinenbau"),
    ("Qualitätsmanagement", "Quality management", ["QM", "ISO 9001"], ""),
    ("Schweißen", "Welding", ["Schweißtechnik"], ""),
    ("WIG-Schweißen", "TIG welding", ["WIG", "TIG"], "Schweißen"),
    ("MAG-Schweißen", "MAG welding", ["MAG"], "Schweißen"),
    ("MIG-Schweißen", "MIG welding", ["MIG", "MSG-Schweißen"], "Schweißen"),
    ("Werkstofftechnik", "Materials engineering", ["Werkstoffwissenschaft"], ""),
    ("Energietechnik", "Energy engineering", ["erneuerbare Energien", "renewable energy"], ""),
    ("Photovoltaik", "Photovoltaics", ["Solartechnik"], "Energietechnik"),
    ("Umwelttechnik", "Environmental engineering", [], ""),
    ("Bauingenieurwesen", "Civil engineering", [], ""),
    ("Laborarbeit", "Laboratory work", ["Labor", "lab work"], ""),
    ("Molekularbiologie", "Molecular biology", ["PCR"], "Laborarbeit"),
    ("Zellkultur", "Cell culture", [], "Laborarbeit"),
    ("Analytische Chemie", "Analytical chemistry", ["HPLC", "Chromatographie"], "Laborarbeit"),
    ("Biotechnologie", "Biotechnology", [], ""),
    ("Pflege", "Nursing", ["Pflegefachkraft", "care"], ""),
    ("Krankenpflege", "Hospital nursing", ["Gesundheits- und Krankenpflege"], "Pflege"),
    ("Altenpflege", "Elderly care", ["Seniorenpflege"], "Pflege"),
    ("Medizintechnik", "Medical technology", [], ""),
    ("Logistik", "Logistics", [], ""),
    ("Lagerverwaltung", "Warehouse management", ["Lagerlogistik", "Lager"], "Logistik"),
    ("Disposition", "Dispatching", ["Tourenplanung"], "Logistik"),
    ("Supply-Chain-Management", "Supply chain management", ["SCM", "Beschaffung"], "Logistik"),
    ("Staplerschein", "Forklift licence", ["Gabelstapler"], "Lagerverwaltung"),
    ("Betriebswirtschaft", "Business administration", ["BWL"], ""),
    ("Controlling", "Controlling", ["Kostenrechnung"], "Betriebswirtschaft"),
    ("Buchhaltung", "Accounting", ["Finanzbuchhaltung", "Rechnungswesen"], "Betriebswirtschaft"),
    ("DATEV", "DATEV", [], "Buchhaltung"),
    ("Marketing", "Marketing", ["Werbung"], ""),
    ("Online-Marketing", "Online marketing", ["Digitalmarketing", "SEO"], "Marketing"),
    ("Social Media", "Social media", ["Social-Media-Marketing"], "Marketing"),
    ("Vertrieb", "Sales", ["Verkauf", "Key Account Management"], ""),
    ("Projektmanagement", "Project management", ["Projektleitung"], ""),
    ("Agile Methoden", "Agile methods", ["Scrum", "Kanban", "agile"], "Projektmanagement"),
    ("Personalwesen", "Human resources", ["HR", "Recruiting"], ""),
    ("SAP", "SAP", ["SAP ERP", "S/4HANA"], "Betriebswirtschaft"),
    ("Microsoft Excel", "Microsoft Excel", ["Excel", "Tabellenkalkulation"], ""),
    ("Technische Dokumentation", "Technical writing", ["Dokumentation"], ""),
    ("Grafikdesign", "Graphic design", ["Grafik", "Mediengestaltung"], ""),
    (
        "Adobe Creative Cloud",
        "Adobe Creative Cloud",
        ["Illustrator", "Photoshop", "InDesign"],
        "Grafikdesign",
    ),
    ("UX-Design", "UX design", ["Usability", "User Experience"], ""),
    ("Barrierefreiheit", "Accessibility", ["barrierefreies Webdesign", "WCAG"], "UX-Design"),
    ("Tourismus", "Tourism", ["Reiseverkehr"], ""),
    ("Gastronomie", "Hospitality", ["Hotellerie", "Service"], "Tourismus"),
    ("Eventmanagement", "Event management", ["Veranstaltungsplanung"], ""),
    ("Kundenservice", "Customer service", ["Kundenbetreuung", "Support"], ""),
    ("Führerschein Klasse B", "Driving licence (car)", ["Führerschein", "driving licence"], ""),
    ("Tschechisch-Kenntnisse im Kundenkontakt", "Czech for customer contact", [], "Kundenservice"),
    ("Teamarbeit", "Teamwork", ["Teamfähigkeit"], ""),
    ("SolidWorks", "SolidWorks", [], "CAD-Konstruktion"),
    ("Autodesk Inventor", "Autodesk Inventor", ["Inventor"], "CAD-Konstruktion"),
    (
        "Siemens TIA Portal",
        "Siemens TIA Portal",
        ["TIA Portal", "Siemens S7", "S7"],
        "SPS-Programmierung",
    ),
    ("MATLAB", "MATLAB", ["Simulink"], "Softwareentwicklung"),
    ("React", "React", ["React.js", "ReactJS"], "Frontend-Entwicklung"),
    ("Docker", "Docker", ["Container"], ""),
]


def load() -> None:
    """Create the curated concepts that are missing, then the broader links of the new ones."""
    known = {key for keys in Skill.objects.values_list("lookup_keys", flat=True) for key in keys}
    created = {}
    for label_de, label_en, synonyms, _broader in SKILLS:
        if normalize_label(label_de) not in known:
            skill = Skill(label_de=label_de, label_en=label_en, alternative_labels=synonyms)
            skill.save()
            created[label_de] = skill
    if not created:
        return
    by_label = {skill.label_de: skill for skill in Skill.objects.filter(concept_uri__isnull=True)}
    for label_de, _label_en, _synonyms, broader in SKILLS:
        if label_de in created and broader in by_label:
            Skill.objects.filter(pk=created[label_de].pk).update(broader=by_label[broader])
