# Schools as reporting centres (issue 19 part 4): the centre kind "school" and the school's
# designated safeguarding lead, a centre role.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("centres", "0010_bsl_videos")]

    operations = [
        migrations.RemoveConstraint(model_name="centre", name="centre_kind_valid"),
        migrations.RemoveConstraint(model_name="membership", name="membership_scope_matches_role"),
        migrations.RemoveConstraint(model_name="membership", name="membership_role_valid"),
        migrations.AlterField(
            model_name="centre",
            name="kind",
            field=models.CharField(
                choices=[
                    ("tprc", "Third party reporting centre"),
                    ("hirc", "Hate incident reporting centre"),
                    ("school", "School"),
                ],
                max_length=10,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="membership",
            name="role",
            field=models.CharField(
                choices=[
                    ("volunteer", "Volunteer or ambassador"),
                    ("coordinator", "Centre coordinator"),
                    ("safeguarding_lead", "Designated safeguarding lead (school)"),
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
            model_name="centre",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", ["tprc", "hirc", "school"])),
                name="centre_kind_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("area__isnull", True),
                        ("centre__isnull", False),
                        ("role__in", ["volunteer", "coordinator", "safeguarding_lead"]),
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
                            "safeguarding_lead",
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
    ]
