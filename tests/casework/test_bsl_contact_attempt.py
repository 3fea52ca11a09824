"""A contact attempt by BSL video call, for a reporter whose safe-contact plan asks for one:
offered on the case page, recorded, and shown by its name (issue 19 part 2)."""

import pytest
from django.urls import reverse

from casework.models import CaseStatus, CaseUpdate
from tests.casework.conftest import make_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_a_bsl_video_call_attempt_is_offered_recorded_and_named(client, area_a, spoc_a):
    case = make_case(
        area=area_a,
        status=CaseStatus.TRIAGED,
        contact_fields={
            "channels": ["bsl_video"],
            "bsl_relay": "signvideo",
            "bsl_video_address": "amina.signvideo@example.org",
        },
    )
    sign_in(client, spoc_a)
    page = client.get(reverse("admin:casework_case_change", args=[case.pk]))
    [form] = [f for name, f in page.context["form_groups"]["updates"] if name == "contact"]
    assert [code for code, _label in form.fields["channel"].choices] == ["bsl_video"]

    response = client.post(
        reverse("admin:casework_case_action", args=[case.pk, "contact"]),
        {"contact-channel": "bsl_video", "contact-outcome": "reached"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    attempt = CaseUpdate.objects.get(case=case, is_contact_attempt=True)
    assert attempt.get_contact_channel_display() == "BSL video call"
    page = client.get(reverse("admin:casework_case_change", args=[case.pk])).content.decode()
    assert "Contact attempt: BSL video call, Spoke to them" in page
