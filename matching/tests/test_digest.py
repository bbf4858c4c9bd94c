"""The weekly digest: only with consent, only new and good matches, once a week."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from companies.models import Posting
from matching.models import DigestLog
from matching.services import send_match_digests
from matching.tests.world import create_posting, create_talent
from region.factories import goerlitz
from talents.models import Consent
from talents.services.profiles import record_consent
from taxonomy.factories import SkillFactory

GOOD = 2


@pytest.fixture
def plc(db):
    return SkillFactory(label_de="SPS-Programmierung", label_en="PLC programming")


@pytest.fixture
def town(db):
    return goerlitz()


@pytest.fixture
def talent(alice, plc, town):
    profile = create_talent(user=alice, towns=[town], skills={plc: GOOD}, wanted_types=[])
    record_consent(user=alice, kind=Consent.Kind.DIGEST, given=True)
    return profile


def run_digests(capture) -> int:
    with capture(execute=True):
        return send_match_digests()


def test_a_consenting_talent_gets_the_new_good_matches(
    talent, plc, town, django_capture_on_commit_callbacks
):
    good = create_posting(towns=[town], skills={plc: (GOOD, True)}, title="SPS-Werkstudium")
    create_posting(towns=[town], skills={SkillFactory(): (GOOD, True)}, title="Fremdes Feld")

    assert run_digests(django_capture_on_commit_callbacks) == 1

    (email,) = mail.outbox
    assert email.to == ["alice@example.org"]
    assert good.title in email.body and "Fremdes Feld" not in email.body  # below the threshold
    assert "Vorschläge" in email.body
    assert DigestLog.objects.get(profile=talent).sent_at <= timezone.now()


def test_nothing_twice_in_a_week_and_only_postings_newer_than_the_last_digest(
    talent, plc, town, django_capture_on_commit_callbacks
):
    create_posting(towns=[town], skills={plc: (GOOD, True)}, title="Erstes Angebot")
    run_digests(django_capture_on_commit_callbacks)
    create_posting(towns=[town], skills={plc: (GOOD, True)}, title="Zweites Angebot")

    assert run_digests(django_capture_on_commit_callbacks) == 0  # within the week

    DigestLog.objects.update(sent_at=timezone.now() - timedelta(days=7))
    Posting.objects.filter(title="Erstes Angebot").update(
        published_at=timezone.now() - timedelta(days=8)
    )
    assert run_digests(django_capture_on_commit_callbacks) == 1
    assert "Zweites Angebot" in mail.outbox[-1].body
    assert "Erstes Angebot" not in mail.outbox[-1].body


def test_no_digest_without_consent_or_after_withdrawing_it(
    talent, alice, plc, town, django_capture_on_commit_callbacks
):
    create_posting(towns=[town], skills={plc: (GOOD, True)})
    record_consent(user=alice, kind=Consent.Kind.DIGEST, given=False)
    create_talent(towns=[town], skills={plc: GOOD}, wanted_types=[])  # never consented

    assert run_digests(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_a_week_without_good_matches_sends_nothing_but_moves_on(
    talent, django_capture_on_commit_callbacks
):
    assert run_digests(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []
    assert DigestLog.objects.filter(profile=talent).exists()
