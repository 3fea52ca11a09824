"""What someone on the case has read: the reporter's additions and changes, marked new until then."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0005_tracking_failures"),
    ]

    operations = []
