from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from companies.factories import (
    CompanyFactory,
    CompanySiteFactory,
    MembershipFactory,
    PostingFactory,
    PostingLanguageFactory,
    PostingSkillFactory,
)
from companies.models import Company, Posting, PostingType, Report, Workplace
from companies.search import refresh_search_fields
from region.factories import dresden, goerlitz, zittau
from taxonomy.factories import SkillFactory


def search(client, **params):
    return client.get(reverse("companies:posting_search"), params)


def titles(response) -> list[str]:
    return [posting.title for posting in response.context["page"]]


# --- Directory ----------------------------------------------------------------------------------


def test_directory_lists_verified_companies_only(client, db):
    CompanyFactory(name="Geprüfte GmbH")
    CompanyFactory(name="Ungeprüfte GmbH", verification_status=Company.Verification.PENDING)
    response = client.get(reverse("companies:company_list"))
    assert response.status_code == 200
    assert "Geprüfte GmbH" in response.text
    assert "Ungeprüfte GmbH" not in response.text


def test_directory_filters_by_district_and_hiring(client, db):
    in_goerlitz = CompanySiteFactory(town=goerlitz()).company
    in_dresden = CompanySiteFactory(town=dresden()).company
    PostingFactory(company=in_dresden)
    response = client.get(reverse("companies:company_list"), {"district": "goerlitz"})
    assert [company.pk for company in response.context["page"]] == [in_goerlitz.pk]
    response = client.get(reverse("companies:company_list"), {"hiring": "on"})
    assert [company.pk for company in response.context["page"]] == [in_dresden.pk]


@pytest.mark.parametrize("number_of_companies", [10, 60])
def test_directory_runs_a_constant_number_of_queries(
    client, db, django_assert_max_num_queries, number_of_companies
):
    for _ in range(number_of_companies):
        PostingFactory(company=CompanySiteFactory().company)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("companies:company_list"))
    assert response.status_code == 200


def test_unverified_company_page_is_hidden_from_the_public_but_previewed_by_its_team(client, bob):
    company = CompanyFactory(verification_status=Company.Verification.PENDING)
    MembershipFactory(company=company, user=bob)
    assert client.get(company.get_absolute_url()).status_code == 404
    client.force_login(bob)
    response = client.get(company.get_absolute_url())
    assert response.status_code == 200
    assert "Vorschau" in response.text or "Preview" in response.text


def test_company_page_shows_only_its_live_postings(client, db):
    company = CompanyFactory()
    PostingFactory(company=company, title="Offene Stelle")
    PostingFactory(company=company, title="Entwurf", status=Posting.Status.DRAFT)
    response = client.get(company.get_absolute_url())
    assert "Offene Stelle" in response.text
    assert "Entwurf" not in response.text


# --- Search ---------------------------------------------------------------------------------------


def test_search_finds_german_words_in_other_forms(client, db):
    PostingFactory(title="Entwicklung von Messsystemen für Halbleiterfabriken")
    PostingFactory(title="Pflegefachkraft")
    assert titles(search(client, q="Entwicklungen Halbleiterfabrik")) == [
        "Entwicklung von Messsystemen für Halbleiterfabriken"
    ]


def test_search_finds_postings_by_skill_in_english(client, db):
    posting = PostingFactory(title="Werkstudent*in Automatisierung")
    PostingSkillFactory(
        posting=posting,
        skill=SkillFactory(label_de="SPS-Programmierung", label_en="PLC programming"),
    )
    from companies.search import refresh_search_fields

    refresh_search_fields(Posting.objects.all())
    PostingFactory(title="Buchhaltung")
    assert titles(search(client, q="PLC programming")) == ["Werkstudent*in Automatisierung"]


def test_title_weighs_more_than_description(client, db):
    PostingFactory(
        title="Assistenz der Geschäftsführung", description_de="Auch Python ist gern gesehen."
    )
    PostingFactory(title="Python-Entwickler*in", description_de="Backend-Entwicklung.")
    assert titles(search(client, q="Python", sort="relevance")) == [
        "Python-Entwickler*in",
        "Assistenz der Geschäftsführung",
    ]


