"""The outbox's hand-off to the broker: after commit, in batches, never raising."""

import logging

import pytest
from kombu.exceptions import OperationalError

from centres import outbox
from centres.models import Notification
from centres.outbox import queue_notification, queue_notifications
from centres.tasks import deliver_notifications
from tests.factories import ReporterContactFactory, UserFactory


@pytest.fixture
def published(monkeypatch):
    """What would have gone to the broker: one list of ids per message."""
    messages = []
    monkeypatch.setattr(outbox, "_paused_until", 0.0)
    monkeypatch.setattr(
        deliver_notifications,
        "apply_async",
        lambda kwargs, **options: messages.append(kwargs["notification_ids"]),
    )
    return messages


def _queue(contact, key="ack:1"):
    return queue_notification(
        key=key,
        kind="report_acknowledgement",
        channel="email",
        recipient=contact,
        language="cy",
        context={"report": contact.report_id},
    )


def test_queue_notification_hands_off_only_after_commit(
    db, published, django_capture_on_commit_callbacks
):
    contact = ReporterContactFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notification = _queue(contact)
        assert published == []
    assert published == [[notification.pk]]
    assert notification.status == Notification.Status.PENDING
    assert notification.language == "cy"


def test_queue_notification_same_key_twice_queues_and_hands_off_once(
    db, published, django_capture_on_commit_callbacks
):
    contact = ReporterContactFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = _queue(contact)
        second = _queue(contact)
    assert first.pk == second.pk
    assert Notification.objects.count() == 1
    assert published == [[first.pk]]


def test_queue_notification_rolled_back_hands_off_nothing(
    db, published, django_capture_on_commit_callbacks
):
    contact = ReporterContactFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with outbox.transaction.atomic():
                _queue(contact)
                raise RuntimeError("the event failed")
        except RuntimeError:
            pass
    assert callbacks == []
    assert Notification.objects.count() == 0


def test_hand_off_broker_down_logs_without_secrets_and_pauses(monkeypatch, caplog):
    calls = []

    def broker_down(kwargs, **options):
        calls.append(kwargs)
        raise OperationalError("Error 111 connecting to redis://:s3cret@broker:6379/0")

    monkeypatch.setattr(outbox, "_paused_until", 0.0)
    monkeypatch.setattr(deliver_notifications, "apply_async", broker_down)
    with caplog.at_level(logging.INFO, logger="centres.outbox"):
        assert outbox.hand_off([1, 2, 3]) == 0
        assert outbox.hand_off([4]) == 0
    assert len(calls) == 1, "a second hand-off during the pause does not wait on the broker"
    assert "OperationalError" in caplog.text
    assert "s3cret" not in caplog.text
    assert "redis://" not in caplog.text


def test_hand_off_sends_at_most_500_ids_per_message(published):
    assert outbox.hand_off(list(range(1, 1202))) == 3
    assert [len(batch) for batch in published] == [500, 500, 201]


def test_queue_notifications_ignores_keys_already_queued(
    db, published, django_capture_on_commit_callbacks
):
    users = UserFactory.create_batch(3)
    rows = [
        {
            "key": f"digest:{user.pk}",
            "kind": "daily_review_digest",
            "channel": "email",
            "recipient": user,
            "language": "en",
            "context": {"area": 1},
        }
        for user in users
    ]
    with django_capture_on_commit_callbacks(execute=True):
        first = queue_notifications(rows[:2])
    with django_capture_on_commit_callbacks(execute=True):
        second = queue_notifications(rows)
    assert len(first) == 2
    assert len(second) == 1
    assert Notification.objects.count() == 3
    assert published == [first, second]
