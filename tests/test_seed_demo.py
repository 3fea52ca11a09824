"""The demo seed, the reference data loader and the demo sign-in code printer.

The demo is seeded once for the module (`seeded_demo` in conftest.py); the tests that need an
empty database come first, before it is built."""

from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework import workdays
from casework.demo import DEMO_PASSWORD, REPORT_COUNT, load
from casework.models import (
    ALLOWED_TRANSITIONS,
    Authorisation,
    Case,
    CaseEvent,
    CaseStatus,
    CaseUpdate,
    Clock,
    Escalation,
)
from casework.sweeps import queue_daily_review_digests, sweep_casework
from centres.models import Membership, Role, Strand, User
from reporting.models import Consent, IncidentType, PlaceType, Report
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in django_settings.LANGUAGES]
DEMO_ROLES = {
    "volunteer@demo.hatereport.test": Role.VOLUNTEER,
    "coordinator@demo.hatereport.test": Role.COORDINATOR,
    "ambassador@demo.hatereport.test": Role.VOLUNTEER,
    "spoc@demo.hatereport.test": Role.SPOC,
    "officer@demo.hatereport.test": Role.OFFICER,
    "inspector@demo.hatereport.test": Role.INSPECTOR,
    "spoc.chelmsford@demo.hatereport.test": Role.SPOC,
    "analyst@demo.hatereport.test": Role.ANALYST,
    "admin@demo.hatereport.test": Role.ADMINISTRATOR,
    # The school's (casework/demo/schools.py).
    "safeguarding@demo.hatereport.test": Role.SAFEGUARDING_LEAD,
    "dpo@demo.hatereport.test": Role.DATA_PROTECTION_OFFICER,
}


@pytest.fixture(scope="module")
def seeded(seeded_demo):
    return seeded_demo


def backup_codes_printed_for(output, email):
    line = next(line for line in output.splitlines() if f" {email} " in line)
    return line.split()[-10:]


# --- on an empty database ----------------------------------------------------------------


def test_seed_demo_refuses_without_debug(settings):
    settings.DEMO = False

    with pytest.raises(CommandError, match="HATEREPORT_MODE=demo"):
        call_command("seed_demo", stdout=StringIO())

    assert not User.objects.exists()
    assert not Report.objects.exists()


# --- load_reference_data --------------------------------------------------------------------


def test_load_reference_data_names_everything_in_every_language():
    call_command("load_reference_data", stdout=StringIO())

    assert set(Strand.objects.filter(kind=Strand.Kind.NATIONAL).values_list("code", flat=True)) == {
        "race",
        "religion",
        "sexual_orientation",
        "disability",
        "transgender",
    }
    assert Strand.objects.filter(kind=Strand.Kind.LOCAL).count() == 4
    for model, fields in [
        (Strand, ["name", "description"]),
        (IncidentType, ["name", "hint"]),
        (PlaceType, ["name"]),
    ]:
        rows = list(model.objects.all())
        assert rows
        for row in rows:
            for field in fields:
                for code in LANGUAGES:
                    assert getattr(row, f"{field}_{code}"), f"{row.code} has no {field}_{code}"


def test_load_reference_data_twice_creates_no_duplicates_and_keeps_edits():
    call_command("load_reference_data", stdout=StringIO())
    counts = [Strand.objects.count(), IncidentType.objects.count(), PlaceType.objects.count()]
    Strand.objects.filter(code="race").update(name_en="Race, colour or nationality", name_cy="")
    IncidentType.objects.filter(code="verbal_abuse").update(hint_ur="ترمیم شدہ")

    call_command("load_reference_data", stdout=StringIO())

    assert [Strand.objects.count(), IncidentType.objects.count(), PlaceType.objects.count()] == (
        counts
    )
    race = Strand.objects.get(code="race")
    assert race.name_en == "Race, colour or nationality"
    assert race.name_cy == "Hil"  # a blank translation is filled in again
    assert IncidentType.objects.get(code="verbal_abuse").hint_ur == "ترمیم شدہ"


