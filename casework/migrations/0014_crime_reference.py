# The force's crime or incident reference on a case, unique within the force (issue 20).
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("casework", "0013_linked_reports")]

    operations = [
        migrations.AddField(
            model_name="case",
            name="crime_reference",
            field=models.CharField(
                blank=True,
                db_default="",
                editable=False,
                max_length=40,
                verbose_name="crime reference",
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="crime_reference_force",
            field=models.CharField(blank=True, db_default="", editable=False, max_length=120),
        ),
        migrations.AddConstraint(
            model_name="case",
            constraint=models.UniqueConstraint(
                condition=models.Q(("crime_reference", ""), _negated=True),
                fields=("crime_reference_force", "crime_reference"),
                name="case_crime_reference_unique",
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                condition=models.Q(("crime_reference", ""), _negated=True),
                fields=["crime_reference"],
                name="case_crime_reference_idx",
            ),
        ),
    ]
