# Erasure requests sent to the force (reporting/models/erasure.py) and the keyed hashes of
# reporters' email addresses and phone numbers (reporting/contact_hashes.py), computed for the
# contact details already held: the data protection officer's search never reads plaintext.
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

BATCH = 500


def fill_contact_hashes(apps, schema_editor):
    from reporting import contact_hashes

    ReporterContact = apps.get_model("reporting", "ReporterContact")
    rows = ReporterContact.objects.exclude(email__isnull=True, phone__isnull=True).only(
        "pk", "email", "phone"
    )
    batch = []
    for contact in rows.order_by("pk").iterator(chunk_size=BATCH):
        contact.email_hash = contact_hashes.email_hash(contact.email)
        contact.phone_hash = contact_hashes.phone_hash(contact.phone)
        batch.append(contact)
        if len(batch) == BATCH:
            ReporterContact.objects.bulk_update(batch, ["email_hash", "phone_hash"])
            batch = []
    ReporterContact.objects.bulk_update(batch, ["email_hash", "phone_hash"])


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0014_victim_feedback"),
        ("centres", "0009_data_protection"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="reportercontact",
            name="email_hash",
            field=models.CharField(blank=True, default="", editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="reportercontact",
            name="phone_hash",
            field=models.CharField(blank=True, default="", editable=False, max_length=64),
        ),
        migrations.AddIndex(
            model_name="reportercontact",
            index=models.Index(
                condition=models.Q(("email_hash", ""), _negated=True),
                fields=["email_hash"],
                name="contact_email_hash",
            ),
        ),
        migrations.AddIndex(
            model_name="reportercontact",
            index=models.Index(
                condition=models.Q(("phone_hash", ""), _negated=True),
                fields=["phone_hash"],
                name="contact_phone_hash",
            ),
        ),
        migrations.RunPython(fill_contact_hashes, migrations.RunPython.noop, elidable=True),
        migrations.CreateModel(
            name="ErasureRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "reference",
                    models.CharField(db_index=True, max_length=12, verbose_name="reference"),
                ),
                (
                    "received_on",
                    models.DateField(
                        default=django.utils.timezone.localdate,
                        verbose_name="request received on",
                    ),
                ),
                ("due_on", models.DateField(verbose_name="answer due by")),
                (
                    "recorded_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="recorded at"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("waiting", "waiting for the force"),
                            ("granted", "granted: erased"),
                            ("refused", "refused"),
                        ],
                        default="waiting",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "answered_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="answered at"),
                ),
                (
                    "answer_reason",
                    models.TextField(blank=True, verbose_name="the force's reason"),
                ),
                (
                    "answered_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="erasure_requests",
                        to="centres.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="erasure_requests",
                        to="reporting.report",
                    ),
                ),
            ],
            options={
                "verbose_name": "erasure request",
                "ordering": ["due_on", "pk"],
                "indexes": [
                    models.Index(
                        condition=models.Q(("status", "waiting")),
                        fields=["due_on"],
                        name="erasure_waiting_due",
                    )
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("status__in", ["waiting", "granted", "refused"])),
                        name="erasure_status_valid",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("status", "refused"), _negated=True),
                            models.Q(("answer_reason", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="erasure_refusal_has_reason",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("answered_at__isnull", True), ("status", "waiting")),
                            models.Q(
                                models.Q(("status", "waiting"), _negated=True),
                                ("answered_at__isnull", False),
                            ),
                            _connector="OR",
                        ),
                        name="erasure_answer_recorded",
                    ),
                ],
            },
        ),
    ]
