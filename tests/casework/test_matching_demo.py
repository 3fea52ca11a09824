"""The demo shows issue 20's examples (casework/demo/matching.py): the two reports of one
incident offered as a match and linked into one case, each reporter updated; a reporter with
three reports from one phone; two reports naming one account, the support-only one's reporter
told."""

import pytest
from django.urls import reverse

from casework import services
from casework.models import Case, LinkKind
from casework.services import matching
from centres.models import Notification, Role, User
from reporting.models import Consent, Report
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def demo_report(text):
    return Report.objects.get(description__startswith=text)


def spoc_of(case):
    return User.objects.filter(
        memberships__role=Role.SPOC, memberships__area=case.area, is_active=True
    ).first()


def test_demo_incident_is_offered_linked_and_both_reporters_updated(seeded_demo, client):
    online = Case.objects.get(report=demo_report("Two men shouted racist abuse at me"))
    assisted = demo_report("A woman came in to say two men")
    spoc = spoc_of(online)
    assert assisted.channel == "assisted" and online.report.channel == "online_self"

    found = matching.candidates(spoc, online)
    assert found[0].report == assisted
    sign_in(client, spoc)
    page = client.get(reverse("admin:casework_case_change", args=[online.pk])).content.decode()
    assert assisted.reference in page and "Shared strand" in page

    matching.link_report(case=online, report=assisted, kind=LinkKind.SAME_INCIDENT, by=spoc)
    update = services.send_victim_update(case=online, by=spoc, message_code="received")
    told = Notification.objects.filter(kind="victim_update", context__update=update.pk)
    assert {n.channel for n in told} == {"email", "sms"}


def test_demo_repeat_victim_reported_three_times(seeded_demo, client):
    latest = Case.objects.get(report=demo_report("My neighbour threatened my children"))
    sign_in(client, spoc_of(latest))

    page = client.get(reverse("admin:casework_case_change", args=[latest.pk])).content.decode()

    assert "Reported 3 times in 12 months" in page
    assert "Every few weeks since we moved in" in page


def test_demo_named_account_support_only_reporter_is_told(seeded_demo):
    hidden = demo_report("This account keeps sending me messages")
    shared = demo_report("An account posted my photo")

    assert hidden.consent == Consent.DO_NOT_SHARE
    assert matching.someone_else_named(hidden)
    assert matching.named_in(spoc_of(shared.case), shared)["count"] == 1
    assert "support only; someone else named the same account" in seeded_demo
