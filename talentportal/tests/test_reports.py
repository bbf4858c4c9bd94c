"""Impact reports: counts in a period for the funder, "< 5" for small groups, no personal data,
staff only, charts with tables, CSV, one query per section."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from companies.factories import CompanyFactory, CompanySiteFactory, PostingFactory
from companies.models import Company, PostingType, SizeClass
from region.factories import goerlitz
from talentportal import reports
from talentportal.reports import Figure, SectionSpec, build_report, build_section, months_between
from talents.factories import ApplicationFactory, TalentProfileFactory
from talents.models import Application, ContactRequest, TalentProfile, University

URL = "/berichte/"
BERLIN = ZoneInfo("Europe/Berlin")
YEAR = {"start": "2026-01-01", "end": "2026-12-31"}


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def figures(section_key: str, start=date(2026, 1, 1), end=date(2026, 12, 31)) -> dict[str, str]:
    spec = next(spec for spec in reports.SECTIONS if spec.key == section_key)
    return {figure.label: figure.shown for figure in build_section(spec, start, end).figures}


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN)


def talents(count: int, *, when: datetime, **fields) -> list[TalentProfile]:
    profiles = TalentProfileFactory.create_batch(count, **fields)
    TalentProfile.objects.filter(pk__in=[p.pk for p in profiles]).update(created_at=when)
    return profiles


# --- The "< 5" rule --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0"), (1, "< 5"), (4, "< 5"), (5, "5"), (123, "123")]
)
def test_groups_of_one_to_four_are_shown_as_less_than_five(count, shown):
    assert Figure("x", "x", count).shown == shown


def test_hidden_groups_get_no_bar_and_do_not_set_the_scale():
    section = reports.Section("s", "S", "", [Figure("a", "A", 3), Figure("b", "B", 10)])
    small, large = section.bars
    assert (small.width, small.shown) == (0, "< 5")
    assert large.width == section.BAR_AREA


# --- Figures ---------------------------------------------------------------------------------------


def test_talents_by_status_university_and_origin(db):
    tud = University.objects.get(name="Technische Universität Dresden")  # reference data
    when = at(date(2026, 3, 1))
    talents(6, when=when, university=tud, work_permit="eu")
    talents(2, when=when, status=TalentProfile.Status.GRADUATE, work_permit="student_visa")
    assert figures("talents_status") == {
        "Studierende*r": "6", "Absolvent*in": "< 5", "Berufseinsteiger*in": "0", "Wissenschaftler*in": "0",
    }  # fmt: skip
    assert figures("talents_university") == {
        "Technische Universität Dresden": "6",
        "Keine Angabe": "< 5",
    }
    origin = figures("talents_origin")
    assert list(origin.values()) == ["6", "< 5", "0"]


def test_companies_by_size_district_and_sector(db):
    for _ in range(5):
        CompanySiteFactory(company=CompanyFactory(size_class=SizeClass.MICRO), town=goerlitz())
    CompanyFactory(verification_status=Company.Verification.PENDING)  # not counted
    by_size = figures("companies_size")
    assert by_size["1–9 Beschäftigte"] == "5" and by_size["10–49 Beschäftigte"] == "0"
    assert figures("companies_district")["Görlitz"] == "5"
    assert figures("companies_sector")["Verarbeitendes Gewerbe"] == "5"


def test_postings_by_type_counts_publications_in_the_period(db):
    PostingFactory.create_batch(
        5, posting_type=PostingType.THESIS, published_at=at(date(2026, 5, 5))
    )
    PostingFactory(posting_type=PostingType.THESIS, published_at=at(date(2025, 5, 5)))
    assert figures("postings_type")["Bachelor- oder Masterarbeit"] == "5"


def test_period_includes_its_first_and_last_day_in_local_time(db):
    start, end = date(2026, 3, 1), date(2026, 3, 31)
    for moment in (at(start, 0), at(end, 23), at(date(2026, 2, 28), 23), at(date(2026, 4, 1), 0)):
        talents(5, when=moment)
    # 5 on the first day just after midnight and 5 on the last day just before: 10 in all.
    assert figures("talents_status", start, end)["Studierende*r"] == "10"


def test_monthly_sections_have_every_month_of_the_period(db):
    posting = PostingFactory()
    applications = ApplicationFactory.create_batch(6, posting=posting)
    Application.objects.filter(pk__in=[a.pk for a in applications[:5]]).update(
        created_at=at(date(2026, 2, 10))
    )
    Application.objects.filter(pk=applications[5].pk).update(
        created_at=at(date(2026, 4, 1)),
        status=Application.Status.HIRED,
        updated_at=at(date(2026, 4, 2)),
    )
    by_month = figures("applications", date(2026, 1, 15), date(2026, 4, 30))
    assert by_month == {
        "Januar 2026": "0",
        "Februar 2026": "5",
        "März 2026": "0",
        "April 2026": "< 5",
    }
    assert figures("hires", date(2026, 1, 1), date(2026, 4, 30))["April 2026"] == "< 5"
    assert set(figures("contact_requests", date(2026, 1, 1), date(2026, 4, 30)).values()) == {"0"}


def test_months_between_crosses_the_year():
    assert months_between(date(2025, 11, 30), date(2026, 2, 1)) == [
        date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)
    ]  # fmt: skip


def test_sections_of_other_apps_plug_in_by_dotted_path(db):
    monthly = SectionSpec(
        "event_participation",
        "Teilnahme",
        "",
        "talentportal.tests.report_sections.participation_by_month",
        monthly=True,
    )
    categories = SectionSpec(
        "matches", "Passungen", "", "talentportal.tests.report_sections.matches_shown_and_acted_on"
    )
    events, matches = build_report(date(2026, 6, 1), date(2026, 7, 31), [monthly, categories])
    assert [(f.key, f.shown) for f in events.figures] == [("2026-06", "8"), ("2026-07", "0")]
    assert [(f.label, f.shown) for f in matches.figures] == [
        ("Vorschläge angezeigt", "120"),
        ("Vorschläge genutzt", "< 5"),
    ]


def test_report_runs_one_query_per_section_however_much_data(db):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as context:
            build_report(date(2026, 1, 1), date(2026, 12, 31))
        return len(context)

    when = at(date(2026, 6, 1))
    talents(3, when=when)
    few = count_queries()
    talents(40, when=when)
    for _ in range(20):
        application = ApplicationFactory()
        ContactRequest.objects.create(
            company=application.posting.company, profile=application.profile, message="Hallo"
        )
    assert count_queries() == few == len(reports.SECTIONS)


# --- The page ----------------------------------------------------------------------------------------


def test_staff_see_charts_with_tables_and_no_personal_data(staff_client, db):
    people = talents(6, when=timezone.now()) + talents(2, when=timezone.now(), status="graduate")
    response = staff_client.get(
        URL,
        YEAR
        | {
            "start": f"{timezone.localdate().year}-01-01",
            "end": f"{timezone.localdate().year}-12-31",
        },
    )
    assert response.status_code == 200
    text = response.text
    assert text.count('role="img"') == len(reports.SECTIONS)
    assert text.count("<caption>") == len(reports.SECTIONS)
    assert '<title id="chart-talents_status-title">Talente nach Status</title>' in text
    assert '<td class="number">&lt; 5</td>' in text and '<td class="number">6</td>' in text
    for profile in people:
        assert profile.user.email not in text and profile.user.display_name not in text


def test_report_defaults_to_this_year(staff_client, db):
    response = staff_client.get(URL)
    assert response.status_code == 200
    today = timezone.localdate()
    assert (
        f'value="{today.year}-01-01"' in response.text
        and f'value="{today.isoformat()}"' in response.text
    )


def test_report_in_english(staff_client, db):
    response = staff_client.get("/en/reports/", YEAR)
    assert response.status_code == 200
    assert '<html lang="en">' in response.text and "Talents by status" in response.text
    assert "January 2026" in response.text


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ({"start": "2026-05-01", "end": "2026-04-01"}, "darf nicht vor seinem Beginn"),
        ({"start": "2000-01-01", "end": "2026-01-01"}, "höchstens zehn Jahren"),
        ({"start": "kein Datum", "end": "2026-01-01"}, "Bitte ein gültiges Datum eingeben"),
    ],
)
def test_invalid_period_is_explained_and_kept(staff_client, period, message):
    response = staff_client.get(URL, period)
    assert response.status_code == 400
    assert message in response.text
    assert 'role="alert"' in response.text
    assert f'value="{period["start"]}"' in response.text
    assert 'role="img"' not in response.text


def test_csv_has_exactly_the_shown_figures(staff_client, db):
    talents(3, when=at(date(2026, 2, 1)), status=TalentProfile.Status.RESEARCHER)
    response = staff_client.get(URL, YEAR | {"section": "talents_status", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        "impact-report-talents_status-2026-01-01-2026-12-31.csv" in response["Content-Disposition"]
    )
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Abschnitt;Schlüssel;Bezeichnung;Anzahl"
    assert "Talente nach Status;Wissenschaftler*in;Wissenschaftler*in;< 5" in lines
    assert len(lines) == 1 + len(TalentProfile.Status.choices)
    everything = staff_client.get(URL, YEAR | {"section": "all", "format": "csv"}).content.decode(
        "utf-8-sig"
    )
    assert "Bewerbungen nach Monat;2026-12;Dezember 2026;0" in everything


def test_csv_cells_never_start_a_formula(staff_client, db):
    University.objects.create(name="=HYPERLINK(1)", city="X", kind="other")
    talents(5, when=at(date(2026, 2, 1)), university=University.objects.get(name="=HYPERLINK(1)"))
    text = staff_client.get(
        URL, YEAR | {"section": "talents_university", "format": "csv"}
    ).content.decode("utf-8-sig")
    assert ";'=HYPERLINK(1);" in text


def test_unknown_section_is_not_found(staff_client):
    assert staff_client.get(URL, YEAR | {"section": "nope", "format": "csv"}).status_code == 404


def test_visitors_sign_in_first_and_others_are_refused(client, alice, bob):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for person in (alice, bob):
        client.force_login(person)
        assert client.get(URL).status_code == 403


def test_staff_without_two_factor_set_it_up_first(client, carol):
    client.force_login(carol)
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/totp/activate/"


def test_admin_index_links_the_report(staff_client):
    response = staff_client.get("/admin/")
    assert response.status_code == 200
    assert 'href="/berichte/"' in response.text
