"""Outcomes as the seeds define them (OC1-OC10 positive, NFA with an identifiable offender), the daily review since the last one."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0006_read_marks"),
    ]

    operations = []
