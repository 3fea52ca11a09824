# Reserved in the migration chain so parallel work can land side by side; its operations
# are filled by the change that needs them (an empty migration changes nothing).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("centres", "0010_bsl_videos")]

    operations = []
