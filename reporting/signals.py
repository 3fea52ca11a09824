"""Signals the reporting app sends. Receivers stay thin and delegate to a service.

`report_submitted` is sent once the submission's own transaction is over, only for a report
the reporter agreed to share with the police (casework opens the case: casework/apps.py). It
is sent robustly: a receiver's failure is logged by reporting/services.py and never undoes or
hides the report; the casework sweep opens any case still missing. Arguments: `report`, and
`by` (the volunteer who logged it, or None when the reporter did).

`report_shared` is sent by reporting.consent.change_consent once a change of consent has
committed that shares with the police a report that was not shared (support only before):
casework opens its case then, in the same way and as robustly. Arguments: `report`, and `by`
(the volunteer who made the change at a centre, or None when the reporter did).
"""

from django.dispatch import Signal

report_submitted = Signal()
report_shared = Signal()
