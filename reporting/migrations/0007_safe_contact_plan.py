"""The structured safe-contact plan (days and time windows).

Existing contacts become "any time" (no windows, the column's default fills every row) and
keep what they wrote about times as the note in `safe_times`: free text is never parsed into
a plan, since a wrong guess could send a message at an unsafe time."""

import encrypted_fields.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0006_reportdraft_evidence_bytes"),
    ]

    operations = [
        migrations.AddField(
            model_name="reportercontact",
            name="not_on_bank_holidays",
            field=models.BooleanField(default=False, verbose_name="not on bank holidays"),
        ),
        migrations.AddField(
            model_name="reportercontact",
            name="safe_windows",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text=(
                    'Empty: any time. Each: {"days": [0-6, 0 is Monday], "from": "10:00", '
                    '"until": "14:00"}, UK time.'
                ),
                verbose_name="safe days and times",
            ),
        ),
        migrations.AlterField(
            model_name="reportercontact",
            name="safe_times",
            field=encrypted_fields.fields.EncryptedCharField(
                blank=True, max_length=200, null=True, verbose_name="note about safe times"
            ),
        ),
    ]
