# Romanian dates with the month in lower case, as Romanian writes it ("21 noiembrie 2026"):
# the "alt. month" names in locale/ro are lower case; Django's own are capitalised.
from django.conf.locale.ro.formats import *  # noqa: F403

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
MONTH_DAY_FORMAT = "j E"
