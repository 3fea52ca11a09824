"""Escalation.area required, and the indexes an area's lists read (see 0016)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0016_escalation_area"),
    ]

    operations = [
        migrations.AlterField(
            model_name="escalation",
            name="area",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="centres.area",
                verbose_name="area",
            ),
        ),
        migrations.AddIndex(
            model_name="escalation",
            index=models.Index(fields=["area", "-id"], name="escalation_area_idx"),
        ),
        migrations.AddIndex(
            model_name="escalation",
            index=models.Index(
                condition=models.Q(("resolved_at__isnull", True)),
                fields=["area", "-id"],
                name="escalation_area_open_idx",
            ),
        ),
    ]
