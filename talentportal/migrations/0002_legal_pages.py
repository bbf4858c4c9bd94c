"""The three legal pages with their first texts; staff complete the [placeholders] in the admin.

The texts live here, not in the app, so that this migration stays as it was when it ran.
"""

from django.db import migrations

IMPRESSUM_DE = r"""Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV).

## Anbieter

[Name des Trägers]\
[Rechtsform, z. B. eingetragener Verein, gGmbH, Körperschaft des öffentlichen Rechts]\
[Straße und Hausnummer]\
[Postleitzahl] [Ort]

Vertreten durch: [Name und Funktion der vertretungsberechtigten Person(en)]

## Kontakt

E-Mail: [E-Mail-Adresse]\
Telefon: [Telefonnummer]

## Register und Steuern

Registergericht und Registernummer: [falls vorhanden, z. B. Amtsgericht Dresden, VR …]\
Umsatzsteuer-Identifikationsnummer nach § 27a Umsatzsteuergesetz: [falls vorhanden]\
Zuständige Aufsichtsbehörde: [falls vorhanden]

## Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV

[Name der verantwortlichen Person]\
[Anschrift wie oben oder abweichende Anschrift]

## Förderung

Das TalentPortal Dresden ist ein Projekt von [Name des Trägers]. Es wird gefördert durch [Name des Förderprogramms] von [Fördermittelgeber] (Förderkennzeichen: [Förderkennzeichen]).

[Vorgeschriebener Förderhinweis des Förderprogramms, falls vorhanden]

## Inhalte der Unternehmen

Unternehmensprofile und Stellenangebote verfassen die jeweiligen Unternehmen; sie sind für deren Inhalt verantwortlich. Das Projektteam prüft Unternehmen, bevor ihr Profil öffentlich wird, und Stellenangebote, bevor sie erscheinen. Es kann aber nicht für die Richtigkeit jeder einzelnen Angabe einstehen. Wenn Ihnen ein Angebot oder ein Unternehmen fragwürdig erscheint, nutzen Sie bitte „Problem melden“ auf der jeweiligen Seite.

## Links zu anderen Websites

Das Portal enthält Links zu Websites anderer Anbieter, etwa zu den Websites der Unternehmen. Für deren Inhalte sind allein die jeweiligen Anbieter verantwortlich. Sobald uns Rechtsverletzungen bekannt werden, entfernen wir die betreffenden Links.

## Urheberrecht

Texte und Gestaltung dieses Portals: [Name des Trägers]. Texte und Logos der Unternehmen liegen in der Verantwortung und im Recht der jeweiligen Unternehmen.
"""

