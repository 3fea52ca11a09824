# Legal holds on cases (casework/models/holds.py), and the flag the retention purge reads.
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0010_tension_and_feedback"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="on_legal_hold",
            field=models.BooleanField(
                db_default=False, default=False, editable=False, verbose_name="on legal hold"
            ),
        ),
        migrations.CreateModel(
            name="LegalHold",
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
                            ("prosecution", "Prosecution"),
                            ("complaint", "Complaint"),
                            ("review", "Review"),
                        ],
                        max_length=12,
                        verbose_name="held for",
                    ),
                ),
                ("reason", models.TextField(verbose_name="reason for the hold")),
                (
                    "placed_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="placed at"
                    ),
                ),
                (
                    "released_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="released at"),
                ),
                (
                    "release_reason",
                    models.TextField(blank=True, verbose_name="reason for the release"),
                ),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="legal_holds",
                        to="casework.case",
                    ),
                ),
                (
                    "placed_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "released_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "legal hold",
                "ordering": ["-placed_at"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("kind__in", ["prosecution", "complaint", "review"])),
                        name="legalhold_kind_valid",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("reason", ""), _negated=True),
                        name="legalhold_has_reason",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("release_reason", ""),
                                ("released_at__isnull", True),
                                ("released_by__isnull", True),
                            ),
                            models.Q(
                                ("released_at__isnull", False),
                                ("released_by__isnull", False),
                                models.Q(("release_reason", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="legalhold_release_complete",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("released_at__isnull", True)),
                        fields=("case",),
                        name="legalhold_one_open",
                    ),
                ],
            },
        ),
    ]
