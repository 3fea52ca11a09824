"""Support-only reports' owner and the online victim's home area."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0008_consent_changes"),
    ]

    operations = []
