from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from accounts.factories import TalentUserFactory
from companies.factories import CompanyFactory, PostingFactory
from companies.models import Company, Posting, PostingType
from talents.models import Bookmark, Consent, SavedSearch
from talents.services.profiles import CONSENT_TEXT_VERSION
from talents.services.saved import send_search_alerts


def toggle(client, **data):
    return client.post(reverse("talents:bookmark_toggle"), data)


@pytest.fixture
def posting(db):
    return PostingFactory(title="Werkstudent*in Python")


def give_alerts_consent(user, *, given=True):
    return Consent.objects.create(
        user=user, kind=Consent.Kind.ALERTS, given=given, text_version=CONSENT_TEXT_VERSION
    )


# --- Bookmarks -----------------------------------------------------------------------------------


def test_talent_bookmarks_a_posting_and_returns_to_it(client, alice, posting):
    client.force_login(alice)
    response = toggle(client, posting=posting.pk, next=posting.get_absolute_url())
    assert response.status_code == 302
    assert response.url == posting.get_absolute_url()
    assert Bookmark.objects.get(user=alice).posting == posting

    toggle(client, posting=posting.pk, next=posting.get_absolute_url())
    assert not Bookmark.objects.filter(user=alice).exists()


def test_talent_bookmarks_a_company(client, alice):
    company = CompanyFactory(name="Elbtal Sensorik GmbH")
    client.force_login(alice)
    toggle(client, company=company.pk, next=company.get_absolute_url())
    response = client.get(reverse("talents:bookmarks"))
    assert "Elbtal Sensorik GmbH" in response.text


def test_bookmarking_needs_a_signed_in_person_and_a_post(client, alice, posting):
    response = toggle(client, posting=posting.pk)
    assert response.status_code == 302
    assert reverse("account_login") in response.url
    client.force_login(alice)
    assert client.get(reverse("talents:bookmark_toggle")).status_code == 405
    assert not Bookmark.objects.exists()


def test_draft_postings_and_unverified_companies_cannot_be_bookmarked(client, alice):
    draft = PostingFactory(status=Posting.Status.DRAFT)
    unverified = CompanyFactory(verification_status=Company.Verification.PENDING)
    client.force_login(alice)
    assert toggle(client, posting=draft.pk).status_code == 404
    assert toggle(client, company=unverified.pk).status_code == 404
    assert toggle(client, posting="nonsense").status_code == 404
    assert toggle(client).status_code == 404
    assert not Bookmark.objects.exists()


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/jobs/", "javascript:alert(1)", "", "home"],
)
def test_bookmark_toggle_never_redirects_to_another_site(client, alice, posting, next_url):
    client.force_login(alice)
    response = toggle(client, posting=posting.pk, next=next_url)
    assert response.url == reverse("talents:bookmarks")


def test_closed_bookmarked_posting_shows_as_closed_and_can_still_be_removed(client, alice, posting):
    Bookmark.objects.create(user=alice, posting=posting)
    posting.status, posting.closed_at = Posting.Status.FILLED, timezone.now()
    posting.save()
    client.force_login(alice)
    with translation.override("en"):
        response = client.get(reverse("talents:bookmarks"))
    assert "Werkstudent*in Python" in response.text
    assert "Closed" in response.text

    toggle(client, posting=posting.pk, next=reverse("talents:bookmarks"))
    assert not Bookmark.objects.filter(user=alice).exists()


def test_talent_cannot_remove_another_persons_bookmark(client, alice, bob, posting):
    Bookmark.objects.create(user=alice, posting=posting)
    posting.status = Posting.Status.WITHDRAWN
    posting.save()
    client.force_login(bob)
    assert toggle(client, posting=posting.pk).status_code == 404
    assert Bookmark.objects.filter(user=alice, posting=posting).exists()