def test_search_filters_combine_and_stay_in_the_url(client, db):
    PostingFactory(
        title="Werkstudent 12h", posting_type=PostingType.WORKING_STUDENT, hours_per_week=12
    )
    PostingFactory(
        title="Werkstudent 20h", posting_type=PostingType.WORKING_STUDENT, hours_per_week=20
    )
    PostingFactory(title="Vollzeit", posting_type=PostingType.FULL_TIME, hours_per_week=40)
    response = search(client, type="working_student", hours="11_to_15")
    assert titles(response) == ["Werkstudent 12h"]
    assert 'value="working_student" checked' in response.text or "checked" in response.text


def test_international_talents_can_hide_postings_that_need_german(client, db):
    PostingLanguageFactory(posting=PostingFactory(title="Deutsch nötig"), language="de", level=4)
    PostingLanguageFactory(posting=PostingFactory(title="English only"), language="en", level=4)
    assert titles(search(client, without_german="on")) == ["English only"]


def test_remote_filter_keeps_remote_and_hybrid(client, db):
    PostingFactory(title="Vor Ort", workplace=Workplace.ON_SITE)
    PostingFactory(title="Hybrid", workplace=Workplace.HYBRID)
    PostingFactory(title="Remote", workplace=Workplace.REMOTE)
    assert sorted(titles(search(client, remote="on"))) == ["Hybrid", "Remote"]


def test_distance_sort_puts_zittau_before_dresden_for_someone_in_goerlitz(client, db):
    in_dresden = PostingFactory(title="In Dresden", sites=[])
    in_dresden.sites.set([CompanySiteFactory(company=in_dresden.company, town=dresden())])
    in_zittau = PostingFactory(title="In Zittau", sites=[])
    in_zittau.sites.set([CompanySiteFactory(company=in_zittau.company, town=zittau())])
    refresh_search_fields(Posting.objects.all())
    goerlitz()
    response = search(client, near="goerlitz", sort="distance")
    assert titles(response) == ["In Zittau", "In Dresden"]
    distances = [round(posting.distance) for posting in response.context["page"]]
    assert 25 <= distances[0] <= 35
    assert 80 <= distances[1] <= 100


def test_facets_count_the_results(client, db):
    PostingFactory(posting_type=PostingType.THESIS, fields_of_study=["computer_science"])
    PostingFactory(posting_type=PostingType.THESIS, fields_of_study=["mechatronics"])
    PostingFactory(posting_type=PostingType.INTERNSHIP, fields_of_study=["computer_science"])
    facets = search(client).context["facets"]
    assert facets["type"]["thesis"] == 2
    assert facets["type"]["internship"] == 1
    assert facets["field"]["computer_science"] == 2
    assert facets["district"]["dresden"] == 3
    page = search(client).text
    assert "Informatik und Software (2)</option>" in page


def test_search_shows_published_live_postings_of_verified_companies_only(client, db):
    PostingFactory(title="Sichtbar")
    PostingFactory(title="Entwurf", status=Posting.Status.DRAFT)
    PostingFactory(title="Abgelaufen", expires_at=timezone.now() - timedelta(minutes=1))
    PostingFactory(
        title="Firma ungeprüft",
        company=CompanyFactory(verification_status=Company.Verification.PENDING),
    )
    assert titles(search(client)) == ["Sichtbar"]


def test_search_pages_through_results(client, db):
    for number in range(25):
        PostingFactory(title=f"Stelle {number}")
    first, second = search(client), search(client, page=2)
    assert len(first.context["page"]) == 20
    assert len(second.context["page"]) == 5


def test_bad_filter_values_do_not_break_the_search(client, db):
    PostingFactory()
    response = search(client, type="astronaut", near="atlantis", hours="lots", page="x")
    assert response.status_code == 200


