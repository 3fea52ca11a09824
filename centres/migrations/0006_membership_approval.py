"""Role grants need a second person: who granted a role, when, and who approved or refused it.

Memberships that exist already were given before the rule and count as approved (by nobody
recorded); from now on a new row is pending unless centres/roles.py approves it.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

APPROVAL_CHOICES = [
    ("pending", "waiting for approval"),
    ("approved", "approved"),
    ("refused", "refused"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0005_centre_walk_in_awareness_activity"),
    ]

    operations = [
        # Existing rows are approved; then new rows default to pending.
        migrations.AddField(
            model_name="membership",
            name="approval",
            field=models.CharField(
                choices=APPROVAL_CHOICES, default="approved", max_length=10, verbose_name="approval"
            ),
        ),
        migrations.AlterField(
            model_name="membership",
            name="approval",
            field=models.CharField(
                choices=APPROVAL_CHOICES, default="pending", max_length=10, verbose_name="approval"
            ),
        ),
        migrations.AddField(
            model_name="membership",
            name="decided_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="approved or refused at"
            ),
        ),
        migrations.AddField(
            model_name="membership",
            name="decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="approved or refused by",
            ),
        ),
        # Existing rows: when they were granted is not known (left empty).
        migrations.AddField(
            model_name="membership",
            name="granted_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="granted at"),
        ),
        migrations.AlterField(
            model_name="membership",
            name="granted_at",
            field=models.DateTimeField(
                blank=True,
                default=django.utils.timezone.now,
                null=True,
                verbose_name="granted at",
            ),
        ),
        migrations.AddField(
            model_name="membership",
            name="granted_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="granted by",
            ),
        ),
        migrations.AddIndex(
            model_name="membership",
            index=models.Index(
                condition=models.Q(("approval", "pending")),
                fields=["granted_at"],
                name="membership_pending_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(("approval__in", ["pending", "approved", "refused"])),
                name="membership_approval_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("granted_by__isnull", True),
                    models.Q(("granted_by", models.F("user")), _negated=True),
                    _connector="OR",
                ),
                name="membership_not_granted_to_self",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("decided_by__isnull", True),
                    models.Q(("decided_by", models.F("user")), _negated=True),
                    _connector="OR",
                ),
                name="membership_not_decided_by_grantee",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("approval", "approved"), _negated=True),
                    ("decided_by__isnull", True),
                    ("granted_by__isnull", True),
                    models.Q(("decided_by", models.F("granted_by")), _negated=True),
                    _connector="OR",
                ),
                name="membership_not_approved_by_granter",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("approval", "pending"), _negated=True),
                    models.Q(("decided_at__isnull", True), ("decided_by__isnull", True)),
                    _connector="OR",
                ),
                name="membership_pending_undecided",
            ),
        ),
        migrations.CreateModel(
            name="PendingGrant",
            fields=[],
            options={
                "verbose_name": "role grant waiting for approval",
                "verbose_name_plural": "role grants waiting for approval",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("centres.membership",),
        ),
    ]
