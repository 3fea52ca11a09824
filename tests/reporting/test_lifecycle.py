"""The retention schedule, run with the clock moved forward: contact details, free text,
evidence and whole reports go on schedule; statistics still count them; a held case stays;
nothing else is touched; a second run does nothing; batches meet at their boundary."""

import datetime
from collections import Counter

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from casework.models import CaseStatus, CaseUpdate, LegalHold
from centres.models import AccessLogEntry, Area
from reporting import evidence
from reporting.lifecycle import (
    Category,
    anonymise_report,
    apply_configured,
    notice_days,
    preview,
    run_purge,
    waiting_changes,
)
from reporting.models import (
    Consent,
    EqualityAnswers,
    EvidenceFile,
    Report,
    ReportAddition,
    ReporterContact,
)
from tests.factories import (
    AreaFactory,
    CaseFactory,
    CaseUpdateFactory,
    ReporterContactFactory,
    ReportFactory,
    StrandFactory,
    UserFactory,
)
from tests.reporting.evidence_files import jpeg_with_gps, stored_files, temporary_storage

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
SCHEDULE = {"contact_days": 30, "free_text_days": 60, "evidence_days": 90, "anonymise_days": 120}
START = datetime.datetime(2026, 1, 5, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def schedule():
    with override_settings(HATEREPORT_RETENTION=SCHEDULE, RETENTION_BATCH=500):
        # Shorter than the defaults the test database was migrated with: the officer applies
        # them (test_a_shorter_period_waits_for_the_officer shows what happens before).
        apply_configured(by=None, would_remove={})
        yield


@pytest.fixture
def evidence_storage(tmp_path, monkeypatch):
    return temporary_storage(tmp_path, monkeypatch)


def full_report(*, area, consent=Consent.SHARE_WITH_DETAILS, case_status=None, strand=None):
    """A report with everything the schedule removes: contact, free text, an addition,
    equality answers, one evidence file; a police case in `case_status` if given."""
    report = ReportFactory(
        area=area,
        consent=consent,
        description="Shouted at by my neighbour Mr Smith",
        offender_description="Tall, red coat",
        postcode="B11 1AA",
        occurred_on=datetime.date(2025, 12, 17),
        occurred_at_time=datetime.time(21, 15),
    )
    if strand:
        report.strands.add(strand)
    ReporterContactFactory(report=report)
    EqualityAnswers.objects.create(report=report, age_band="25-34")
    ReportAddition.objects.create(report=report, text="He did it again on Friday")
    meta = evidence.accept_upload(SimpleUploadedFile("photo.jpg", jpeg_with_gps()))
    evidence.attach_evidence(report=report, uploads=[meta])
    if case_status:
        closed = case_status == CaseStatus.CLOSED
        case = CaseFactory(
            report=report,
            status=case_status,
            triaged_at=timezone.now(),
            closed_at=timezone.now() if closed else None,
            nchi_rationale="",
        )
        CaseUpdateFactory(case=case, body="We arrested Mr Smith")
    return report


@pytest.fixture
def world(evidence_storage):
    """On START: a closed case, a held closed case, an open case, a support-only report, in
    area A; a closed case in area B; and, a month later, a fresh support-only report."""
    strand = StrandFactory()
    area_a, area_b = AreaFactory(), AreaFactory()
    with time_machine.travel(START, tick=False):
        closed = full_report(area=area_a, case_status=CaseStatus.CLOSED, strand=strand)
        held = full_report(area=area_a, case_status=CaseStatus.CLOSED, strand=strand)
        LegalHold.objects.create(
            case=held.case, kind="prosecution", reason="Trial listed", placed_by=UserFactory()
        )
        held.case.on_legal_hold = True
        held.case.save(update_fields=["on_legal_hold"])
        open_case = full_report(area=area_a, case_status=CaseStatus.INVESTIGATING)
        support = full_report(area=area_a, consent=Consent.DO_NOT_SHARE, strand=strand)
        closed_b = full_report(area=area_b, case_status=CaseStatus.CLOSED)
    with time_machine.travel(START + 30 * DAY, tick=False):
        later = full_report(area=area_a, consent=Consent.DO_NOT_SHARE)
    return {
        "closed": closed,
        "held": held,
        "open": open_case,
        "support": support,
        "closed_b": closed_b,
        "later": later,
        "area_a": area_a,
        "area_b": area_b,
        "strand": strand,
    }


def purge_on(day: int, **kwargs):
    with time_machine.travel(START + day * DAY, tick=False):
        return run_purge(**kwargs)


def state(report: Report) -> dict:
    report.refresh_from_db()
    return {
        "contact": ReporterContact.objects.filter(report=report).exists(),
        "free_text": bool(report.description),
        "evidence": EvidenceFile.objects.filter(report=report).exists(),
        "anonymised": report.anonymised_at is not None,
    }


KEPT = {"contact": True, "free_text": True, "evidence": True, "anonymised": False}


def test_nothing_goes_before_its_period(world):
    result = purge_on(29)

    assert result.totals() == dict.fromkeys(Category, 0)
    assert all(state(world[key]) == KEPT for key in ("closed", "support", "closed_b", "later"))


def test_contact_details_go_after_their_period(world, django_capture_on_commit_callbacks):
    result = purge_on(31)

    assert result.totals()["contact"] == 3
    gone = {**KEPT, "contact": False}
    assert state(world["closed"]) == gone
    assert state(world["support"]) == gone
    assert state(world["closed_b"]) == gone
    # Held, still open, and the newer report: untouched.
    assert state(world["held"]) == KEPT
    assert state(world["open"]) == KEPT
    assert state(world["later"]) == KEPT
    assert world["closed"].contact_removed_at == START + 31 * DAY
    entry = AccessLogEntry.objects.about(world["closed"]).get()
    assert entry.detail == "retention: contact details deleted"
    assert entry.user is None


def test_free_text_then_evidence_go_on_their_own_schedule(
    world, evidence_storage, django_capture_on_commit_callbacks
):
    purge_on(61)
    closed = world["closed"]
    assert state(closed) == {**KEPT, "contact": False, "free_text": False}
    assert closed.offender_description == "" and closed.postcode == ""
    assert not ReportAddition.objects.filter(report=closed).exists()
    files_before = len(stored_files(evidence_storage))

    with django_capture_on_commit_callbacks(execute=True):
        purge_on(91)

    assert state(closed) == {
        "contact": False,
        "free_text": False,
        "evidence": False,
        "anonymised": False,
    }
    # Three reports' files went (closed, support, closed_b); the later one's stays until its day.
    assert len(stored_files(evidence_storage)) == files_before - 3
    assert state(world["held"]) == KEPT
    assert state(world["open"]) == KEPT


def test_reports_are_anonymised_and_still_counted(world, django_capture_on_commit_callbacks):
    from casework.insights import rollup
    from casework.models import InsightsFact

    def facts():
        rollup.refresh()
        # Except the repeat-reporter code of a "reports" fact: it is worked out from the keyed
        # contact hashes, which go with the contact details (a stored flag would keep it).
        return Counter(
            (kind, label.replace(f"{rollup.REPEAT_REPORTER} ", ""), *rest)
            for kind, label, *rest in InsightsFact.objects.values_list(
                "kind", "label", "month", "area_id", "strand_id", "channel", "centre_id", "count"
            )
        )

    with time_machine.travel(START + 121 * DAY, tick=False):
        before = facts()
        by_strand = Report.objects.filter(strands=world["strand"]).count()

    with django_capture_on_commit_callbacks(execute=True):
        result = purge_on(121)

    assert result.totals()["anonymise"] == 3
    closed = world["closed"]
    closed.refresh_from_db()
    assert closed.anonymised_at is not None
    assert closed.passphrase_hash == ""
    assert closed.occurred_on == datetime.date(2025, 12, 1)
    assert closed.occurred_at_time is None
    assert not EqualityAnswers.objects.filter(report=closed).exists()
    # The case keeps its status and loses its words.
    update = CaseUpdate.objects.get(case__report=closed)
    assert "Smith" not in update.body
    assert closed.case.status == CaseStatus.CLOSED
    # Statistics count exactly as before.
    with time_machine.travel(START + 121 * DAY, tick=False):
        assert facts() == before
    assert Report.objects.filter(strands=world["strand"]).count() == by_strand
    assert Report.objects.count() == 6
    # The held case and the open one keep everything; the later report its clock.
    assert state(world["held"]) == KEPT
    assert state(world["open"]) == KEPT
    assert state(world["later"])["anonymised"] is False


def test_second_run_does_nothing(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = purge_on(200)
    entries = AccessLogEntry.objects.count()

    second = purge_on(200)

    assert sum(first.totals().values()) > 0
    assert second.totals() == dict.fromkeys(Category, 0)
    assert AccessLogEntry.objects.count() == entries


def test_released_hold_lets_the_schedule_act(world, django_capture_on_commit_callbacks):
    held = world["held"]
    held.case.on_legal_hold = False
    held.case.save(update_fields=["on_legal_hold"])

    with django_capture_on_commit_callbacks(execute=True):
        purge_on(200)

    assert state(held)["anonymised"] is True


def test_area_sets_a_shorter_period(world):
    area_b = world["area_b"]
    area_b.contact_retention_days = 10
    area_b.save(update_fields=["contact_retention_days"])
    apply_configured(by=UserFactory(), would_remove={})

    result = purge_on(11)

    assert result.totals()["contact"] == 1
    assert state(world["closed_b"])["contact"] is False
    assert state(world["closed"])["contact"] is True


def test_area_never_lengthens_the_national_period(world):
    area_a = world["area_a"]
    area_a.contact_retention_days = 3650
    area_a.save(update_fields=["contact_retention_days"])

    purge_on(31)

    assert state(world["closed"])["contact"] is False


def test_new_activity_restarts_a_support_only_clock(world):
    with time_machine.travel(START + 20 * DAY, tick=False):
        ReportAddition.objects.create(report=world["support"], text="More")

    purge_on(31)

    assert state(world["support"])["contact"] is True
    assert state(world["closed"])["contact"] is False


def test_a_reopened_case_stops_its_clock(world):
    case = world["closed"].case
    case.status = CaseStatus.INVESTIGATING
    case.closed_at = None
    case.save(update_fields=["status", "closed_at"])

    purge_on(200)

    assert state(world["closed"]) == KEPT


def test_batches_meet_at_their_boundary(evidence_storage):
    area = AreaFactory()
    with time_machine.travel(START, tick=False):
        reports = [ReportFactory(area=area, consent=Consent.DO_NOT_SHARE) for _ in range(7)]
        for report in reports:
            ReporterContactFactory(report=report)

    result = purge_on(31, batch_size=3)

    assert result.totals()["contact"] == 7
    assert not ReporterContact.objects.filter(report__in=reports).exists()


def test_dry_run_counts_what_the_run_removes_and_changes_nothing(world):
    with time_machine.travel(START + 121 * DAY, tick=False):
        seen = preview()
    assert ReporterContact.objects.count() == 6

    done = purge_on(121)

    assert seen.totals() == done.totals()
    # The later report's clock started a month on: all but anonymising have run out.
    assert seen.totals() == {"contact": 4, "free_text": 4, "evidence": 4, "anonymise": 3}
    rows = {row["area"]: row for row in seen.by_area()}
    assert rows[world["area_b"].name]["anonymise"] == 1
    assert rows[world["area_a"].name]["anonymise"] == 2


def test_command_dry_run_prints_counts_per_area(world, capsys):
    with time_machine.travel(START + 31 * DAY, tick=False):
        call_command("retention", "--dry-run")

    out = capsys.readouterr().out
    assert "Would remove: contact details 3" in out
    assert f"{world['area_b'].name}: contact details 1" in out
    assert ReporterContact.objects.count() == 6


def test_anonymise_report_is_logged_against_the_officer(world):
    officer = UserFactory()

    assert anonymise_report(report=world["open"], by=officer, reason="erasure request 12")
    assert not anonymise_report(report=world["open"], by=officer, reason="again")

    entry = AccessLogEntry.objects.about(world["open"]).get()
    assert entry.user == officer
    assert entry.reason == "erasure request 12"


def test_notice_periods_follow_settings_and_areas(world):
    assert notice_days() == {"contact": 30, "free_text": 60, "evidence": 90, "anonymise": 120}
    world["area_a"].unshared_report_retention_days = 100
    world["area_a"].save(update_fields=["unshared_report_retention_days"])
    apply_configured(by=None, would_remove={})
    assert notice_days()["anonymise"] == 120  # another area still keeps reports 120 days

    Area.objects.update(unshared_report_retention_days=100)
    assert notice_days()["anonymise"] == 120  # shorter everywhere, but not yet applied
    apply_configured(by=None, would_remove={})

    assert notice_days()["anonymise"] == 100


def test_a_shorter_period_waits_for_the_officer(world, django_capture_on_commit_callbacks):
    """A period made shorter removes more at once and cannot be undone: the purge keeps to
    the periods in force until the officer has seen the dry run of the new ones and applied
    them. A longer one applies at once."""
    officer = UserFactory()
    shorter = {**SCHEDULE, "contact_days": 10}
    with override_settings(HATEREPORT_RETENTION=shorter):
        [change] = waiting_changes()
        assert (change.category, change.area, change.in_force, change.configured) == (
            "contact",
            None,
            30,
            10,
        )
        with time_machine.travel(START + 11 * DAY, tick=False):
            proposed = preview(proposed=True)
            assert preview().totals()["contact"] == 0
        assert proposed.totals()["contact"] == 3  # the closed cases' and the support report's

        assert purge_on(11).totals()["contact"] == 0  # the 30 days in force: nothing yet
        assert notice_days()["contact"] == 30
        assert state(world["closed"])["contact"] is True

        applied = apply_configured(by=officer, would_remove=proposed.totals())
        assert waiting_changes() == []
        with django_capture_on_commit_callbacks(execute=True):
            assert purge_on(11).totals()["contact"] == 3
        assert notice_days()["contact"] == 10
    assert applied.approved_by == officer
    assert applied.would_remove["contact"] == 3

    # Back to 30 days: longer than the 10 in force, so it applies at once, with no review.
    assert waiting_changes() == []
    assert notice_days()["contact"] == 30


def test_an_area_made_shorter_waits_too(world):
    area_b = world["area_b"]
    area_b.contact_retention_days = 10
    area_b.save(update_fields=["contact_retention_days"])

    [change] = waiting_changes()

    assert (change.area, change.in_force, change.configured) == (area_b, 30, 10)
    assert purge_on(11).totals()["contact"] == 0
    assert state(world["closed_b"])["contact"] is True


def test_command_shows_what_waits_and_what_it_would_remove(world, capsys):
    with (
        override_settings(HATEREPORT_RETENTION={**SCHEDULE, "contact_days": 10}),
        time_machine.travel(START + 11 * DAY, tick=False),
    ):
        call_command("retention", "--dry-run")
        in_force = capsys.readouterr().out
        call_command("retention", "--dry-run", "--proposed")
        proposed = capsys.readouterr().out

    waiting = "Waiting for the data protection officer: contact details nationally, 10 days set"
    assert waiting in in_force
    assert "Would remove: contact details 0" in in_force
    assert "Would remove: contact details 3" in proposed
    assert ReporterContact.objects.count() == 6
