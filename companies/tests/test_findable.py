"""Published postings are findable: JobPosting data for search engines, the Atom feed of a
search, and sitemap.xml in both languages."""

import json
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from companies.factories import CompanyFactory, CompanySiteFactory, PostingFactory
from companies.models import Company, Posting, PostingType, SalaryPeriod, Workplace
from companies.structured_data import job_posting_data
from region.factories import goerlitz

BASE_URL = "https://talentportal.example"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
JSON_LD = re.compile(r'<script type="application/ld\+json" nonce="[^"]*">(.*?)</script>', re.S)


# --- JobPosting structured data ------------------------------------------------------------------


def test_published_posting_carries_job_posting_data(db):
    company = CompanyFactory.create(name="Elbtal Sensorik GmbH", website="https://elbtal.example")
    site = CompanySiteFactory.create(
        company=company, town=goerlitz(), street="Berliner Straße 5", postal_code="02826"
    )
    posting = PostingFactory.create(
        company=company,
        sites=[site],
        title="Werkstudent*in Embedded",
        posting_type=PostingType.WORKING_STUDENT,
        description_de="Sie schreiben **Firmware**.",
        published_at=timezone.make_aware(datetime(2025, 3, 3, 9, 30)),
        expires_at=timezone.now() + timedelta(days=30),
    )

    data = job_posting_data(posting, base_url=BASE_URL)

    assert data is not None
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Werkstudent*in Embedded"
    assert data["description"] == "<p>Sie schreiben <strong>Firmware</strong>.</p>\n"
    assert data["datePosted"] == "2025-03-03"
    assert data["validThrough"] == timezone.localtime(posting.expires_at).isoformat(
        timespec="seconds"
    )
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Elbtal Sensorik GmbH",
        "sameAs": "https://elbtal.example",
    }
    assert data["jobLocation"] == [
        {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Berliner Straße 5",
                "addressLocality": "Görlitz",
                "postalCode": "02826",
                "addressRegion": "Sachsen",
                "addressCountry": "DE",
            },
        }
    ]
    assert data["employmentType"] == ["PART_TIME", "INTERN"]
    assert data["directApply"] is True
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "name": "Elbtal Sensorik GmbH",
        "value": str(posting.pk),
    }
    assert data["url"] == BASE_URL + posting.get_absolute_url()
    assert "baseSalary" not in data
    assert "jobLocationType" not in data


def test_application_deadline_before_expiry_ends_validity_that_evening(db):
    posting = PostingFactory.create(
        expires_at=timezone.now() + timedelta(days=60),
        application_deadline=timezone.localdate() + timedelta(days=10),
    )

    data = job_posting_data(posting, base_url=BASE_URL)

    assert data is not None
    deadline = posting.application_deadline
    assert deadline is not None
    assert data["validThrough"].startswith(f"{deadline.isoformat()}T23:59:59")


def test_salary_is_described_when_the_company_gives_one(db):
    posting = PostingFactory.create(
        salary_min=Decimal("15.50"), salary_max=Decimal("18.00"), salary_period=SalaryPeriod.HOUR
    )

    data = job_posting_data(posting, base_url=BASE_URL)

    assert data is not None
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 15.5,
            "maxValue": 18,
            "unitText": "HOUR",
        },
    }


def test_salary_from_alone_gives_only_the_lower_end(db):
    posting = PostingFactory.create(salary_min=Decimal("52000"), salary_period=SalaryPeriod.YEAR)

    data = job_posting_data(posting, base_url=BASE_URL)

    assert data is not None
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 52000,
        "unitText": "YEAR",
    }


def test_remote_posting_is_telecommute_for_applicants_in_germany(db):
    posting = PostingFactory.create(workplace=Workplace.REMOTE, sites=[])

    data = job_posting_data(posting, base_url=BASE_URL)

    assert data is not None
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "DE"}
    assert "jobLocation" not in data


def test_company_logo_appears_as_the_organization_logo(db):
    company = CompanyFactory.create(logo="logos/0123456789abcdef.png")
    posting = PostingFactory.create(company=company)

    data = job_posting_data(posting, base_url=BASE_URL)

    assert data is not None
    logo = reverse("companies:company_logo", kwargs={"slug": company.slug})
    assert data["hiringOrganization"]["logo"] == BASE_URL + logo


@pytest.mark.parametrize(
    ("posting_type", "hours_per_week", "employment_type"),
    [
        (PostingType.FULL_TIME, None, ["FULL_TIME"]),
        (PostingType.PART_TIME, 25, ["PART_TIME"]),
        (PostingType.WORKING_STUDENT, 20, ["PART_TIME", "INTERN"]),
        (PostingType.INTERNSHIP, 40, ["INTERN"]),
        (PostingType.THESIS, None, ["INTERN"]),
        (PostingType.TRAINEE, 40, ["FULL_TIME"]),
        (PostingType.PHD, 40, ["FULL_TIME"]),
        (PostingType.PHD, 26, ["PART_TIME"]),
        (PostingType.APPRENTICESHIP, 39, ["FULL_TIME"]),
        (PostingType.ENTRY_LEVEL, 40, ["FULL_TIME"]),
    ],
)
def test_employment_type_follows_the_kind_of_posting(
    db, posting_type, hours_per_week, employment_type
):
    posting = PostingFactory.create(posting_type=posting_type, hours_per_week=hours_per_week)

    data = job_posting_data(posting, base_url=BASE_URL)

    assert data is not None
    assert data["employmentType"] == employment_type


