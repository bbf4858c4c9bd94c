import factory

from taxonomy.models import Skill


class SkillFactory(factory.django.DjangoModelFactory[Skill]):
    class Meta:
        model = Skill

    label_de = factory.Sequence(lambda number: f"Fähigkeit {number}")
    label_en = factory.Sequence(lambda number: f"Skill {number}")
