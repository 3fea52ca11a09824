"""The access log reviewed by the data protection officer: filters, CSV export (logged) and
the list of people who opened many reports or cases outside their own in a day."""

import csv
import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from casework.data_protection import access_review
from casework.models import Case
from centres.models import AccessLogEntry
from reporting.models import Report
from tests.factories import CaseFactory, ReportFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 10)


def at(hour, day=DAY):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def entry(user, obj, *, when, action="view", detail=""):
    return AccessLogEntry.objects.create(
        user=user,
        action=action,
        object_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        object_label=str(obj)[:80],
        detail=detail,
        at=when,
    )


@pytest.fixture
def log(spoc_a, spoc_b, area_a):
    reports = [ReportFactory(area=area_a) for _ in range(3)]
    entry(spoc_a, reports[0], when=at(9))
    entry(spoc_a, reports[1], when=at(10), action="change")
    entry(spoc_b, reports[0], when=at(11))
    entry(spoc_a, reports[2], when=at(9, DAY - datetime.timedelta(days=3)))
    return reports


def rows_of(response):
    return response.context["rows"]


def test_filter_by_person_subject_action_and_time(dpo_client, spoc_a, spoc_b, log):
    by_person = rows_of(dpo_client.get(f"/data-protection/access-log/?person={spoc_a.pk}"))
    assert {e.user_id for e in by_person} == {spoc_a.pk}
    assert len(by_person) == 3

    by_subject = rows_of(
        dpo_client.get(f"/data-protection/access-log/?reference={log[0].reference}")
    )
    assert {(e.user_id, e.object_id) for e in by_subject if e.object_type.model == "report"} == {
        (spoc_a.pk, log[0].pk),
        (spoc_b.pk, log[0].pk),
    }

    by_action = rows_of(dpo_client.get("/data-protection/access-log/?action=change"))
    assert [e.object_id for e in by_action if e.user_id == spoc_a.pk] == [log[1].pk]

    day = DAY.isoformat()
    by_time = rows_of(
        dpo_client.get(f"/data-protection/access-log/?person={spoc_a.pk}&since={day}&until={day}")
    )
    assert {e.object_id for e in by_time} == {log[0].pk, log[1].pk}


def test_person_by_email_is_redirected_to_an_id(dpo_client, spoc_a, log):
    response = dpo_client.get(f"/data-protection/access-log/?person_email={spoc_a.email}")
    assert response.status_code == 302
    assert spoc_a.email not in response["Location"]
    assert f"person={spoc_a.pk}" in response["Location"]


def test_looking_at_the_log_is_logged(dpo_client, dpo, spoc_a, log):
    dpo_client.get(f"/data-protection/access-log/?person={spoc_a.pk}&action=view")
    review = AccessLogEntry.objects.filter(user=dpo, detail__startswith="access log review")
    assert review.filter(action="view", detail__contains=f"person={spoc_a.pk}").exists()


def test_csv_export_holds_the_filtered_entries_and_is_logged(dpo_client, dpo, spoc_a, log):
    response = dpo_client.get(f"/data-protection/access-log/export/?person={spoc_a.pk}")
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))

    assert response["Content-Type"] == "text/csv"
    assert {row["who"] for row in rows} == {spoc_a.email}
    assert {row["subject"] for row in rows} == {r.reference for r in log}
    assert AccessLogEntry.objects.filter(
        user=dpo, action="export", detail__contains=f"person={spoc_a.pk}"
    ).exists()


def test_unusual_viewing_lists_who_opened_many_reports_not_their_own(
    dpo_client, settings, spoc_a, spoc_b, area_a
):
    settings.ACCESS_LOG_UNUSUAL_DAILY_VIEWS = 3
    others = [ReportFactory(area=area_a) for _ in range(4)]
    for report in others:  # four reports not assigned to SPOC A: one over the threshold
        entry(spoc_a, report, when=at(10))
        entry(spoc_a, report, when=at(11))  # the same report twice counts once
    own = [CaseFactory(report=ReportFactory(area=area_a), area=area_a) for _ in range(5)]
    Case.objects.filter(pk__in=[c.pk for c in own]).update(owner=spoc_b)
    for case in own:  # SPOC B's own cases and their reports: never unusual
        entry(spoc_b, case, when=at(10))
        entry(spoc_b, case.report, when=at(10))
    for report in others:  # rows of a list SPOC B looked at: not opened
        entry(spoc_b, report, when=at(12), detail="admin list; 20 shown of 20")
    entry(spoc_b, others[0], when=at(12))  # one report of someone else's: under the threshold

    page = dpo_client.get(f"/data-protection/access-log/unusual/?day={DAY.isoformat()}")

    people = page.context["people"]
    assert [(row.person, row.opened) for row in people] == [(spoc_a, 4)]
    assert "SPOC A" in page.content.decode()
    next_day = dpo_client.get(
        f"/data-protection/access-log/unusual/?day={(DAY + datetime.timedelta(days=1)).isoformat()}"
    )
    assert next_day.context["people"] == []


def test_unusual_viewing_reads_one_day_by_the_index(spoc_a, area_a):
    """EXPLAIN with sequential scans priced out: the plan reaches the log by an index on its
    time (never a scan of the whole log), whatever the planner prefers on a small table."""
    entry(spoc_a, ReportFactory(area=area_a), when=at(10))
    report_type = ContentType.objects.get_for_model(Report).pk
    case_type = ContentType.objects.get_for_model(Case).pk
    queryset = AccessLogEntry.objects.filter(
        at__gte=at(0), at__lt=at(0, DAY + datetime.timedelta(days=1))
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "Seq Scan on centres_accesslogentry" not in plan
    assert "centres_accesslogentry" in plan and "Index" in plan
    # The review's own query, as it runs.
    assert access_review.unusual_viewing(DAY, threshold=0)[0].person == spoc_a
    assert report_type != case_type
