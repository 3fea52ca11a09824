"""Encrypt drafts' answers at rest: they hold contact details before a report exists.

Drafts live for a day and cannot be converted in place (the column's type changes), so
any drafts left are deleted first."""

from django.db import migrations

import reporting.models


def delete_drafts(apps, schema_editor):
    apps.get_model("reporting", "ReportDraft").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(delete_drafts, migrations.RunPython.noop),
        migrations.RemoveField(model_name="reportdraft", name="answers"),
        migrations.AddField(
            model_name="reportdraft",
            name="answers",
            field=reporting.models.EncryptedJSONDocumentField(default=dict),
        ),
    ]
