"""Every URL that names an object, as every kind of visitor: who may see it, who gets nothing.

A new URL with an object id fails `test_every_url_with_an_object_is_in_the_matrix` until it is
added to the matrix below, so no page escapes this check."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.factories import StaffUserFactory, TalentUserFactory
from companies.factories import (
    CompanyFactory,
    CompanyPortraitFactory,
    MembershipFactory,
    PostingFactory,
)
from companies.models import Invitation, Membership, Posting
from events.factories import CompanyParticipationFactory, EventFactory, RegistrationFactory
from talents.factories import ApplicationFactory, TalentProfileFactory
from talents.models import Bookmark, ContactRequest, SavedSearch, TalentProfile

ROLES = ["anonymous", "talent", "other_talent", "recruiter", "other_recruiter", "staff"]
EVERYBODY = set(ROLES)
NOBODY: set[str] = set()


@pytest.fixture
def world(db):
    """Alice applied to a posting of bob's company; tom is another talent; olga recruits elsewhere."""
    staff = StaffUserFactory()
    company = CompanyFactory(name="Elbtal Sensorik GmbH")
    bob = MembershipFactory(company=company, role=Membership.Role.OWNER).user
    colleague = MembershipFactory(company=company, role=Membership.Role.RECRUITER)
    olga = MembershipFactory(company=CompanyFactory(name="Andere GmbH")).user
    posting = PostingFactory(company=company)
    draft = PostingFactory(company=company, status=Posting.Status.DRAFT)
    alice = TalentUserFactory()
    profile = TalentProfileFactory(user=alice, visibility=TalentProfile.Visibility.ANONYMOUS)
    tom = TalentUserFactory()
    TalentProfileFactory(user=tom)
    application = ApplicationFactory(posting=posting, profile=profile)
    contact = ContactRequest.objects.create(
        company=company, profile=profile, sent_by=bob, message="Hallo"
    )
    search = SavedSearch.objects.create(user=alice, name="Python", query="q=Python")
    Bookmark.objects.create(user=alice, posting=posting)
    invitation = Invitation.objects.create(company=company, email="new@example.org", invited_by=bob)
    event = EventFactory()
    RegistrationFactory(event=event, user=alice)
    participation = CompanyParticipationFactory(event=event, company=company)
    draft_portrait = CompanyPortraitFactory(company=company, published_at=None)
    return {
        "users": {
            "talent": alice,
            "other_talent": tom,
            "recruiter": bob,
            "other_recruiter": olga,
            "staff": staff,
        },
        "company": company,
        "posting": posting,
        "draft": draft,
        "profile": profile,
        "application": application,
        "contact": contact,
        "search": search,
        "invitation": invitation,
        "colleague": colleague,
        "event": event,
        "participation": participation,
        "draft_portrait": draft_portrait,
    }