# --- demo_code ------------------------------------------------------------------------------


def test_demo_code_prints_the_current_code_of_a_demo_account(settings):
    settings.DEMO = True
    user = UserFactory(email="spoc@demo.hatereport.test")
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    out = StringIO()

    call_command("demo_code", user.email, stdout=out, stderr=StringIO())

    assert device.verify_token(out.getvalue().strip())


def test_demo_code_refuses_without_debug(settings):
    settings.DEMO = False
    user = UserFactory(email="spoc@demo.hatereport.test")
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)

    with pytest.raises(CommandError, match="HATEREPORT_MODE=demo"):
        call_command("demo_code", user.email, stdout=StringIO())


def test_demo_code_refuses_an_account_outside_the_demo(settings):
    settings.DEMO = True
    user = UserFactory(email="spoc@example.org")
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)

    with pytest.raises(CommandError, match="Only demo accounts"):
        call_command("demo_code", user.email, stdout=StringIO())


# --- seed_demo, on the seeded demo -----------------------------------------------------------


def test_seed_demo_creates_one_account_per_role_with_a_confirmed_second_factor(seeded):
    accounts = User.objects.filter(email__in=DEMO_ROLES)
    superuser = User.objects.get(email="superuser@demo.hatereport.test")

    assert len(accounts) == len(DEMO_ROLES)
    for user in [*accounts, superuser]:
        roles = set(Membership.objects.active().filter(user=user).values_list("role", flat=True))
        assert roles == ({DEMO_ROLES[user.email]} if user != superuser else set())
        assert user.check_password(DEMO_PASSWORD)
        assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
        backup = StaticDevice.objects.get(user=user, name="Backup codes", confirmed=True)
        assert sorted(backup.token_set.values_list("token", flat=True)) == sorted(
            backup_codes_printed_for(seeded, user.email)
        )
    assert set(DEMO_ROLES.values()) == set(Role.values)
    assert superuser.is_superuser


def test_seed_demo_backup_code_signs_the_spoc_in(seeded, client):
    code = backup_codes_printed_for(seeded, "spoc@demo.hatereport.test")[0]

    client.post(
        "/staff/sign-in/",
        {"username": "spoc@demo.hatereport.test", "password": DEMO_PASSWORD},
    )
    response = client.post("/staff/sign-in/code/", {"token": code})

    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/"


def _texts(data) -> set[str]:
    """Every string in a demo data file, however deep (the reports' words among them)."""
    if isinstance(data, dict):
        return set().union(*(_texts(value) for value in data.values()))
    if isinstance(data, list):
        return set().union(*(_texts(value) for value in data))
    return {data} if isinstance(data, str) else set()


def synthetic_reports():
    """The demo's random reports: not the school's two (casework/demo/schools.py), nor the
    matching examples (casework/demo/matching.py, data/matching.json), nor last week's rise
    in tension (casework/demo/tension.py)."""
    from casework.demo import tension

    return (
        Report.objects.exclude(centre__kind="school")
        .filter(school__isnull=True)
        .exclude(description__in=_texts(load("matching")))
        .exclude(description__in=[*tension.WORDS, *tension.BACKGROUND])
    )


def test_seed_demo_spreads_reports_over_eighteen_months(seeded):
    submitted = list(synthetic_reports().values_list("submitted_at", flat=True))

    months = {(moment.year, moment.month) for moment in submitted}
    assert len(submitted) == REPORT_COUNT >= 290
    assert len(months) >= 17
    assert min(submitted) < timezone.now() - timedelta(days=500)
    assert max(submitted) > timezone.now() - timedelta(days=1)


