from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0006_membership_approval"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="provider_reference",
            field=models.CharField(
                blank=True,
                db_default="",
                db_index=True,
                default="",
                max_length=48,
                verbose_name="provider reference",
            ),
        ),
        migrations.AddField(
            model_name="notification",
            name="provider_status",
            field=models.CharField(
                blank=True, db_default="", default="", max_length=30, verbose_name="delivery status"
            ),
        ),
        migrations.AddField(
            model_name="notification",
            name="delivered_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="delivered at"),
        ),
    ]
