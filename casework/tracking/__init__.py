"""The tracking page (/<lang>/track/): a reporter checks their report with its reference and
passphrase, reads a plain-language timeline and the updates meant for them, and can add
information, change how they are contacted, or withdraw consent to share with the police.

All of it lives here, in casework, because the page reads cases and their updates: the pages
(views.py, forms.py, urls.py), the timeline (timeline.py), the guessing limits (throttle.py,
and the failures they count, models.py), and the reporter's own writes (services.py).
"""
