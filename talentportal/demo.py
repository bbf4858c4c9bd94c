"""Deterministic demo data: companies of the region with openings, town facts, portraits, events and a
few named people. Run through ``manage.py seed_demo``; running it again changes nothing."""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from companies.models import Company, CompanyPortrait, CompanySite, Membership, Posting
from companies.search import refresh_search_fields
from events.models import CompanyParticipation, Event, EventKind, Registration
from region.models import Town
from talentportal.demo_catalogue import (
    COMPANIES,
    PORTRAITS,
    POSTINGS,
    TALENTS,
    TOWN_FACTS,
)
from talentportal.reference import load_reference_data
from talents.models import Application, Consent, ContactRequest, TalentProfile, University
from talents.services.profiles import CONSENT_TEXT_VERSION
from taxonomy.models import Skill

DEMO_PASSWORD = "Demo-Passwort-2026"  # noqa: S105 – printed on purpose, demo data only


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    name: str


DEMO_LOGINS = [
    DemoLogin("talent", "alice@example.org", "Alice Neumann"),
    DemoLogin("recruiter", "bob@example.org", "Bob Krause"),
    DemoLogin("staff", "carol@example.org", "Carol Schubert"),
]


@transaction.atomic
def seed_demo() -> None:
    """Create or update the demo region and people; safe to run any number of times. Towns,
    universities and the curated skills are reference data (`load_reference_data`), not demo."""
    load_reference_data()
    for slug, facts in TOWN_FACTS.items():
        transport_de, transport_en, universities_de, universities_en, text_de, text_en = facts
        Town.objects.filter(slug=slug).update(
            transport_de=transport_de,
            transport_en=transport_en,
            universities_de=universities_de,
            universities_en=universities_en,
            text_de=text_de,
            text_en=text_en,
        )
    people = {login.role: _demo_user(login) for login in DEMO_LOGINS}
    companies = _demo_companies()
    Membership.objects.get_or_create(
        company=companies[0], user=people["recruiter"], defaults={"role": Membership.Role.OWNER}
    )
    Membership.objects.get_or_create(
        company=companies[1], user=people["recruiter"], defaults={"role": Membership.Role.RECRUITER}
    )
    _demo_postings(companies, by=people["recruiter"], staff=people["staff"])
    _demo_portraits(companies, author=people["staff"])
    _demo_report_figures(companies[2:])
    alice = (
        "alice@example.org", "Alice Neumann", "student", "TU Dresden", ["computer_science"], 1,
        ["working_student", "thesis"], 20, ["dresden"],
        [("Python", 3), ("Git", 2), ("SQL", 2), ("Linux", 1)], [("de", 6), ("en", 5)],
    )  # fmt: skip
    profiles = [_demo_talent(entry) for entry in [alice, *TALENTS]]
    _demo_events(companies, [profile.user for profile in profiles])
    ContactRequest.objects.get_or_create(
        company=companies[0],
        profile=profiles[2],
        defaults={
            "sent_by": people["recruiter"],
            "message": "Wir suchen Verstärkung für unsere Prozessentwicklung im Dresdner Norden.",
        },
    )


# title (German), title (English), format, days from today at 17:00, hours, town slug (None:
# online), language, capacity, target groups, companies taking part, talents registered
DEMO_EVENTS = [
    ("Speed Dating Mikroelektronik & Software", "Speed dating: microelectronics & software",
     EventKind.SPEED_DATING, 10, 2, "dresden", "both", 12, ["students", "graduates"], 2, 4),
    ("Karriereabend Oberlausitz", "Career evening Upper Lusatia", EventKind.CAREER_EVENING,
     21, 3, "goerlitz", "de", 60, ["students", "graduates", "young_professionals"], 1, 1),
    ("Online: Ankommen im Job in Sachsen", "Online: starting your job in Saxony",
     EventKind.ONLINE, 5, 1, None, "en", 100, ["international", "researchers"], 0, 0),
    ("Jobmesse Dresden", "Job fair Dresden", EventKind.JOB_FAIR, -30, 6, "dresden", "de",
     300, ["students", "graduates", "young_professionals"], 2, 3),
]  # fmt: skip


def _demo_events(companies: list[Company], talents: list[User]) -> None:
    today = timezone.localtime().replace(hour=17, minute=0, second=0, microsecond=0)
    for entry in DEMO_EVENTS:
        (
            title_de,
            title_en,
            kind,
            days,
            hours,
            town,
            language,
            capacity,
            groups,
            taking_part,
            registered,
        ) = entry
        starts_at = today + timedelta(days=days)
        event, _created = Event.objects.update_or_create(
            title_de=title_de,
            defaults={
                "title_en": title_en,
                "kind": kind,
                "description_de": f"**{title_de}**: Lernen Sie Arbeitgeber der Region kennen.",
                "description_en": f"**{title_en}**: meet employers of the region.",
                "starts_at": starts_at,
                "ends_at": starts_at + timedelta(hours=hours),
                "town": Town.objects.get(slug=town) if town else None,
                "venue": "Veranstaltungsraum" if town else "",
                "online_url": "" if town else "https://meet.example.org/ankommen-in-sachsen",
                "language": language,
                "capacity": capacity,
                "target_groups": groups,
                "slot_minutes": 10,
                "is_published": True,
            },
        )
        for company in companies[:taking_part]:
            CompanyParticipation.objects.get_or_create(event=event, company=company)
        for talent in talents[:registered]:
            Registration.objects.get_or_create(
                event=event, user=talent, defaults={"status": Registration.Status.REGISTERED}
            )