def test_bookmarks_page_shows_only_own_bookmarks(client, alice, bob, posting):
    Bookmark.objects.create(user=bob, posting=PostingFactory(title="Bobs Merkzettel"))
    Bookmark.objects.create(user=alice, posting=posting)
    client.force_login(alice)
    response = client.get(reverse("talents:bookmarks"))
    assert "Werkstudent*in Python" in response.text
    assert "Bobs Merkzettel" not in response.text


@pytest.mark.parametrize("number", [3, 20])
def test_bookmarks_page_runs_a_constant_number_of_queries(
    client, alice, django_assert_max_num_queries, number
):
    for _ in range(number):
        posting = PostingFactory()
        Bookmark.objects.create(user=alice, posting=posting)
        Bookmark.objects.create(user=alice, company=posting.company)
    client.force_login(alice)
    client.get(reverse("talents:bookmarks"))  # warm-up: session and caches
    with django_assert_max_num_queries(4):
        response = client.get(reverse("talents:bookmarks"))
    assert response.status_code == 200


# --- Saving searches -----------------------------------------------------------------------------


def save(client, **changes):
    data = {"name": "Python in Dresden", "query": "q=Python&page=3", "frequency": "never"}
    data.update(changes)
    return client.post(reverse("talents:saved_search_create"), data)


def test_talent_saves_a_search_without_emails(client, alice):
    client.force_login(alice)
    response = save(client)
    assert response.status_code == 302
    saved = SavedSearch.objects.get(user=alice)
    assert saved.query == "q=Python"  # the page is not part of the search
    assert saved.frequency == SavedSearch.Frequency.NEVER
    assert not Consent.objects.exists()


def test_saving_a_search_needs_a_signed_in_person(client, db):
    response = save(client)
    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert not SavedSearch.objects.exists()


def test_weekly_emails_need_the_consent_box(client, alice):
    client.force_login(alice)
    response = save(client, frequency="weekly")
    assert response.status_code == 200
    assert response.context["form"].errors["consent"]
    assert not SavedSearch.objects.exists()
    assert not Consent.objects.exists()


def test_consent_is_recorded_once_with_its_text_version(client, alice):
    client.force_login(alice)
    save(client, frequency="weekly", consent="on")
    save(client, name="Abschlussarbeiten", frequency="daily", consent="on")
    assert SavedSearch.objects.filter(user=alice).count() == 2
    consent = Consent.objects.get(user=alice)
    assert consent.kind == Consent.Kind.ALERTS
    assert consent.given
    assert consent.text_version == CONSENT_TEXT_VERSION


def test_save_search_page_is_prefilled_from_the_search(client, alice):
    client.force_login(alice)
    response = client.get(reverse("talents:saved_search_create"), {"query": "type=thesis"})
    assert response.status_code == 200
    assert response.context["form"]["query"].value() == "type=thesis"


def test_saved_searches_page_links_to_results_and_describes_them(client, alice, bob):
    SavedSearch.objects.create(user=alice, name="Abschlussarbeiten", query="type=thesis&q=Sensor")
    SavedSearch.objects.create(user=bob, name="Bobs Suche")
    client.force_login(alice)
    response = client.get(reverse("talents:saved_searches"))
    assert "Abschlussarbeiten" in response.text
    assert "Bobs Suche" not in response.text
    assert f"{reverse('companies:posting_search')}?type=thesis&amp;q=Sensor" in response.text
    assert "Sensor" in response.text


@pytest.mark.parametrize("number", [3, 20])
def test_saved_searches_page_runs_a_constant_number_of_queries(
    client, alice, django_assert_max_num_queries, number
):
    for index in range(number):
        SavedSearch.objects.create(user=alice, name=f"Suche {index}", query="town=dresden")
    client.force_login(alice)
    client.get(reverse("talents:saved_searches"))  # warm-up
    with django_assert_max_num_queries(5):
        response = client.get(reverse("talents:saved_searches"))
    assert response.status_code == 200


