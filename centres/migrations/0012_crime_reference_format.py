# The force's crime reference format, per area (issue 20).
import centres.models.places
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("centres", "0011_schools")]

    operations = [
        migrations.AddField(
            model_name="area",
            name="crime_reference_example",
            field=models.CharField(
                blank=True,
                db_default="",
                max_length=40,
                verbose_name="crime reference example",
            ),
        ),
        migrations.AddField(
            model_name="area",
            name="crime_reference_pattern",
            field=models.CharField(
                blank=True,
                db_default="",
                help_text="The whole reference must match, e.g. ^\\d{2}/\\d{6}/\\d{2}$. Empty: any letters, digits, / and - are accepted.",
                max_length=200,
                validators=[centres.models.places.validate_pattern],
                verbose_name="crime reference format (regular expression)",
            ),
        ),
    ]
