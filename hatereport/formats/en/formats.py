# The product's English is British English: /en/ serves en-GB dates and numbers, with the
# month written in full ("21 November 2026"), as the victim's pages always showed it.
from django.conf.locale.en_GB.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
