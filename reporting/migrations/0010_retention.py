# The retention schedule's marks on a report (reporting/lifecycle/).
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reporting", "0009_support_and_home_area")]

    operations = [
        migrations.AddField(
            model_name="report",
            name="contact_removed_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="contact details deleted at"
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="free_text_removed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="free text deleted at"),
        ),
    ]