DATENSCHUTZ_DE = r"""Diese Erklärung informiert Sie nach Art. 13 und 14 der Datenschutz-Grundverordnung (DSGVO) darüber, welche personenbezogenen Daten das TalentPortal Dresden verarbeitet, wozu und auf welcher Rechtsgrundlage, wie lange wir sie speichern und welche Rechte Sie haben.

## Das Wichtigste in Kürze

- Ihr Talentprofil ist **privat**. Unternehmen sehen es erst, wenn Sie es selbst sichtbar schalten – und auch dann nur als anonyme Karte ohne Namen, Kontaktdaten und Lebenslauf.
- **Passungswerte sind Vorschläge**, berechnet aus Ihrem Profil und dem Stellenangebot. Sie sind nie eine automatisierte Entscheidung über Sie.
- Wir setzen **keine Tracker, keine Analyse- und keine Werbedienste** ein und laden keine Inhalte von fremden Servern. Es gibt nur technisch notwendige Cookies.
- Sie können Ihre Daten jederzeit **selbst exportieren** und Ihr Konto **selbst löschen**.

## Verantwortliche Stelle

[Name des Trägers]\
[Straße und Hausnummer]\
[Postleitzahl] [Ort]\
E-Mail: [E-Mail-Adresse]\
Telefon: [Telefonnummer]

Vertreten durch: [Name und Funktion der vertretungsberechtigten Person(en)]

## Datenschutzbeauftragte\*r

[Name der\*des Datenschutzbeauftragten]\
[Anschrift]\
E-Mail: [E-Mail-Adresse der\*des Datenschutzbeauftragten]

Mit allen Fragen zum Datenschutz und zu Ihren Rechten können Sie sich direkt an unsere\*n Datenschutzbeauftragte\*n wenden.

## Welche Daten wir verarbeiten, wozu und auf welcher Rechtsgrundlage

### Aufruf des Portals

Bei jedem Aufruf speichert der Server technisch bedingt Ihre IP-Adresse, Datum und Uhrzeit, die aufgerufene Adresse, den Statuscode, die übertragene Datenmenge und die Kennung Ihres Browsers. Wir benötigen diese Daten, um das Portal sicher zu betreiben und um Fehler und Angriffe zu erkennen. Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO; unser berechtigtes Interesse ist ein sicherer und stabiler Betrieb.

### Benutzerkonto

Für Ihr Konto verarbeiten wir Ihre E-Mail-Adresse, Ihr Passwort (nur als nicht umkehrbarer Hashwert), auf Wunsch Ihren Namen, die Kontoart (Talent oder Unternehmen), die Sprache für E-Mails sowie die Zeitpunkte von Registrierung und Anmeldung. Bei Konten des Projektteams kommen die Daten der Zwei-Faktor-Anmeldung hinzu. Zweck ist die Bereitstellung Ihres Kontos und der E-Mails, die zur Nutzung gehören: Bestätigung der E-Mail-Adresse, Zurücksetzen des Passworts und Nachrichten zu Bewerbungen und Kontaktanfragen. Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO (Nutzungsverhältnis).

### Talentprofil und Lebenslauf

In Ihrem Profil können Sie angeben: Ihre aktuelle Situation (z. B. Studium oder Berufseinstieg), Hochschule, Studienfächer, Abschluss und (voraussichtliches) Abschlussdatum, gesuchte Angebotsarten und Wochenstunden, bevorzugte Orte und Entfernung, frühesten Beginn, Kompetenzen und Sprachen mit Niveau, einen Text über sich, Links und einen Lebenslauf als PDF. Die Angabe zu Aufenthalts- und Arbeitserlaubnis ist freiwillig; wir nutzen sie nur für Hinweise an Sie, Unternehmen sehen sie nie. Zweck ist, Ihnen passende Angebote vorzuschlagen und Bewerbungen zu ermöglichen. Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO.

**Ihr Profil ist für Unternehmen unsichtbar, bis Sie selbst einwilligen, gefunden zu werden.** Erst dann sehen verifizierte Unternehmen eine anonyme Karte mit Ihren fachlichen Angaben, etwa Kompetenzen, Sprachen und Studienfach – ohne Namen, Kontaktdaten und Lebenslauf. Ein Unternehmen kann Ihnen eine Kontaktanfrage senden; wer Sie sind, erfährt es erst, wenn Sie die Anfrage annehmen. Rechtsgrundlage für die Sichtbarkeit ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO). Sie können sie jederzeit mit Wirkung für die Zukunft widerrufen, indem Sie Ihr Profil wieder unsichtbar schalten. Jede Einwilligung und jeden Widerruf speichern wir mit Zeitpunkt und Textfassung, um sie nachweisen zu können.

### Bewerbungen und Kontaktanfragen

Wenn Sie sich über das Portal bewerben oder eine Kontaktanfrage annehmen, erhält das Unternehmen Ihr Profil, Ihre Nachricht und – bei einer Bewerbung – Ihren Lebenslauf in der Fassung vom Tag der Bewerbung. Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO (Maßnahmen auf Ihre Anfrage vor einem möglichen Vertrag). Für die weitere Verarbeitung im Auswahlverfahren ist das Unternehmen selbst verantwortlich.

### Unternehmen und Recruiter\*innen

Von Unternehmen verarbeiten wir Name, Rechtsform, Größe, Branche, Website, Logo, Beschreibung, Standorte, Stellenangebote und die Kontaktdaten, die das Unternehmen angibt; von Recruiter\*innen die Kontodaten und ihre Rolle im Team des Unternehmens. Unternehmensprofile und veröffentlichte Stellenangebote sind öffentlich. Zweck ist die Darstellung der Arbeitgeber der Region sowie die Prüfung von Unternehmen und Stellenangeboten, die Talente vor unseriösen Angeboten schützt. Rechtsgrundlagen sind Art. 6 Abs. 1 lit. b DSGVO (Nutzungsverhältnis) und für die Prüfung Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse an einem vertrauenswürdigen Portal).

### E-Mail-Benachrichtigungen

Benachrichtigungen zu gespeicherten Suchen und die wöchentliche E-Mail mit neuen passenden Angeboten erhalten Sie nur mit Ihrer Einwilligung (Art. 6 Abs. 1 lit. a DSGVO). Sie können sie jederzeit in Ihrem Konto abbestellen.

### Meldungen und Rückmeldungen

Wenn Sie ein Angebot oder Unternehmen melden oder uns über das Formular in der Erklärung zur Barrierefreiheit schreiben, verarbeiten wir Ihre Nachricht, die betroffene Seite, Ihre E-Mail-Adresse (wenn Sie eine angeben) und – wenn Sie angemeldet sind – Ihr Konto. Zweck ist die Bearbeitung Ihres Anliegens. Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO.

## Passungswerte: Vorschläge, keine Entscheidungen

Das Portal berechnet für ein Profil und ein Stellenangebot einen Passungswert. Er hilft Talenten, passende Angebote schneller zu finden, und Unternehmen, passende anonyme Profile zu entdecken. Der Wert wird ausschließlich aus den Angaben im Profil und im Stellenangebot berechnet, und zwar nach diesen Kriterien:

- **Kompetenzen:** welche der gesuchten Kompetenzen das Profil nennt und auf welchem Niveau,
- **Sprachen:** ob die Sprachkenntnisse die geforderten Niveaus erreichen,
- **Entfernung:** wie weit der Arbeitsort von den bevorzugten Orten entfernt ist,
- **Fachrichtung:** ob das Studienfach zu den gesuchten Fachrichtungen passt,
- **Starttermin:** ob der früheste Beginn zum Beginn der Stelle passt,
- **Wochenstunden:** ob die Arbeitszeit zu den gewünschten Stunden passt.

Zu jedem Wert zeigt das Portal die Gründe je Kriterium an, damit Sie nachvollziehen können, wie er zustande kommt. Angaben wie Geschlecht, Alter, Herkunft oder ein Foto fragen wir nicht ab; sie fließen daher auch nicht ein.

**Passungswerte sind Vorschläge und niemals automatisierte Entscheidungen im Sinne von Art. 22 DSGVO.** Ob Sie sich bewerben, ob ein Unternehmen Sie kontaktiert und wer eingeladen oder eingestellt wird, entscheiden immer Menschen – Sie selbst und die Personen im Unternehmen. Rechtsgrundlage der Berechnung ist Art. 6 Abs. 1 lit. b DSGVO; für Unternehmen sichtbar sind Passungswerte nur zu Profilen, deren Sichtbarkeit Sie eingeschaltet haben (Art. 6 Abs. 1 lit. a DSGVO).

## Cookies und Dienste Dritter

Wir verwenden keine Tracking-, Analyse-, Werbe- oder Social-Media-Dienste und binden keine Schriften, Karten oder Videos von fremden Servern ein; alle Dateien kommen von unserem eigenen Server. Es werden nur diese technisch notwendigen Cookies gesetzt:

- **Sitzungs-Cookie:** hält Sie nach der Anmeldung angemeldet; die Sitzung endet nach einer Stunde ohne Aktivität, spätestens nach zwölf Stunden.
- **Sicherheits-Cookie:** schützt Formulare davor, dass fremde Websites sie in Ihrem Namen absenden (CSRF-Schutz).
- **Sprach-Cookie:** merkt sich, ob Sie das Portal auf Deutsch oder Englisch nutzen, nachdem Sie die Sprache gewechselt haben.

Diese Cookies sind für den von Ihnen gewünschten Dienst unbedingt erforderlich und benötigen daher keine Einwilligung (§ 25 Abs. 2 Nr. 2 Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz, TDDDG).

## Empfänger und Auftragsverarbeiter

- **Hosting:** [Name und Sitz des Hosting-Anbieters, Serverstandort]. Der Anbieter betreibt die Server, auf denen das Portal und seine Datenbank laufen.
- **E-Mail-Versand:** [Name und Sitz des E-Mail-Dienstleisters]. Der Dienstleister stellt die E-Mails des Portals zu.
- **Unternehmen** erhalten Ihre Daten nur so, wie oben beschrieben: als anonyme Karte, wenn Sie Ihr Profil sichtbar geschaltet haben, und vollständig erst, wenn Sie sich bewerben oder eine Kontaktanfrage annehmen.

Mit beiden Dienstleistern haben wir Verträge zur Auftragsverarbeitung nach Art. 28 DSGVO geschlossen; sie verarbeiten die Daten nur nach unserer Weisung. Wir übermitteln keine personenbezogenen Daten in Länder außerhalb der Europäischen Union und des Europäischen Wirtschaftsraums und verkaufen keine Daten.

## Speicherdauer

- **Nicht bestätigte Konten:** Bestätigen Sie Ihre E-Mail-Adresse nicht innerhalb von 14 Tagen, löschen wir das Konto.
- **Inaktive Profile:** Nach zwölf Monaten ohne Anmeldung erinnern wir Sie per E-Mail. Melden Sie sich danach nicht innerhalb von 30 Tagen an, löschen wir Ihr Konto und Ihr Profil einschließlich Lebenslauf.
- **Bewerbungen:** Sechs Monate nach dem Ende eines Stellenangebots anonymisieren wir die personenbezogenen Daten der Bewerbenden (Nachricht, Lebenslauf und Verbindung zum Profil). Das Unternehmen sieht danach nur noch, dass es eine Bewerbung gab.
- **Server-Protokolle:** werden nach [Anzahl] Tagen gelöscht.
- **Meldungen und Rückmeldungen:** löschen wir, wenn sie erledigt sind und nicht mehr benötigt werden, spätestens nach [Anzahl] Monaten.
- **Ihr Konto:** Löschen Sie Ihr Konto, löschen wir Ihre Daten sofort, soweit keine gesetzliche Pflicht zur Aufbewahrung besteht. Von Bewerbungen, die Sie bereits gesendet haben, sieht das Unternehmen danach nur noch, dass es eine Bewerbung gab – ohne Ihr Profil, Ihre Nachricht und Ihren Lebenslauf.

## Ihre Rechte

Sie haben gegenüber uns das Recht auf

- **Auskunft** über Ihre Daten (Art. 15 DSGVO) – in Ihrem Konto können Sie alle Ihre Daten jederzeit selbst exportieren,
- **Berichtigung** unrichtiger Daten (Art. 16 DSGVO) – Ihr Profil können Sie jederzeit selbst bearbeiten,
- **Löschung** (Art. 17 DSGVO) – Ihr Konto können Sie jederzeit selbst löschen,
- **Einschränkung der Verarbeitung** (Art. 18 DSGVO),
- **Datenübertragbarkeit** (Art. 20 DSGVO) – der Export liefert Ihre Daten in einem strukturierten, gängigen und maschinenlesbaren Format,
- **Widerspruch** gegen Verarbeitungen auf Grundlage von Art. 6 Abs. 1 lit. f DSGVO aus Gründen, die sich aus Ihrer besonderen Situation ergeben (Art. 21 DSGVO),
- **Widerruf** einer Einwilligung mit Wirkung für die Zukunft (Art. 7 Abs. 3 DSGVO).

Für alles, was Sie nicht selbst in Ihrem Konto erledigen können, wenden Sie sich bitte an die verantwortliche Stelle oder an unsere\*n Datenschutzbeauftragte\*n.

## Beschwerde bei der Aufsichtsbehörde

Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren (Art. 77 DSGVO). Für uns zuständig ist die Sächsische Datenschutz- und Transparenzbeauftragte. Ihre Kontaktdaten finden Sie unter [www.datenschutz.sachsen.de](https://www.datenschutz.sachsen.de/).

## Pflicht zur Bereitstellung

Sie sind nicht verpflichtet, uns Daten bereitzustellen. Ohne E-Mail-Adresse können wir jedoch kein Konto einrichten, und ohne Angaben im Profil können wir Ihnen keine passenden Angebote vorschlagen.

## Änderungen dieser Erklärung

Wir passen diese Erklärung an, wenn sich das Portal oder die Rechtslage ändert. Das Datum oben auf dieser Seite zeigt den aktuellen Stand.
"""

