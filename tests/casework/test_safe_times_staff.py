"""Staff and the reporter's safe times: a contact attempt outside them is refused with the
reason, and the case page and the centre's report page show the plan in words and the next
safe time."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from casework import services
from casework.models import CaseUpdate
from tests.casework.conftest import make_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
WEEKDAYS_10_TO_2 = {
    "channels": ["phone", "sms"],
    "safe_windows": [{"days": [0, 1, 2, 3, 4], "from": "10:00", "until": "14:00"}],
    "not_on_bank_holidays": True,
    "safe_times": "never when my husband is home",
}
SATURDAY_0900 = dt.datetime(2027, 5, 29, 9, 0, tzinfo=LONDON)


def test_contact_attempt_outside_the_plan_is_refused_with_the_reason(area_a, spoc_a):
    case = make_case(area=area_a, contact_fields=WEEKDAYS_10_TO_2)

    with time_machine.travel(SATURDAY_0900, tick=False), pytest.raises(ValidationError) as error:
        services.log_contact_attempt(case=case, by=spoc_a, channel="phone", outcome="reached")

    # Monday 31 May 2027 is a bank holiday.
    assert error.value.messages == [
        "The reporter's plan allows contact on weekdays 10:00–14:00, not on bank holidays; "
        "the next safe time is Tuesday 1 June, 10:00."
    ]
    assert not case.updates.exists()


def test_contact_attempt_inside_the_plan_is_logged(area_a, spoc_a):
    case = make_case(area=area_a, contact_fields=WEEKDAYS_10_TO_2)

    with time_machine.travel(dt.datetime(2027, 6, 1, 10, 30, tzinfo=LONDON), tick=False):
        attempt = services.log_contact_attempt(
            case=case, by=spoc_a, channel="sms", outcome="reached"
        )

    assert attempt.is_contact_attempt


def test_contact_attempt_through_the_centre_is_not_bound_by_the_times(area_a, spoc_a):
    case = make_case(area=area_a, contact_fields={**WEEKDAYS_10_TO_2, "channels": ["centre"]})

    with time_machine.travel(SATURDAY_0900, tick=False):
        attempt = services.log_contact_attempt(
            case=case, by=spoc_a, channel="centre", outcome="reached"
        )

    assert attempt.contact_channel == "centre"


def test_the_case_page_refuses_an_attempt_outside_the_plan_and_says_why(client, area_a, spoc_a):
    case = make_case(area=area_a, contact_fields=WEEKDAYS_10_TO_2)
    with time_machine.travel(SATURDAY_0900, tick=True):
        # Signed in at the time travelled to: a staff session ends after 30 idle minutes.
        sign_in(client, spoc_a)
        response = client.post(
            reverse("admin:casework_case_action", args=[case.pk, "contact"]),
            {"contact-channel": "phone", "contact-outcome": "reached"},
            follow=True,
        )

    page = response.content.decode()
    assert "the next safe time is Tuesday 1 June, 10:00" in page
    assert not CaseUpdate.objects.filter(case=case, is_contact_attempt=True).exists()


def test_the_case_page_shows_the_plan_in_words_and_the_next_safe_time(client, area_a, spoc_a):
    case = make_case(area=area_a, contact_fields=WEEKDAYS_10_TO_2)
    with time_machine.travel(SATURDAY_0900, tick=True):
        # Signed in at the time travelled to: a staff session ends after 30 idle minutes.
        sign_in(client, spoc_a)
        page = client.get(reverse("admin:casework_case_change", args=[case.pk])).content.decode()

    assert "weekdays 10:00–14:00, not on bank holidays" in page
    assert "Next safe time" in page and "Tuesday 1 June, 10:00" in page
    assert "never when my husband is home" in page


def test_the_centre_report_page_shows_the_plan_and_the_next_safe_time(
    client, report_mix, volunteer_a
):
    contact = report_mix.a_details.contact
    contact.safe_windows = [{"days": [5], "from": "09:00", "until": "12:00"}]
    contact.save()
    with time_machine.travel(dt.datetime(2027, 5, 27, 15, 0, tzinfo=LONDON), tick=True):
        sign_in(client, volunteer_a)
        response = client.get(reverse("workspace:report", args=[report_mix.a_details.pk]))

    page = response.content.decode()
    assert "Saturday 09:00–12:00" in page
    assert "Saturday 29 May, 09:00" in page


def test_a_plan_of_any_time_says_so_and_that_now_is_safe(client, area_a, spoc_a):
    case = make_case(area=area_a)
    sign_in(client, spoc_a)

    page = client.get(reverse("admin:casework_case_change", args=[case.pk])).content.decode()

    assert "any time" in page
    assert "now" in page
