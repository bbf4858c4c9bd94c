
import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('companies', '0007_posting_skill_counts'),
    ]

    # The tables stay where they are (companies_…); only Django's idea of which app owns them changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Skill',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('concept_uri', models.CharField(blank=True, max_length=255, null=True, unique=True, verbose_name='concept URI')),
                        ('label_de', models.CharField(max_length=200, verbose_name='German label')),
                        ('label_en', models.CharField(max_length=200, verbose_name='English label')),
                        ('alternative_labels', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=200), blank=True, default=list, size=None, verbose_name='synonyms')),
                        ('lookup_keys', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=200), default=list, editable=False, size=None)),
                        ('broader', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='narrower', to='taxonomy.skill', verbose_name='broader concept')),
                    ],
                    options={
                        'verbose_name': 'skill',
                        'verbose_name_plural': 'skills',
                        'db_table': 'companies_skill',
                        'ordering': ['label_de'],
                        'indexes': [django.contrib.postgres.indexes.GinIndex(fields=['lookup_keys'], name='skill_lookup_keys')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
