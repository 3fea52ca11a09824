"""Email backends for the integration tests, loaded by the worker subprocess."""

import os
import time
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.filebased import EmailBackend


class SlowFileBackend(EmailBackend):
    """Writes a marker, sleeps SLOW_EMAIL_SECONDS, then writes the messages to files: a
    delivery the test can kill the worker in the middle of."""

    def send_messages(self, email_messages):
        marker = Path(settings.EMAIL_FILE_PATH) / f"sending-{os.getpid()}-{time.time()}"
        marker.write_text("sending")
        time.sleep(float(os.environ.get("SLOW_EMAIL_SECONDS", "0")))
        return super().send_messages(email_messages)
