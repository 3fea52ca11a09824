"""Helpers for the casework tests: cases in a given state, outcomes, clocks."""

import pytest
from django.conf import settings
from django.utils import timezone, translation

from casework.models import CaseStatus, Outcome, OutcomeType
from reporting.models import Consent
from tests.factories import CaseFactory, ReporterContactFactory, ReportFactory


@pytest.fixture(autouse=True)
def _default_language():
    # LocaleMiddleware leaves the last request's language active in the test thread; a test
    # after one that asked for /ur/… would otherwise read Urdu messages.
    with translation.override(settings.LANGUAGE_CODE):
        yield


def make_case(*, area, status=CaseStatus.NEW, consent=Consent.SHARE_WITH_DETAILS, **fields):
    """A case of `area` in `status`, with the timestamps the constraints ask for, and a
    reporter contact record (SMS and email allowed)."""
    report = ReportFactory(area=area, consent=consent, **fields.pop("report_fields", {}))
    ReporterContactFactory(report=report, **fields.pop("contact_fields", {}))
    now = timezone.now()
    return CaseFactory(
        report=report,
        area=area,
        status=status,
        triaged_at=None if status == CaseStatus.NEW else now,
        closed_at=now if status == CaseStatus.CLOSED else None,
        **fields,
    )


def give_outcome(case, *, by, number=8, offender_identifiable=False):
    return Outcome.objects.create(
        case=case,
        outcome_type=OutcomeType.objects.get(number=number),
        offender_identifiable=offender_identifiable,
        recorded_by=by,
    )


@pytest.fixture
def case_a(area_a):
    return make_case(area=area_a)


@pytest.fixture
def case_b(area_b):
    return make_case(area=area_b)
