# Young people and schools (issue 19 parts 3 and 4): the age group of the person it happened
# to, and the school told with the young person's consent (what it may see).
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reporting", "0011_bsl_channel"), ("centres", "0011_schools")]

    operations = [
        migrations.AddField(
            model_name="report",
            name="age_group",
            field=models.CharField(
                blank=True,
                choices=[
                    ("under_11", "Under 11"),
                    ("11_15", "11 to 15"),
                    ("16_17", "16 or 17"),
                    ("adult", "18 or over"),
                    ("prefer_not", "Prefer not to say"),
                ],
                db_default="",
                default="",
                max_length=10,
                verbose_name="age of the person it happened to",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="school",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="school_reports",
                to="centres.centre",
                verbose_name="school told",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="school_sharing",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "The school is not told"),
                    ("report", "What happened, without contact details"),
                    ("details", "What happened and how to contact them"),
                ],
                db_default="",
                default="",
                max_length=10,
                verbose_name="what the school may see",
            ),
        ),
        migrations.AddConstraint(
            model_name="report",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("age_group", ""),
                    ("age_group__in", ["under_11", "11_15", "16_17", "adult", "prefer_not"]),
                    _connector="OR",
                ),
                name="report_age_group_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="report",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("school__isnull", True), ("school_sharing", "")),
                    models.Q(
                        ("school__isnull", False), ("school_sharing__in", ["report", "details"])
                    ),
                    _connector="OR",
                ),
                name="report_school_told_with_consent",
            ),
        ),
    ]
