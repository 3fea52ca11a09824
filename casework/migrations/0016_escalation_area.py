"""Escalation.area: the case's area, copied when an escalation is raised, so an area's list
and its capped count read an index of that area's open escalations (bench/changelists.py).
Filled here from the cases for the escalations there are; required by 0017 (a separate
transaction: PostgreSQL will not alter a table with the backfill's foreign-key checks
pending)."""

import django.db.models.deletion
from django.db import migrations, models

BACKFILL = """
UPDATE casework_escalation e SET area_id = c.area_id
  FROM casework_case c WHERE c.id = e.case_id AND e.area_id IS NULL
"""


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0015_contact_attempt_by_bsl_video"),
        ("centres", "0012_crime_reference_format"),
    ]

    operations = [
        migrations.AddField(
            model_name="escalation",
            name="area",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="centres.area",
                verbose_name="area",
            ),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
    ]
