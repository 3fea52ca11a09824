"""Report.repeat_reporter: whether its reporter had reported before in the 12 months before it,
kept on the report so statistics still count a repeat victim once contact details go. Filled
here for the reports there are, from the keyed hashes held now (contact_hashes.reported_before,
written out: a migration does not import code that may change)."""

from django.db import migrations, models

BACKFILL = """
UPDATE reporting_report r SET repeat_reporter = true
  FROM reporting_reportercontact c
 WHERE c.report_id = r.id
   AND EXISTS (
     SELECT 1 FROM reporting_report e JOIN reporting_reportercontact ec ON ec.report_id = e.id
      WHERE e.id <> r.id
        AND e.submitted_at < r.submitted_at
        AND e.submitted_at >= r.submitted_at - interval '365 days'
        AND ((c.email_hash <> '' AND ec.email_hash = c.email_hash)
          OR (c.phone_hash <> '' AND ec.phone_hash = c.phone_hash)))
"""


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0015_erasure"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="repeat_reporter",
            field=models.BooleanField(
                db_default=False,
                default=False,
                editable=False,
                verbose_name="reported before in the 12 months before",
            ),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
    ]