def test_external_application_is_not_direct_apply(db):
    posting = PostingFactory.create(apply_in_portal=False, apply_url="https://elbtal.example/jobs")

    data = job_posting_data(posting, base_url=BASE_URL)

    assert data is not None
    assert data["directApply"] is False


def test_english_reader_gets_the_english_description_and_address(db):
    posting = PostingFactory.create(description_en="You write *firmware*.")

    with translation.override("en"):
        data = job_posting_data(posting, base_url=BASE_URL)
        english_url = posting.get_absolute_url()

    assert data is not None
    assert data["description"] == "<p>You write <em>firmware</em>.</p>\n"
    assert data["url"] == BASE_URL + english_url
    assert english_url.startswith("/en/")


@pytest.mark.parametrize(
    "not_live",
    [
        {"status": Posting.Status.DRAFT, "published_at": None},
        {"status": Posting.Status.IN_REVIEW, "published_at": None},
        {"status": Posting.Status.EXPIRED},
        {"status": Posting.Status.FILLED},
        {"expires_at": timezone.now() - timedelta(minutes=1)},
        {"company__verification_status": Company.Verification.PENDING},
    ],
    ids=["draft", "in_review", "expired", "filled", "past_expiry", "unverified_company"],
)
def test_posting_that_is_not_live_carries_no_job_posting_data(db, not_live):
    posting = PostingFactory.create(**not_live)

    assert job_posting_data(posting, base_url=BASE_URL) is None


# --- The template tag ----------------------------------------------------------------------------


def render_job_posting_tag(posting: Posting) -> str:
    request = RequestFactory().get("/", secure=True)
    template = Template("{% load structured_data %}{% job_posting_jsonld posting %}")
    return template.render(Context({"request": request, "posting": posting}))


def json_ld_of(html: str) -> dict:
    match = JSON_LD.fullmatch(html)
    assert match, html
    return json.loads(match.group(1))


def test_posting_page_tag_renders_the_job_posting_as_json_ld(db):
    posting = PostingFactory.create()

    html = render_job_posting_tag(posting)

    data = json_ld_of(html)
    assert data["@type"] == "JobPosting"
    assert data["url"] == "https://testserver" + posting.get_absolute_url()


def test_description_cannot_break_out_of_the_script_tag(db):
    attack = "</script><script>alert(1)</script>"
    company = CompanyFactory.create(name="Mallory & Co. <KG>")
    posting = PostingFactory.create(company=company, title=attack, description_de=attack)

    html = render_job_posting_tag(posting)

    assert html.count("<script") == 1
    assert html.count("</script") == 1
    assert html.endswith("</script>")
    assert "alert(1)" in html  # still there, as harmless data
    assert "&" not in html.split(">", 1)[1]
    data = json_ld_of(html)
    assert data["title"] == attack
    assert data["hiringOrganization"]["name"] == "Mallory & Co. <KG>"


def test_posting_page_tag_renders_nothing_for_a_draft(db):
    posting = PostingFactory.create(status=Posting.Status.DRAFT, published_at=None)

    assert render_job_posting_tag(posting) == ""


# --- The Atom feed -------------------------------------------------------------------------------


def read_feed(client, query: str = "") -> ElementTree.Element:
    response = client.get(reverse("companies:posting_feed") + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content)  # noqa: S314 – our own feed


def entry_titles(feed: ElementTree.Element) -> set[str]:
    return {entry.findtext(f"{ATOM}title", "") for entry in feed.iter(f"{ATOM}entry")}


def test_feed_lists_published_postings_only(client, db):
    live = PostingFactory.create(title="Werkstudent*in Messtechnik")
    PostingFactory.create(title="Entwurf", status=Posting.Status.DRAFT, published_at=None)
    PostingFactory.create(title="Besetzt", status=Posting.Status.FILLED)
    PostingFactory.create(title="Abgelaufen", expires_at=timezone.now() - timedelta(hours=1))
    PostingFactory.create(
        title="Ungeprüft", company__verification_status=Company.Verification.PENDING
    )

    feed = read_feed(client)

    assert entry_titles(feed) == {"Werkstudent*in Messtechnik"}
    entry = next(feed.iter(f"{ATOM}entry"))
    link = entry.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == "http://testserver" + live.get_absolute_url()
    assert entry.findtext(f"{ATOM}id", "").startswith("tag:")
    assert entry.findtext(f"{ATOM}id", "").endswith(f":posting-{live.pk}")
    summary = entry.findtext(f"{ATOM}summary", "")
    assert live.company.name in summary
    assert "Werkstudent" in summary
    assert "Dresden" in summary
    assert entry.findtext(f"{ATOM}updated")
    assert entry.findtext(f"{ATOM}published")


