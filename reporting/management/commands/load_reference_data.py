"""Load the strands, local markers, incident types and place types, in every site language.

Safe to run on every deploy: it creates the rows that are missing (by code) and fills in
translations that are still empty, and never changes a value an administrator has written.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from centres.models import Strand
from centres.reference_data import LOCAL_MARKERS, NATIONAL_STRANDS
from reporting.models import IncidentType, PlaceType
from reporting.reference_data import INCIDENT_TYPES, PLACE_TYPES


class Command(BaseCommand):
    help = "Create the strands, local markers, incident and place types that are missing."
    requires_system_checks = []

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = [
                load_rows(Strand, NATIONAL_STRANDS, ["name", "description"], kind="national"),
                load_rows(Strand, LOCAL_MARKERS, ["name", "description"], kind="local"),
                load_rows(IncidentType, INCIDENT_TYPES, ["name", "hint"]),
                load_rows(PlaceType, PLACE_TYPES, ["name"]),
            ]
        created = sum(c for c, _filled in counts)
        filled = sum(f for _created, f in counts)
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Reference data: {created} rows created, {filled} empty translations filled in."
            )


def load_rows(model, rows, translated_fields, **fixed) -> tuple[int, int]:
    """Create the rows whose code is missing; on existing rows, fill only empty translations.

    Returns (rows created, translations filled in).
    """
    languages = [code for code, _name in settings.LANGUAGES]
    existing = {obj.code: obj for obj in model.objects.filter(code__in=[r["code"] for r in rows])}
    created = filled = 0
    for row in rows:
        texts = {
            f"{field}_{language}": row[field].get(language, "")
            for field in translated_fields
            for language in languages
        }
        obj = existing.get(row["code"])
        if obj is None:
            model.objects.create(code=row["code"], order=row["order"], **fixed, **texts)
            created += 1
            continue
        # An administrator's wording always wins; only a blank is ours to fill.
        empty = [name for name, text in texts.items() if text and not getattr(obj, name)]
        for name in empty:
            setattr(obj, name, texts[name])
        if empty:
            obj.save(update_fields=empty)
            filled += len(empty)
    return created, filled
