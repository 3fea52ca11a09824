"""The demo holds the case whose erasure the force refused for a prosecution."""

import pytest

from casework.models import LegalHold


@pytest.mark.django_db
def test_demo_has_a_case_on_legal_hold(seeded_demo):
    hold = LegalHold.objects.select_related("case", "placed_by").get()

    assert hold.case.on_legal_hold
    assert hold.kind == "prosecution" and hold.released_at is None
    assert hold.placed_by.memberships.filter(role="inspector", area=hold.case.area).exists()
