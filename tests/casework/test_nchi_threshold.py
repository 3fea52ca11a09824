"""A non-crime hate incident below the 2023 code's threshold keeps none of the subject's
personal data: it is removed when the decision is recorded, the record says so, and the
removal is in the access log."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from casework import services
from casework.models import Case
from centres.models import AccessLogEntry
from tests.casework.conftest import make_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

SUBJECT = "Tall man, about 40, lives at number 12, drives a red van."


def nchi_case(area):
    return make_case(area=area, status="triaged", report_fields={"offender_description": SUBJECT})


def test_nchi_threshold_not_met_removes_subject_data_and_logs_it(area_a, spoc_a):
    case = nchi_case(area_a)

    services.decide_recording(
        case=case,
        by=spoc_a,
        decision="nchi",
        nchi_threshold_met=False,
        nchi_rationale="One-off remark; no risk of significant harm.",
    )

    case.refresh_from_db()
    case.report.refresh_from_db()
    assert case.report.offender_description == ""
    assert case.subject_data_removed_at is not None
    entry = AccessLogEntry.objects.about(case).get(detail__startswith="subject's personal data")
    assert (entry.user, entry.action) == (spoc_a, "change")
    assert SUBJECT not in entry.detail


def test_nchi_threshold_met_keeps_subject_data(area_a, spoc_a):
    case = nchi_case(area_a)

    services.decide_recording(
        case=case,
        by=spoc_a,
        decision="nchi",
        nchi_threshold_met=True,
        nchi_rationale="Repeated targeting of one family: real risk of an offence.",
    )

    case.refresh_from_db()
    case.report.refresh_from_db()
    assert case.report.offender_description == SUBJECT
    assert case.subject_data_removed_at is None


def test_nchi_case_page_and_pdf_say_the_subject_data_was_removed(client, area_a, spoc_a):
    case = nchi_case(area_a)
    sign_in(client, spoc_a)

    client.post(
        reverse("admin:casework_case_action", args=[case.pk, "decision"]),
        {
            "decision-decision": "nchi",
            "decision-nchi_threshold_met": "no",
            "decision-nchi_rationale": "One-off remark.",
        },
    )
    page = client.get(reverse("admin:casework_case_change", args=[case.pk])).content.decode()

    case.refresh_from_db()
    assert f"removed on {case.subject_data_removed_at:%-d %B %Y} under the 2023 NCHI code" in page
    assert SUBJECT not in page


def test_removal_is_not_undone_or_repeated_by_a_later_decision(area_a, spoc_a):
    case = nchi_case(area_a)
    below = {"decision": "nchi", "nchi_threshold_met": False, "nchi_rationale": "One-off."}
    services.decide_recording(case=case, by=spoc_a, **below)
    case.refresh_from_db()
    removed_at = case.subject_data_removed_at

    services.decide_recording(case=case, by=spoc_a, decision="crime")
    services.decide_recording(case=case, by=spoc_a, **below)

    case.refresh_from_db()
    assert case.subject_data_removed_at == removed_at
    assert (
        AccessLogEntry.objects.about(case)
        .filter(detail__startswith="subject's personal data")
        .count()
        == 1
    )


def test_database_refuses_nchi_below_threshold_without_removal(area_a):
    case = nchi_case(area_a)

    refused = pytest.raises(IntegrityError, match="case_nchi_below_threshold_subject_removed")
    with refused, transaction.atomic():
        Case.objects.filter(pk=case.pk).update(
            recording_decision="nchi", nchi_threshold_met=False, nchi_rationale="x"
        )
