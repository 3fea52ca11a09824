"""The journey's cost in queries, and the support it offers on the confirmation page."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from casework.models import Case
from centres.models import Notification, Strand, User
from reporting.models import (
    EqualityAnswers,
    Report,
    ReportDraft,
    ReporterContact,
)
from tests.factories import AreaFactory
from tests.reporting.journey_steps import (
    anonymous_answers,
    contact_answers,
    incident_type,
    strand,
    submit,
    url,
    walk,
)


@pytest.fixture
def client(db):
    # The rate limits count per client address; their counters start empty in every test
    # (tests/conftest.py clears the cache).
    return Client(REMOTE_ADDR="10.0.0.1")


# --- Queries -----------------------------------------------------------------------------------


def statements(queries):
    """Every statement a request sent, but the savepoints that the test's own transaction
    turns each atomic block into (in production they are BEGIN and COMMIT)."""
    return [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]


def test_question_pages_use_at_most_three_queries_with_the_session_counted(client, sparkbrook):
    for slug, data in contact_answers():
        if slug == "evidence":
            client.post(url("en", slug), data)
            continue
        with CaptureQueriesContext(connection) as get:
            client.get(url("en", slug))
        with CaptureQueriesContext(connection) as post:
            client.post(url("en", slug), data)
        assert len(statements(get.captured_queries)) <= 3, (slug, get.captured_queries)
        # Saving the place also finds its area, in the same UPDATE.
        assert len(statements(post.captured_queries)) <= 3, (slug, post.captured_queries)
    assert draft_area(client) == sparkbrook.pk


def draft_area(client):
    return ReportDraft.objects.get().area_id


def test_submission_saves_the_report_in_at_most_eight_queries(
    client, sparkbrook, monkeypatch, tmp_path
):
    """A witness sharing with the police, with everything a report can carry (two incident
    types, two strands, contact details, equality answers, a photo, an acknowledgement): the
    report's own transaction is at most eight statements (one bulk INSERT each for incident
    types and strands, as the ORM writes them, and the UPDATE that consumes the draft so it
    is sent once); the case opens after it, in its own."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reporting import services
    from reporting.models import EvidenceFile
    from tests.factories import MembershipFactory
    from tests.reporting.evidence_files import jpeg_with_gps, temporary_storage

    temporary_storage(tmp_path, monkeypatch)
    MembershipFactory(area=sparkbrook, role="spoc", centre=None)
    steps = dict(contact_answers())
    steps["what"] = {
        "incident_types": [incident_type("verbal_abuse"), incident_type("physical_assault")],
        "description": "Shouted, then pushed me",
    }
    steps["why"] = {"motivation": [strand("race"), strand("religion")]}
    before = list(steps.items())
    at = [slug for slug, _ in before].index("evidence")
    for slug, data in before[:at]:
        assert client.post(url("en", slug), data).status_code == 302, slug
    photo = SimpleUploadedFile("photo.jpg", jpeg_with_gps(), content_type="image/jpeg")
    assert client.post(url("en", "evidence"), {"action": "add", "file": photo}).status_code == 302
    walk(client, "en", before[at:])
    marks = {}
    signal = services.report_submitted

    class Marked:
        def send_robust(self, **kwargs):
            marks["report_saved"] = len(ctx.captured_queries)
            return signal.send_robust(**kwargs)

    monkeypatch.setattr(services, "report_submitted", Marked())
    # A running server has looked these up once and keeps them (the tests clear the cache).
    for model in (ReporterContact, Case, User):
        ContentType.objects.get_for_model(model)
    with CaptureQueriesContext(connection) as ctx:
        response = submit(client)
    assert response.status_code == 200
    sql = [q["sql"] for q in ctx.captured_queries]
    begin = next(i for i, q in enumerate(sql) if q.startswith('INSERT INTO "reporting_report"'))
    saved = statements(ctx.captured_queries[begin : marks["report_saved"]])
    assert len(saved) <= 8, saved
    # Only writes: the incident types and strands go in one statement (a WITH of INSERTs).
    # All writes: INSERTs, and the one UPDATE that marks the draft sent.
    assert all(q.startswith(("INSERT", "WITH")) for q in saved if "reporting_reportdraft" not in q)
    assert sum(q.startswith('UPDATE "reporting_reportdraft"') for q in saved) == 1, saved
    report = Report.objects.get()
    assert set(report.incident_types.values_list("code", flat=True)) == {
        "verbal_abuse",
        "physical_assault",
    }
    assert set(report.strands.values_list("code", flat=True)) == {"race", "religion"}
    assert EvidenceFile.objects.filter(report=report).count() == 1
    assert report.contact.email == "amina@example.org"
    assert EqualityAnswers.objects.filter(report=report).exists()
    assert Notification.objects.filter(kind="report_acknowledgement").count() == 1
    opening = statements(ctx.captured_queries[marks["report_saved"] :])
    case = Case.objects.get()
    assert case.next_clock_due_at == case.clocks.get().due_at
    assert Notification.objects.filter(kind="case_opened").count() == 1
    # Opening the case, deleting the draft, and the confirmation page's support services
    # (whether any serves the strands named, then those that do).
    assert len(opening) <= 13, opening


# --- Support on the confirmation page ------------------------------------------------------------


def test_confirmation_offers_support_to_a_victim_of_misogyny_and_keeps_it_on_reload(
    client, sparkbrook
):
    """No service names the local marker: every service in reach is offered, not none."""
    from tests.factories import SupportServiceFactory

    general = SupportServiceFactory(name="Victim Support Test")
    general.strands.add(Strand.objects.get(code="race"))
    elsewhere = SupportServiceFactory(name="Far Away Service", is_national=False)
    elsewhere.areas.add(AreaFactory(code="far"))
    local = SupportServiceFactory(name="Sparkbrook Advice", is_national=False)
    local.areas.add(sparkbrook)
    local.strands.add(Strand.objects.get(code="religion"))
    steps = dict(anonymous_answers())
    steps["why"] = {"motivation": [strand("sex_gender")]}
    walk(client, "en", list(steps.items()))

    sent = submit(client).content.decode()
    again = client.get("/en/report/done/").content.decode()

    for page in (sent, again):
        assert "Victim Support Test" in page
        assert "Sparkbrook Advice" in page
        assert "Far Away Service" not in page
