"""The retention page: the data protection officer sees the schedule and what the next run
would remove per area, before anything is removed; nobody else sees it."""

import datetime
import re

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from reporting.models import Consent, ReporterContact
from tests.conftest import sign_in
from tests.factories import AreaFactory, ReporterContactFactory, ReportFactory

pytestmark = pytest.mark.django_db

SCHEDULE = {"contact_days": 30, "free_text_days": 60, "evidence_days": 90, "anonymise_days": 400}


@override_settings(HATEREPORT_RETENTION=SCHEDULE)
def test_officer_sees_what_the_next_run_would_remove_per_area(dpo_client):
    north, south = AreaFactory(name="North"), AreaFactory(name="South")
    south.contact_retention_days = 20
    south.save(update_fields=["contact_retention_days"])
    with time_machine.travel(timezone.now() - datetime.timedelta(days=45)):
        for area in (north, north, south):
            ReporterContactFactory(report=ReportFactory(area=area, consent=Consent.DO_NOT_SHARE))

    html = dpo_client.get(reverse("data_protection:retention")).content.decode()

    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Contact details and safe-contact plan 30" in text
    assert "South 20 60 90 400" in text  # the area's own shorter contact period
    assert "North 2 0 0 0" in text and "South 1 0 0 0" in text
    assert "Total 3 0 0 0" in text
    assert ReporterContact.objects.count() == 3  # a dry run removes nothing


def test_others_are_refused_the_retention_page(client, spoc_a):
    sign_in(client, spoc_a)

    response = client.get(reverse("data_protection:retention"))

    assert response.status_code == 403
