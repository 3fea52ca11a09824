"""Community tension alerts (issue 17 part 6): the Farrington threshold, the nightly run, the
messages, and the alerts on insights."""

import datetime as dt
import random

import pytest
from django.test import override_settings
from django.utils import timezone

from casework.insights import tension
from casework.models import TensionAlert
from casework.services.tension import raise_tension_alerts
from centres.models import Notification, Role
from reporting.models import Report
from tests.conftest import member
from tests.factories import ReportFactory, StrandFactory

# The 2019 rise: homophobic crime in the West Midlands rose from around March 2019 into the
# summer. The synthetic history is three years of about six reports a week (Poisson, a fixed
# seed); the week judged is the first week of March 2019.
HISTORY_FROM = dt.date(2016, 1, 4)
SPIKE_WEEK = dt.date(2019, 3, 4)
TODAY = SPIKE_WEEK + dt.timedelta(days=9)  # a Wednesday: the last complete week is SPIKE_WEEK


def _poisson(rng, mean):
    limit, k, product = 2.718281828459045**-mean, 0, 1.0
    while True:
        product *= rng.random()
        if product < limit:
            return k
        k += 1


def weekly_history(seed=2019, mean=6.0, until=SPIKE_WEEK):
    rng = random.Random(seed)
    counts, week = {}, HISTORY_FROM
    while week < until:
        counts[week] = _poisson(rng, mean)
        week += dt.timedelta(weeks=1)
    return counts


# --- The method, on counts -----------------------------------------------------------------


def test_threshold_uses_the_same_weeks_of_past_years_with_three_years_of_history():
    limit = tension.threshold(weekly_history(), SPIKE_WEEK, HISTORY_FROM)

    assert limit.method == tension.FARRINGTON
    assert limit.weeks == 3 * 7  # three past years, the week and three either side
    assert 5 < limit.expected < 7
    assert limit.expected < limit.upper < 13


def test_a_spike_shaped_like_the_2019_rise_exceeds_the_threshold():
    limit = tension.threshold(weekly_history(), SPIKE_WEEK, HISTORY_FROM)

    assert tension.is_exceedance(18, limit)


def test_a_normal_week_does_not_exceed_the_threshold():
    limit = tension.threshold(weekly_history(), SPIKE_WEEK, HISTORY_FROM)

    assert not tension.is_exceedance(7, limit)


def test_a_past_outbreak_in_the_baseline_is_down_weighted():
    history = weekly_history()
    clean = tension.threshold(history, SPIKE_WEEK, HISTORY_FROM)
    # Last year's same week had an outbreak of 40.
    history[SPIKE_WEEK - dt.timedelta(weeks=52)] = 40

    limit = tension.threshold(history, SPIKE_WEEK, HISTORY_FROM)

    # Unweighted, one 40 among 21 weeks would raise the mean by 1.6 and the bound far more.
    assert limit.expected < clean.expected + 0.5
    assert tension.is_exceedance(18, limit)


def test_a_short_history_falls_back_to_the_recent_weeks():
    start = SPIKE_WEEK - dt.timedelta(weeks=20)
    history = {w: n for w, n in weekly_history().items() if w >= start}

    limit = tension.threshold(history, SPIKE_WEEK, start)

    assert limit.method == tension.RECENT
    assert limit.weeks == 20
    assert tension.is_exceedance(18, limit)
    assert not tension.is_exceedance(7, limit)


def test_too_little_history_judges_nothing():
    start = SPIKE_WEEK - dt.timedelta(weeks=4)

    assert tension.threshold({start: 5}, SPIKE_WEEK, start) is None
    assert not tension.is_exceedance(50, None)


def test_fewer_than_five_reports_never_alert():
    quiet = dict.fromkeys(weekly_history(), 0)
    limit = tension.threshold(quiet, SPIKE_WEEK, HISTORY_FROM)

    assert not tension.is_exceedance(4, limit)


# --- The nightly run -----------------------------------------------------------------------


@pytest.fixture
def sexual_orientation(db):
    return StrandFactory(code="sexual-orientation", name="Sexual orientation")


@pytest.fixture
def lead(db):
    return member(Role.ANALYST, name="Force hate crime lead", email="lead@police.example")


