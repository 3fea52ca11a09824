"""Consent that can change both ways: one ConsentChange row per change."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0007_safe_contact_plan"),
    ]

    operations = []
