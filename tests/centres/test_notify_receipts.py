"""GOV.UK Notify's delivery receipts (centres/receipts.py): the Notify-shaped server calls the
running site back, as Notify does, and the outbox records delivery, or falls back to the next
way the reporter's plan allows."""

import pytest
from django.test import Client

from centres import delivery
from centres.models import Notification
from tests.conftest import sign_in
from tests.factories import NotificationFactory, ReporterContactFactory
from tests.notify_server import NotifyServer

TOKEN = "a-long-random-callback-token-set-in-notify"


@pytest.fixture
def notify(settings):
    server = NotifyServer().start()
    for name, value in server.settings().items():
        setattr(settings, name, value)
    settings.SMS_BACKEND = "centres.notify.NotifySmsBackend"
    settings.EMAIL_BACKEND = "centres.notify.NotifyEmailBackend"
    settings.NOTIFY_CALLBACK_TOKEN = TOKEN
    yield server
    server.stop()


@pytest.fixture
def receipts_url(live_server):
    return f"{live_server.url}/notify/receipts/"


def acknowledgement(contact, channel):
    notification = NotificationFactory(
        key=f"report-acknowledgement:{contact.report_id}",
        kind="report_acknowledgement",
        channel=channel,
        recipient=contact,
        language="ur",
        context={"report": contact.report_id},
    )
    assert delivery.deliver_notifications([notification.pk]) == {"sent": 1}
    return notification


def deliver_pending():
    return delivery.deliver_notifications(delivery.due_notification_ids())


# serialized_rollback: the migrations' rows (content types, the central queue) come back
# after each test's flush, for the tests that run after these.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_delivered_receipt_marks_the_message_delivered(notify, receipts_url):
    notification = acknowledgement(ReporterContactFactory(channels=["sms"]), "sms")
    [message] = notify.sent()

    status = notify.send_receipt(message, "delivered", callback_url=receipts_url, token=TOKEN)

    assert status == 204
    notification.refresh_from_db()
    assert notification.provider_status == "delivered"
    assert notification.delivered_at is not None
    assert notification.status == Notification.Status.SENT


def test_failed_text_falls_back_to_email_the_plan_allows_and_each_goes_once(notify, receipts_url):
    contact = ReporterContactFactory(channels=["sms", "email"], email="r@example.org")
    notification = acknowledgement(contact, "sms")
    [text] = notify.sent("sms")

    notify.send_receipt(text, "permanent-failure", callback_url=receipts_url, token=TOKEN)
    # Notify repeats receipts: the second changes nothing.
    notify.send_receipt(text, "permanent-failure", callback_url=receipts_url, token=TOKEN)

    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    assert notification.last_error == "not delivered (permanent-failure); sent again by email"
    fallback = Notification.objects.exclude(pk=notification.pk).get()
    assert fallback.channel == "email"
    assert fallback.language == "ur"
    assert deliver_pending() == {"sent": 1}
    [email] = notify.sent("email")
    assert email["email_address"] == "r@example.org"

    notify.send_receipt(email, "delivered", callback_url=receipts_url, token=TOKEN)
    fallback.refresh_from_db()
    assert fallback.provider_status == "delivered"
    assert len(notify.sent()) == 2, "one text and one email, nothing twice"


def test_failure_with_no_other_way_is_failed_for_the_police_to_see(notify, receipts_url):
    notification = acknowledgement(ReporterContactFactory(channels=["sms"], email=""), "sms")
    [text] = notify.sent()

    notify.send_receipt(text, "temporary-failure", callback_url=receipts_url, token=TOKEN)

    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    assert notification.last_error == (
        "not delivered (temporary-failure); no other way the plan allows"
    )
    assert Notification.objects.count() == 1


def test_fallback_chain_never_returns_to_a_channel_that_failed(notify, receipts_url, settings):
    contact = ReporterContactFactory(channels=["email", "sms"], email="r@example.org")
    acknowledgement(contact, "email")
    [email] = notify.sent("email")
    notify.send_receipt(email, "permanent-failure", callback_url=receipts_url, token=TOKEN)
    deliver_pending()
    [text] = notify.sent("sms")

    notify.send_receipt(text, "permanent-failure", callback_url=receipts_url, token=TOKEN)

    assert Notification.objects.count() == 2
    assert set(Notification.objects.values_list("status", flat=True)) == {"failed"}


def test_technical_failure_is_sent_again_later(notify, receipts_url):
    notification = acknowledgement(ReporterContactFactory(channels=["sms"]), "sms")
    [text] = notify.sent()

    notify.send_receipt(text, "technical-failure", callback_url=receipts_url, token=TOKEN)

    notification.refresh_from_db()
    assert notification.status == Notification.Status.PENDING
    assert notification.next_attempt_at is not None


def test_receipt_without_the_token_is_refused(notify, receipts_url):
    notification = acknowledgement(ReporterContactFactory(channels=["sms"]), "sms")
    [text] = notify.sent()

    status = notify.send_receipt(text, "permanent-failure", callback_url=receipts_url, token="x")

    assert status == 401
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    assert notification.provider_status == ""


def test_receipts_address_is_closed_until_a_token_is_set(settings):
    settings.NOTIFY_CALLBACK_TOKEN = ""
    response = Client().post(
        "/notify/receipts/", "{}", content_type="application/json", HTTP_AUTHORIZATION="Bearer "
    )
    assert response.status_code == 404


def test_malformed_receipt_is_a_bad_request(settings):
    settings.NOTIFY_CALLBACK_TOKEN = TOKEN
    response = Client().post(
        "/notify/receipts/",
        "not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
    )
    assert response.status_code == 400


def test_message_undeliverable_every_way_is_shown_on_the_spocs_case_page(
    notify, receipts_url, report_mix, spoc_a
):
    """A failure with no other way left is the police's to act on: the SPOC handling the case
    sees it on the case page (the reporter's number is never shown in the message list)."""
    report = report_mix.a_details
    contact = report.contact
    contact.channels = ["sms"]
    contact.email = ""
    contact.save()
    notification = acknowledgement(contact, "sms")
    [text] = notify.sent()
    client = sign_in(Client(), spoc_a)
    case_url = f"/admin/casework/case/{report.case.pk}/change/"
    assert "were not delivered" not in client.get(case_url).content.decode()

    notify.send_receipt(text, "permanent-failure", callback_url=receipts_url, token=TOKEN)

    page = client.get(case_url).content.decode()
    assert "Messages to the reporter that were not delivered" in page
    assert "no other way the plan allows" in page
    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
