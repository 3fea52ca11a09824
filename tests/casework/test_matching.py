"""Same incident, same person (issue 20): candidate matches offered with a score and reasons,
linked into one case and unlinked, each decision logged; every reporter of the incident told
through their own plan; repeat victims by the keyed hash of their phone; repeat perpetrators,
and the support-only reporter's offer to share; the wall between areas."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import Clock, LinkKind, ReportLink
from casework.services import matching
from casework.tracking.timeline import timeline
from centres.models import AccessLogEntry, Notification, Role, Strand
from reporting.models import Consent, OffenderIdentifier, PlaceType, Report
from reporting.offender_identifiers import identifier_hash, normalise_account
from tests.casework.conftest import make_case
from tests.conftest import member, sign_in
from tests.factories import AreaFactory, ReporterContactFactory, ReportFactory

pytestmark = pytest.mark.django_db

BUS = "Two men shouted racist abuse at a woman on the number 50 bus on Stratford Road"
BUS_AGAIN = "Men shouted racist abuse at me on the 50 bus, Stratford Road, near the market"


def change_url(case):
    return reverse("admin:casework_case_change", args=[case.pk])


def action_url(case, action):
    return reverse("admin:casework_case_action", args=[case.pk, action])


@pytest.fixture
def race(db):
    return Strand.objects.get_or_create(
        code="race", defaults={"kind": Strand.Kind.NATIONAL, "name": "Race"}
    )[0]


@pytest.fixture
def bus(db):
    return PlaceType.objects.get_or_create(code="bus-test", defaults={"name": "Bus"})[0]


def incident(area, *, description=BUS, day=None, strands=(), place_type=None, **fields):
    """A report shared with details, with its case and a contact allowing SMS and email."""
    day = day or timezone.localdate() - dt.timedelta(days=2)
    contact = fields.pop("contact", {})
    case = make_case(
        area=area,
        report_fields={
            "description": description,
            "occurred_on": day,
            "when_kind": "exact",
            "place_type": place_type,
            **fields,
        },
        contact_fields=contact,
    )
    case.report.strands.set(strands)
    return case


# --- Candidates --------------------------------------------------------------------------------


def test_candidate_offered_with_score_and_reasons(area_a, spoc_a, race, bus):
    online = incident(area_a, strands=[race], place_type=bus, channel="online_self")
    assisted = incident(
        area_a,
        description=BUS_AGAIN,
        day=online.report.occurred_on + dt.timedelta(days=1),
        strands=[race],
        place_type=bus,
        channel="phone",
    )
    incident(area_a, description="Graffiti on the mosque wall", strands=[race])

    found = matching.candidates(spoc_a, online)

    assert [c.report for c in found] == [assisted.report]
    reasons = " | ".join(found[0].reasons)
    assert "Same area" in reasons
    assert "1 days apart" in reasons
    assert "Shared strand: Race" in reasons
    assert "Same kind of place: Bus" in reasons
    assert "Similar words" in reasons
    assert 50 <= found[0].score <= 100


def test_candidates_need_the_seven_day_window_and_a_shared_strand_or_place(
    area_a, spoc_a, race, bus
):
    case = incident(area_a, strands=[race], place_type=bus)
    day = case.report.occurred_on
    incident(area_a, description=BUS_AGAIN, day=day + dt.timedelta(days=9), strands=[race])
    incident(area_a, description=BUS_AGAIN, day=day)  # nothing shared but the words
    within = incident(area_a, description=BUS_AGAIN, day=day - dt.timedelta(days=7), strands=[race])

    assert [c.report for c in matching.candidates(spoc_a, case)] == [within.report]


def test_neighbouring_area_of_the_same_force_is_searched(race, bus):
    east = AreaFactory(force="West Midlands Police")
    west = AreaFactory(force="West Midlands Police")
    elsewhere = AreaFactory(force="Essex Police")
    spoc = member(Role.SPOC, area=east)
    MembershipFactory_area(spoc, west)
    MembershipFactory_area(spoc, elsewhere)
    case = incident(east, strands=[race])
    near = incident(west, description=BUS_AGAIN, strands=[race])
    incident(elsewhere, description=BUS_AGAIN, strands=[race])

    found = matching.candidates(spoc, case)

    assert [c.report for c in found] == [near.report]
    assert any("Neighbouring area" in r for r in found[0].reasons)


def MembershipFactory_area(user, area):
    from tests.factories import MembershipFactory

    MembershipFactory(user=user, role=Role.SPOC, centre=None, area=area)


def test_spoc_of_another_area_is_offered_nothing(area_a, area_b, spoc_b, race):
    area_b.force = area_a.force = "West Midlands Police"
    area_a.save()
    area_b.save()
    case_b = incident(area_b, strands=[race])
    incident(area_a, description=BUS_AGAIN, strands=[race])

    assert matching.candidates(spoc_b, case_b) == []


def test_support_only_report_is_never_offered_to_the_police(area_a, spoc_a, race):
    case = incident(area_a, strands=[race])
    hidden = ReportFactory(
        area=area_a,
        consent=Consent.DO_NOT_SHARE,
        description=BUS_AGAIN,
        occurred_on=case.report.occurred_on,
    )
    hidden.strands.set([race])

    assert matching.candidates(spoc_a, case) == []


def test_candidate_search_stays_on_the_window_index(area_a, race):
    from django.db import connection

    case = incident(area_a, strands=[race])
    query = matching.candidate_queryset(case.report, Report.objects.all(), area=case.area).query
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")

    # On an (area, date) index of the reports, never reading the whole table (the plan at
    # two million rows is in bench/matching.py; with few rows the planner may pick either).
    assert "Seq Scan on reporting_report " not in plan
    assert "report_area_occurred_idx" in plan or "reporting_r_area_id_d92511_idx" in plan


# --- Linking -----------------------------------------------------------------------------------


def test_case_page_offers_the_match_and_links_it_as_the_same_incident(
    client, area_a, spoc_a, race, bus
):
    online = incident(area_a, strands=[race], place_type=bus, channel="online_self")
    assisted = incident(area_a, description=BUS_AGAIN, strands=[race], place_type=bus)
    sign_in(client, spoc_a)

    page = client.get(change_url(online)).content.decode()
    assert "Possible matches" in page
    assert assisted.report.reference in page
    assert "Shared strand: Race" in page
    # Each report offered is written to the access log as seen by the SPOC.
    assert AccessLogEntry.objects.filter(
        user=spoc_a, object_id=assisted.report.pk, detail__endswith="matches and repeats"
    ).exists()

    response = client.post(
        action_url(online, "link-report"),
        {"link-report-reference": assisted.report.reference, "link-report-kind": "same_incident"},
    )

    assert response.status_code == 302
    link = ReportLink.objects.get()
    assert (link.case, link.report, link.kind) == (online, assisted.report, "same_incident")
    assert link.linked_by == spoc_a and link.score and link.reasons
    # The linked report's own case waits on this one: its routine clock stopped.
    assert not assisted.clocks.running().filter(kind=Clock.Kind.ROUTINE).exists()
    logged = AccessLogEntry.objects.filter(user=spoc_a, action=AccessLogEntry.Action.CHANGE)
    assert logged.filter(detail__contains=f"linked report {assisted.report.reference}").exists()
    assert logged.filter(detail__contains=f"handled in case {online.pk}").exists()
    # Shown as linked, no longer as a candidate.
    page = client.get(change_url(online)).content.decode()
    assert "No possible matches." in page
    assert "Same incident" in page


def test_each_reporter_of_the_incident_is_updated_on_their_own_terms(area_a, spoc_a, race):
    online = incident(area_a, strands=[race], contact={"channels": ["email"]})
    assisted = incident(
        area_a,
        description=BUS_AGAIN,
        strands=[race],
        contact={"channels": ["sms"], "preferred_language": "ur"},
    )
    matching.link_report(
        case=online, report=assisted.report, kind=LinkKind.SAME_INCIDENT, by=spoc_a
    )

    update = services.send_victim_update(case=online, by=spoc_a, message_code="received")

    sent = {n.recipient_id: n for n in Notification.objects.filter(kind="victim_update")}
    assert set(sent) == {online.report.contact.pk, assisted.report.contact.pk}
    assert sent[online.report.contact.pk].channel == "email"
    assert sent[assisted.report.contact.pk].channel == "sms"
    assert sent[assisted.report.contact.pk].language == "ur"
    # The second reporter's tracking page shows the update of the case it is handled in.
    entries = timeline(assisted.report, assisted)
    assert any(entry.get("update") == update.victim_parts() for entry in entries)


def test_the_centre_that_logged_a_linked_report_sees_the_incidents_updates(
    client, area_a, centre_a, volunteer_a, spoc_a, race
):
    online = incident(area_a, strands=[race])
    assisted = incident(
        area_a, description=BUS_AGAIN, strands=[race], centre=centre_a, channel="assisted"
    )
    matching.link_report(
        case=online, report=assisted.report, kind=LinkKind.SAME_INCIDENT, by=spoc_a
    )
    services.send_victim_update(case=online, by=spoc_a, message_code="received")
    sign_in(client, volunteer_a)

    response = client.get(reverse("workspace:report", args=[assisted.report.pk]))

    assert response.status_code == 200
    assert len(response.context["updates"]) == 1
    assert response.context["updates"][0]["update"].case == online


def test_related_link_sends_no_updates_and_unlink_restores_the_clock(area_a, spoc_a, race):
    case = incident(area_a, strands=[race])
    other = incident(area_a, description=BUS_AGAIN, strands=[race])
    related = incident(area_a, description=BUS_AGAIN + " again", strands=[race])
    same = matching.link_report(
        case=case, report=other.report, kind=LinkKind.SAME_INCIDENT, by=spoc_a
    )
    matching.link_report(case=case, report=related.report, kind=LinkKind.RELATED, by=spoc_a)
    assert matching.incident_reports(case) == [case.report, other.report]

    matching.unlink_report(link=same, by=spoc_a)

    same.refresh_from_db()
    assert same.unlinked_at is not None and same.unlinked_by == spoc_a
    assert matching.incident_reports(case) == [case.report]
    assert other.clocks.running().filter(kind=Clock.Kind.ROUTINE).exists()
    assert AccessLogEntry.objects.filter(
        user=spoc_a, detail__contains=f"unlinked report {other.report.reference}"
    ).exists()


def test_unlink_from_the_case_page(client, area_a, spoc_a, race):
    case = incident(area_a, strands=[race])
    other = incident(area_a, description=BUS_AGAIN, strands=[race])
    link = matching.link_report(case=case, report=other.report, kind="related", by=spoc_a)
    sign_in(client, spoc_a)

    client.post(action_url(case, "unlink-report"), {"unlink-report-link": link.pk})

    link.refresh_from_db()
    assert link.unlinked_by == spoc_a
    assert "Unlinked:" in client.get(change_url(case)).content.decode()


def test_another_areas_report_cannot_be_linked_by_reference(client, area_a, area_b, spoc_a):
    case = incident(area_a)
    other = incident(area_b, description=BUS_AGAIN)
    sign_in(client, spoc_a)

    response = client.post(
        action_url(case, "link-report"),
        {"link-report-reference": other.report.reference, "link-report-kind": "related"},
    )

    assert response.status_code == 400
    assert "No report you may see has this reference." in response.content.decode()
    assert not ReportLink.objects.exists()


# --- Repeat victims ----------------------------------------------------------------------------


def test_case_shows_reported_three_times_in_twelve_months(client, area_a, area_b, spoc_a):
    phone = {"phone": "07700 900982", "email": None}
    first = incident(area_a, contact={"phone": "+44 7700 900982", "email": None})
    first.report.submitted_at = timezone.now() - dt.timedelta(days=200)
    first.report.save(update_fields=["submitted_at"])
    elsewhere = incident(area_b, contact=phone)  # another area: counted, not linked
    latest = incident(area_a, contact=phone, happened_before="yes", how_often="Every week")
    old = incident(area_a, contact=phone)
    Report.objects.filter(pk=old.report.pk).update(
        submitted_at=timezone.now() - dt.timedelta(days=400)
    )
    anonymous = ReportFactory(area=area_a, consent=Consent.SHARE_ANONYMOUSLY)
    ReporterContactFactory(report=anonymous, **phone)  # an anonymous share is never tied in
    sign_in(client, spoc_a)

    page = client.get(change_url(latest)).content.decode()

    assert "Reported 3 times in 12 months" in page
    assert f'">{first.report.reference}</a>' in page
    assert elsewhere.report.reference not in page
    assert anonymous.reference not in page
    assert "Every week" in page and "Yes" in page


def test_repeat_victim_count_for_insights(area_a):
    phone = {"phone": "07700 900555", "email": None}
    for _ in range(3):
        incident(area_a, contact=phone)
    incident(area_a, contact={"phone": "07700 900556", "email": None})

    assert matching.repeat_victim_count(Report.objects.all()) == 2


def test_daily_review_lists_repeat_victims(client, area_a, spoc_a):
    phone = {"phone": "07700 900777", "email": None}
    incident(area_a, contact=phone)
    latest = incident(area_a, contact=phone)
    sign_in(client, spoc_a)

    page = client.get(reverse("admin:casework_case_daily_review")).content.decode()

    assert "Repeat victims" in page
    assert f"{latest.report.reference}" in page
    assert "reported 2 times in 12 months" in page


# --- Repeat perpetrators -----------------------------------------------------------------------


def name_account(report, handle="@Hater_99", platform="X"):
    digest = identifier_hash("account", normalise_account(handle, platform))
    return OffenderIdentifier.objects.create(
        report=report, kind="account", value=f"{handle} ({platform})", digest=digest
    )


def test_shared_reports_naming_the_same_account_show_named_in(client, area_a, spoc_a):
    one = incident(area_a)
    two = incident(area_a, description="Abuse sent in messages")
    hidden = ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE)
    name_account(one.report, "@Hater_99")
    name_account(two.report, "hater_99 ")
    name_account(hidden, "@HATER_99")
    sign_in(client, spoc_a)

    page = client.get(change_url(one)).content.decode()

    assert "Named in 2 reports" in page  # the support-only one is never counted for police
    assert two.report.reference in page
    assert hidden.reference not in page
    assert "@Hater_99 (X)" in page


def test_support_only_reporter_is_told_and_offered_to_share(client, area_a):
    from tests.casework.test_tracking import sign_in as track_sign_in
    from tests.casework.test_tracking import with_passphrase

    shared = incident(area_a)
    name_account(shared.report)
    hidden = with_passphrase(
        ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE, language="en")
    )
    name_account(hidden, "hater_99")

    track_sign_in(client, hidden)
    page = client.get("/en/track/status/").content.decode()

    assert "Someone else has reported the same person to us." in page
    assert reverse("tracking:share") in page
    assert shared.report.reference not in page


def test_support_only_offer_in_urdu(client, area_a):
    from tests.casework.test_tracking import sign_in as track_sign_in
    from tests.casework.test_tracking import with_passphrase

    name_account(incident(area_a).report)
    hidden = with_passphrase(
        ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE, language="ur")
    )
    name_account(hidden)

    track_sign_in(client, hidden, language="ur")
    page = client.get("/ur/track/status/").content.decode()

    # Waits for the translation merge (/tmp/po/h-matching.json).
    assert "کسی اور نے بھی اسی شخص کے بارے میں ہمیں رپورٹ کی ہے۔" in page


def test_no_offer_when_nobody_else_named_them_or_the_report_is_shared(area_a):
    alone = ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE)
    name_account(alone, "@someone_else")
    shared = incident(area_a)
    name_account(shared.report, "@someone_else")

    assert matching.someone_else_named(alone) is True
    assert matching.someone_else_named(shared.report) is False
    lonely = ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE)
    name_account(lonely, "@nobody")
    assert matching.someone_else_named(lonely) is False


# --- The journey's question ----------------------------------------------------------------------


def test_journey_asks_what_identifies_them_and_keeps_only_its_hash_to_link(client, sparkbrook):
    from tests.reporting.journey_steps import anonymous_answers, submit, walk

    steps = anonymous_answers()
    index = [slug for slug, _data in steps].index("offenders")
    steps[index] = ("offenders", {"offender_known": "yes"})
    steps.insert(
        index + 1,
        (
            "offender-identifiers",
            {"offender_account": "@Hater_99", "offender_platform": "X", "offender_vehicle": ""},
        ),
    )
    walk(client, "en", steps)
    submit(client)

    report = Report.objects.get()
    identifier = report.offender_identifiers.get()
    assert identifier.kind == "account"
    assert identifier.value == "@Hater_99 (X)"
    assert identifier.digest == identifier_hash("account", normalise_account("hater_99", "x"))
    assert "Hater_99" not in identifier.digest


def test_journey_identifier_page_needs_a_street_with_a_name(client, sparkbrook):
    from tests.reporting.journey_steps import url

    client.post(url("en", "offenders"), {"offender_known": "yes"})
    page = client.post(
        url("en", "offender-identifiers"), {"offender_name": "John Smith"}
    ).content.decode()

    assert "Enter the street as well as the name, or remove the name" in page
