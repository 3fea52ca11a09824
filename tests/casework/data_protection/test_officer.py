"""The data protection officer: finds reports by reference or keyed email/phone hash,
exports a redacted bundle, and handles erasure requests; every step logged."""

import datetime
import io
import json
import zipfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casework.data_protection import erasure
from casework.models import Case, CaseUpdate
from centres import roles
from centres.models import AccessLogEntry, Approval, Notification, Role
from reporting.contact_hashes import email_hash, phone_hash
from reporting.models import Consent, ErasureRequest, Report, one_calendar_month_after
from tests.conftest import member, sign_in
from tests.factories import (
    CaseFactory,
    CaseUpdateFactory,
    ReporterContactFactory,
    ReportFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _person_reports(area):
    """Three reports by one person (one email, one phone written two ways), one by another."""
    mine = [ReportFactory(area=area, consent=Consent.DO_NOT_SHARE) for _ in range(3)]
    ReporterContactFactory(report=mine[0], email="Amina@Example.org", phone="07700 900123")
    ReporterContactFactory(report=mine[1], email="amina@example.org", phone="")
    ReporterContactFactory(report=mine[2], email="", phone="+44 7700 900123")
    other = ReportFactory(area=area)
    ReporterContactFactory(report=other, name="Other Person", email="other@example.org", phone="")
    return mine, other


def test_hashes_are_filled_on_save_and_normalised(area_a):
    report = ReportFactory(area=area_a)
    contact = ReporterContactFactory(report=report, email=" A@B.org ", phone="07700 900 982")
    contact.refresh_from_db()
    assert contact.email_hash == email_hash("a@b.org")
    assert contact.phone_hash == phone_hash("+447700900982")
    contact.email = ""
    contact.save(update_fields=["email"])
    contact.refresh_from_db()
    assert contact.email_hash == ""


def test_search_by_email_or_phone_hash_finds_the_persons_reports(dpo_client, area_a):
    mine, other = _person_reports(area_a)

    by_email = dpo_client.post("/data-protection/", {"email": "AMINA@example.org"})
    by_phone = dpo_client.post("/data-protection/", {"phone": "0044 7700 900123"})

    found_by_email = set(by_email.context["found"].reports)
    found_by_phone = set(by_phone.context["found"].reports)
    assert found_by_email == {mine[0], mine[1]}
    assert found_by_phone == {mine[0], mine[2]}
    assert other.reference not in by_email.content.decode()


def test_search_uses_the_hash_index_not_the_encrypted_columns(dpo_client, area_a):
    _person_reports(area_a)
    with CaptureQueriesContext(connection) as queries:
        dpo_client.post("/data-protection/", {"email": "amina@example.org"})
    contact_queries = [q["sql"] for q in queries if "reporting_reportercontact" in q["sql"]]
    assert contact_queries
    assert all('"email_hash" =' in sql for sql in contact_queries)
    assert not any('"email" =' in sql or "amina" in sql for sql in contact_queries)


def test_search_is_logged_by_fingerprint_only(dpo_client, dpo, area_a):
    mine, _ = _person_reports(area_a)
    dpo_client.post("/data-protection/", {"email": "amina@example.org"})

    entries = AccessLogEntry.objects.filter(user=dpo, detail__startswith="data protection search")
    assert entries.filter(object_id=mine[0].pk).exists()
    assert all("amina" not in entry.detail for entry in entries)
    assert all("search #" in entry.detail for entry in entries)


def test_others_cannot_reach_the_officers_pages(client, spoc_a, administrator):
    for person in (spoc_a, administrator):
        response = sign_in(client, person).get("/data-protection/")
        assert response.status_code in (302, 403)
        assert "found" not in (response.context or {})


def test_the_role_needs_a_second_person(administrator):
    other_admin = member(Role.ADMINISTRATOR, name="Second administrator")
    person = UserFactory()
    grant = roles.grant_role(by=administrator, user=person, role=Role.DATA_PROTECTION_OFFICER)
    assert grant.approval == Approval.PENDING
    assert not person.is_data_protection_officer
    roles.approve_grant(grant, by=other_admin)
    person = type(person).objects.get(pk=person.pk)
    assert person.is_data_protection_officer


def test_bundle_is_redacted_and_logged(dpo_client, dpo, area_a):
    report = ReportFactory(area=area_a, description="They shouted at me at the bus stop.")
    ReporterContactFactory(report=report, email="amina@example.org")
    case = CaseFactory(report=report, area=area_a)
    officer = UserFactory(name="PC Hidden Officer")
    Case.objects.filter(pk=case.pk).update(owner=officer)
    CaseUpdateFactory(case=case, author=officer, message_code="received", body="")
    CaseUpdateFactory(
        case=case,
        author=officer,
        visibility=CaseUpdate.Visibility.INTERNAL,
        body="INTERNAL: suspect nominal 4471",
    )
    other = ReportFactory(area=area_a, description="Another person's account")
    ReporterContactFactory(report=other, name="Other Person", email="other@example.org")

    response = dpo_client.post("/data-protection/bundle/", {"report": [report.pk]})

    assert response["Content-Type"] == "application/zip"
    bundle = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(bundle.namelist())
    assert names == {
        "README.txt",
        f"{report.reference}/report.json",
        f"{report.reference}/report.pdf",
    }
    everything = b"".join(bundle.read(name) for name in names if name.endswith((".json", ".txt")))
    data = json.loads(bundle.read(f"{report.reference}/report.json"))
    assert data["reference"] == report.reference
    assert b"They shouted at me at the bus stop." in everything
    for hidden in (b"PC Hidden Officer", b"nominal 4471", b"Other Person", b"other@example.org"):
        assert hidden not in everything
    assert b"Redacted" in bundle.read("README.txt")
    assert (
        AccessLogEntry.objects.about(report)
        .filter(user=dpo, action="export", detail="subject access bundle")
        .exists()
    )
    assert not AccessLogEntry.objects.about(other).filter(action="export").exists()


def test_never_shared_report_is_erased_at_once(dpo_client, dpo, area_a):
    report = ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE)
    ReporterContactFactory(report=report)
    report_type = ContentType.objects.get_for_model(Report)

    response = dpo_client.post(
        f"/data-protection/report/{report.pk}/",
        {"received_on": "2026-12-01", "confirm": "on"},
    )

    assert response.status_code == 302
    assert not Report.objects.filter(pk=report.pk).exists()
    assert not ErasureRequest.objects.exists()
    log = AccessLogEntry.objects.filter(object_type=report_type, object_id=report.pk, user=dpo)
    assert log.filter(action="view", detail="data protection").exists()
    assert log.filter(action="change", detail="deleted").exists()


