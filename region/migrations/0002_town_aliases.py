
import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.db import migrations, models


def fill_lookup_keys(apps, schema_editor):
    from accounts.i18n import normalize_label

    for town in apps.get_model("region", "Town").objects.all():
        town.lookup_keys = [normalize_label(town.name)]
        town.save(update_fields=["lookup_keys"])


class Migration(migrations.Migration):

    dependencies = [
        ('region', '0001_moved_from_companies'),
    ]

    operations = [
        migrations.AddField(
            model_name='town',
            name='aliases',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=100), blank=True, default=list, help_text='Other names people type for this town, separated by commas: Sorbian or Czech names (Budyšin), colloquial short names. Spellings without umlauts or ß are found anyway.', size=None, verbose_name='other names'),
        ),
        migrations.AddField(
            model_name='town',
            name='lookup_keys',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=100), default=list, editable=False, size=None),
        ),
        migrations.AddIndex(
            model_name='town',
            index=django.contrib.postgres.indexes.GinIndex(fields=['lookup_keys'], name='town_lookup_keys'),
        ),
        migrations.RunPython(fill_lookup_keys, migrations.RunPython.noop),
    ]