def _demo_talent(entry: tuple) -> TalentProfile:
    email, name, status, university, fields, degree, wanted, hours, towns, skills, languages = entry
    user, created = User.objects.get_or_create(
        email=email, defaults={"display_name": name, "account_type": User.AccountType.TALENT}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    profile, created = TalentProfile.objects.get_or_create(
        user=user,
        defaults={
            "status": status,
            "university": University.objects.filter(short_name=university).first(),
            "fields_of_study": fields,
            "degree": degree,
            "wanted_types": wanted,
            "working_student_hours": hours,
            "visibility": TalentProfile.Visibility.ANONYMOUS,
        },
    )
    if created:
        profile.preferred_towns.set(Town.objects.filter(slug__in=towns))
        by_label = {
            skill.label_de: skill
            for skill in Skill.objects.filter(label_de__in=[label for label, _ in skills])
        }
        for label, level in skills:
            profile.skills.create(skill=by_label[label], level=level)
        for code, level in languages:
            profile.languages.create(language=code, level=level)
        Consent.objects.create(
            user=user, kind=Consent.Kind.VISIBILITY, given=True, text_version=CONSENT_TEXT_VERSION
        )
    return profile


def _demo_companies() -> list[Company]:
    companies = []
    for entry in COMPANIES:
        data = dict(entry)
        town = Town.objects.get(slug=data.pop("town"))
        street, postal_code = data.pop("street"), data.pop("postal_code")
        verified = data.pop("verified", True)
        company, created = Company.objects.get_or_create(name=data.pop("name"), defaults=data)
        if created and verified:
            company.verification_status = Company.Verification.VERIFIED
            company.verified_at = timezone.now()
            company.save()
        CompanySite.objects.get_or_create(
            company=company, town=town, defaults={"street": street, "postal_code": postal_code}
        )
        companies.append(company)
    return companies


def _demo_postings(companies: list[Company], *, by: User, staff: User) -> None:
    now = timezone.now()
    skills = {skill.label_de: skill for skill in Skill.objects.all()}
    last = len(POSTINGS) - 1
    for number, (company_index, title, posting_type, extra, skill_list, languages) in enumerate(
        POSTINGS
    ):
        company = companies[company_index]
        posting, created = Posting.objects.get_or_create(
            company=company,
            title=title,
            defaults={
                **extra,
                "posting_type": posting_type,
                "description_de": company.description_de,
                "description_en": company.description_en,
                "created_by": by,
                "expires_at": now + timedelta(days=60 - number),
            },
        )
        if not created:
            continue
        posting.sites.set(company.sites.all())
        for label, required, level in skill_list:
            posting.skills.create(skill=skills[label], is_required=required, level=level)
        for code, level in languages:
            posting.languages.create(language=code, level=level)
        posting.submit(by=by)
        if number != last:  # the last one waits in the staff's moderation queue
            posting.publish(by=staff)
            Posting.objects.filter(pk=posting.pk).update(published_at=now - timedelta(days=number))
    refresh_search_fields(Posting.objects.all())


def _demo_portraits(companies: list[Company], *, author: User) -> None:
    for number, (index, slug, *texts) in enumerate(PORTRAITS):
        title_de, title_en, teaser_de, teaser_en, body_de, body_en = texts
        CompanyPortrait.objects.get_or_create(
            slug=slug,
            defaults={
                "company": companies[index],
                "title_de": title_de,
                "title_en": title_en,
                "teaser_de": teaser_de,
                "teaser_en": teaser_en,
                "body_de": body_de,
                "body_en": body_en,
                "author": author,
                "published_at": timezone.now() - timedelta(days=7 * (number + 1)),
            },
        )


REPORT_PEOPLE = 60


def _demo_report_figures(companies: list[Company]) -> None:
    """Hidden profiles and applications spread over the last eleven months, so that the impact
    report has bars to show. Companies never see these profiles (hidden); they apply only to
    companies the demo recruiter does not belong to. Nobody can sign in with them."""
    statuses = [choice for choice, _label in TalentProfile.Status.choices]
    permits = ["eu", "eu", "eu", "student_visa", "job_seeker", "blue_card", "", "eu"]
    universities = list(
        University.objects.filter(short_name__in=["TU Dresden", "HTW Dresden", "HSZG"])
    )
    postings = list(Posting.objects.published().filter(company__in=companies).order_by("pk")[:6])
    now = timezone.now()
    for number in range(REPORT_PEOPLE):
        user, created = User.objects.get_or_create(
            email=f"statistik{number:02d}@example.org",
            defaults={"account_type": User.AccountType.TALENT},
        )
        if not created:
            continue
        user.set_unusable_password()
        user.save(update_fields=["password"])
        joined = now - timedelta(days=(number * 11) % 330)
        profile = TalentProfile.objects.create(
            user=user,
            status=statuses[number % 7 % len(statuses)],
            university=universities[number % 4] if number % 4 < len(universities) else None,
            work_permit=permits[number % len(permits)],
        )
        TalentProfile.objects.filter(pk=profile.pk).update(created_at=joined)
        if postings and number % 3 != 2:
            hired = number % 9 == 0
            application = Application.objects.create(
                posting=postings[number % len(postings)], profile=profile
            )
            Application.objects.filter(pk=application.pk).update(
                created_at=joined + timedelta(days=2),
                status=Application.Status.HIRED if hired else Application.Status.SENT,
                updated_at=min(now, joined + timedelta(days=30)),
            )


def _demo_user(login: DemoLogin) -> User:
    is_staff = login.role == "staff"
    user, created = User.objects.get_or_create(
        email=login.email,
        defaults={
            "display_name": login.name,
            "account_type": User.AccountType.RECRUITER
            if login.role == "recruiter"
            else User.AccountType.TALENT,
            "is_staff": is_staff,
            "is_superuser": is_staff,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=login.email, defaults={"verified": True, "primary": True}
    )
    return user
