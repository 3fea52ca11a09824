"""A rise in community tension for the demo (issue 17 part 6): last week, eight reports of
homophobic abuse in Birmingham East, shaped like the 2019 rise the West Midlands paper
describes, against about one a month in the half-year before (`BACKGROUND`). The nightly
check (run by the seeder after the insights refresh, as beat would) raises the alert the
force's hate crime lead and the area's SPOC are told of, and insights shows it with its
expected range. No random choices, so the rest of the demo is unchanged."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from casework.insights.tension import last_complete_week
from reporting.models import Channel, Consent, Report, ReporterRole
from reporting.services import submit_report

from ..models import Case
from . import DEMO_PASSPHRASE

AREA = "birmingham-east"
STRAND = "sexual_orientation"
# What people wrote, a few words each: the week's pattern is in the count, not the detail.
WORDS = [
    "Two men followed me and my boyfriend from the bus stop shouting homophobic abuse.",
    "Someone wrote homophobic graffiti on our front door overnight.",
    "A group outside the shop called me a homophobic name and threw a drink at me.",
    "I was threatened on the way home from the LGBT+ social because of who I am.",
    "Homophobic abuse shouted at us from a car on the Coventry Road.",
    "A neighbour keeps calling me names because I am gay; today he pushed me.",
    "Men at the bus station said they would hurt us for holding hands.",
    "Homophobic messages on a flyer pushed through doors on our street.",
]

# The half-year before: one every four weeks, as the area usually sees.
BACKGROUND = [
    "A man on the tram called me a homophobic name and told me to get off.",
    "Homophobic comments shouted at me outside the takeaway on a Friday night.",
    "Someone left a homophobic note on my car at work.",
    "A group of teenagers shouted homophobic abuse at me and my partner in the park.",
    "My neighbour's friend called me homophobic names over the fence.",
    "Homophobic abuse shouted at me from a passing van as I walked home.",
]


def create_spike(demo):
    week = last_complete_week(demo.today)
    for index, words in enumerate(BACKGROUND):
        _send(demo, words, week - timedelta(weeks=2 + 4 * index, days=-(index % 5)), index)
    for index, words in enumerate(WORDS):
        _send(demo, words, week + timedelta(days=index % 7), index)


def _send(demo, words, day, index):
    """One anonymous online report of homophobic abuse in the area, sent on `day` evening."""
    area = demo.areas[AREA]
    strand = demo.strands[STRAND]
    when = timezone.make_aware(datetime.combine(day, time(19 + index % 3, 10 * index % 60)))
    when = min(when, demo.now - timedelta(hours=1))
    report = submit_report(
        answers={
            "reporter_role": ReporterRole.VICTIM,
            "description": words,
            "when_kind": Report.WhenKind.EXACT,
            "occurred_on": day,
            "happened_before": "no",
            "location_kind": Report.LocationKind.PLACE,
            "postcode": "",
            "place_type": None,
            "strands": [strand.pk],
            "offender_known": "no",
            "consent": Consent.SHARE_ANONYMOUSLY,
            "area_id": area.pk,
            "contact": None,
            "evidence": [],
        },
        language="en",
        channel=Channel.ONLINE_SELF,
        passphrase=DEMO_PASSPHRASE,
    )
    Report.objects.filter(pk=report.pk).update(submitted_at=when)
    Case.objects.filter(report=report).update(opened_at=when)
