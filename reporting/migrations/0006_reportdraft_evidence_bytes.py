"""Drafts say how many bytes their uploaded files hold, for the site-wide cap on drafts' files
(reporting/evidence/bounds.py).

One step, not three: with a database default, PostgreSQL adds a NOT NULL column without
rewriting the table. Drafts already holding files get their bytes from their answers (a
day's worth of drafts at most), so the cap is true from the first request after deploying.
"""

from django.db import migrations, models


def count_held_bytes(apps, schema_editor):
    ReportDraft = apps.get_model("reporting", "ReportDraft")
    unsent = ReportDraft.objects.filter(sent_report__isnull=True)
    for pk in list(unsent.values_list("pk", flat=True)):
        try:
            answers = unsent.filter(pk=pk).values_list("answers", flat=True).first()
        except Exception:  # a draft under a retired key: nothing to count
            continue
        answers = answers if isinstance(answers, dict) else {}
        held = sum(
            meta.get("size") or 0
            for meta in answers.get("evidence", [])
            if isinstance(meta, dict) and isinstance(meta.get("size"), int)
        )
        if held:
            ReportDraft.objects.filter(pk=pk).update(evidence_bytes=held)


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0005_draft_sent_report"),
    ]

    operations = [
        migrations.AddField(
            model_name="reportdraft",
            name="evidence_bytes",
            field=models.PositiveBigIntegerField(db_default=0, default=0),
        ),
        migrations.AddIndex(
            model_name="reportdraft",
            index=models.Index(
                condition=models.Q(("evidence_bytes__gt", 0), ("sent_report__isnull", True)),
                fields=["evidence_bytes"],
                name="draft_holding_files_idx",
            ),
        ),
        migrations.RunPython(count_held_bytes, migrations.RunPython.noop, elidable=True),
    ]
