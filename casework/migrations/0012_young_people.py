# Young people (issue 19 part 3): the safeguarding flag police see on a case about someone
# under 18, with a small partial index for the case list's filter.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("casework", "0011_legal_hold")]

    operations = [
        migrations.AddField(
            model_name="case",
            name="safeguarding",
            field=models.BooleanField(
                db_default=False,
                default=False,
                verbose_name="safeguarding: a child or young person under 18",
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                condition=models.Q(("safeguarding", True)),
                fields=["area", "opened_at"],
                name="case_safeguarding_idx",
            ),
        ),
    ]