def test_seed_demo_opens_a_case_for_every_shared_report_and_no_other(seeded):
    shared = Report.objects.shared_with_police()

    assert shared.count() > 200
    assert not shared.filter(case__isnull=True).exists()
    assert not Report.objects.filter(consent=Consent.DO_NOT_SHARE, case__isnull=False).exists()
    assert Report.objects.filter(consent=Consent.DO_NOT_SHARE).exists()
    assert Case.objects.count() == shared.count()
    assert not Case.objects.exclude(area=F("report__area")).exists()


def test_seed_demo_keeps_every_case_history_in_order(seeded):
    now = timezone.now()

    assert set(Case.objects.values_list("status", flat=True)) == set(CaseStatus.values)
    assert not Case.objects.filter(opened_at__lt=F("report__submitted_at")).exists()
    assert not Case.objects.filter(triaged_at__lt=F("opened_at")).exists()
    assert not Case.objects.filter(closed_at__lt=F("triaged_at")).exists()
    assert not Case.objects.exclude(status=CaseStatus.NEW).filter(triaged_at=None).exists()
    assert not CaseUpdate.objects.filter(created_at__gt=now).exists()
    assert not CaseUpdate.objects.filter(created_at__lt=F("case__opened_at")).exists()
    assert not Clock.objects.filter(met_at__lt=F("started_at")).exists()
    assert Clock.objects.running().filter(due_at__gt=now).exists()
    assert Clock.objects.overdue(now).exists()
    assert Clock.objects.filter(met_at__isnull=False).exists()
    assert not Escalation.objects.filter(resolved_at__lt=F("raised_at")).exists()
    assert not Authorisation.objects.filter(decided_by=F("requested_by")).exists()
    assert set(Authorisation.objects.values_list("decision", flat=True)) == set(
        Authorisation.Decision.values
    )


def test_seed_demo_records_local_markers_only_where_switched_on(seeded):
    reports = Report.objects.filter(strands__kind=Strand.Kind.LOCAL).select_related("area")

    assert reports.exists()
    for report in reports.prefetch_related("strands"):
        switched_on = set(report.area.local_markers.values_list("code", flat=True))
        local = {s.code for s in report.strands.all() if s.kind == Strand.Kind.LOCAL}
        assert local <= switched_on, report.reference


def test_seed_demo_refuses_a_second_run_and_skips_it_if_asked(seeded):
    with pytest.raises(CommandError, match="already loaded"):
        call_command("seed_demo", stdout=StringIO())
    out = StringIO()
    call_command("seed_demo", "--if-empty", stdout=out)

    assert "nothing changed" in out.getvalue()
    assert synthetic_reports().count() == REPORT_COUNT


def test_seed_demo_clocks_follow_the_working_day_rules(seeded):
    clocks = list(Clock.objects.select_related("case"))

    assert clocks
    for clock in clocks:
        due = clock.due_at.astimezone(workdays.LONDON)
        assert due.time() == workdays.END_OF_DAY, clock.pk
        assert workdays.is_working_day(due.date()), clock.pk
        if clock.kind == Clock.Kind.KEY_EVENT:
            assert clock.due_at == clock.case.key_event_deadline(clock.started_at)
        else:
            assert clock.due_at == clock.case.routine_deadline(clock.started_at)


def test_seed_demo_sets_each_case_next_due_time_so_the_overdue_filter_finds_them(seeded):
    now = timezone.now()
    running = {}
    for case_id, due_at in Clock.objects.running().values_list("case_id", "due_at"):
        running[case_id] = min(due_at, running.get(case_id, due_at))

    overdue = set(Case.objects.overdue(now).values_list("pk", flat=True))

    assert (
        dict(
            Case.objects.filter(next_clock_due_at__isnull=False).values_list(
                "pk", "next_clock_due_at"
            )
        )
        == running
    )
    assert len(overdue) >= 10
    assert overdue == set(Clock.objects.overdue(now).values_list("case_id", flat=True))


