"""The language an officer wrote a victim update's own words in (issue #16 part 4).

One step: PostgreSQL (11 and later) adds a NOT NULL column with a constant default without
rewriting the table, and every existing update's words were written in English."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0007_outcomes_and_review"),
    ]

    operations = [
        migrations.AddField(
            model_name="caseupdate",
            name="body_language",
            field=models.CharField(
                choices=[
                    ("en", "English"),
                    ("cy", "Cymraeg"),
                    ("ur", "اردو"),
                    ("pa", "ਪੰਜਾਬੀ"),
                    ("bn", "বাংলা"),
                    ("ar", "العربية"),
                    ("ro", "Română"),
                    ("pl", "Polski"),
                    ("so", "Soomaali"),
                    ("ps", "پښتو"),
                ],
                default="en",
                max_length=8,
                verbose_name="language of the text",
            ),
        ),
    ]