def test_feed_follows_the_search_text(client, db):
    PostingFactory.create(title="Python-Entwicklung für Sensoren")
    PostingFactory.create(title="Buchhaltung", description_de="Sie buchen Rechnungen.")

    feed = read_feed(client, "?q=python")

    assert entry_titles(feed) == {"Python-Entwicklung für Sensoren"}
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None
    assert self_link.get("href", "").endswith("?q=python")


def test_feed_follows_the_posting_type(client, db):
    PostingFactory.create(title="Werkstudent*in", posting_type=PostingType.WORKING_STUDENT)
    PostingFactory.create(
        title="Masterarbeit", posting_type=PostingType.THESIS, hours_per_week=None
    )

    feed = read_feed(client, "?type=thesis")

    assert entry_titles(feed) == {"Masterarbeit"}


def test_feed_of_a_search_combines_text_and_type(client, db):
    PostingFactory.create(title="Python Werkstudent*in", posting_type=PostingType.WORKING_STUDENT)
    PostingFactory.create(title="Python Vollzeit", posting_type=PostingType.FULL_TIME)
    PostingFactory.create(title="Java Werkstudent*in", posting_type=PostingType.WORKING_STUDENT)

    feed = read_feed(client, "?q=python&type=working_student")

    assert entry_titles(feed) == {"Python Werkstudent*in"}


def test_feed_runs_as_many_queries_for_twenty_postings_as_for_three(client, db):
    for _ in range(3):
        PostingFactory.create(
            sites=[CompanySiteFactory.create(), CompanySiteFactory.create(town=goerlitz())]
        )
    with CaptureQueriesContext(connection) as three:
        assert len(entry_titles(read_feed(client))) == 3

    for _ in range(17):
        PostingFactory.create(
            sites=[CompanySiteFactory.create(), CompanySiteFactory.create(town=goerlitz())]
        )
    with CaptureQueriesContext(connection) as twenty:
        assert len(entry_titles(read_feed(client))) == 20

    assert len(twenty) == len(three)


def test_english_feed_has_an_english_title(client, db):
    PostingFactory.create()

    with translation.override("en"):
        url = reverse("companies:posting_feed")
    feed = ElementTree.fromstring(client.get(url).content)  # noqa: S314 – our own feed

    assert feed.findtext(f"{ATOM}title") == "Jobs in the Dresden region"


# --- sitemap.xml ---------------------------------------------------------------------------------


def sitemap_urls(client) -> dict[str, dict[str, str]]:
    """Each listed address with its alternates by language (hreflang → address)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 – our own sitemap
    return {
        url.findtext(f"{SITEMAP}loc", ""): {
            link.get("hreflang", ""): link.get("href", "") for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SITEMAP}url")
    }


def in_both_languages(path_of) -> tuple[str, str]:
    with translation.override("de"):
        german = "http://testserver" + path_of()
    with translation.override("en"):
        english = "http://testserver" + path_of()
    return german, english


def test_sitemap_lists_published_postings_and_verified_companies_in_both_languages(client, db):
    posting = PostingFactory.create()

    urls = sitemap_urls(client)

    for thing in (posting, posting.company):
        german, english = in_both_languages(thing.get_absolute_url)
        assert german != english
        assert german in urls
        assert english in urls
        assert urls[german] == {"de": german, "en": english, "x-default": german}
    home, english_home = in_both_languages(lambda: reverse("home"))
    assert home in urls
    assert english_home in urls
    for name in ("companies:company_list", "companies:posting_search"):
        german, english = in_both_languages(lambda name=name: reverse(name))
        assert german in urls
        assert english in urls


def test_sitemap_omits_drafts_closed_postings_and_unverified_companies(client, db):
    hidden = [
        PostingFactory.create(status=Posting.Status.DRAFT, published_at=None),
        PostingFactory.create(status=Posting.Status.EXPIRED),
        PostingFactory.create(status=Posting.Status.FILLED),
        PostingFactory.create(status=Posting.Status.WITHDRAWN),
        PostingFactory.create(expires_at=timezone.now() - timedelta(hours=1)),
    ]
    unverified = CompanyFactory.create(verification_status=Company.Verification.PENDING)
    PostingFactory.create(company=unverified)

    urls = sitemap_urls(client)

    listed = " ".join(urls)
    for posting in hidden:
        assert f"/{posting.pk}-" not in listed
    assert unverified.slug not in listed


def test_posting_lastmod_is_its_last_change(client, db):
    posting = PostingFactory.create()
    Posting.objects.filter(pk=posting.pk).update(
        updated_at=timezone.make_aware(datetime(2025, 4, 1, 12, 0))
    )

    response = client.get("/sitemap.xml")

    root = ElementTree.fromstring(response.content)  # noqa: S314 – our own sitemap
    lastmods = {
        url.findtext(f"{SITEMAP}loc", ""): url.findtext(f"{SITEMAP}lastmod")
        for url in root.iter(f"{SITEMAP}url")
    }
    assert (
        lastmods["http://testserver" + posting.get_absolute_url()] == date(2025, 4, 1).isoformat()
    )