def test_seed_demo_moves_cases_only_as_the_transition_table_allows(seeded):
    events = CaseEvent.objects.order_by("case_id", "at", "pk")
    previous = {}

    for event in events:
        assert event.from_status == previous.get(event.case_id, ""), event.case_id
        if event.from_status:
            needs_reason = ALLOWED_TRANSITIONS[event.from_status][event.to_status]
            assert event.reason or not needs_reason
        previous[event.case_id] = event.to_status
    assert previous == dict(Case.objects.values_list("pk", "status"))
    # A crime closes with its outcome; a non-crime incident (or no record) closes without a
    # crime outcome, and only such a case does.
    closed = Case.objects.filter(status=CaseStatus.CLOSED)
    assert not closed.filter(outcome__isnull=True, recording_decision="crime").exists()
    assert not closed.exclude(recording_decision="crime").filter(outcome__isnull=False).exists()
    assert closed.exclude(recording_decision="crime").exists()
    # Below the NCHI threshold, the subject's personal data was removed.
    below = Case.objects.filter(recording_decision="nchi", nchi_threshold_met=False)
    assert below.exists()
    assert not below.filter(subject_data_removed_at__isnull=True).exists()
    assert not below.exclude(report__offender_description="").exists()
    pending = Authorisation.objects.filter(decision=Authorisation.Decision.PENDING)
    assert not pending.exclude(case__status=CaseStatus.OUTCOME_RECORDED).exists()


def test_seed_demo_ends_with_the_sweep_so_escalations_are_raised(seeded):
    open_escalations = Escalation.objects.filter(resolved_at__isnull=True)

    assert set(open_escalations.values_list("kind", flat=True)) == set(Escalation.Kind.values)
    assert open_escalations.filter(clock__isnull=False).count() >= 10
    assert sweep_casework().raised_total == 0  # nothing left that the sweep would raise
    assert queue_daily_review_digests()


def test_demo_code_prints_a_code_the_seeded_account_accepts(seeded, settings):
    settings.DEMO = True
    out = StringIO()

    call_command("demo_code", "officer@demo.hatereport.test", stdout=out, stderr=StringIO())

    device = TOTPDevice.objects.get(user__email="officer@demo.hatereport.test")
    assert device.verify_token(out.getvalue().strip())


def test_every_area_and_the_central_queue_has_a_support_hub_with_a_team(seeded):
    from centres.models import Area, Centre

    for area in Area.objects.all():
        hub = Centre.objects.get(area=area, is_support_hub=True)
        assert User.objects.centre_team(hub.pk).exists(), area.name
    # Support requests landed in owned queues, the demo volunteer's centre (its area's hub)
    # among them; the last week's wait for first contact, older ones were contacted.
    volunteer = User.objects.get(email="volunteer@demo.hatereport.test")
    centre = Membership.objects.get(user=volunteer).centre
    assert centre.is_support_hub
    assert Report.objects.filter(support_centre=centre).exists()
    queued = Report.objects.filter(support_centre__isnull=False)
    assert queued.filter(support_contacted_at__isnull=True).exists()
    assert queued.filter(support_contacted_at__isnull=False).exists()
    assert queued.filter(centre__isnull=True).exists()  # online ones, at hubs


def test_seed_demo_raises_a_community_tension_alert_for_last_weeks_rise(seeded):
    """Eight homophobic incidents in Birmingham East last week (casework/demo/tension.py):
    the nightly check alerts the force lead and the area's SPOC with counts only, and
    insights shows the week with its expected range."""
    from casework.models import TensionAlert
    from centres.models import Notification

    [alert] = TensionAlert.objects.select_related("area", "strand")

    assert (alert.area.code, alert.strand.code, alert.observed) == (
        "birmingham-east",
        "sexual_orientation",
        8,
    )
    assert alert.observed > alert.upper_bound
    assert 0 < alert.expected < 1  # about one a month before
    assert Notification.objects.filter(kind="tension_alert").exists()
    assert "community tension alerts" in seeded
