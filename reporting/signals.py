"""Signals the reporting app sends. Receivers stay thin and delegate to a service.

`report_submitted` is sent inside the submission's transaction, only for a report the
reporter agreed to share with the police (casework opens the case: casework/apps.py), so the
case is written, or not, together with the report. Arguments: `report`, and `by` (the
volunteer who logged it, or None when the reporter did).
"""

from django.dispatch import Signal

report_submitted = Signal()
