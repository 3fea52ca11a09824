"""Recording the force's crime or incident reference on a case."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import crime_reference
from ..models import Case
from .common import lock_case, log_change


def set_crime_reference(*, case: Case, by, reference: str, source: str = "case page") -> bool:
    """Keep the force's reference on the case, checked against the area's format and unique
    within the force. Returns whether anything changed (the same number again changes
    nothing and logs nothing, so an import can be run twice)."""
    with transaction.atomic():
        case = lock_case(case)
        value = crime_reference.clean(case.area, reference)
        force = case.area.force or case.area.name
        if value == case.crime_reference and force == case.crime_reference_force:
            return False
        taken = (
            Case.objects.filter(crime_reference_force=force, crime_reference=value)
            .exclude(pk=case.pk)
            .exists()
        )
        if taken:
            raise ValidationError(
                {"reference": _("Another case already has this crime reference.")},
                code="taken",
            )
        before = case.crime_reference
        case.crime_reference = value
        case.crime_reference_force = force
        case.save(update_fields=["crime_reference", "crime_reference_force"])
        detail = "crime reference set" if not before else "crime reference changed"
        log_change(by, case, f"{detail} ({source})")
    return True
