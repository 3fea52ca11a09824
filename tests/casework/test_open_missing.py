"""A shared report's case opens after the report is saved, in its own transaction: a failure
there never loses the report, and the casework sweep opens what is missing."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from casework import services as casework_services
from casework import sweeps
from casework.models import Case
from reporting.models import Consent, Report
from reporting.services import submit_report
from tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


def answers(area, consent=Consent.SHARE_ANONYMOUSLY):
    return {
        "reporter_role": "victim",
        "description": "Shouted at",
        "when_kind": "approximate",
        "location_kind": "place",
        "town": "Birmingham",
        "consent": consent,
        "area_id": area.pk,
    }


def test_submission_keeps_the_report_when_opening_the_case_fails(area_a, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("the police side is down")

    monkeypatch.setattr(casework_services, "open_case", broken)
    with caplog.at_level(logging.ERROR):
        report = submit_report(
            answers=answers(area_a), language="en", channel="online_self", passphrase="a b c d e"
        )
    assert Report.objects.filter(pk=report.pk).exists()
    assert not Case.objects.exists()
    # Logged with the report's id and the error's type, never the report's words.
    assert "RuntimeError" in caplog.text and str(report.pk) in caplog.text
    assert "Shouted" not in caplog.text


def test_sweep_opens_the_cases_still_missing_once(area_a):
    now = timezone.now()
    late = ReportFactory(area=area_a, submitted_at=now - timedelta(minutes=5))
    just_sent = ReportFactory(area=area_a, submitted_at=now - timedelta(seconds=10))
    not_shared = ReportFactory(
        area=area_a, consent=Consent.DO_NOT_SHARE, submitted_at=now - timedelta(hours=1)
    )
    # Older than the sweep looks (every shared report ever made is not read every 5 minutes).
    ancient = ReportFactory(area=area_a, submitted_at=now - timedelta(days=31))

    assert sweeps.open_missing_cases(now=now) == 1
    assert sweeps.open_missing_cases(now=now) == 0

    assert Case.objects.get().report == late
    assert not Case.objects.filter(report__in=[just_sent, not_shared, ancient]).exists()
    case = late.case
    assert case.area == area_a
    assert case.next_clock_due_at == case.clocks.get().due_at
    assert case.events.get().to_status == "new"


def test_casework_sweep_task_opens_missing_cases(area_a):
    from casework.tasks import sweep_casework

    ReportFactory(area=area_a, submitted_at=timezone.now() - timedelta(minutes=5))
    assert sweep_casework()["opened"] == 1
    assert Case.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sweeps_at_once_open_each_case_once_and_count_true(area_a, caplog):
    import threading

    from django.db import connection

    now = timezone.now()
    reports = [
        ReportFactory(area=area_a, submitted_at=now - timedelta(minutes=5)) for _ in range(20)
    ]
    counts, start = [], threading.Barrier(2)

    def sweep():
        start.wait()
        try:
            counts.append(sweeps.open_missing_cases(now=now))
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sum(counts) == Case.objects.count() == len(reports)
    assert "failed" not in caplog.text