def _reports(area, strand, counts: dict):
    """Reports submitted on the Tuesday of each week, with the strand."""
    built = []
    for week, total in counts.items():
        at = timezone.make_aware(dt.datetime.combine(week + dt.timedelta(days=1), dt.time(12)))
        built += [ReportFactory.build(area=area, submitted_at=at) for _ in range(total)]
    reports = Report.objects.bulk_create(built, batch_size=1000)
    through = Report.strands.through
    through.objects.bulk_create([through(report_id=r.pk, strand_id=strand.pk) for r in reports])


@override_settings(HATE_CRIME_LEAD_EMAILS=["lead@police.example"])
def test_a_spike_raises_one_alert_to_the_lead_and_the_spoc_with_counts_only(
    area_a, area_b, spoc_a, spoc_b, lead, sexual_orientation
):
    _reports(area_a, sexual_orientation, {**weekly_history(), SPIKE_WEEK: 18})
    _reports(area_b, sexual_orientation, {**weekly_history(seed=7), SPIKE_WEEK: 7})

    alerts = raise_tension_alerts(today=TODAY)

    assert [(a.area, a.strand, a.week_start, a.observed) for a in alerts] == [
        (area_a, sexual_orientation, SPIKE_WEEK, 18)
    ]
    alert = alerts[0]
    assert alert.method == tension.FARRINGTON
    assert alert.expected < alert.upper_bound < 18
    messages = Notification.objects.filter(kind="tension_alert")
    assert {m.recipient for m in messages} == {lead, spoc_a}
    assert all(m.context == {"alert": alert.pk} for m in messages)


@override_settings(HATE_CRIME_LEAD_EMAILS=["lead@police.example"])
def test_running_twice_alerts_once(area_a, spoc_a, lead, sexual_orientation):
    _reports(area_a, sexual_orientation, {**weekly_history(), SPIKE_WEEK: 18})

    first = raise_tension_alerts(today=TODAY)
    second = raise_tension_alerts(today=TODAY)

    assert [a.pk for a in first] == [a.pk for a in second]
    assert TensionAlert.objects.count() == 1
    assert Notification.objects.filter(kind="tension_alert").count() == 2


def test_a_normal_week_raises_nothing(area_a, spoc_a, sexual_orientation):
    _reports(area_a, sexual_orientation, {**weekly_history(), SPIKE_WEEK: 7})

    assert raise_tension_alerts(today=TODAY) == []
    assert not TensionAlert.objects.exists()
    assert not Notification.objects.filter(kind="tension_alert").exists()


@override_settings(HATE_CRIME_LEAD_EMAILS=["lead@police.example"])
def test_the_alert_message_says_counts_and_nothing_personal(
    area_a, spoc_a, lead, sexual_orientation
):
    from centres.delivery import build

    _reports(area_a, sexual_orientation, {**weekly_history(), SPIKE_WEEK: 18})
    [alert] = raise_tension_alerts(today=TODAY)
    message = Notification.objects.get(kind="tension_alert", recipient_id=lead.pk)

    outgoing = build(message)

    assert outgoing.to == ["lead@police.example"]
    assert "Birmingham East" not in outgoing.subject
    assert "18 reports" in outgoing.body
    assert "Sexual orientation" in outgoing.body
    assert "4 March 2019" in outgoing.body
    assert f"{round(alert.expected, 1)}" in outgoing.body
    assert "/insights/#tension" in outgoing.body
    # Nothing from any report.
    assert "Shouted" not in outgoing.body and "HR-" not in outgoing.body


# --- On insights ---------------------------------------------------------------------------


def test_insights_table_shows_the_alert_with_its_expected_range(area_a, sexual_orientation):
    TensionAlert.objects.create(
        area=area_a,
        strand=sexual_orientation,
        week_start=SPIKE_WEEK,
        observed=18,
        expected=5.71,
        upper_bound=11.13,
        method=tension.FARRINGTON,
    )

    from casework.insights.filters import Filters

    [table] = tension.tension_tables(Filters(start=dt.date(2019, 1, 1), end=dt.date(2019, 3, 1)))
    [before] = tension.tension_tables(Filters(start=dt.date(2018, 1, 1), end=dt.date(2019, 2, 1)))

    assert table.key == "tension"
    assert table.rows == [
        ["Birmingham East, Sexual orientation, week beginning 04/03/2019", 18, 5.7, 11.1]
    ]
    assert before.rows == []
