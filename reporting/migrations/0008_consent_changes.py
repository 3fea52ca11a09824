"""Consent that can change both ways: one ConsentChange row per change, saying where it was
made (the tracking page, or a centre with the volunteer who made it).

Every change made before this was a withdrawal on the tracking page, by the reporter: the
default "tracking" is true of them all.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0007_notification_delivery_receipts"),
        ("reporting", "0007_safe_contact_plan"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="consentchange",
            name="centre",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="centres.centre",
                verbose_name="at centre",
            ),
        ),
        migrations.AddField(
            model_name="consentchange",
            name="channel",
            field=models.CharField(
                choices=[
                    ("tracking", "The reporter, on the tracking page"),
                    ("centre", "At a reporting centre, with the reporter there"),
                ],
                default="tracking",
                max_length=10,
                verbose_name="where",
            ),
        ),
        migrations.AlterField(
            model_name="consentchange",
            name="changed_by",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty when the reporter changed it themself.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="changed by",
            ),
        ),
        migrations.AddConstraint(
            model_name="consentchange",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("current__in", ["share_details", "share_anonymous", "do_not_share"])
                ),
                name="consentchange_current_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="consentchange",
            constraint=models.CheckConstraint(
                condition=models.Q(("channel__in", ["tracking", "centre"])),
                name="consentchange_channel_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="consentchange",
            constraint=models.CheckConstraint(
                condition=models.Q(("previous", models.F("current")), _negated=True),
                name="consentchange_changes",
            ),
        ),
        migrations.AddConstraint(
            model_name="consentchange",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("centre__isnull", True),
                        ("changed_by__isnull", True),
                        ("channel", "tracking"),
                    ),
                    models.Q(
                        ("centre__isnull", False),
                        ("changed_by__isnull", False),
                        ("channel", "centre"),
                    ),
                    _connector="OR",
                ),
                name="consentchange_who_where",
            ),
        ),
    ]
