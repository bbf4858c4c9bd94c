"""The legal pages: anybody reads them in German or English, staff keep them up to date, and
anybody can report a barrier from the accessibility statement."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from accounts.factories import StaffUserFactory
from companies.markdown import render_markdown
from talentportal.models import AccessibilityFeedback, SitePage

ACCESSIBILITY = "/barrierefreiheit/"


@pytest.fixture
def staff_client(client, carol):
    """The test client signed in as carol, with the two factors staff need for the admin."""
    TOTP.activate(carol, generate_totp_secret())
    client.force_login(carol)
    return client


@pytest.mark.parametrize(
    ("path", "heading", "text"),
    [
        ("/impressum/", "Impressum", "Angaben gemäß § 5 Digitale-Dienste-Gesetz"),
        ("/datenschutz/", "Datenschutzerklärung", "Ihr Profil ist für Unternehmen unsichtbar"),
        ("/barrierefreiheit/", "Erklärung zur Barrierefreiheit", "weitgehend vereinbar"),
    ],
)
def test_visitor_reads_legal_page_in_german(client, db, path, heading, text):
    response = client.get(path)
    assert response.status_code == 200
    assert '<html lang="de">' in response.text
    assert f"<h1>{heading}</h1>" in response.text
    assert text in response.text
    assert "Zuletzt aktualisiert:" in response.text


@pytest.mark.parametrize(
    ("path", "heading", "text"),
    [
        ("/en/imprint/", "Imprint", "Information according to § 5 of the German Digital"),
        ("/en/privacy/", "Privacy policy", "Your profile is invisible to companies"),
        ("/en/accessibility/", "Accessibility statement", "largely compliant"),
    ],
)
def test_visitor_reads_legal_page_in_english(client, db, path, heading, text):
    response = client.get(path)
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert f"<h1>{heading}</h1>" in response.text
    assert text in response.text
    assert "Last updated:" in response.text


@pytest.mark.parametrize(
    "path", ["/impressum/", "/datenschutz/", "/barrierefreiheit/", "/en/privacy/"]
)
def test_gender_stars_stay_stars_not_emphasis(client, db, path):
    assert "<em>" not in client.get(path).text


def test_legal_pages_have_sections_as_level_two_headings(client, db):
    html = client.get("/impressum/").text
    assert "<h2>Anbieter</h2>" in html
    assert "<h3>" not in html.split("<h2>Anbieter</h2>")[0]


def test_privacy_policy_says_match_scores_are_suggestions_never_automated_decisions(client, db):
    german = client.get("/datenschutz/").text
    assert (
        "Passungswerte sind Vorschläge und niemals automatisierte Entscheidungen "
        "im Sinne von Art. 22 DSGVO"
    ) in german
    for criterion in ["Kompetenzen", "Sprachen", "Entfernung", "Fachrichtung", "Starttermin"]:
        assert f"<strong>{criterion}:</strong>" in german

    english = client.get("/en/privacy/").text
    assert (
        "Match scores are suggestions, never automated decisions within the meaning of Art. 22 GDPR"
    ) in english
    for criterion in ["Skills", "Languages", "Distance", "Field", "Start date", "Hours"]:
        assert f"<strong>{criterion}:</strong>" in english


def test_privacy_policy_states_the_retention_periods_and_the_supervisory_authority(client, db):
    html = client.get("/datenschutz/").text
    assert "innerhalb von 14 Tagen" in html
    assert "Nach zwölf Monaten ohne Anmeldung" in html
    assert "Sechs Monate nach dem Ende eines Stellenangebots anonymisieren wir" in html
    assert "Sächsische Datenschutz- und Transparenzbeauftragte" in html
    assert "<h2>Datenschutzbeauftragte*r</h2>" in html


def test_english_page_shows_german_text_while_english_is_missing(client, db):
    SitePage.objects.filter(slug="impressum").update(body_en="")
    html = client.get("/en/imprint/").text
    assert "<h1>Imprint</h1>" in html
    assert '<div lang="de">' in html
    assert "Angaben gemäß § 5 Digitale-Dienste-Gesetz" in html


def test_staff_edit_a_page_in_the_admin_and_visitors_see_it(staff_client):
    page = SitePage.objects.get(slug="impressum")
    with translation.override("en"):
        url = reverse("admin:talentportal_sitepage_change", args=[page.pk])

    response = staff_client.post(
        url,
        {
            "title_de": "Impressum",
            "title_en": "Imprint",
            "body_de": "## Anbieter\n\nVerein Talente für Sachsen e. V.",
            "body_en": "## Provider\n\nTalents for Saxony (registered association)",
        },
    )

    assert response.status_code == 302
    assert "Verein Talente für Sachsen e. V." in staff_client.get("/impressum/").text
    assert "Talents for Saxony" in staff_client.get("/en/imprint/").text
    page.refresh_from_db()
    assert page.open_placeholders() == []


def test_staff_can_neither_add_nor_delete_legal_pages(staff_client):
    page = SitePage.objects.get(slug="datenschutz")
    with translation.override("en"):
        add = reverse("admin:talentportal_sitepage_add")
        delete = reverse("admin:talentportal_sitepage_delete", args=[page.pk])
    assert staff_client.get(add).status_code == 403
    assert staff_client.post(delete, {"post": "yes"}).status_code == 403
    assert SitePage.objects.count() == len(SitePage.Slug)


def test_admin_lists_the_placeholders_staff_still_have_to_fill_in(staff_client):
    with translation.override("en"):
        response = staff_client.get(reverse("admin:talentportal_sitepage_changelist"))
    assert response.status_code == 200
    assert "Datenschutzerklärung" in response.text
    page = SitePage.objects.get(slug="impressum")
    assert "[Name des Trägers]" in page.open_placeholders()
    assert "[falls vorhanden]" in page.open_placeholders()
    with translation.override("en"):
        response = staff_client.get(reverse("admin:talentportal_sitepage_change", args=[page.pk]))
    assert response.status_code == 200
    assert "[Name des Trägers], [Rechtsform" in response.text


def test_visitor_reports_a_barrier_and_staff_are_emailed(
    client, alice, carol, django_capture_on_commit_callbacks
):
    StaffUserFactory(email="former@example.org", is_active=False)
    data = {
        "page_url": "/jobs/",
        "description": "Die Filter lassen sich nicht mit der Tastatur öffnen.",
        "email": "besucherin@example.org",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ACCESSIBILITY, data, follow=True)

    assert response.redirect_chain == [(f"{ACCESSIBILITY}#main", 302)]
    assert "Vielen Dank für Ihre Nachricht" in response.text
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.description == data["description"]
    assert (feedback.page_url, feedback.email, feedback.handled_at) == (
        "/jobs/",
        "besucherin@example.org",
        None,
    )
    assert [message.to for message in mail.outbox] == [["carol@example.org"]]
    assert "nicht mit der Tastatur" in mail.outbox[0].body
    assert "besucherin@example.org" in mail.outbox[0].body
    assert f"/admin/talentportal/accessibilityfeedback/{feedback.pk}/" in mail.outbox[0].body


def test_report_without_description_shows_the_error_and_keeps_the_input(client, db):
    response = client.post(
        ACCESSIBILITY, {"page_url": "/unternehmen/", "description": "", "email": "kein-at"}
    )

    assert response.status_code == 200
    assert AccessibilityFeedback.objects.count() == 0
    form = response.context["form"]
    assert "description" in form.errors
    assert "email" in form.errors
    assert 'value="/unternehmen/"' in response.text
    assert 'value="kein-at"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert "Bitte korrigieren Sie die markierten Felder" in response.text


def test_invalid_report_keeps_the_description(client, db):
    response = client.post(
        ACCESSIBILITY, {"description": "Kontrast zu gering im Fußbereich", "email": "kein-at"}
    )
    assert response.status_code == 200
    assert "Kontrast zu gering im Fußbereich</textarea>" in response.text


def test_staff_mark_feedback_as_handled(staff_client):
    open_feedback = AccessibilityFeedback.objects.create(description="Bild ohne Alternativtext")
    with translation.override("en"):
        url = reverse("admin:talentportal_accessibilityfeedback_changelist")

    response = staff_client.post(
        url, {"action": "mark_handled", ACTION_CHECKBOX_NAME: [open_feedback.pk]}
    )

    assert response.status_code == 302
    open_feedback.refresh_from_db()
    assert open_feedback.handled_at is not None
    assert AccessibilityFeedback.objects.unhandled().count() == 0


@pytest.mark.parametrize(
    ("path", "links"),
    [
        ("/", ['href="/impressum/"', 'href="/datenschutz/"', 'href="/barrierefreiheit/"']),
        ("/en/", ['href="/en/imprint/"', 'href="/en/privacy/"', 'href="/en/accessibility/"']),
    ],
)
def test_footer_links_to_the_legal_pages(client, db, path, links):
    footer = client.get(path).text.split('<footer class="site-footer">')[1]
    for link in links:
        assert link in footer


def test_markdown_of_legal_pages_keeps_level_two_headings_and_postings_keep_level_three():
    assert str(render_markdown("# Anbieter\n\n## Kontakt", top_heading=2)) == (
        "<h2>Anbieter</h2>\n<h2>Kontakt</h2>\n"
    )
    assert str(render_markdown("## Kontakt")) == "<h3>Kontakt</h3>\n"


def test_staff_see_open_feedback_separately(staff_client):
    AccessibilityFeedback.objects.create(description="Tabelle ohne Überschriften")
    AccessibilityFeedback.objects.create(description="Alt-Text fehlt", handled_at=timezone.now())
    with translation.override("en"):
        url = reverse("admin:talentportal_accessibilityfeedback_changelist")
    open_list = staff_client.get(url, {"state": "open"}).text
    handled_list = staff_client.get(url, {"state": "handled"}).text
    assert "Tabelle ohne Überschriften" in open_list
    assert "Alt-Text fehlt" not in open_list
    assert "Alt-Text fehlt" in handled_list


def test_feedback_form_cannot_be_used_to_flood_staff_with_emails(
    client, db, django_capture_on_commit_callbacks
):
    from django.core import mail

    StaffUserFactory(email="staff@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            client.post("/barrierefreiheit/", {"description": f"Barriere {number}"})
    assert len(mail.outbox) == 3
