# The insights rollup (casework/models/insights.py): monthly counts, rewritten on beat.
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0008_caseupdate_body_language"),
        ("centres", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="InsightsFact",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("reports", "reports"),
                            ("recorded", "police recording decision"),
                            ("place", "place type"),
                            ("repeat", "happened before"),
                            ("outcome", "outcome"),
                            ("update", "victim update clock"),
                            ("triage", "time to triage"),
                        ],
                        max_length=10,
                    ),
                ),
                ("label", models.CharField(blank=True, max_length=40)),
                ("month", models.DateField()),
                ("channel", models.CharField(max_length=16)),
                ("count", models.PositiveIntegerField()),
                (
                    "area",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="centres.area",
                    ),
                ),
                (
                    "centre",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="centres.centre",
                    ),
                ),
                (
                    "strand",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="centres.strand",
                    ),
                ),
            ],
            options={
                "verbose_name": "insights figure",
                "indexes": [
                    models.Index(fields=["kind", "month"], name="insightsfact_kind_month_idx")
                ],
            },
        ),
        migrations.CreateModel(
            name="InsightsRefresh",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("finished_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("seconds", models.FloatField(default=0)),
                ("rows", models.PositiveIntegerField(default=0)),
            ],
            options={
                "verbose_name": "insights refresh",
                "ordering": ["-finished_at"],
            },
        ),
    ]