BARRIEREFREIHEIT_DE = r"""[Name des Trägers] ist bemüht, das TalentPortal Dresden im Einklang mit der Richtlinie (EU) 2016/2102 und den Vorschriften, die sie in Deutschland und im Freistaat Sachsen umsetzen, barrierefrei zugänglich zu machen – insbesondere der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0).

## Geltungsbereich

Diese Erklärung gilt für das TalentPortal Dresden unter [Internetadresse des Portals]: für alle öffentlich zugänglichen Seiten und für die Bereiche, die Talente und Unternehmen nach der Anmeldung nutzen.

## Stand der Vereinbarkeit mit den Anforderungen

Das Portal wird nach den Erfolgskriterien der Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA entwickelt, die die BITV 2.0 über die Norm EN 301 549 verlangt. Es ist mit diesen Anforderungen **weitgehend vereinbar**. Die unten genannten Inhalte sind nicht oder nicht vollständig barrierefrei.

### So prüfen wir

Bei jeder Änderung am Portal prüfen automatische Tests die Seiten in Deutsch und Englisch mit dem Prüfwerkzeug axe-core auf Verstöße gegen WCAG 2.1 AA. Zusätzlich prüfen wir die Bedienung allein mit der Tastatur und die Darstellung auf schmalen Bildschirmen. Automatische Tests finden nicht jede Barriere – deshalb sind Ihre Rückmeldungen für uns wichtig.

### Nicht barrierefreie Inhalte

- **Von Nutzer\*innen hochgeladene Dokumente:** Lebensläufe und andere PDF-Dateien, die Talente hochladen, stammen nicht von uns. Sie sind möglicherweise nicht barrierefrei, zum Beispiel ohne Textebene, Überschriften oder Beschreibungen von Bildern. Auf ihre Gestaltung haben wir keinen Einfluss.
- **Texte der Unternehmen:** Unternehmensprofile und Stellenangebote verfassen die Unternehmen selbst. Das Portal lässt dafür nur einfache, barrierearme Formatierungen zu. Die Texte können dennoch schwer verständlich sein, Fachbegriffe und Abkürzungen ohne Erklärung enthalten oder in einer anderen Sprache verfasst sein als die Seite, ohne dass diese Sprache ausgezeichnet ist.
- **Leichte Sprache und Gebärdensprache:** Erläuterungen zum Portal in Leichter Sprache und in Deutscher Gebärdensprache gibt es noch nicht.

## Erstellung dieser Erklärung

Diese Erklärung wurde am 26. November 2026 erstellt. Sie beruht auf einer Selbstbewertung durch das Projektteam: automatische Prüfungen mit axe-core bei jeder Änderung sowie Prüfungen mit der Tastatur. Die Erklärung wurde zuletzt am 26. November 2026 überprüft.

## Feedback und Kontakt

Sind Ihnen Barrieren auf diesem Portal aufgefallen? Oder benötigen Sie Informationen in einer für Sie zugänglichen Form? Dann schreiben Sie uns bitte über das **Formular am Ende dieser Seite** oder wenden Sie sich an:

[Name des Trägers], [Ansprechperson für Barrierefreiheit]\
E-Mail: [E-Mail-Adresse]\
Telefon: [Telefonnummer]

Wir beantworten Ihre Nachricht so schnell wie möglich, spätestens innerhalb eines Monats.

## Durchsetzungsverfahren

Wenn Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten haben, können Sie sich an die Durchsetzungsstelle des Freistaates Sachsen wenden. Das ist die\*der Beauftragte der Sächsischen Staatsregierung für die Belange von Menschen mit Behinderungen. Sie\*Er prüft Ihr Anliegen und wirkt auf eine Lösung hin, in einem Schlichtungsverfahren auch zwischen Ihnen und uns.

Die\*der Beauftragte der Sächsischen Staatsregierung für die Belange von Menschen mit Behinderungen\
[Anschrift der Durchsetzungsstelle]\
E-Mail: [E-Mail-Adresse der Durchsetzungsstelle]\
Telefon: [Telefonnummer der Durchsetzungsstelle]\
Internet: [Internetadresse der Durchsetzungsstelle]
"""

