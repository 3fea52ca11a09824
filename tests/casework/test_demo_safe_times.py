"""The demo's reporters have structured safe-contact plans, as real ones would."""

import pytest

from reporting.models import ReporterContact

pytestmark = pytest.mark.django_db


def test_demo_contacts_have_readable_structured_plans_and_some_any_time(seeded_demo):
    contacts = list(ReporterContact.objects.all())

    with_windows = [c for c in contacts if c.safe_windows]
    assert with_windows, "some demo reporters may be contacted only at some times"
    assert any(not c.safe_windows for c in contacts), "and some at any time"
    for contact in contacts:
        assert contact.contact_plan.windows_json() == contact.safe_windows
        assert contact.next_safe_time() is not None
