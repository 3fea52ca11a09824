"""The retention page: the data protection officer sees the schedule and what the next run
would remove per area, before anything is removed; nobody else sees it."""

import datetime
import re

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from centres.models import AccessLogEntry
from reporting.lifecycle import apply_configured, run_purge, waiting_changes
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
    apply_configured(by=None, would_remove={})

    html = dpo_client.get(reverse("data_protection:retention")).content.decode()

    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Contact details and safe-contact plan 30" in text
    assert "South 20 60 90 400" in text  # the area's own shorter contact period
    assert "North 2 0 0 0" in text and "South 1 0 0 0" in text
    assert "Total 3 0 0 0" in text
    assert ReporterContact.objects.count() == 3  # a dry run removes nothing


def page_text(client) -> str:
    html = client.get(reverse("data_protection:retention")).content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_shorter_period_waits_until_the_officer_applies_it(dpo_client, dpo):
    """Set shorter in settings, a period removes nothing until the officer has read what it
    would remove and applied it; applying is logged, and listed with what it was shown."""
    north = AreaFactory(name="North")
    with time_machine.travel(timezone.now() - datetime.timedelta(days=45)):
        for _ in range(2):
            ReporterContactFactory(report=ReportFactory(area=north, consent=Consent.DO_NOT_SHARE))

    with override_settings(HATEREPORT_RETENTION=SCHEDULE):
        home = dpo_client.get(reverse("data_protection:home")).content.decode()
        assert "4 shorter retention periods wait for your review" in " ".join(home.split())
        text = page_text(dpo_client)
        assert "4 shorter periods are set and wait for your review" in text
        assert "Contact details and safe-contact plan Nationally 365 30" in text
        # In force (365 days): nothing; the new periods: both reports' contact details.
        assert "What the next run will remove (reports) Area" in text
        assert "What the new periods would remove at their first run (reports) Area" in text
        assert "North 2 0 0 0" in text
        assert run_purge().totals()["contact"] == 0

        refused = dpo_client.post(reverse("data_protection:retention"), follow=True)
        assert "Confirm that you have read" in refused.content.decode()
        assert waiting_changes()

        response = dpo_client.post(
            reverse("data_protection:retention"), {"confirm": "yes"}, follow=True
        )
        assert "The new periods are in force" in response.content.decode()
        assert waiting_changes() == []
        text = page_text(dpo_client)
        assert "waits for your review" not in text
        assert (
            f"{dpo.name} Contact details and safe-contact plan: 2; Free text and information "
            "added later: 0; Evidence files: 0; Whole report anonymised: 0"
        ) in text

        assert run_purge().totals()["contact"] == 2
    entry = AccessLogEntry.objects.filter(user=dpo, detail__startswith="retention").get()
    assert entry.detail == (
        "retention schedule applied; its first run removes contact 2, free_text 0, evidence 0, "
        "anonymise 0"
    )


def test_others_are_refused_the_retention_page(client, spoc_a):
    sign_in(client, spoc_a)

    response = client.get(reverse("data_protection:retention"))

    assert response.status_code == 403
