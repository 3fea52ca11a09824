"""The answers the browser tests give, page by page, by the field names on each page."""

# Each page's answers: (kind, field name, value).
ANONYMOUS = [
    ("who", [("radio", "reporter_role", "victim")]),
    ("what", [("first", "incident_types"), ("fill", "description", "Shouted at on the bus")]),
    ("when", [("radio", "when_kind", "approximate")]),
    ("when-roughly", [("fill", "when_details", "Last week")]),
    ("happened-before", [("radio", "happened_before", "not_sure")]),
    ("where", [("radio", "location_kind", "place")]),
    ("where-place", [("fill", "postcode", "B11 1AA")]),
    ("why", [("first", "motivation")]),
    ("offenders", [("radio", "offender_known", "no")]),
    (
        "harm",
        [
            ("radio", "injured", "no"),
            ("radio", "property_damaged", "no"),
            ("radio", "threatened", "no"),
        ],
    ),
    ("evidence", []),
    ("police", [("radio", "consent", "do_not_share")]),
    ("contact", [("radio", "contact_wanted", "no")]),
    ("support", [("radio", "support_wanted", "no")]),
    ("equality", [("radio", "equality_wanted", "no")]),
]

WITH_CONTACT = [
    *ANONYMOUS[:11],
    ("police", [("radio", "consent", "share_details")]),
    ("contact", [("radio", "contact_wanted", "yes")]),
    (
        "contact-details",
        [
            ("check", "channels", "email"),
            ("fill", "email", "amina@example.org"),
            ("fill", "name", "آمنہ"),
        ],
    ),
    ("contact-safety", [("fill", "safe_times", "صبح")]),
    ("contact-needs", [("radio", "interpreter_needed", "no")]),
    ("support", [("radio", "support_wanted", "yes")]),
    ("equality", [("radio", "equality_wanted", "yes")]),
    ("equality-questions", [("radio", "age_band", "prefer_not")]),
]