IMPRESSUM_EN = r"""Information according to § 5 of the German Digital Services Act (Digitale-Dienste-Gesetz, DDG) and § 18 of the German Interstate Media Treaty (Medienstaatsvertrag, MStV).

## Provider

[Name of the organisation]\
[Legal form, e.g. registered association, non-profit limited company, public body]\
[Street and number]\
[Postcode] [Town]

Represented by: [name and role of the authorised representative(s)]

## Contact

Email: [email address]\
Telephone: [telephone number]

## Register and taxes

Register court and number: [if any, e.g. Amtsgericht Dresden, VR …]\
VAT identification number according to § 27a of the German VAT Act: [if any]\
Supervisory authority: [if any]

## Responsible for the content according to § 18 (2) MStV

[Name of the responsible person]\
[Address as above, or a different address]

## Funding

TalentPortal Dresden is a project of [name of the organisation]. It is funded by [name of the funding programme] of [funding body] (grant number: [grant number]).

[Funding notice required by the programme, if any]

## Content provided by companies

Company profiles and job postings are written by the companies, who are responsible for their content. The project team checks companies before their profile becomes public and postings before they appear, but cannot vouch for every single detail. If an opening or a company seems questionable to you, please use “Report a problem” on its page.

## Links to other websites

The portal links to websites of other providers, such as the companies’ websites. Their providers alone are responsible for their content. As soon as we learn of an infringement, we remove the link.

## Copyright

Texts and design of this portal: [name of the organisation]. The texts and logos of the companies remain the responsibility and property of the companies.
"""

