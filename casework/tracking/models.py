"""What the tracking page's throttle remembers (throttle.py): one row per wrong reference and
passphrase, kept for TRACKING_THROTTLE_WINDOW_SECONDS, then purged.

A row names nobody: the client's address and the reference typed are stored only as keyed
hashes (HMAC-SHA256 with a key derived from SECRET_KEY), so the table cannot tell which
address tried which report, nor be reversed by hashing every IPv4 address, without the key.
"""

from django.db import models


class TrackingFailure(models.Model):
    """One wrong reference and passphrase (or one attempt still being checked)."""

    at = models.DateTimeField()
    client_key = models.CharField(max_length=64)
    # Empty when what was typed cannot be a reference at all (throttle.py counts it against
    # the client only).
    reference_key = models.CharField(max_length=64, blank=True)

    class Meta:
        indexes = [
            # The client's failures on every reference.
            models.Index(fields=["client_key", "at"], name="trackingfailure_client_idx"),
            # The reference's failures (its prefix), and one client's on it (the whole).
            models.Index(
                fields=["reference_key", "client_key", "at"], name="trackingfailure_ref_idx"
            ),
            # The purge of rows older than the window.
            models.Index(fields=["at"], name="trackingfailure_at_idx"),
        ]

    def __str__(self):
        return f"tracking failure at {self.at:%Y-%m-%d %H:%M:%S}"
