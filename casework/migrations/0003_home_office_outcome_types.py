"""The Home Office crime outcome types 1-22: the canonical outcomes every area maps onto."""

from django.db import migrations

OUTCOME_TYPES = [
    (1, "Charged or summonsed", True, False),
    (2, "Caution (youth)", True, False),
    (3, "Caution (adult)", True, False),
    (4, "Taken into consideration", True, False),
    (5, "The offender has died", False, False),
    (6, "Penalty notice for disorder", True, False),
    (7, "Cannabis or khat warning", True, False),
    (8, "Community resolution", True, False),
    (9, "Prosecution not in the public interest (CPS decision)", False, True),
    (10, "Formal action not in the public interest (police decision)", False, True),
    (11, "Prosecution prevented: suspect below the age of criminal responsibility", False, True),
    (12, "Prosecution prevented: suspect too ill to prosecute", False, True),
    (13, "Prosecution prevented: victim or key witness dead or too ill to give evidence",
     False, True),
    (14, "Evidential difficulties: suspect not identified; victim does not support further "
         "action", False, True),
    (15, "Evidential difficulties: suspect identified; victim supports action", False, True),
    (16, "Evidential difficulties: suspect identified; victim does not support further action",
     False, True),
    (17, "Prosecution time limit expired", False, True),
    (18, "Investigation complete: no suspect identified", False, True),
    (19, "National Crime Agency only", False, False),
    (20, "Action undertaken by another body or agency", False, False),
    (21, "Further investigation not in the public interest (police decision)", False, True),
    (22, "Diversionary, educational or intervention activity; no further action in the public "
         "interest", True, False),
]


def load(apps, schema_editor):
    OutcomeType = apps.get_model("casework", "OutcomeType")
    for number, name, positive, nfa in OUTCOME_TYPES:
        OutcomeType.objects.update_or_create(
            number=number,
            defaults={"name": name, "is_positive": positive, "is_no_further_action": nfa},
        )


class Migration(migrations.Migration):
    dependencies = [("casework", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