def change_frequency(client, saved, **data):
    posted = {"search": saved.pk}
    posted.update({f"search-{saved.pk}-{key}": value for key, value in data.items()})
    return client.post(reverse("talents:saved_searches"), posted)


def test_talent_switches_emails_on_with_consent_and_off_again(client, alice):
    saved = SavedSearch.objects.create(user=alice, name="Python", frequency="never")
    client.force_login(alice)
    response = change_frequency(client, saved, frequency="daily")
    assert response.status_code == 200  # the box was not ticked
    saved.refresh_from_db()
    assert saved.frequency == "never"

    change_frequency(client, saved, frequency="daily", consent="on")
    saved.refresh_from_db()
    assert saved.frequency == "daily"
    assert Consent.objects.get(user=alice).given

    change_frequency(client, saved, frequency="never")
    saved.refresh_from_db()
    assert saved.frequency == "never"


def test_talent_cannot_change_another_persons_saved_search(client, alice, bob):
    theirs = SavedSearch.objects.create(user=bob, name="Bobs Suche", frequency="weekly")
    client.force_login(alice)
    assert change_frequency(client, theirs, frequency="never").status_code == 404
    theirs.refresh_from_db()
    assert theirs.frequency == "weekly"


def test_talent_deletes_a_saved_search(client, alice):
    saved = SavedSearch.objects.create(user=alice, name="Python")
    client.force_login(alice)
    url = reverse("talents:saved_search_delete", args=[saved.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert not SavedSearch.objects.exists()


def test_talent_cannot_delete_another_persons_saved_search(client, alice, bob):
    theirs = SavedSearch.objects.create(user=bob, name="Bobs Suche")
    client.force_login(alice)
    response = client.post(reverse("talents:saved_search_delete", args=[theirs.pk]))
    assert response.status_code == 404
    assert SavedSearch.objects.filter(pk=theirs.pk).exists()


def test_stopping_all_emails_withdraws_the_consent(client, alice):
    give_alerts_consent(alice)
    saved = SavedSearch.objects.create(user=alice, name="Python", frequency="daily")
    client.force_login(alice)
    client.post(reverse("talents:saved_searches"), {"stop_alerts": "1"})
    saved.refresh_from_db()
    assert saved.frequency == "never"
    assert not Consent.objects.filter(user=alice).order_by("-at", "-pk").first().given


# --- Alerts --------------------------------------------------------------------------------------


def saved_a_while_ago(user, *, days=2, **fields):
    saved = SavedSearch.objects.create(user=user, **fields)
    SavedSearch.objects.filter(pk=saved.pk).update(created_at=timezone.now() - timedelta(days=days))
    saved.refresh_from_db()
    return saved


def published_ago(*, days=0, hours=0, **fields):
    return PostingFactory(published_at=timezone.now() - timedelta(days=days, hours=hours), **fields)


def run_alerts(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return send_search_alerts()


def test_alert_email_lists_new_matching_postings_in_the_persons_language(
    alice, django_capture_on_commit_callbacks
):
    alice.language = "en"
    alice.save()
    give_alerts_consent(alice)
    saved = saved_a_while_ago(alice, name="Theses", query="type=thesis", frequency="daily")
    published_ago(days=3, title="Alte Masterarbeit", posting_type=PostingType.THESIS)
    published_ago(hours=5, title="Neue Masterarbeit", posting_type=PostingType.THESIS)
    published_ago(hours=5, title="Werkstudent*in", posting_type=PostingType.WORKING_STUDENT)

    assert run_alerts(django_capture_on_commit_callbacks) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert "1 new opening for “Theses”" in message.subject
    assert "Neue Masterarbeit" in message.body
    assert "Alte Masterarbeit" not in message.body  # published before the search was saved
    assert "Werkstudent*in" not in message.body  # not a thesis
    assert "/en/jobs/?type=thesis" in message.body
    assert "/en/my/searches/" in message.body  # where to stop the emails
    saved.refresh_from_db()
    assert saved.last_sent_at is not None


def test_alerts_are_idempotent_and_announce_each_posting_once(
    alice, django_capture_on_commit_callbacks
):
    give_alerts_consent(alice)
    saved = saved_a_while_ago(alice, name="Alles", frequency="daily")
    announced = published_ago(hours=2)
    assert run_alerts(django_capture_on_commit_callbacks) == 1
    assert run_alerts(django_capture_on_commit_callbacks) == 0  # not due again yet

    # A day later, with nothing new: no email.
    a_day = timedelta(days=1)
    SavedSearch.objects.filter(pk=saved.pk).update(last_sent_at=timezone.now() - a_day)
    Posting.objects.filter(pk=announced.pk).update(published_at=announced.published_at - a_day)
    assert run_alerts(django_capture_on_commit_callbacks) == 0
    published_ago(hours=0, title="Ganz neu")
    assert run_alerts(django_capture_on_commit_callbacks) == 1
    assert len(mail.outbox) == 2
    assert "Ganz neu" in mail.outbox[1].body


def test_weekly_alerts_wait_a_week(alice, django_capture_on_commit_callbacks):
    give_alerts_consent(alice)
    saved = saved_a_while_ago(alice, name="Alles", days=30, frequency="weekly")
    SavedSearch.objects.filter(pk=saved.pk).update(last_sent_at=timezone.now() - timedelta(days=2))
    published_ago(hours=1)
    assert run_alerts(django_capture_on_commit_callbacks) == 0
    SavedSearch.objects.filter(pk=saved.pk).update(last_sent_at=timezone.now() - timedelta(days=7))
    assert run_alerts(django_capture_on_commit_callbacks) == 1


def test_no_alerts_without_consent_or_after_withdrawing_it(
    alice, django_capture_on_commit_callbacks
):
    saved_a_while_ago(alice, name="Alles", frequency="daily")
    published_ago(hours=1)
    assert run_alerts(django_capture_on_commit_callbacks) == 0

    give_alerts_consent(alice)
    give_alerts_consent(alice, given=False)
    assert run_alerts(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_no_alerts_for_searches_without_emails(alice, django_capture_on_commit_callbacks):
    give_alerts_consent(alice)
    saved_a_while_ago(alice, name="Alles", frequency="never")
    published_ago(hours=1)
    assert run_alerts(django_capture_on_commit_callbacks) == 0


def test_alert_shows_the_ten_newest_and_how_many_there_are(
    alice, django_capture_on_commit_callbacks
):
    give_alerts_consent(alice)
    saved_a_while_ago(alice, name="Alles", frequency="daily")
    for hour in range(12):
        published_ago(hours=hour + 1, title=f"Stelle {hour:02}")
    assert run_alerts(django_capture_on_commit_callbacks) == 1
    body = mail.outbox[0].body
    assert "12" in mail.outbox[0].subject
    assert "Stelle 00" in body
    assert "Stelle 09" in body
    assert "Stelle 10" not in body


def test_alerts_skip_postings_that_are_no_longer_live(alice, django_capture_on_commit_callbacks):
    give_alerts_consent(alice)
    saved_a_while_ago(alice, name="Alles", frequency="daily")
    published_ago(hours=1, status=Posting.Status.WITHDRAWN)
    published_ago(hours=1, company=CompanyFactory(verification_status="pending"))
    assert run_alerts(django_capture_on_commit_callbacks) == 0


def test_alerts_go_to_each_person_separately(alice, django_capture_on_commit_callbacks):
    other = TalentUserFactory(language="en")
    for person in (alice, other):
        give_alerts_consent(person)
        saved_a_while_ago(person, name="Alles", frequency="daily")
    published_ago(hours=1)
    assert run_alerts(django_capture_on_commit_callbacks) == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted([alice.email, other.email])
