# Same incident, same person (issue 20): reports linked to a case by the SPOC.
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0012_young_people"),
        ("reporting", "0013_repeat_hashes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ReportLink",
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
                        choices=[("same_incident", "Same incident"), ("related", "Related")],
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                (
                    "score",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="match score"
                    ),
                ),
                (
                    "reasons",
                    models.JSONField(blank=True, default=list, verbose_name="reasons"),
                ),
                (
                    "linked_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="linked at"
                    ),
                ),
                (
                    "unlinked_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="unlinked at"),
                ),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="links",
                        to="casework.case",
                    ),
                ),
                (
                    "linked_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="case_links",
                        to="reporting.report",
                    ),
                ),
                (
                    "unlinked_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"verbose_name": "linked report", "ordering": ["linked_at"]},
        ),
        migrations.AddIndex(
            model_name="reportlink",
            index=models.Index(
                condition=models.Q(("unlinked_at__isnull", True)),
                fields=["report"],
                name="reportlink_report",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportlink",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", ["same_incident", "related"])),
                name="reportlink_kind_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportlink",
            constraint=models.UniqueConstraint(
                condition=models.Q(("unlinked_at__isnull", True)),
                fields=("case", "report"),
                name="reportlink_one_standing",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportlink",
            constraint=models.UniqueConstraint(
                condition=models.Q(("kind", "same_incident"), ("unlinked_at__isnull", True)),
                fields=("report",),
                name="reportlink_one_incident",
            ),
        ),
    ]
