# A "BSL video call" channel in the safe-contact plan (issue 19): the video relay service and
# the reporter's number or address on it (encrypted, like the other contact details). Both
# columns are nullable or empty by default: adding them rewrites no rows.
import encrypted_fields.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reporting", "0010_retention")]

    operations = [
        migrations.AddField(
            model_name="reportercontact",
            name="bsl_relay",
            field=models.CharField(
                blank=True,
                choices=[
                    ("signvideo", "SignVideo"),
                    ("signlive", "SignLive"),
                    ("interpreternow", "InterpreterNow"),
                    ("other", "another video relay service"),
                ],
                max_length=20,
                verbose_name="video relay service",
            ),
        ),
        migrations.AddField(
            model_name="reportercontact",
            name="bsl_video_address",
            field=encrypted_fields.fields.EncryptedCharField(
                blank=True,
                max_length=254,
                null=True,
                verbose_name="number or address on the video relay service",
            ),
        ),
    ]
