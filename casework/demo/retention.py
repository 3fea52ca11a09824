"""The retention demo: a case on legal hold for a prosecution, placed by its area's inspector
(the case whose erasure the force refused, when its area has one), so the case page shows the
hold and its release form and the purge (and its dry run) leaves it alone."""

from datetime import timedelta

from ..models import Case, LegalHold
from .data_protection import REFUSAL


def create_examples(demo):
    with_inspector = [pk for pk, staff in demo.police.items() if staff.get("inspector")]
    cases = Case.objects.filter(area_id__in=with_inspector)
    case = (
        cases.filter(report__erasure_requests__answer_reason=REFUSAL).first()
        or cases.filter(status="closed").order_by("pk").first()
    )
    if case is None:
        return
    LegalHold.objects.create(
        case=case,
        kind=LegalHold.Kind.PROSECUTION,
        reason=REFUSAL,
        placed_by=demo.police[case.area_id]["inspector"],
        placed_at=demo.now - timedelta(days=60),
    )
    Case.objects.filter(pk=case.pk).update(on_legal_hold=True)
