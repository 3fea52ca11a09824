"""Outcomes as the seeds define them (OC1-OC10 positive, NFA with an identifiable offender), the daily review since the last one."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

# West Midlands Police count outcomes 1-10 as positive (22, diversion, stays positive). 9 and
# 10 are decisions that formal action is not in the public interest: positive, and not "no
# further action". 11, 12, 15 and 16 say a suspect was identified.
POSITIVE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 22}
NO_FURTHER_ACTION = {11, 12, 13, 14, 15, 16, 17, 18, 21}
SUSPECT_IDENTIFIED = {11, 12, 15, 16}
# As 0003 loaded them, for going back.
OLD_POSITIVE = {1, 2, 3, 4, 6, 7, 8, 22}
OLD_NO_FURTHER_ACTION = {9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 21}


def set_outcome_flags(positive, nfa, identified):
    def run(apps, schema_editor):
        OutcomeType = apps.get_model("casework", "OutcomeType")
        for outcome_type in OutcomeType.objects.all():
            outcome_type.is_positive = outcome_type.number in positive
            outcome_type.is_no_further_action = outcome_type.number in nfa
            outcome_type.suspect_identified = outcome_type.number in identified
            outcome_type.save(
                update_fields=["is_positive", "is_no_further_action", "suspect_identified"]
            )

    return run


def remove_subject_data_below_threshold(apps, schema_editor):
    """Non-crime hate incidents already recorded below the 2023 code's threshold: the subject's
    personal data goes now, each removal logged (by nobody: the upgrade did it)."""
    Case = apps.get_model("casework", "Case")
    Report = apps.get_model("reporting", "Report")
    AccessLogEntry = apps.get_model("centres", "AccessLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    cases = list(
        Case.objects.filter(
            recording_decision="nchi", nchi_threshold_met=False, subject_data_removed_at=None
        ).select_related("report")
    )
    if not cases:
        return
    now = django.utils.timezone.now()
    Report.objects.filter(pk__in=[case.report_id for case in cases]).update(
        offender_description=""
    )
    Case.objects.filter(pk__in=[case.pk for case in cases]).update(subject_data_removed_at=now)
    case_type, _ = ContentType.objects.get_or_create(app_label="casework", model="case")
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            user=None,
            action="change",
            object_type=case_type,
            object_id=case.pk,
            object_label=case.report.reference,
            detail="subject's personal data removed (NCHI threshold not met, 2023 code)",
            at=now,
        )
        for case in cases
    )


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0006_read_marks"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="outcometype",
            name="suspect_identified",
            field=models.BooleanField(default=False, verbose_name="means a suspect was identified"),
        ),
        migrations.RunPython(
            set_outcome_flags(POSITIVE, NO_FURTHER_ACTION, SUSPECT_IDENTIFIED),
            set_outcome_flags(OLD_POSITIVE, OLD_NO_FURTHER_ACTION, set()),
        ),
        migrations.AddIndex(
            model_name="outcome",
            index=models.Index(fields=["recorded_at"], name="outcome_recorded_idx"),
        ),
        migrations.AddField(
            model_name="case",
            name="subject_data_removed_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="subject's personal data removed at"
            ),
        ),
        migrations.RunPython(remove_subject_data_below_threshold, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="case",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("nchi_threshold_met", False), ("recording_decision", "nchi"), _negated=True),
                    ("subject_data_removed_at__isnull", False),
                    _connector="OR",
                ),
                name="case_nchi_below_threshold_subject_removed",
            ),
        ),
        migrations.CreateModel(
            name="DailyReview",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("held_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="held at")),
                ("covered_from", models.DateTimeField(verbose_name="covers from")),
                ("covered_until", models.DateTimeField(verbose_name="covers until")),
                ("signed_off_at", models.DateTimeField(blank=True, null=True, verbose_name="signed off at")),
                ("area", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="daily_reviews", to="centres.area")),
                ("chair", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "verbose_name": "daily threat review",
                "ordering": ["-covered_until"],
                "indexes": [models.Index(fields=["area", "-covered_until"], name="dailyreview_latest_idx")],
                "constraints": [
                    models.CheckConstraint(condition=models.Q(("covered_from__lt", models.F("covered_until"))), name="dailyreview_window_ordered"),
                    models.UniqueConstraint(condition=models.Q(("signed_off_at__isnull", True)), fields=("area",), name="dailyreview_one_open_per_area"),
                ],
            },
        ),
        migrations.CreateModel(
            name="CaseImpactAssessment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("level", models.CharField(choices=[("low", "Low"), ("medium", "Medium"), ("high", "High")], max_length=10, verbose_name="community impact")),
                ("note", models.TextField(blank=True, verbose_name="note")),
                ("assessed_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="assessed at")),
                ("assessed_by", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("case", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="impact_assessments", to="casework.case")),
                ("review", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="assessments", to="casework.dailyreview")),
            ],
            options={
                "verbose_name": "community impact assessment",
                "ordering": ["review", "case"],
                "constraints": [
                    models.UniqueConstraint(fields=("review", "case"), name="impact_one_per_review_case"),
                    models.CheckConstraint(condition=models.Q(("level__in", ["low", "medium", "high"])), name="impact_level_valid"),
                    models.CheckConstraint(condition=models.Q(("level", "low"), models.Q(("note", ""), _negated=True), _connector="OR"), name="impact_raised_has_note"),
                ],
            },
        ),
    ]