DATENSCHUTZ_EN = r"""This policy informs you, as required by Articles 13 and 14 of the General Data Protection Regulation (GDPR), which personal data TalentPortal Dresden processes, for which purposes and on which legal basis, how long we keep it and what your rights are. The German version is the legally binding one.

## In brief

- Your talent profile is **private**. Companies see it only once you make it visible yourself – and even then only as an anonymous card without your name, contact details or CV.
- **Match scores are suggestions** computed from your profile and the job posting. They are never an automated decision about you.
- We use **no trackers, no analytics and no advertising services** and load nothing from other servers. There are only technically necessary cookies.
- You can **export your data** and **delete your account** yourself at any time.

## Controller

[Name of the organisation]\
[Street and number]\
[Postcode] [Town]\
Email: [email address]\
Telephone: [telephone number]

Represented by: [name and role of the authorised representative(s)]

## Data protection officer

[Name of the data protection officer]\
[Address]\
Email: [email address of the data protection officer]

You can contact our data protection officer directly with any question about data protection and your rights.

## Which data we process, why, and on which legal basis

### Visiting the portal

With every request, the server records your IP address, date and time, the address requested, the status code, the amount of data transferred and your browser’s identification. We need these data to run the portal securely and to detect errors and attacks. The legal basis is Art. 6 (1) (f) GDPR; our legitimate interest is a secure and stable service.

### Your account

For your account we process your email address, your password (only as an irreversible hash), your name if you give it, the account type (talent or company), the language for emails and the times you signed up and signed in. For accounts of the project team, the data of two-factor authentication are added. The purpose is to provide your account and the emails that belong to it: confirming your email address, resetting your password and messages about applications and contact requests. The legal basis is Art. 6 (1) (b) GDPR (terms of use).

### Talent profile and CV

In your profile you can state your current situation (e.g. studying or starting your career), university, fields of study, degree and (expected) graduation date, the kinds of openings and weekly hours you are looking for, preferred towns and distance, earliest start, skills and languages with their levels, a text about yourself, links and a CV as a PDF. Stating your residence and work permit is optional; we use it only for hints to you, and companies never see it. The purpose is to suggest suitable openings to you and to let you apply. The legal basis is Art. 6 (1) (b) GDPR.

**Your profile is invisible to companies until you yourself agree to be found.** Only then do verified companies see an anonymous card with your professional details, such as skills, languages and field of study – without your name, contact details or CV. A company can send you a contact request; it learns who you are only if you accept. The legal basis for the visibility is your consent (Art. 6 (1) (a) GDPR). You can withdraw it at any time with effect for the future by making your profile invisible again. We record every consent and every withdrawal with its time and the version of the text, so that we can prove it.

### Applications and contact requests

When you apply through the portal or accept a contact request, the company receives your profile, your message and – for an application – your CV as it was on the day you applied. The legal basis is Art. 6 (1) (b) GDPR (steps taken at your request before a possible contract). The company is itself responsible for the further processing in its selection procedure.

### Companies and recruiters

For companies we process their name, legal form, size, sector, website, logo, description, locations, job postings and the contact details they provide; for recruiters their account data and their role in the company’s team. Company profiles and published postings are public. The purpose is to present the employers of the region and to check companies and postings, which protects talents from dubious offers. The legal bases are Art. 6 (1) (b) GDPR (terms of use) and, for the checks, Art. 6 (1) (f) GDPR (legitimate interest in a trustworthy portal).

### Email notifications

You receive alerts for saved searches and the weekly email with new matching openings only with your consent (Art. 6 (1) (a) GDPR). You can unsubscribe in your account at any time.

### Reports and feedback

When you report a posting or a company, or write to us through the form in the accessibility statement, we process your message, the page concerned, your email address (if you give one) and – if you are signed in – your account. The purpose is to deal with your concern. The legal basis is Art. 6 (1) (f) GDPR.

## Match scores: suggestions, not decisions

The portal computes a match score for a profile and a job posting. It helps talents find suitable openings faster and companies discover suitable anonymous profiles. The score is computed only from the details in the profile and in the posting, using these criteria:

- **Skills:** which of the skills asked for the profile names, and at which level,
- **Languages:** whether the language skills reach the levels required,
- **Distance:** how far the place of work is from the preferred towns,
- **Field:** whether the field of study fits the fields the posting is looking for,
- **Start date:** whether the earliest start fits the start of the opening,
- **Hours:** whether the working hours fit the hours wanted.

With every score the portal shows the reasons for each criterion, so that you can see how it came about. We do not ask for gender, age, origin or a photo, so they cannot play any part.

**Match scores are suggestions, never automated decisions within the meaning of Art. 22 GDPR.** Whether you apply, whether a company contacts you and who is invited or hired is always decided by people – you and the people in the company. The legal basis of the computation is Art. 6 (1) (b) GDPR; companies see match scores only for profiles whose visibility you have switched on (Art. 6 (1) (a) GDPR).

## Cookies and third-party services

We use no tracking, analytics, advertising or social media services and embed no fonts, maps or videos from other servers; every file comes from our own server. Only these technically necessary cookies are set:

- **Session cookie:** keeps you signed in; the session ends after one hour without activity and after twelve hours at the latest.
- **Security cookie:** prevents other websites from submitting forms in your name (CSRF protection).
- **Language cookie:** remembers whether you use the portal in German or English after you switched the language.

These cookies are strictly necessary for the service you asked for and therefore need no consent (§ 25 (2) no. 2 of the German Telecommunications Digital Services Data Protection Act, TDDDG).

## Recipients and processors

- **Hosting:** [name and seat of the hosting provider, server location]. The provider runs the servers on which the portal and its database run.
- **Email delivery:** [name and seat of the email service provider]. The provider delivers the portal’s emails.
- **Companies** receive your data only as described above: as an anonymous card if you made your profile visible, and in full only when you apply or accept a contact request.

We have concluded data processing agreements according to Art. 28 GDPR with both providers; they process the data only on our instructions. We transfer no personal data to countries outside the European Union and the European Economic Area, and we sell no data.

## How long we keep your data

- **Unconfirmed accounts:** if you do not confirm your email address within 14 days, we delete the account.
- **Inactive profiles:** after twelve months without signing in, we remind you by email. If you do not sign in within 30 days after that, we delete your account and your profile including your CV.
- **Applications:** six months after a posting has closed, we anonymise the applicants’ personal data (message, CV and link to the profile). The company then sees only that there was an application.
- **Server logs:** are deleted after [number] days.
- **Reports and feedback:** are deleted once they are dealt with and no longer needed, at the latest after [number] months.
- **Your account:** when you delete your account, we delete your data at once, unless the law requires us to keep them. Of applications you have already sent, the company then sees only that there was an application – without your profile, message or CV.

## Your rights

You have the right to

- **access** your data (Art. 15 GDPR) – you can export all your data yourself in your account at any time,
- **rectification** of inaccurate data (Art. 16 GDPR) – you can edit your profile yourself at any time,
- **erasure** (Art. 17 GDPR) – you can delete your account yourself at any time,
- **restriction of processing** (Art. 18 GDPR),
- **data portability** (Art. 20 GDPR) – the export gives you your data in a structured, commonly used and machine-readable format,
- **object** to processing based on Art. 6 (1) (f) GDPR on grounds relating to your particular situation (Art. 21 GDPR),
- **withdraw** a consent with effect for the future (Art. 7 (3) GDPR).

For anything you cannot do yourself in your account, please contact the controller or our data protection officer.

## Complaints to the supervisory authority

You have the right to lodge a complaint with a data protection supervisory authority (Art. 77 GDPR). The authority responsible for us is the Saxon Data Protection and Transparency Commissioner (Sächsische Datenschutz- und Transparenzbeauftragte). You find the contact details at [www.datenschutz.sachsen.de](https://www.datenschutz.sachsen.de/).

## Obligation to provide data

You are not obliged to provide us with any data. Without an email address, however, we cannot set up an account, and without details in your profile we cannot suggest suitable openings.

## Changes to this policy

We update this policy when the portal or the law changes. The date at the top of this page shows the current version.
"""

