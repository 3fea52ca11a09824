# Community tension alerts, victim feedback and the board report's commentary (issue 17,
# parts 5-7). The reserved reporting 0014 stays empty: all three belong to casework.
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

SCALE_FIELDS = ("contact", "actions", "informed", "treatment", "overall")


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0009_insights_rollup"),
        ("centres", "0008_support_queue"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="BoardReport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("quarter_start", models.DateField(verbose_name="quarter beginning")),
                (
                    "marking",
                    models.CharField(
                        choices=[
                            ("OFFICIAL", "OFFICIAL"),
                            ("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"),
                        ],
                        default="OFFICIAL-SENSITIVE",
                        max_length=40,
                        verbose_name="protective marking",
                    ),
                ),
                (
                    "commentary",
                    models.JSONField(
                        blank=True, default=dict, verbose_name="commentary per section"
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="updated at"
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        help_text="Leave empty for the whole force.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="board_reports",
                        to="centres.area",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="author",
                    ),
                ),
            ],
            options={"verbose_name": "board report", "ordering": ["-quarter_start"]},
        ),
        migrations.AddConstraint(
            model_name="boardreport",
            constraint=models.UniqueConstraint(
                fields=("quarter_start", "area"),
                name="boardreport_one_per_quarter_area",
                nulls_distinct=False,
            ),
        ),
        migrations.AddConstraint(
            model_name="boardreport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("quarter_start__day", 1), ("quarter_start__month__in", [1, 4, 7, 10])
                ),
                name="boardreport_quarter_starts_a_quarter",
            ),
        ),
        migrations.CreateModel(
            name="TensionAlert",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("week_start", models.DateField(verbose_name="week beginning")),
                ("observed", models.PositiveIntegerField(verbose_name="reports that week")),
                ("expected", models.FloatField(verbose_name="expected")),
                (
                    "upper_bound",
                    models.FloatField(verbose_name="upper bound of the expected range"),
                ),
                ("method", models.CharField(max_length=40, verbose_name="method")),
                (
                    "raised_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="raised at"
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="tension_alerts",
                        to="centres.area",
                    ),
                ),
                (
                    "strand",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="tension_alerts",
                        to="centres.strand",
                    ),
                ),
            ],
            options={
                "verbose_name": "community tension alert",
                "ordering": ["-week_start", "area", "strand"],
            },
        ),
        migrations.AddConstraint(
            model_name="tensionalert",
            constraint=models.UniqueConstraint(
                fields=("area", "strand", "week_start"), name="tensionalert_once_per_week"
            ),
        ),
        migrations.AddConstraint(
            model_name="tensionalert",
            constraint=models.CheckConstraint(
                condition=models.Q(("observed__gt", models.F("upper_bound"))),
                name="tensionalert_exceeds_bound",
            ),
        ),
        migrations.CreateModel(
            name="VictimFeedback",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "invited_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="invited at"
                    ),
                ),
                (
                    "answered_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="answered at"),
                ),
                (
                    "skipped_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="skipped at"),
                ),
                (
                    "contact",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="contact"),
                ),
                (
                    "actions",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="actions taken"
                    ),
                ),
                (
                    "informed",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="kept informed"
                    ),
                ),
                (
                    "treatment",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="treatment"
                    ),
                ),
                (
                    "overall",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="whole experience"
                    ),
                ),
                (
                    "case",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="feedback",
                        to="casework.case",
                    ),
                ),
            ],
            options={"verbose_name": "victim feedback", "verbose_name_plural": "victim feedback"},
        ),
        migrations.AddIndex(
            model_name="victimfeedback",
            index=models.Index(fields=["answered_at"], name="victimfeedback_answered_idx"),
        ),
        migrations.AddConstraint(
            model_name="victimfeedback",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("answered_at__isnull", True), ("skipped_at__isnull", True), _connector="OR"
                ),
                name="victimfeedback_answered_or_skipped_once",
            ),
        ),
        *(
            migrations.AddConstraint(
                model_name="victimfeedback",
                constraint=models.CheckConstraint(
                    condition=models.Q(
                        (f"{field}__isnull", True),
                        models.Q((f"{field}__gte", 1), (f"{field}__lte", 5)),
                        _connector="OR",
                    ),
                    name=f"victimfeedback_{field}_on_scale",
                ),
            )
            for field in SCALE_FIELDS
        ),
    ]
