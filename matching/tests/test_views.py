"""The matches pages: who sees them, what they show, and that they cost the same few queries
however many rows they show."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from companies.factories import MembershipFactory
from companies.models import Company, Membership, Posting
from matching.models import MatchCount
from matching.tests.world import create_posting, create_talent
from region.factories import dresden, goerlitz
from talents.models import ContactRequest
from taxonomy.factories import SkillFactory

B2, C2 = 4, 6
BASIC, GOOD = 1, 2
MY_MATCHES = reverse("matching:my_matches")


@pytest.fixture
def plc(db):
    return SkillFactory(label_de="SPS-Programmierung", label_en="PLC programming")


@pytest.fixture
def cad(db):
    return SkillFactory(label_de="CAD-Konstruktion", label_en="CAD design")


def count(side: str) -> tuple[int, int]:
    row = MatchCount.objects.filter(side=side).first()
    return (row.shown, row.acted_on) if row else (0, 0)


# --- My matches -------------------------------------------------------------------------------------


def test_talent_sees_openings_ranked_with_score_reasons_and_missing_skills(client, alice, plc, cad):
    town = goerlitz()
    best = create_posting(towns=[town], skills={plc: (GOOD, True)}, title="SPS-Werkstudium")
    weaker = create_posting(
        towns=[town], skills={plc: (GOOD, True), cad: (GOOD, True)}, title="Konstruktion"
    )
    create_talent(user=alice, towns=[town], skills={plc: GOOD}, languages={"de": C2})
    client.force_login(alice)

    response = client.get(MY_MATCHES)

    assert response.status_code == 200
    matches = response.context["matches"]
    assert [match.item for match in matches] == [best, weaker]
    assert matches[0].total > matches[1].total
    html = response.content.decode()
    assert html.index("SPS-Werkstudium") < html.index("Konstruktion")
    assert "1 von 2 Muss-Kompetenzen" in html  # the reason as a sentence
    assert "Fehlende Muss-Kompetenzen: CAD-Konstruktion" in html
    assert "Vorschläge" in html  # the page says how scores are made
    assert count(MatchCount.Side.TALENT) == (2, 0)


def test_filters_narrow_the_matches(client, alice, plc):
    town = goerlitz()
    thesis = create_posting(towns=[town], posting_type="thesis", skills={plc: (GOOD, True)})
    create_posting(towns=[town], posting_type="full_time", skills={plc: (GOOD, True)})
    create_talent(user=alice, towns=[town], skills={plc: GOOD}, wanted_types=[])
    client.force_login(alice)

    response = client.get(MY_MATCHES, {"type": "thesis"})

    assert [match.item for match in response.context["matches"]] == [thesis]


def test_skills_that_would_open_openings_are_the_one_missing_must_have(client, alice, plc, cad):
    town = goerlitz()
    for _ in range(2):
        create_posting(towns=[town], skills={plc: (GOOD, True), cad: (GOOD, True)})
    create_talent(user=alice, towns=[town], skills={plc: GOOD}, wanted_types=[])
    client.force_login(alice)

    response = client.get(MY_MATCHES)

    (opening,) = response.context["openings"]
    assert (opening.skill, opening.postings) == (cad, 2)
    assert "CAD-Konstruktion: 2 Angebote" in response.content.decode()


def queries_for(client, url: str) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), response


def test_my_matches_take_the_same_queries_for_3_or_20_openings(client, alice, plc):
    town = goerlitz()
    create_talent(user=alice, towns=[town], skills={plc: GOOD}, wanted_types=[])
    client.force_login(alice)
    client.get(MY_MATCHES)  # caches filled once per process are not the page's queries
    counts = []
    for rows in (3, 17):
        for _ in range(rows):
            create_posting(towns=[town], skills={plc: (GOOD, True)})
        number, response = queries_for(client, MY_MATCHES)
        counts.append(number)
    assert len(response.context["matches"]) == 20
    assert counts[0] == counts[1] <= 23


def test_recruiters_have_no_matches_page(client, bob):
    client.force_login(bob)
    assert client.get(MY_MATCHES).status_code == 403


def test_applying_from_a_match_is_counted_and_leads_to_the_form(client, alice):
    posting = create_posting()
    create_talent(user=alice)
    client.force_login(alice)

    response = client.get(reverse("matching:apply_from_match", args=[posting.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("talents:apply", args=[posting.pk])
    assert count(MatchCount.Side.TALENT) == (0, 1)


# --- Matching talents for a posting -----------------------------------------------------------------


@pytest.fixture
def posting_of_bob(bob, plc):
    posting = create_posting(towns=[dresden()], skills={plc: (GOOD, True)})
    MembershipFactory(company=posting.company, user=bob, role=Membership.Role.OWNER)
    return posting


def test_recruiter_sees_visible_talents_ranked_as_anonymous_cards(client, bob, posting_of_bob, plc):
    town = dresden()
    strong = create_talent(towns=[town], skills={plc: GOOD})
    weak = create_talent(towns=[town], skills={plc: BASIC})
    hidden = create_talent(towns=[town], skills={plc: GOOD}, visible=False)
    client.force_login(bob)

    response = client.get(reverse("matching:matching_talents", args=[posting_of_bob.pk]))

    assert response.status_code == 200
    cards = [match.item for match in response.context["matches"]]
    assert cards == [strong, weak]
    assert hidden not in cards
    html = response.content.decode()
    assert strong.user.email not in html and strong.user.display_name not in html
    assert "Kontakt anfragen" in html
    assert count(MatchCount.Side.COMPANY) == (2, 0)


def test_matching_talents_take_the_same_queries_for_3_or_20_cards(client, bob, posting_of_bob, plc):
    town = dresden()
    client.force_login(bob)
    url = reverse("matching:matching_talents", args=[posting_of_bob.pk])
    client.get(url)  # caches filled once per process are not the page's queries
    counts = []
    for rows in (3, 17):
        for _ in range(rows):
            create_talent(towns=[town], skills={plc: GOOD}, languages={"de": C2, "en": B2})
        number, response = queries_for(client, url)
        counts.append(number)
    assert len(response.context["matches"]) == 20
    assert counts[0] == counts[1] <= 23


def test_unverified_company_waits_for_verification(client, bob, posting_of_bob, plc):
    Company.objects.filter(pk=posting_of_bob.company_id).update(
        verification_status=Company.Verification.PENDING
    )
    create_talent(towns=[dresden()], skills={plc: GOOD})
    client.force_login(bob)

    response = client.get(reverse("matching:matching_talents", args=[posting_of_bob.pk]))

    assert response.context["waiting"] is True
    assert "matches" not in response.context


def test_another_companys_recruiter_gets_nothing(client, posting_of_bob):
    other = MembershipFactory().user
    client.force_login(other)
    url = reverse("matching:matching_talents", args=[posting_of_bob.pk])
    assert client.get(url).status_code == 404


def test_contact_request_from_a_card_is_counted_and_opens_the_form(
    client, bob, posting_of_bob, plc
):
    talent = create_talent(towns=[dresden()], skills={plc: GOOD})
    client.force_login(bob)
    url = reverse("matching:contact_from_match", args=[posting_of_bob.pk, talent.pk])

    assert client.get(url).status_code == 405
    response = client.post(url)

    assert response["Location"] == reverse(
        "talents:contact_request_create", args=[posting_of_bob.company.slug, talent.pk]
    )
    assert count(MatchCount.Side.COMPANY) == (0, 1)


def test_a_pending_contact_request_replaces_the_button(client, bob, posting_of_bob, plc):
    talent = create_talent(towns=[dresden()], skills={plc: GOOD})
    ContactRequest.objects.create(
        company=posting_of_bob.company, profile=talent, sent_by=bob, message="Hallo"
    )
    client.force_login(bob)

    response = client.get(reverse("matching:matching_talents", args=[posting_of_bob.pk]))

    assert talent.pk in response.context["pending"]
    assert "Kontaktanfrage gesendet" in response.content.decode()


# --- Staff figures -----------------------------------------------------------------------------------


def test_staff_see_match_figures_others_do_not(client, carol, alice, bob):
    MatchCount.objects.create(side=MatchCount.Side.TALENT, shown=40, acted_on=3)
    url = reverse("matching:statistics")
    for person in (alice, bob):
        client.force_login(person)
        assert client.get(url).status_code == 302  # to the admin's sign-in
    client.force_login(carol)

    response = client.get(url)

    assert response.status_code == 200
    assert list(response.context["months"])[0]["shown"] == 40


def test_match_counts_add_up_within_a_day(db):
    from matching.services import count_matches

    count_matches(side=MatchCount.Side.TALENT, shown=5)
    count_matches(side=MatchCount.Side.TALENT, shown=2, acted_on=1)

    assert count(MatchCount.Side.TALENT) == (7, 1)
    assert MatchCount.objects.get().day == timezone.localdate()


def test_closed_postings_never_appear_in_matches(client, alice, plc):
    town = goerlitz()
    posting = create_posting(towns=[town], skills={plc: (GOOD, True)})
    Posting.objects.filter(pk=posting.pk).update(expires_at=timezone.now() - timedelta(days=1))
    create_talent(user=alice, towns=[town], skills={plc: GOOD})
    client.force_login(alice)

    assert client.get(MY_MATCHES).context["matches"] == []


def test_the_impact_report_counts_matches_shown_and_acted_on_in_the_period(db):
    from datetime import date

    from matching.reports import matches_shown_and_acted_on

    MatchCount.objects.create(
        day=date(2026, 3, 2), side=MatchCount.Side.TALENT, shown=30, acted_on=4
    )
    MatchCount.objects.create(
        day=date(2026, 3, 9), side=MatchCount.Side.COMPANY, shown=12, acted_on=2
    )
    MatchCount.objects.create(day=date(2025, 12, 1), side=MatchCount.Side.TALENT, shown=99)

    figures = dict(matches_shown_and_acted_on(date(2026, 1, 1), date(2026, 12, 31)))

    assert list(figures.values()) == [30, 4, 12, 2]
