# Same incident, same person (issue 20): pg_trgm and its GIN index on the description, the
# incident-date index of the candidate search, and the keyed hashes of what identifies an
# offender. The reporter's email and phone hashes are ReporterContact's (migration 0015).
import django.contrib.postgres.indexes
import django.db.models.deletion
import encrypted_fields.fields
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reporting", "0012_young_people_and_schools")]

    operations = [
        TrigramExtension(),
        migrations.AddIndex(
            model_name="report",
            index=models.Index(fields=["area", "occurred_on"], name="report_area_occurred_idx"),
        ),
        migrations.AddIndex(
            model_name="report",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["description"], name="report_description_trgm", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.CreateModel(
            name="OffenderIdentifier",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("account", "online account"),
                            ("vehicle", "vehicle registration"),
                            ("name_street", "name and street"),
                        ],
                        max_length=12,
                        verbose_name="kind",
                    ),
                ),
                (
                    "value",
                    encrypted_fields.fields.EncryptedCharField(
                        max_length=300, verbose_name="as the reporter gave it"
                    ),
                ),
                ("digest", models.CharField(editable=False, max_length=64)),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="offender_identifiers",
                        to="reporting.report",
                    ),
                ),
            ],
            options={"verbose_name": "offender identifier"},
        ),
        migrations.AddIndex(
            model_name="offenderidentifier",
            index=models.Index(fields=["digest"], name="offender_identifier_digest"),
        ),
        migrations.AddConstraint(
            model_name="offenderidentifier",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", ["account", "vehicle", "name_street"])),
                name="offender_identifier_kind_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="offenderidentifier",
            constraint=models.UniqueConstraint(
                fields=("report", "digest"), name="offender_identifier_once"
            ),
        ),
    ]
