"""Background work of the centres app: delivering the outbox, the outbox sweep, centre
summaries and training reminders. Thin: fetch, then delegate."""

from celery import shared_task

from . import delivery, digests, outbox


@shared_task(name="centres.tasks.deliver_notifications")
def deliver_notifications(*, notification_ids: list[int]) -> dict[str, int]:
    """Deliver these outbox messages, each at most once (see centres/delivery.py)."""
    return delivery.deliver_notifications(notification_ids)


@shared_task(name="centres.tasks.sweep_outbox")
def sweep_outbox() -> int:
    """Hand every pending, due message to the broker, 500 ids per message: what the broker
    never got, and retries whose back-off has passed."""
    return outbox.hand_off(delivery.due_notification_ids())


@shared_task(name="centres.tasks.send_weekly_centre_summaries")
def send_weekly_centre_summaries() -> int:
    return len(digests.queue_weekly_centre_summaries())


@shared_task(name="centres.tasks.send_training_expiry_reminders")
def send_training_expiry_reminders() -> int:
    return len(digests.queue_training_expiry_reminders())
