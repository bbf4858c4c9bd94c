
import django.db.models.deletion
from django.db import migrations, models


def content_types_follow(apps, schema_editor):
    """Admin history and permissions stay with the moved models."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, model in (("region", "town"), ("region", "districtprofile"), ("taxonomy", "skill")):
        if not ContentType.objects.filter(app_label=app_label, model=model).exists():
            ContentType.objects.filter(app_label="companies", model=model).update(app_label=app_label)


class Migration(migrations.Migration):

    dependencies = [
        ('companies', '0007_posting_skill_counts'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('events', '0002_town_moved_to_region'),
        ('region', '0001_moved_from_companies'),
        ('talents', '0003_towns_and_skills_moved'),
        ('taxonomy', '0001_moved_from_companies'),
    ]

    # Towns, districts and skills now belong to region and taxonomy; their tables stay.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='DistrictProfile',
                ),
                migrations.AlterField(
                    model_name='postingskill',
                    name='skill',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='taxonomy.skill', verbose_name='skill'),
                ),
                migrations.AlterField(
                    model_name='companysite',
                    name='town',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='sites', to='region.town', verbose_name='town'),
                ),
                migrations.DeleteModel(
                    name='Skill',
                ),
                migrations.DeleteModel(
                    name='Town',
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_follow, migrations.RunPython.noop),
    ]
