"""Text messages: a small pluggable backend, chosen by `settings.SMS_BACKEND`, in the spirit of
Django's email backends.

A backend has one method, `send(*, to, body, reference, check_first=False)`. `reference` is the
notification's stable, opaque reference: a provider that accepts a client reference (most do)
is given it. `check_first` says a previous attempt's outcome is unknown (the worker died, or
recording the result failed): a provider that can look messages up by reference (GOV.UK
Notify) asks first and raises `centres.notify.AlreadyAccepted` instead of sending twice.

- `ConsoleSmsBackend` (the demo) prints the message with the number masked.
- `LocmemSmsBackend` (tests) keeps messages in `centres.sms.outbox`.
- `centres.notify.NotifySmsBackend` (production) sends through GOV.UK Notify.
"""

import sys
import threading
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

# Messages "sent" by the locmem backend, like django.core.mail.outbox.
outbox: list["SmsMessage"] = []
_outbox_lock = threading.Lock()


@dataclass(frozen=True)
class SmsMessage:
    to: str
    body: str
    reference: str


class SmsError(Exception):
    """The provider refused or could not take the message; the outbox retries it later."""


class BaseSmsBackend:
    def send(self, *, to: str, body: str, reference: str, check_first: bool = False) -> None:
        raise NotImplementedError


def mask_number(number: str) -> str:
    """Enough of a number to tell messages apart on a console, not enough to call it."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return f"…{digits[-3:]}" if len(digits) > 3 else "…"


class ConsoleSmsBackend(BaseSmsBackend):
    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def send(self, *, to: str, body: str, reference: str, check_first: bool = False) -> None:
        self.stream.write(f"SMS to {mask_number(to)} [{reference}]\n{body}\n{'-' * 40}\n")
        self.stream.flush()


class LocmemSmsBackend(BaseSmsBackend):
    def send(self, *, to: str, body: str, reference: str, check_first: bool = False) -> None:
        with _outbox_lock:
            outbox.append(SmsMessage(to=to, body=body, reference=reference))


def get_sms_backend() -> BaseSmsBackend:
    return import_string(settings.SMS_BACKEND)()
