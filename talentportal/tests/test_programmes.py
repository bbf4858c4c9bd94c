"""The page on the two programmes and the partner network: staff edit it, everybody reads it."""

import pytest

from talentportal.models import SitePage


@pytest.mark.parametrize(
    ("path", "language", "heading", "text"),
    [
        ("/programme/", "de", "Programme und Partnernetzwerk", "Netzwerk für Absolvent*innen"),
        ("/en/programmes/", "en", "Programmes and partner network", "Network for graduates"),
    ],
)
def test_visitor_reads_the_programmes_page(client, db, path, language, heading, text):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert f"<h1>{heading}</h1>" in response.text
    assert text in response.text
    assert "<h2>" in response.text  # sections directly below the h1


def test_programmes_page_has_contact_placeholders_for_staff(db):
    page = SitePage.objects.get(slug=SitePage.Slug.PROGRAMMES)
    assert "[E-Mail-Adresse]" in page.open_placeholders()


def test_footer_and_home_link_the_programmes_page_and_the_region(client, db):
    text = client.get("/").text
    assert text.count('href="/programme/"') == 2  # the home page's region box and the footer
    assert 'href="/region/"' in text and 'href="/portraets/"' in text


def test_staff_edit_the_programmes_page_in_the_admin(staff_client):
    client = staff_client
    page = SitePage.objects.get(slug=SitePage.Slug.PROGRAMMES)
    response = client.post(
        f"/admin/talentportal/sitepage/{page.pk}/change/",
        {"title_de": "Programme", "title_en": "Programmes", "body_de": "Neu.", "body_en": ""},
    )
    assert response.status_code == 302
    assert "Neu." in client.get("/en/programmes/").text  # English shows German until translated