# url name: (kwargs from the world, method, roles that may use it)
def matrix(world: dict) -> dict[str, tuple[dict, str, set[str]]]:
    company, posting, draft = world["company"], world["posting"], world["draft"]
    event = world["event"]
    return {
        "companies:company_detail": ({"slug": company.slug}, "get", EVERYBODY),
        "companies:company_logo": (
            {"slug": company.slug},
            "get",
            NOBODY,
        ),  # no logo uploaded: 404 for all
        "companies:company_report": ({"slug": company.slug}, "get", EVERYBODY),
        "companies:posting_detail": ({"pk": posting.pk, "slug": posting.slug}, "get", EVERYBODY),
        "companies:posting_report": ({"pk": posting.pk, "slug": posting.slug}, "get", EVERYBODY),
        # Region pages are public; a portrait only once published (staff preview drafts).
        "companies:district_detail": ({"slug": "goerlitz"}, "get", EVERYBODY),
        "companies:town_detail": ({"slug": posting.sites.get().town.slug}, "get", EVERYBODY),
        "companies:portrait_detail": ({"slug": world["draft_portrait"].slug}, "get", {"staff"}),
        "companies:company_edit": ({"slug": company.slug}, "get", {"recruiter"}),
        "companies:company_team": ({"slug": company.slug}, "get", {"recruiter"}),
        "companies:member_remove": (
            {"slug": company.slug, "membership_pk": world["colleague"].pk},
            "post",
            {"recruiter"},
        ),
        "companies:company_postings": ({"slug": company.slug}, "get", {"recruiter"}),
        "companies:posting_create": ({"slug": company.slug}, "get", {"recruiter"}),
        "companies:posting_edit": ({"pk": draft.pk}, "get", {"recruiter"}),
        "companies:posting_submit": ({"pk": draft.pk}, "post", {"recruiter"}),
        "companies:posting_close": ({"pk": draft.pk}, "post", {"recruiter"}),
        "companies:invitation_accept": (
            {"token": world["invitation"].token},
            "get",
            EVERYBODY - {"anonymous"},
        ),
        "talents:contact_answer": ({"pk": world["contact"].pk}, "post", {"talent"}),
        "talents:application_withdraw": ({"pk": world["application"].pk}, "post", {"talent"}),
        "talents:saved_search_delete": ({"pk": world["search"].pk}, "post", {"talent"}),
        "talents:apply": ({"pk": posting.pk}, "get", {"talent", "other_talent"}),
        "talents:talent_directory": ({"slug": company.slug}, "get", {"recruiter"}),
        "talents:talent_detail": (
            {"slug": company.slug, "profile_pk": world["profile"].pk},
            "get",
            {"recruiter"},
        ),
        "talents:contact_request_create": (
            {"slug": company.slug, "profile_pk": world["profile"].pk},
            "get",
            {"recruiter"},
        ),
        "talents:pipeline": ({"pk": posting.pk}, "get", {"recruiter"}),
        "talents:application_detail": ({"pk": world["application"].pk}, "get", {"recruiter"}),
        "talents:profile_cv": (
            {"pk": world["profile"].pk},
            "get",
            NOBODY,
        ),  # no CV uploaded: 404 for all
        "talents:application_cv": ({"pk": world["application"].pk}, "get", NOBODY),
        "matching:apply_from_match": ({"pk": posting.pk}, "get", {"talent", "other_talent"}),
        "matching:matching_talents": ({"pk": posting.pk}, "get", {"recruiter"}),
        "matching:contact_from_match": (
            {"pk": posting.pk, "profile_pk": world["profile"].pk},
            "post",
            {"recruiter"},
        ),
        "events:event_detail": ({"pk": event.pk, "slug": event.slug}, "get", EVERYBODY),
        "events:event_ics": ({"pk": event.pk}, "get", EVERYBODY),
        "events:event_cancel": ({"pk": event.pk}, "post", {"talent"}),  # before tom registers below
        "events:event_register": ({"pk": event.pk}, "post", {"talent", "other_talent"}),
        "events:company_register": (
            {"pk": event.pk},
            "post",
            {"recruiter", "other_recruiter"},  # each for a verified company of their own
        ),
        "events:company_withdraw": ({"pk": world["participation"].pk}, "post", {"recruiter"}),
    }


def urls_with_objects() -> set[str]:
    """Every named URL of our apps that takes an id, a slug or a token."""
    names = set()
    for namespace in ("companies", "talents", "matching", "events"):
        resolver = get_resolver()
        for pattern in _patterns(resolver.namespace_dict[namespace][1].url_patterns):
            if pattern.name and pattern.pattern.converters:
                names.add(f"{namespace}:{pattern.name}")
    return names


def _patterns(patterns: list) -> list[URLPattern]:
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found += _patterns(pattern.url_patterns)
        else:
            found.append(pattern)
    return found


def test_every_url_with_an_object_is_in_the_matrix(world):
    assert urls_with_objects() == set(matrix(world))


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_what_it_may(client, world, role):
    if role != "anonymous":
        client.force_login(world["users"][role])
    failures = []
    for name, (kwargs, method, allowed) in matrix(world).items():
        response = getattr(client, method)(reverse(name, kwargs=kwargs))
        denied = response.status_code in (403, 404, 410) or (
            response.status_code == 302 and "/accounts/login/" in response["Location"]
        )
        if (role in allowed) == denied:
            failures.append(f"{name} as {role}: {response.status_code}")
    assert not failures, "\n".join(failures)
