# The data protection officer's role (centres/roles.py grants it, a second person approves it)
# and an index for reviewing one person's access-log entries (casework/data_protection/).
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("centres", "0008_support_queue")]

    operations = [
        migrations.RemoveConstraint(
            model_name="membership",
            name="membership_scope_matches_role",
        ),
        migrations.RemoveConstraint(
            model_name="membership",
            name="membership_role_valid",
        ),
        migrations.AlterField(
            model_name="membership",
            name="role",
            field=models.CharField(
                choices=[
                    ("volunteer", "Volunteer or ambassador"),
                    ("coordinator", "Centre coordinator"),
                    ("spoc", "Police single point of contact"),
                    ("officer", "Police officer"),
                    ("inspector", "Police inspector"),
                    ("analyst", "Partnership analyst"),
                    ("administrator", "Administrator"),
                    ("dpo", "Data protection officer"),
                ],
                max_length=20,
                verbose_name="role",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("area__isnull", True),
                        ("centre__isnull", False),
                        ("role__in", ["volunteer", "coordinator"]),
                    ),
                    models.Q(
                        ("area__isnull", False),
                        ("centre__isnull", True),
                        ("role__in", ["spoc", "officer", "inspector"]),
                    ),
                    models.Q(
                        ("area__isnull", True),
                        ("centre__isnull", True),
                        ("role__in", ["analyst", "administrator", "dpo"]),
                    ),
                    _connector="OR",
                ),
                name="membership_scope_matches_role",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "role__in",
                        [
                            "volunteer",
                            "coordinator",
                            "spoc",
                            "officer",
                            "inspector",
                            "analyst",
                            "administrator",
                            "dpo",
                        ],
                    )
                ),
                name="membership_role_valid",
            ),
        ),
        migrations.AddIndex(
            model_name="accesslogentry",
            index=models.Index(fields=["user", "at"], name="accesslog_user_at"),
        ),
    ]
