"""A "BSL video call" in the safe-contact plan (issue 19, part 2): the reporter picks it with
the video relay details to reach them (validated); staff see it first on the case page and in
the workspace; no text message or email goes where the plan says BSL video call only; a
victim update asks the officer to make the call."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from casework import services
from centres import delivery, sms
from centres.models import Notification, Role
from reporting.forms.person import ContactForm
from reporting.models import BslRelay, Channels
from tests.conftest import member, sign_in
from tests.factories import (
    CaseFactory,
    NotificationFactory,
    ReporterContactFactory,
    ReportFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _delivery_settings(settings):
    settings.SITE_URL = "https://example.test"
    settings.VICTIM_SITE_URL = "https://news.example.test"
    settings.SMS_BACKEND = "centres.sms.LocmemSmsBackend"
    sms.outbox.clear()


def bsl_only(**fields):
    """A plan that says BSL video call only, though a phone and an email were given."""
    return ReporterContactFactory(
        channels=[Channels.BSL_VIDEO],
        bsl_relay=BslRelay.SIGNVIDEO,
        bsl_video_address="07700 900 456",
        **fields,
    )


# --- The reporter's answers ------------------------------------------------------------------


def contact_form(**data):
    return ContactForm(data={"channels": [Channels.BSL_VIDEO], **data})


def test_bsl_video_call_needs_the_relay_and_the_address():
    form = contact_form()

    assert not form.is_valid()
    assert form.errors["bsl_relay"] == ["Select the video relay service, or untick BSL video call"]
    assert "bsl_video_address" in form.errors


def test_bsl_video_address_must_be_a_phone_number_or_an_email_address():
    form = contact_form(bsl_relay="signvideo", bsl_video_address="call me maybe")

    assert not form.is_valid()
    assert form.errors["bsl_video_address"] == [
        "Enter the phone number or email address you use on the video relay service"
    ]
    assert contact_form(bsl_relay="signlive", bsl_video_address="sam@example.org").is_valid()
    assert contact_form(bsl_relay="signvideo", bsl_video_address="07700 900 456").is_valid()


def test_relay_details_are_dropped_when_bsl_video_is_not_chosen():
    form = ContactForm(
        data={
            "channels": [Channels.EMAIL],
            "email": "sam@example.org",
            "bsl_relay": "signvideo",
            "bsl_video_address": "07700 900 456",
        }
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["bsl_relay"] == ""
    assert form.cleaned_data["bsl_video_address"] == ""


def test_the_contact_question_offers_a_bsl_video_call_in_every_language():
    with translation.override("en"):
        labels = dict(ContactForm().fields["channels"].choices)
    assert labels[Channels.BSL_VIDEO] == "BSL video call"


# --- The plan and the outbox -----------------------------------------------------------------


def test_bsl_only_plan_allows_no_text_message_or_email():
    contact = bsl_only(phone="07700 900 123", email="sam@example.org")

    assert contact.bsl_video_only
    assert contact.allows(Channels.BSL_VIDEO)
    assert not contact.allows(Channels.SMS)
    assert not contact.allows(Channels.EMAIL)
    assert contact.bsl_video_instruction() == "Contact only by BSL video call through SignVideo"


def test_bsl_beside_other_channels_keeps_them():
    contact = ReporterContactFactory(
        channels=[Channels.BSL_VIDEO, Channels.EMAIL],
        bsl_relay=BslRelay.INTERPRETERNOW,
        bsl_video_address="sam@example.org",
    )

    assert contact.allows(Channels.EMAIL)
    assert contact.bsl_video_instruction() == "Contact by BSL video call through InterpreterNow"


@pytest.mark.parametrize("channel", ["email", "sms"])
def test_outbox_never_sends_a_text_or_email_where_the_plan_says_bsl_only(channel):
    contact = bsl_only(phone="07700 900 123", email="sam@example.org")
    notification = NotificationFactory(
        key=f"report-acknowledgement:{contact.report_id}",
        kind="report_acknowledgement",
        channel=channel,
        recipient=contact,
        language="en",
        context={"report": contact.report_id},
    )

    assert delivery.deliver_notifications([notification.pk]) == {"cancelled": 1}

    notification.refresh_from_db()
    assert notification.status == Notification.Status.CANCELLED
    assert mail.outbox == [] and sms.outbox == []


# --- Staff: the case page, the workspace, the task -------------------------------------------


def test_victim_update_asks_the_owner_for_a_bsl_video_call_and_sends_nothing_to_the_victim(
    area_a,
):
    officer = member(Role.SPOC, area=area_a)
    report = ReportFactory(area=area_a)
    bsl_only(report=report, phone="07700 900 123", email="sam@example.org")
    case = CaseFactory(report=report, area=area_a, owner=officer, triaged_at=timezone.now())

    update = services.send_victim_update(case=case, by=officer, message_code="received")

    assert not Notification.objects.filter(kind="victim_update").exists()
    task = Notification.objects.get(kind="bsl_video_call_needed")
    assert task.recipient == officer
    assert task.context == {"case": case.pk, "update": update.pk, "report": report.pk}
    outgoing = delivery.build(task)
    assert "Contact only by BSL video call through SignVideo" in outgoing.body
    assert "07700" not in outgoing.body + outgoing.subject  # the task names no one


def test_case_page_shows_the_bsl_video_call_first(client, area_a):
    spoc = member(Role.SPOC, area=area_a)
    report = ReportFactory(area=area_a)
    bsl_only(report=report)
    case = CaseFactory(report=report, area=area_a)
    sign_in(client, spoc)

    page = client.get(reverse("admin:casework_case_change", args=[case.pk])).content.decode()

    plan = page[page.index('id="safe-contact-plan"') :]
    assert plan.index('id="bsl-video-call"') < plan.index("<ul>")
    assert "Contact only by BSL video call through SignVideo" in plan
    assert "07700 900 456" in plan


def test_workspace_report_page_shows_the_bsl_video_call(client, centre_a):
    volunteer = member(Role.VOLUNTEER, centre=centre_a)
    report = ReportFactory(area=centre_a.area, centre=centre_a, channel="assisted")
    bsl_only(report=report)
    sign_in(client, volunteer)

    page = client.get(reverse("workspace:report", args=[report.pk])).content.decode()

    assert 'id="bsl-video-call"' in page
    assert "Contact only by BSL video call through SignVideo" in page


def test_staff_with_no_owner_on_the_case_the_area_spocs_get_the_task(area_a):
    spoc = member(Role.SPOC, area=area_a)
    other = UserFactory()
    report = ReportFactory(area=area_a)
    bsl_only(report=report)
    case = CaseFactory(report=report, area=area_a, triaged_at=timezone.now())

    services.send_victim_update(case=case, by=other, message_code="received")

    tasks = Notification.objects.filter(kind="bsl_video_call_needed")
    assert [t.recipient for t in tasks] == [spoc]


def test_relay_services_names_are_marked_as_english_on_pages_in_other_languages():
    """SignVideo, SignLive and InterpreterNow are names: a screen reader reading Urdu must
    say them as English (WCAG 3.1.2), in the journey's radios and the tracking page's list."""
    from django.template import engines

    from casework.tracking.forms import ContactPreferencesForm

    with translation.override("ur"):
        radios = (
            engines["django"]
            .from_string("{% load crispy_forms_tags %}{{ form.bsl_relay|as_crispy_field }}")
            .render({"form": ContactForm()})
        )
        select = str(ContactPreferencesForm()["bsl_relay"])

    for name in ("SignVideo", "SignLive", "InterpreterNow"):
        assert f'<span lang="en">{name}</span>' in radios
        assert f'lang="en">{name}</option>' in select
    assert 'value="other" lang="en"' not in select  # "another service" is in Urdu
