"""Support-only reports: who owns them, and how each support service takes referrals."""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0007_notification_delivery_receipts"),
    ]

    operations = [
        migrations.AddField(
            model_name="centre",
            name="is_support_hub",
            field=models.BooleanField(
                db_default=False,
                default=False,
                help_text=(
                    "Its team takes the area's online reports from people who asked for "
                    "support and left a way to contact them. One hub per area."
                ),
                verbose_name="victim-support hub for the area",
            ),
        ),
        migrations.AddField(
            model_name="centre",
            name="support_contact_within_days",
            field=models.PositiveSmallIntegerField(
                db_default=2,
                default=2,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="first contact about support within (working days)",
            ),
        ),
        migrations.AddField(
            model_name="supportservice",
            name="referral_channel",
            field=models.CharField(
                choices=[
                    ("secure_email", "Secure email, sent by Hate Report"),
                    ("none", "Not through Hate Report: the person contacts the service"),
                ],
                db_default="none",
                default="none",
                max_length=20,
                verbose_name="how it takes referrals",
            ),
        ),
        migrations.AddField(
            model_name="supportservice",
            name="referral_email",
            field=models.EmailField(
                blank=True,
                db_default="",
                default="",
                help_text="For example, an address on a secure government or NHS mail system.",
                max_length=254,
                verbose_name="secure email address for referrals",
            ),
        ),
        migrations.AddConstraint(
            model_name="centre",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_support_hub", True)),
                fields=("area",),
                name="centre_one_hub_per_area",
            ),
        ),
        migrations.AddConstraint(
            model_name="centre",
            constraint=models.CheckConstraint(
                condition=models.Q(("support_contact_within_days__gte", 1)),
                name="centre_support_days_positive",
            ),
        ),
        migrations.AddConstraint(
            model_name="supportservice",
            constraint=models.CheckConstraint(
                condition=models.Q(("referral_channel__in", ["secure_email", "none"])),
                name="supportservice_referral_channel_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="supportservice",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("referral_channel", "secure_email"), _negated=True),
                    models.Q(("referral_email", ""), _negated=True),
                    _connector="OR",
                ),
                name="supportservice_secure_email_has_address",
            ),
        ),
    ]
