"""The force's crime or incident reference on a case (issue 20): one rule for what a valid
one looks like, used by the case page's form, the admin's search and the import from the
force's records.

Each area says its force's format (`Area.crime_reference_pattern`, a regular expression the
whole reference must match, with an example to show). An area without one accepts letters,
digits, "/" and "-". A reference is kept upper-case with no spaces, and is unique within the
force (`case_crime_reference_unique`)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Without a force format: what every force's references are made of, nothing more.
ANY_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9/-]{2,39}$")


def normalise(value: str) -> str:
    """As typed or exported by the force's system: case and spaces do not matter."""
    return re.sub(r"\s+", "", value or "").upper()


def clean(area, value: str) -> str:
    """The reference in its kept form, or a ValidationError that shows the area's example."""
    reference = normalise(value)
    if not reference:
        raise ValidationError(_("Enter the crime or incident reference."), code="required")
    pattern = area.crime_reference_pattern
    matches = re.fullmatch(pattern, reference) if pattern else ANY_REFERENCE.fullmatch(reference)
    if not matches or len(reference) > 40:
        if area.crime_reference_example:
            message = _("This is not a %(force)s reference. It looks like %(example)s.") % {
                "force": area.force or area.name,
                "example": area.crime_reference_example,
            }
        else:
            message = _("Use letters, digits, / and - only (3 to 40 characters).")
        raise ValidationError(message, code="format")
    return reference
