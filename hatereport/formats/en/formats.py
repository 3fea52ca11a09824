# The product's English is British English: /en/ serves en-GB dates and numbers.
from django.conf.locale.en_GB.formats import *  # noqa: F403
