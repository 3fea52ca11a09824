"""The site's languages: which way each one's text runs (one rule, in centres)."""

from centres.models import text_direction

__all__ = ["text_direction"]