def test_shared_report_becomes_a_request_due_one_calendar_month_later(
    dpo_client, dpo, area_a, inspector_a
):
    report = ReportFactory(area=area_a, consent=Consent.SHARE_WITH_DETAILS)
    CaseFactory(report=report, area=area_a)

    response = dpo_client.post(
        f"/data-protection/report/{report.pk}/",
        {"received_on": "2027-01-31", "confirm": "on"},
    )

    request = ErasureRequest.objects.get()
    assert response["Location"] == f"/data-protection/erasure/{request.pk}/"
    assert Report.objects.filter(pk=report.pk).exists()
    assert request.reference == report.reference
    assert request.received_on == datetime.date(2027, 1, 31)
    assert request.due_on == datetime.date(2027, 2, 28)
    assert request.status == "waiting"
    assert (
        AccessLogEntry.objects.about(report)
        .filter(user=dpo, detail="erasure requested from the force")
        .exists()
    )
    assert AccessLogEntry.objects.about(request).filter(user=dpo, action="create").exists()
    # The force hears of it: the area's inspector, by the outbox, the due date and no names.
    message = Notification.objects.get(kind="erasure_requested")
    assert message.recipient_id == inspector_a.pk
    assert message.context["due"] == "28 February 2027"
    assert report.reference not in str(message.context)


def test_withdrawn_report_the_police_had_is_still_asked_of_the_force(dpo, area_a):
    report = ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE)
    report.consent_changes.create(previous=Consent.SHARE_ANONYMOUSLY, current=Consent.DO_NOT_SHARE)
    report.consent_changes.create(previous="", current=Consent.SHARE_ANONYMOUSLY)
    assert erasure.request_erasure(report=report, by=dpo) is not None


@pytest.mark.parametrize(
    "received, due",
    [
        (datetime.date(2027, 3, 3), datetime.date(2027, 4, 3)),
        (datetime.date(2027, 1, 31), datetime.date(2027, 2, 28)),
        (datetime.date(2028, 1, 31), datetime.date(2028, 2, 29)),
        (datetime.date(2027, 12, 15), datetime.date(2028, 1, 15)),
    ],
)
def test_one_calendar_month(received, due):
    assert one_calendar_month_after(received) == due


def test_overdue_requests_are_listed(dpo_client, dpo, area_a):
    report = ReportFactory(area=area_a, consent=Consent.SHARE_ANONYMOUSLY)
    CaseFactory(report=report, area=area_a)
    request = erasure.request_erasure(report=report, by=dpo, received_on=datetime.date(2020, 1, 10))
    assert request.is_overdue

    page = dpo_client.get("/data-protection/erasure/").content.decode()

    assert report.reference in page
    assert "10 February 2020" in page
    assert "Overdue" in page
    assert "1 request is overdue" in page


def test_refusal_needs_a_reason_and_is_recorded(dpo_client, dpo, area_a):
    report = ReportFactory(area=area_a, consent=Consent.SHARE_WITH_DETAILS)
    CaseFactory(report=report, area=area_a)
    request = erasure.request_erasure(report=report, by=dpo)
    url = f"/data-protection/erasure/{request.pk}/"

    without = dpo_client.post(url, {"decision": "refused", "reason": ""})
    assert without.status_code == 200
    assert "Give the force&#x27;s reason for refusing" in without.content.decode()
    request.refresh_from_db()
    assert request.status == "waiting"

    dpo_client.post(url, {"decision": "refused", "reason": "Prosecution under way."})
    request.refresh_from_db()
    assert request.status == "refused"
    assert request.answer_reason == "Prosecution under way."
    assert request.answered_by == dpo
    assert Report.objects.filter(pk=report.pk).exists()
    assert (
        AccessLogEntry.objects.about(request)
        .filter(detail="erasure refused", reason="Prosecution under way.")
        .exists()
    )


def test_granted_request_erases_the_case_and_report(dpo_client, dpo, area_a):
    report = ReportFactory(area=area_a, consent=Consent.SHARE_WITH_DETAILS)
    case = CaseFactory(report=report, area=area_a)
    request = erasure.request_erasure(report=report, by=dpo)

    dpo_client.post(f"/data-protection/erasure/{request.pk}/", {"decision": "granted"})

    request.refresh_from_db()
    assert request.status == "granted"
    assert request.report_id is None and request.reference == report.reference
    assert not Report.objects.filter(pk=report.pk).exists()
    assert not Case.objects.filter(pk=case.pk).exists()
    assert AccessLogEntry.objects.about(case).filter(detail="deleted: erasure granted").exists()
    assert AccessLogEntry.objects.about(request).filter(detail="erasure granted").exists()
