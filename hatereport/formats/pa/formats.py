# Django has no date formats for this language: day, month in full, year ("21 November 2026"
# in the language's month names), 24-hour time, as the victim's pages write them.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
