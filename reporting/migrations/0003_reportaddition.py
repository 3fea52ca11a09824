"""Information a reporter adds later, through the tracking page."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0002_reportdraft_encrypted_answers"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReportAddition",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField(verbose_name="what they added")),
                (
                    "added_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="added at"
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="additions",
                        to="reporting.report",
                    ),
                ),
            ],
            options={
                "verbose_name": "information added later",
                "verbose_name_plural": "information added later",
                "ordering": ["added_at"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("text", ""), _negated=True),
                        name="reportaddition_not_empty",
                    )
                ],
            },
        ),
    ]
