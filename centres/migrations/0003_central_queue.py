"""Every installation has a central queue for reports whose location matches no area."""

from django.db import migrations


def create(apps, schema_editor):
    Area = apps.get_model("centres", "Area")
    if not Area.objects.filter(is_central_queue=True).exists():
        Area.objects.create(name="Central queue", code="central", is_central_queue=True)


class Migration(migrations.Migration):
    dependencies = [("centres", "0002_accesslog_append_only")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
