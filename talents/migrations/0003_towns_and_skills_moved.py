
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('region', '0001_moved_from_companies'),
        ('talents', '0002_profiles_applications_consents'),
        ('taxonomy', '0001_moved_from_companies'),
    ]

    # The foreign keys now name region.Town and taxonomy.Skill; tables and constraints stay.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='talentprofile',
                    name='preferred_towns',
                    field=models.ManyToManyField(blank=True, to='region.town', verbose_name='preferred towns'),
                ),
                migrations.AlterField(
                    model_name='talentskill',
                    name='skill',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='taxonomy.skill', verbose_name='skill'),
                ),
            ],
            database_operations=[],
        ),
    ]
