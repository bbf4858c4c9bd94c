"""Speed dating: suggestions ordered by match score (ranked in PostgreSQL), turned into slots."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from accounts.factories import TalentUserFactory
from companies.factories import CompanyFactory, PostingFactory, PostingSkillFactory
from companies.models import Posting
from events import services
from events.factories import CompanyParticipationFactory, EventFactory, RegistrationFactory
from events.models import SpeedDatingSlot
from talents.factories import TalentProfileFactory, TalentSkillFactory
from taxonomy.factories import SkillFactory


@pytest.fixture
def speed_dating(db):
    """An evening of five 30-minute rounds; two companies, four talents:
    strong (has the skill), weak (profile without it, so none of the must-haves: no match),
    nobody (no profile), elsewhere (wants a full-time job, so no match with the
    working-student posting)."""
    event = EventFactory(kind="speed_dating", slot_minutes=30)
    event.ends_at = event.starts_at + timedelta(minutes=150)
    event.save()
    skill = SkillFactory(label_de="Python")
    elbtal = CompanyFactory(name="Elbtal Sensorik GmbH")
    PostingSkillFactory(posting=PostingFactory(company=elbtal), skill=skill)
    PostingFactory(company=elbtal, status=Posting.Status.DRAFT)  # not published: not ranked
    lausitz = CompanyFactory(name="Lausitz Robotik GmbH")
    for company in (elbtal, lausitz):
        CompanyParticipationFactory(event=event, company=company)
    people = {}
    for name in ("nobody", "weak", "strong", "elsewhere"):
        people[name] = RegistrationFactory(
            event=event, user=TalentUserFactory(display_name=name)
        ).user
    TalentSkillFactory(profile=TalentProfileFactory(user=people["strong"]), skill=skill)
    TalentProfileFactory(user=people["weak"])
    TalentProfileFactory(user=people["elsewhere"], wanted_types=["full_time"])
    RegistrationFactory(event=event, status="waiting")  # not registered: never suggested
    return event, people, elbtal, lausitz


def test_suggestions_rank_each_companys_talents_by_best_match_score(speed_dating):
    event, people, elbtal, lausitz = speed_dating
    suggestions = services.speed_dating_suggestions(event)
    for_elbtal = [s for s in suggestions if s.company == elbtal]
    # Without a match, talents follow in the order they registered.
    assert [s.talent.display_name for s in for_elbtal] == ["strong", "nobody", "weak", "elsewhere"]
    assert for_elbtal[0].score > 0
    assert for_elbtal[1].score == for_elbtal[2].score == for_elbtal[3].score == 0
    assert [s.rank for s in for_elbtal] == [1, 2, 3, 4]
    # Without published openings every talent scores 0, in the order they registered.
    for_lausitz = [s for s in suggestions if s.company == lausitz]
    assert [s.talent.display_name for s in for_lausitz] == ["nobody", "weak", "strong", "elsewhere"]
    assert {s.score for s in for_lausitz} == {0}


def test_suggestions_take_one_ranking_per_posting(speed_dating, django_assert_max_num_queries):
    event, *_ = speed_dating
    # talents, profiles, companies, postings, and a ranking (three queries)
    with django_assert_max_num_queries(7):
        services.speed_dating_suggestions(event)


def test_accepting_plans_every_pair_without_double_booking(speed_dating):
    event, people, elbtal, lausitz = speed_dating
    slots = services.accept_suggestions(
        event=event, suggestions=services.speed_dating_suggestions(event)
    )
    assert len(slots) == 8  # five rounds, two tables, four talents: everybody meets both
    times = [(slot.talent_id, slot.starts_at) for slot in slots]
    assert len(times) == len(set(times))
    tables = [(slot.table, slot.starts_at) for slot in slots]
    assert len(tables) == len(set(tables))
    first_round = SpeedDatingSlot.objects.filter(
        event=event, starts_at=event.starts_at, company=elbtal
    )
    assert first_round.get().talent == people["strong"]
    # Accepting again replaces the plan.
    services.accept_suggestions(event=event, suggestions=services.speed_dating_suggestions(event))
    assert event.slots.count() == 8


def test_a_slot_for_a_talent_already_seated_at_that_time_is_refused(speed_dating):
    event, people, elbtal, lausitz = speed_dating
    SpeedDatingSlot.objects.create(
        event=event, company=elbtal, talent=people["strong"], starts_at=event.starts_at, table=1
    )
    clash = SpeedDatingSlot(
        event=event,
        company=lausitz,
        talent=people["strong"],
        starts_at=event.starts_at + timedelta(minutes=10),
        table=2,
    )
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert error.value.message_dict["talent"] == [
        "Dieses Talent hat zu dieser Zeit bereits einen Termin."
    ]


def test_a_slot_needs_participants_and_a_time_within_the_event(speed_dating):
    event, people, elbtal, lausitz = speed_dating
    slot = SpeedDatingSlot(
        event=event,
        company=CompanyFactory(),
        talent=TalentUserFactory(),
        starts_at=event.ends_at,
        table=1,
    )
    with pytest.raises(ValidationError) as error:
        slot.full_clean()
    assert set(error.value.message_dict) == {"starts_at", "talent", "company"}
