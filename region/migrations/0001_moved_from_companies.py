
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
                    name='DistrictProfile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('population', models.PositiveIntegerField(blank=True, help_text='Approximate public figure (rounded, e.g. from the Statistical Office of Saxony); check it before publishing and update it once a year.', null=True, verbose_name='population')),
                        ('transport_de', models.TextField(blank=True, help_text='One link per line, e.g. “S-Bahn S1 to Dresden, 25 minutes”.', verbose_name='transport links (German)')),
                        ('transport_en', models.TextField(blank=True, verbose_name='transport links (English)')),
                        ('universities_de', models.TextField(blank=True, help_text='One institution per line.', verbose_name='universities and research (German)')),
                        ('universities_en', models.TextField(blank=True, verbose_name='universities and research (English)')),
                        ('text_de', models.TextField(blank=True, help_text='Markdown: **bold**, *italic*, “- ” for list items, [link text](https://…), “### ” for a subheading. Leave an empty line between paragraphs.', verbose_name='introduction (German)')),
                        ('text_en', models.TextField(blank=True, help_text='While this is empty, the English page shows the German text.', verbose_name='introduction (English)')),
                        ('district', models.CharField(choices=[('dresden', 'Dresden (city)'), ('meissen', 'Meißen'), ('ssoe', 'Sächsische Schweiz-Osterzgebirge'), ('bautzen', 'Bautzen'), ('goerlitz', 'Görlitz')], max_length=20, unique=True, verbose_name='district')),
                        ('slug', models.SlugField(max_length=60, unique=True, verbose_name='slug')),
                        ('area_km2', models.PositiveIntegerField(blank=True, help_text='Approximate public figure (rounded, e.g. from the Statistical Office of Saxony); check it before publishing and update it once a year.', null=True, verbose_name='area in km²')),
                    ],
                    options={
                        'verbose_name': 'district',
                        'verbose_name_plural': 'districts',
                        'db_table': 'companies_districtprofile',
                        'ordering': ['district'],
                    },
                ),
                migrations.CreateModel(
                    name='Town',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('population', models.PositiveIntegerField(blank=True, help_text='Approximate public figure (rounded, e.g. from the Statistical Office of Saxony); check it before publishing and update it once a year.', null=True, verbose_name='population')),
                        ('transport_de', models.TextField(blank=True, help_text='One link per line, e.g. “S-Bahn S1 to Dresden, 25 minutes”.', verbose_name='transport links (German)')),
                        ('transport_en', models.TextField(blank=True, verbose_name='transport links (English)')),
                        ('universities_de', models.TextField(blank=True, help_text='One institution per line.', verbose_name='universities and research (German)')),
                        ('universities_en', models.TextField(blank=True, verbose_name='universities and research (English)')),
                        ('text_de', models.TextField(blank=True, help_text='Markdown: **bold**, *italic*, “- ” for list items, [link text](https://…), “### ” for a subheading. Leave an empty line between paragraphs.', verbose_name='introduction (German)')),
                        ('text_en', models.TextField(blank=True, help_text='While this is empty, the English page shows the German text.', verbose_name='introduction (English)')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                        ('slug', models.SlugField(max_length=100, unique=True, verbose_name='slug')),
                        ('district', models.CharField(choices=[('dresden', 'Dresden (city)'), ('meissen', 'Meißen'), ('ssoe', 'Sächsische Schweiz-Osterzgebirge'), ('bautzen', 'Bautzen'), ('goerlitz', 'Görlitz')], max_length=20, verbose_name='district')),
                        ('latitude', models.DecimalField(decimal_places=5, max_digits=8, verbose_name='latitude')),
                        ('longitude', models.DecimalField(decimal_places=5, max_digits=8, verbose_name='longitude')),
                    ],
                    options={
                        'verbose_name': 'town',
                        'verbose_name_plural': 'towns',
                        'db_table': 'companies_town',
                        'ordering': ['name'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
