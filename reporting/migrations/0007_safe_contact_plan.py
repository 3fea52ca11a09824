"""The structured safe-contact plan (days and time windows)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0006_reportdraft_evidence_bytes"),
    ]

    operations = []
