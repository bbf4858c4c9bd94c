import factory

from accounts.factories import TalentUserFactory
from companies.factories import PostingFactory
from talents.models import Application, TalentLanguage, TalentProfile, TalentSkill
from taxonomy.factories import SkillFactory


class TalentProfileFactory(factory.django.DjangoModelFactory[TalentProfile]):
    """A student's profile, hidden from companies unless visibility is given."""

    class Meta:
        model = TalentProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(TalentUserFactory)
    status = TalentProfile.Status.STUDENT
    fields_of_study = ["computer_science"]
    wanted_types = ["working_student"]
    working_student_hours = 20
    bio_de = "Ich studiere Informatik an der TU Dresden."


class TalentSkillFactory(factory.django.DjangoModelFactory[TalentSkill]):
    class Meta:
        model = TalentSkill

    profile = factory.SubFactory(TalentProfileFactory)
    skill = factory.SubFactory(SkillFactory)
    level = TalentSkill.Level.GOOD


class TalentLanguageFactory(factory.django.DjangoModelFactory[TalentLanguage]):
    class Meta:
        model = TalentLanguage

    profile = factory.SubFactory(TalentProfileFactory)
    language = "de"
    level = 6


class ApplicationFactory(factory.django.DjangoModelFactory[Application]):
    class Meta:
        model = Application

    posting = factory.SubFactory(PostingFactory)
    profile = factory.SubFactory(TalentProfileFactory)
    message = "Ich interessiere mich sehr für die Stelle."
