
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0001_events_registrations_slots'),
        ('region', '0001_moved_from_companies'),
    ]

    # The foreign key now names region.Town; the table and constraint stay.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='event',
                    name='town',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='events', to='region.town', verbose_name='town'),
                ),
            ],
            database_operations=[],
        ),
    ]