BARRIEREFREIHEIT_EN = r"""[Name of the organisation] is committed to making TalentPortal Dresden accessible in accordance with Directive (EU) 2016/2102 and the rules that implement it in Germany and in the Free State of Saxony – in particular the German Accessible Information Technology Ordinance (BITV 2.0).

## Scope

This statement applies to TalentPortal Dresden at [web address of the portal]: to all public pages and to the areas that talents and companies use after signing in.

## Compliance status

The portal is developed to meet the success criteria of the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, which BITV 2.0 requires through the standard EN 301 549. It is **largely compliant** with these requirements. The content listed below is not, or not fully, accessible.

### How we test

With every change to the portal, automated tests check the pages in German and English with the testing tool axe-core for violations of WCAG 2.1 AA. In addition, we check that everything can be used with the keyboard alone and that the pages work on narrow screens. Automated tests do not find every barrier – which is why your feedback matters to us.

### Content that is not accessible

- **Documents uploaded by users:** CVs and other PDF files uploaded by talents are not made by us. They may not be accessible, for example without a text layer, headings or descriptions of images. We have no influence on how they are made.
- **Texts of the companies:** company profiles and job postings are written by the companies themselves. The portal allows only simple formatting that keeps barriers low. Still, the texts may be hard to understand, contain technical terms and abbreviations without explanation, or be written in another language than the page without that language being marked.
- **Easy-to-read language and sign language:** there are no explanations of the portal in Easy Language (Leichte Sprache) or German Sign Language yet.

## Preparation of this statement

This statement was prepared on 26 November 2026. It is based on a self-assessment by the project team: automated testing with axe-core in every change and testing with the keyboard. The statement was last reviewed on 26 November 2026.

## Feedback and contact

Have you come across a barrier on this portal? Or do you need information in a form that is accessible to you? Please write to us using the **form at the end of this page**, or contact:

[Name of the organisation], [contact person for accessibility]\
Email: [email address]\
Telephone: [telephone number]

We answer your message as soon as possible, within one month at the latest.

## Enforcement procedure

If you have received no answer, or no satisfactory answer, to your feedback, you can turn to the enforcement body of the Free State of Saxony: the Commissioner of the Saxon State Government for the Interests of People with Disabilities (Beauftragte\*r der Sächsischen Staatsregierung für die Belange von Menschen mit Behinderungen). The Commissioner looks into your concern and works towards a solution, in a conciliation procedure also between you and us.

Commissioner of the Saxon State Government for the Interests of People with Disabilities\
[Address of the enforcement body]\
Email: [email address of the enforcement body]\
Telephone: [telephone number of the enforcement body]\
Web: [web address of the enforcement body]
"""


PAGES = {
    "impressum": ("Impressum", "Imprint", IMPRESSUM_DE, IMPRESSUM_EN),
    "datenschutz": ("Datenschutzerklärung", "Privacy policy", DATENSCHUTZ_DE, DATENSCHUTZ_EN),
    "barrierefreiheit": (
        "Erklärung zur Barrierefreiheit",
        "Accessibility statement",
        BARRIEREFREIHEIT_DE,
        BARRIEREFREIHEIT_EN,
    ),
}


def create_pages(apps, schema_editor):
    SitePage = apps.get_model("talentportal", "SitePage")
    for slug, (title_de, title_en, body_de, body_en) in PAGES.items():
        SitePage.objects.get_or_create(
            slug=slug,
            defaults={
                "title_de": title_de,
                "title_en": title_en,
                "body_de": body_de.strip() + "\n",
                "body_en": body_en.strip() + "\n",
            },
        )


def delete_pages(apps, schema_editor):
    apps.get_model("talentportal", "SitePage").objects.filter(slug__in=PAGES).delete()


class Migration(migrations.Migration):
    dependencies = [("talentportal", "0001_site_pages_and_accessibility_feedback")]

    operations = [migrations.RunPython(create_pages, delete_pages)]