@pytest.mark.parametrize("number_of_postings", [10, 100])
def test_search_runs_a_constant_number_of_queries(
    client, db, django_assert_max_num_queries, number_of_postings
):
    company = CompanyFactory()
    site = CompanySiteFactory(company=company)
    for _ in range(number_of_postings):
        PostingLanguageFactory(posting=PostingFactory(company=company, sites=[site]))
    dresden()
    # session, user, towns (for distances), facets from the cache or one scan (+ storing them),
    # the page, its sites: the same for 10 and for 100 postings
    with django_assert_max_num_queries(14):
        response = search(client, q="Software", near="dresden", sort="distance")
    assert response.status_code == 200


# --- Posting page -----------------------------------------------------------------------------------


def test_live_posting_page_has_structured_data_and_canonical_url(client, db):
    posting = PostingFactory()
    response = client.get(posting.get_absolute_url())
    assert response.status_code == 200
    assert 'type="application/ld+json"' in response.text
    assert f'rel="canonical" href="http://testserver{posting.get_absolute_url()}"' in response.text


def test_wrong_slug_redirects_to_the_canonical_url(client, db):
    posting = PostingFactory()
    response = client.get(
        reverse("companies:posting_detail", kwargs={"pk": posting.pk, "slug": "alt"})
    )
    assert response.status_code == 301
    assert response["Location"] == posting.get_absolute_url()


def test_closed_posting_answers_410_with_similar_openings(client, db):
    closed = PostingFactory(
        status=Posting.Status.FILLED, posting_type=PostingType.THESIS, title="Vergeben"
    )
    PostingFactory(posting_type=PostingType.THESIS, title="Ähnliche Abschlussarbeit")
    response = client.get(closed.get_absolute_url())
    assert response.status_code == 410
    assert "Ähnliche Abschlussarbeit" in response.text
    assert "application/ld+json" not in response.text


def test_draft_is_hidden_from_the_public_and_previewed_by_its_team(client, bob):
    draft = PostingFactory(status=Posting.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    MembershipFactory(company=draft.company, user=bob)
    client.force_login(bob)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert 'name="robots" content="noindex"' in response.text


@pytest.mark.parametrize("number_of_skills", [1, 15])
def test_posting_page_runs_a_constant_number_of_queries(
    client, db, django_assert_max_num_queries, number_of_skills
):
    posting = PostingFactory()
    for _ in range(number_of_skills):
        PostingSkillFactory(posting=posting)
    with django_assert_max_num_queries(8):
        client.get(posting.get_absolute_url())


# --- Reports ---------------------------------------------------------------------------------------


def test_anybody_can_report_a_posting(client, db):
    posting = PostingFactory()
    url = reverse("companies:posting_report", kwargs={"pk": posting.pk, "slug": posting.slug})
    response = client.post(url, {"reason": "fraud", "text": "Verlangt Vorkasse."})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.posting, report.reason, report.reporter) == (posting, "fraud", None)


def test_report_without_text_explains_and_keeps_the_choice(client, db):
    company = CompanyFactory()
    response = client.post(
        reverse("companies:company_report", kwargs={"slug": company.slug}), {"reason": "wrong"}
    )
    assert response.status_code == 200
    assert 'value="wrong" selected' in response.text
    assert not Report.objects.exists()


def test_each_facet_counts_what_the_other_filters_leave(client, db):
    PostingFactory(posting_type=PostingType.THESIS, fields_of_study=["computer_science"])
    PostingFactory(posting_type=PostingType.INTERNSHIP, fields_of_study=["computer_science"])
    PostingFactory(posting_type=PostingType.INTERNSHIP, fields_of_study=["mechatronics"])
    facets = search(client, type="thesis", field="computer_science").context["facets"]
    assert facets["all"]["total"] == 1
    # type counts ignore the ticked type, but respect the field filter
    assert (facets["type"]["thesis"], facets["type"]["internship"]) == (1, 1)
    # field counts ignore the chosen field, but respect the type filter
    assert (facets["field"]["computer_science"], facets["field"]["mechatronics"]) == (1, 0)
