"""Support-only reports' owner and the online victim's home area."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0008_support_queue"),
        ("reporting", "0008_consent_changes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="referral",
            name="notification",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="centres.notification",
                verbose_name="message to the service",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="home_area",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="centres.area",
                verbose_name="area where the victim lives",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="support_centre",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="support_queue",
                to="centres.centre",
                verbose_name="support queue",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="support_contacted_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="first contact about support made at"
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="support_contacted_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="first contact about support made by",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="support_due_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="first contact about support due by"
            ),
        ),
        # A hub's support queue: what waits for first contact, by when it is due.
        migrations.AddIndex(
            model_name="report",
            index=models.Index(
                condition=models.Q(
                    ("support_centre__isnull", False), ("support_contacted_at__isnull", True)
                ),
                fields=["support_centre", "support_due_at"],
                name="report_support_waiting_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="report",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("support_centre__isnull", True), ("support_due_at__isnull", True)),
                    models.Q(("support_centre__isnull", False), ("support_due_at__isnull", False)),
                    _connector="OR",
                ),
                name="report_support_queue_has_clock",
            ),
        ),
        migrations.AddConstraint(
            model_name="report",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("support_contacted_at__isnull", True),
                    ("support_centre__isnull", False),
                    _connector="OR",
                ),
                name="report_support_contact_needs_queue",
            ),
        ),
        migrations.AddConstraint(
            model_name="report",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("home_area__isnull", True),
                    models.Q(("area", models.F("home_area")), ("location_kind", "online")),
                    _connector="OR",
                ),
                name="report_home_area_online_only",
            ),
        ),
    ]
