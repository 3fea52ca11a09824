"""Legal holds: an inspector of the area places one on the case page with a reason and
releases it; both are in the access log; the retention purge never touches a held case."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import CaseStatus, LegalHold
from centres.models import AccessLogEntry
from reporting.lifecycle import apply_configured, run_purge
from reporting.models import ReporterContact
from tests.casework.conftest import make_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def action_url(case, action):
    return reverse("admin:casework_case_action", args=[case.pk, action])


def test_inspector_places_and_releases_a_hold_on_the_case_page(client, area_a, inspector_a):
    case = make_case(area=area_a, status=CaseStatus.CLOSED)
    sign_in(client, inspector_a)

    page = client.get(reverse("admin:casework_case_change", args=[case.pk])).content.decode()
    assert 'id="form-legal-hold"' in page
    client.post(
        action_url(case, "legal-hold"),
        {"legal-hold-kind": "prosecution", "legal-hold-reason": "Trial listed for March"},
    )
    case.refresh_from_db()
    assert case.on_legal_hold
    page = client.get(reverse("admin:casework_case_change", args=[case.pk])).content.decode()
    assert "Held for prosecution since" in page and "Trial listed for March" in page
    assert 'id="form-legal-hold"' not in page

    client.post(
        action_url(case, "legal-hold-release"),
        {"legal-hold-release-release_reason": "Verdict given"},
    )

    case.refresh_from_db()
    assert not case.on_legal_hold
    hold = LegalHold.objects.get(case=case)
    assert (hold.placed_by, hold.released_by) == (inspector_a, inspector_a)
    assert hold.release_reason == "Verdict given"
    log = AccessLogEntry.objects.about(case).filter(detail__startswith="legal hold")
    assert sorted(log.values_list("detail", "reason", "user")) == [
        ("legal hold placed: prosecution", "Trial listed for March", inspector_a.pk),
        ("legal hold released", "Verdict given", inspector_a.pk),
    ]


def test_spoc_is_not_offered_a_hold_and_cannot_place_one(client, area_a, spoc_a):
    case = make_case(area=area_a, status=CaseStatus.CLOSED)
    sign_in(client, spoc_a)

    page = client.get(reverse("admin:casework_case_change", args=[case.pk])).content.decode()
    response = client.post(
        action_url(case, "legal-hold"),
        {"legal-hold-kind": "complaint", "legal-hold-reason": "x"},
    )

    assert 'id="form-legal-hold"' not in page
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.place_legal_hold(case=case, by=spoc_a, kind="complaint", reason="x")
    case.refresh_from_db()
    assert not case.on_legal_hold and not LegalHold.objects.exists()


def test_hold_needs_a_reason_and_only_one_at_a_time(area_a, inspector_a):
    case = make_case(area=area_a)

    with pytest.raises(ValidationError):
        services.place_legal_hold(case=case, by=inspector_a, kind="review", reason="  ")
    services.place_legal_hold(case=case, by=inspector_a, kind="review", reason="IOPC review")
    with pytest.raises(ValidationError):
        services.place_legal_hold(case=case, by=inspector_a, kind="review", reason="again")
    with pytest.raises(ValidationError):
        services.release_legal_hold(case=case, by=inspector_a, reason="")

    assert LegalHold.objects.filter(case=case).count() == 1


@override_settings(
    HATEREPORT_RETENTION={
        "contact_days": 30,
        "free_text_days": 30,
        "evidence_days": 30,
        "anonymise_days": 30,
    }
)
def test_the_purge_keeps_a_held_case_until_its_release(area_a, inspector_a):
    start = timezone.now()
    held = make_case(area=area_a, status=CaseStatus.CLOSED)
    other = make_case(area=area_a, status=CaseStatus.CLOSED)
    services.place_legal_hold(case=held, by=inspector_a, kind="prosecution", reason="Trial")
    apply_configured(by=None, would_remove={})  # the officer applied the 30 days

    with time_machine.travel(start + datetime.timedelta(days=40), tick=False):
        run_purge()
    held.report.refresh_from_db()
    other.report.refresh_from_db()
    assert held.report.anonymised_at is None
    assert ReporterContact.objects.filter(report=held.report).exists()
    assert other.report.anonymised_at is not None

    services.release_legal_hold(case=held, by=inspector_a, reason="Verdict")
    with time_machine.travel(start + datetime.timedelta(days=41), tick=False):
        run_purge()

    held.report.refresh_from_db()
    assert held.report.anonymised_at is not None
