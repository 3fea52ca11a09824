# Django's formats for this language, with a date and time that keep the day first and the
# month in full, as the date alone does (Django has no DATETIME_FORMAT for it).
from django.conf.locale.bn.formats import *  # noqa: F403

DATETIME_FORMAT = "j F Y, H:i"
