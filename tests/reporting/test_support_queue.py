"""A home for support requests (issue #15 parts 2, 4 and 7): online support-only reports land
in an owned queue with a clock; phone reports are logged by a volunteer; online hate is routed
to the area where the victim lives."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from casework.models import Case
from centres.bank_holidays import LONDON, working_day_deadline
from centres.models import AccessLogEntry, Area, Centre, ReferralChannel, Role
from reporting import receipt, support
from reporting.models import Channel, Consent, Referral, Report
from tests.conftest import member, sign_in
from tests.factories import (
    CentreFactory,
    ReporterContactFactory,
    ReportFactory,
    SupportServiceFactory,
)
from tests.reporting import test_workspace_assisted as assisted
from tests.reporting.journey_steps import anonymous_answers, submit, url, walk

pytestmark = pytest.mark.django_db


def online_answers(*, home="", consent="do_not_share", support_wanted="yes", contact=True):
    """The public journey for an online incident: optionally where the victim lives, support
    asked for, and an email address left (or not)."""
    steps = []
    for slug, data in anonymous_answers():
        if slug == "where":
            steps += [
                ("where", {"location_kind": "online"}),
                ("where-online", {"online_platform": "Facebook"}),
                ("where-home", {"home_place": home}),
            ]
        elif slug == "where-place":
            continue
        elif slug == "police":
            steps.append(("police", {"consent": consent}))
        elif slug == "contact" and contact:
            steps += [
                ("contact", {"contact_wanted": "yes"}),
                (
                    "contact-details",
                    {"channels": ["email"], "name": "Amina", "email": "amina@example.org"},
                ),
                ("contact-safety", {"safe_times": "", "safety": ["no_voicemail"]}),
                ("contact-needs", {"preferred_language": "ur", "interpreter_needed": "no"}),
            ]
        elif slug == "support":
            steps.append(("support", {"support_wanted": support_wanted}))
        else:
            steps.append((slug, data))
    return steps


def report_online(client, **answers):
    walk(client, "en", online_answers(**answers))
    response = submit(client)
    assert response.status_code == 200, response.content.decode()[:2000]
    return Report.objects.latest("pk"), response.content.decode()


@pytest.fixture
def hub(sparkbrook):
    return CentreFactory(area=sparkbrook, name="Sparkbrook Support Hub", is_support_hub=True)


@pytest.fixture
def hub_volunteer(hub):
    return member(Role.VOLUNTEER, centre=hub)


@pytest.fixture
def central_hub(sparkbrook):
    return CentreFactory(
        area=Area.objects.central_queue(), name="Online Hate Support Hub", is_support_hub=True
    )


# --- Part 2: an owned queue, with its clock -----------------------------------------------------


def test_online_support_only_report_lands_in_the_hub_queue_that_only_its_team_sees(
    client, sparkbrook, hub, hub_volunteer, central_hub
):
    other_centre = CentreFactory(area=sparkbrook)
    other_volunteer = member(Role.VOLUNTEER, centre=other_centre)
    spoc = member(Role.SPOC, area=sparkbrook)
    central_volunteer = member(Role.VOLUNTEER, centre=central_hub)

    report, confirmation = report_online(client, home="B11")

    assert report.area == sparkbrook and report.home_area == sparkbrook
    assert report.support_centre == hub
    assert report.support_due_at == working_day_deadline(report.submitted_at, 2)
    assert report.support_due_at.astimezone(LONDON).time() == dt.time(23, 59, 59)
    assert not Case.objects.filter(report=report).exists()
    # The reporter is told what will really happen.
    assert 'data-support="queued"' in confirmation
    assert "within 2 working days" in confirmation

    sign_in(client, hub_volunteer)
    queue = client.get(reverse("workspace:support_queue"))
    assert [row["report"].pk for row in queue.context["rows"]] == [report.pk]
    # Each row shown is logged, and the list with it.
    assert AccessLogEntry.objects.about(report).filter(user=hub_volunteer, action="view").exists()
    page = client.get(reverse("workspace:report", args=[report.pk])).content.decode()
    assert "amina@example.org" in page  # given for support: the hub may use it
    assert "Record that the person was contacted" in page

    # Nobody else new sees it: another centre of the area, the central hub, the area's SPOC.
    for outsider in (other_volunteer, central_volunteer):
        client.logout()
        sign_in(client, outsider)
        assert client.get(reverse("workspace:support_queue")).context["rows"] == []
        assert client.get(reverse("workspace:report", args=[report.pk])).status_code == 404
    assert not Report.objects.visible_to(spoc).filter(pk=report.pk).exists()


def test_an_area_without_a_hub_sends_online_requests_to_the_central_hub(
    client, sparkbrook, central_hub
):
    central_volunteer = member(Role.VOLUNTEER, centre=central_hub)

    report, _page = report_online(client, home="")

    assert report.area.is_central_queue and report.home_area is None
    assert report.support_centre == central_hub
    sign_in(client, central_volunteer)
    assert [r["report"].pk for r in client.get("/centre/support/").context["rows"]] == [report.pk]


def test_nobody_owns_it_so_nothing_is_promised(client, sparkbrook):
    report, confirmation = report_online(client, home="B11")

    assert report.support_centre is None and report.support_due_at is None
    assert 'data-support="no_owner"' in confirmation
    assert "nobody will contact you" in confirmation
    assert "will contact you within" not in confirmation
    html = receipt.render_receipt_html(report)
    assert "nobody will contact you" in html and "someone will contact you" not in html.lower()


def test_no_way_to_contact_them_means_no_queue_and_says_so(client, sparkbrook, hub):
    report, confirmation = report_online(client, home="B11", contact=False)

    assert report.support_centre is None
    assert 'data-support="no_contact"' in confirmation
    assert "did not leave a way to contact you" in confirmation


def test_shared_with_details_goes_to_the_police_not_the_queue(client, sparkbrook, hub):
    report, confirmation = report_online(client, home="B11", consent="share_details")

    assert report.support_centre is None
    assert 'data-support="police"' in confirmation
    assert Case.objects.get(report=report).area == sparkbrook


def test_first_contact_stops_the_clock_once_and_only_for_the_owner(
    client, sparkbrook, hub, hub_volunteer
):
    report = ReportFactory(area=sparkbrook, consent=Consent.DO_NOT_SHARE, support_wanted="yes")
    ReporterContactFactory(report=report)
    support.route(report, report.contact)
    report.save()
    outsider = member(Role.VOLUNTEER, centre=CentreFactory(area=sparkbrook))

    sign_in(client, outsider)
    assert client.post(reverse("workspace:first_contact", args=[report.pk])).status_code == 404
    client.logout()
    sign_in(client, hub_volunteer)
    client.post(reverse("workspace:first_contact", args=[report.pk]))
    again = client.post(reverse("workspace:first_contact", args=[report.pk]), follow=True)

    report.refresh_from_db()
    assert report.support_contacted_by == hub_volunteer
    assert (
        AccessLogEntry.objects.about(report)
        .filter(user=hub_volunteer, action="change", detail="support: first contact")
        .exists()
    )
    assert report.support_contacted_at is not None
    assert "already recorded" in again.content.decode()
    assert client.get("/centre/support/").context["rows"] == []
    assert [r["report"].pk for r in client.get("/centre/support/?show=done").context["rows"]] == [
        report.pk
    ]


def test_overdue_requests_are_marked_in_the_queue(client, sparkbrook, hub, hub_volunteer):
    report = ReportFactory(area=sparkbrook, consent=Consent.DO_NOT_SHARE, support_wanted="yes")
    ReporterContactFactory(report=report)
    support.route(report, report.contact, at=timezone.now() - dt.timedelta(days=10))
    report.save()

    sign_in(client, hub_volunteer)
    response = client.get("/centre/support/")

    assert response.context["rows"][0]["overdue"] is True
    assert "Overdue" in response.content.decode()


def test_the_database_refuses_a_queue_without_a_clock(sparkbrook, hub):
    from django.db import IntegrityError, transaction

    report = ReportFactory(area=sparkbrook)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=report.pk).update(support_centre=hub)


# --- Referrals from the workspace ---------------------------------------------------------------


def test_a_referral_needs_agreement_keeps_the_choice_and_queues_the_message(
    client, sparkbrook, hub, hub_volunteer
):
    report = ReportFactory(area=sparkbrook, consent=Consent.DO_NOT_SHARE, support_wanted="yes")
    ReporterContactFactory(report=report)
    support.route(report, report.contact)
    report.save()
    takes = SupportServiceFactory(
        name="Mend the Harm",
        referral_channel=ReferralChannel.SECURE_EMAIL,
        referral_email="referrals@mend.example.org",
    )
    SupportServiceFactory(name="Phone Only Service")
    sign_in(client, hub_volunteer)
    page_url = reverse("workspace:refer", args=[report.pk])

    form = client.get(page_url)
    offered = list(form.context["form"].fields["service"].queryset)
    refused = client.post(page_url, {"service": takes.pk})

    assert offered == [takes]  # only services that take referrals through us
    assert refused.status_code == 200
    assert "Refer only when the person has agreed to it" in refused.content.decode()
    assert f'value="{takes.pk}" checked' in refused.content.decode().replace("\n", " ")
    assert not Referral.objects.exists()

    done = client.post(page_url, {"service": takes.pk, "consent_given": "on"})

    assert done.status_code == 302
    referral = Referral.objects.get()
    assert (
        AccessLogEntry.objects.about(report)
        .filter(user=hub_volunteer, action="disclose", detail=f"referral to service {takes.pk}")
        .exists()
    )
    assert referral.made_by == hub_volunteer
    message = referral.notification
    assert (message.kind, message.channel, message.recipient) == (
        "support_referral",
        "email",
        takes,
    )
    assert message.context == {"referral": referral.pk}  # ids only in the outbox
    page = client.get(reverse("workspace:report", args=[report.pk])).content.decode()
    assert "Mend the Harm" in page and "being sent" in page


# --- Part 4: phone reports ----------------------------------------------------------------------


def test_a_volunteer_logs_a_report_taken_by_phone(client, assisted_reference_data, centre_a):
    volunteer = member(Role.VOLUNTEER, centre=centre_a)
    sign_in(client, volunteer)

    start = client.get(reverse("workspace:assisted_start")).content.decode()
    assert "By phone" in start and "In person, at the centre" in start
    client.post(
        reverse("workspace:assisted_start"),
        {"how": Channel.PHONE, "centre": centre_a.pk, "language": "pl"},
    )
    steps = [
        (slug, data) for slug, data in assisted.answers() if slug not in ("contact", "support")
    ]
    index = [slug for slug, _ in steps].index("equality")
    steps[index:index] = [
        ("contact", {"contact_wanted": "yes"}),
        ("contact-details", {"channels": ["phone"], "name": "Ola", "phone": "07700 900456"}),
        ("contact-safety", {"safe_times": "", "safety": []}),
        ("contact-needs", {"preferred_language": "pl", "interpreter_needed": "no"}),
        ("support", {"support_wanted": "yes"}),
    ]
    for slug, data in steps:
        assert client.post(assisted.step(slug), data).status_code == 302, slug
    done = client.post(assisted.step("check"), {"centre_is_go_between": "no"})

    report = Report.objects.get()
    assert report.channel == Channel.PHONE
    assert (report.centre, report.logged_by) == (centre_a, volunteer)
    # Support asked for at the centre: the centre's own queue owns it.
    assert report.support_centre == centre_a
    page = done.content.decode()
    assert "Read the reference number and the passphrase to the person" in page
    assert reverse("workspace:receipt", args=[report.pk]) not in page  # never post a receipt
    assert AccessLogEntry.objects.filter(
        user=volunteer, object_id=report.pk, detail="phone report"
    ).exists()


def test_in_person_stays_the_default(client, assisted_reference_data, centre_a):
    volunteer = member(Role.VOLUNTEER, centre=centre_a)
    sign_in(client, volunteer)
    client.post(reverse("workspace:assisted_start"), {"centre": centre_a.pk, "language": "pl"})
    for slug, data in assisted.answers():
        client.post(assisted.step(slug), data)
    client.post(assisted.step("check"), {"centre_is_go_between": "no"})

    assert Report.objects.get().channel == Channel.ASSISTED


@pytest.fixture
def assisted_reference_data(db, area_a):
    from django.core.management import call_command

    from centres.models import AreaPlace
    from tests.factories import AreaPlaceFactory

    call_command("load_reference_data", verbosity=0)
    Area.objects.get_or_create(
        is_central_queue=True, defaults={"name": "Central queue", "code": "central"}
    )
    AreaPlaceFactory(area=area_a, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")


# --- Part 7: online hate routed locally ---------------------------------------------------------


def test_online_report_with_a_home_district_opens_its_case_there_keeping_only_the_area(
    client, sparkbrook
):
    report, _page = report_online(client, home="b11 4rt", consent="share_anonymous")

    case = Case.objects.get(report=report)
    assert case.area == sparkbrook
    assert report.home_area == sparkbrook
    assert (report.postcode, report.town, report.location_details) == ("", "", "")
    stored = " ".join(
        str(value) for value in Report.objects.filter(pk=report.pk).values().get().values()
    )
    assert "B11" not in stored.upper()
    assert not Case.objects.filter(area__is_central_queue=True).exists()


def test_online_report_without_a_home_or_an_unknown_town_goes_to_the_central_queue(
    client, sparkbrook
):
    first, _page = report_online(client, home="", consent="share_anonymous")
    second, _page = report_online(client, home="Atlantis", consent="share_anonymous")

    for report in (first, second):
        assert report.home_area is None
        assert Case.objects.get(report=report).area.is_central_queue


def test_the_home_town_matches_like_the_place_step(client, sparkbrook):
    report, _page = report_online(client, home="  SparkBrook ", consent="share_anonymous")

    assert Case.objects.get(report=report).area == sparkbrook


def test_a_home_place_that_is_not_a_postcode_or_town_is_refused_and_kept(client, sparkbrook):
    steps = online_answers()
    walk_to = [slug for slug, _ in steps].index("where-home")
    for slug, data in steps[:walk_to]:
        client.post(url("en", slug), data)

    response = client.post(url("en", "where-home"), {"home_place": "12345"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the first part of a postcode, like B11, or the name of a town" in page
    assert 'value="12345"' in page


def test_the_hub_rule_allows_one_hub_per_area(sparkbrook, hub):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CentreFactory(area=sparkbrook, is_support_hub=True)
    assert Centre.objects.filter(is_support_hub=True).count() == 1
