"""The daily threat review covers everything since the previous review: weekends and bank
holidays included; each review held is recorded with its window, a community-impact
assessment per case and the chair's sign-off, on screen and in the PDF; its access-log
entries are written in one statement."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from casework import services
from casework.models import CaseImpactAssessment, DailyReview
from casework.review import daily_review
from centres.bank_holidays import LONDON
from centres.models import AccessLogEntry
from tests.casework.conftest import make_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

REVIEW = reverse("admin:casework_case_daily_review")
PDF = reverse("admin:casework_case_daily_review_pdf")


def at(day, hour=9, minute=0):
    return dt.datetime(2027, *day, hour, minute, tzinfo=LONDON)


def opened(area, when):
    return make_case(area=area, opened_at=when)


def reviewed(client, user, when, **params):
    # Signed in at `when`: a staff session ends after 12 hours, so not before the travel.
    with time_machine.travel(when, tick=False):
        sign_in(client, user)
        return client.get(REVIEW, params)


def listed(response):
    [review] = response.context["reviews"]
    return {case.pk for case in review.cases}


def test_monday_review_includes_saturday_and_sunday(client, area_a, spoc_a):
    # 2027-06-04 is a Friday; 5 and 6 June the weekend; 7 June a Monday.
    thursday = opened(area_a, at((6, 3), 10))
    friday = opened(area_a, at((6, 4), 14))
    saturday = opened(area_a, at((6, 5), 23))
    sunday = opened(area_a, at((6, 6), 3))

    response = reviewed(client, spoc_a, at((6, 7), 9))

    assert listed(response) == {friday.pk, saturday.pk, sunday.pk}
    assert thursday.pk not in listed(response)


def test_tuesday_after_bank_holiday_monday_includes_weekend_and_monday(client, area_a, spoc_a):
    # 2027-05-31 is the spring bank holiday (a Monday); 28 May a Friday.
    friday_early = opened(area_a, at((5, 28), 8))
    friday = opened(area_a, at((5, 28), 10))
    saturday = opened(area_a, at((5, 29), 12))
    holiday = opened(area_a, at((5, 31), 18))

    response = reviewed(client, spoc_a, at((6, 1), 9))

    assert listed(response) == {friday.pk, saturday.pk, holiday.pk}
    assert friday_early.pk not in listed(response)


def test_next_review_starts_where_the_held_one_ended(client, area_a, spoc_a):
    before = opened(area_a, at((6, 3), 8))
    after = opened(area_a, at((6, 3), 9, 30))
    with time_machine.travel(at((6, 3), 9), tick=False):
        held = services.hold_review(area=area_a, by=spoc_a)
    services.assess_impact(review=held, case=before, by=spoc_a, level="low")
    services.sign_off_review(review=held, by=spoc_a)

    response = reviewed(client, spoc_a, at((6, 4), 9))

    [review] = response.context["reviews"]
    assert review.since == held.covered_until
    assert listed(response) == {after.pk}


def test_held_review_records_impact_and_sign_off_on_screen_and_in_pdf(
    client, area_a, spoc_a, inspector_a
):
    quiet = opened(area_a, at((6, 7), 7))
    tense = opened(area_a, at((6, 7), 8))
    with time_machine.travel(at((6, 7), 9), tick=False):
        sign_in(client, inspector_a)
        client.post(REVIEW, {"action": "hold", "area": area_a.pk})
        review = DailyReview.objects.get()
        assert (review.chair, review.covered_until) == (inspector_a, at((6, 7), 9))

        # Medium impact without a note: refused, and what was typed stays on the page.
        response = client.post(
            REVIEW,
            {
                "action": "sign_off",
                "review": review.pk,
                f"impact-{quiet.pk}-level": "low",
                f"impact-{tense.pk}-level": "medium",
                f"impact-{tense.pk}-note": "",
            },
        )
        assert response.status_code == 200
        assert "Say what the impact is" in response.content.decode()
        assert not CaseImpactAssessment.objects.exists()
        assert not DailyReview.objects.get().is_signed_off

        client.post(
            REVIEW,
            {
                "action": "sign_off",
                "review": review.pk,
                f"impact-{quiet.pk}-level": "low",
                f"impact-{tense.pk}-level": "medium",
                f"impact-{tense.pk}-note": "Mosque nearby: reassurance patrols at Friday prayers.",
            },
        )
        page = client.get(REVIEW, {"review": review.pk}).content.decode()
        pdf = client.get(PDF, {"review": review.pk})

    review.refresh_from_db()
    assert review.is_signed_off
    assert dict(CaseImpactAssessment.objects.values_list("case_id", "level")) == {
        quiet.pk: "low",
        tense.pk: "medium",
    }
    assert "Mosque nearby: reassurance patrols at Friday prayers." in page
    assert "Signed off by" in page
    assert pdf.content.startswith(b"%PDF")
    text = _pdf_text(pdf.content)
    words = " ".join(text.split())  # the PDF wraps lines where its columns end
    assert "Mosque nearby" in words and "Signed off by" in words


def _pdf_text(content: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_sign_off_refused_until_every_case_is_assessed_and_only_by_the_chair(
    area_a, spoc_a, inspector_a
):
    first = opened(area_a, at((6, 7), 7))
    second = opened(area_a, at((6, 7), 8))
    with time_machine.travel(at((6, 7), 9), tick=False):
        review = services.hold_review(area=area_a, by=inspector_a)
    services.assess_impact(review=review, case=first, by=spoc_a, level="low")

    with pytest.raises(ValidationError, match=str(second)):
        services.sign_off_review(review=review, by=inspector_a)
    services.assess_impact(review=review, case=second, by=spoc_a, level="high", note="Arson.")
    with pytest.raises(ValidationError, match="Only the chair"):
        services.sign_off_review(review=review, by=spoc_a)
    services.sign_off_review(review=review, by=inspector_a)

    review.refresh_from_db()
    assert review.is_signed_off
    with pytest.raises(ValidationError, match="signed off"):
        services.assess_impact(review=review, case=first, by=spoc_a, level="medium", note="x")


def test_a_second_review_of_the_area_cannot_be_held_while_one_is_open(area_a, spoc_a, inspector_a):
    with time_machine.travel(at((6, 7), 9), tick=False):
        services.hold_review(area=area_a, by=inspector_a)

        with pytest.raises(ValidationError, match="already being held"):
            services.hold_review(area=area_a, by=spoc_a)

    assert DailyReview.objects.count() == 1


def test_spoc_cannot_hold_another_areas_review(area_b, spoc_a):
    with pytest.raises(ValidationError, match="Only police of this area"):
        services.hold_review(area=area_b, by=spoc_a)

    assert not DailyReview.objects.exists()


@pytest.mark.parametrize("cases", [3, 30])
def test_review_writes_its_access_log_in_one_insert(client, area_a, spoc_a, cases):
    for minute in range(cases):
        opened(area_a, at((6, 7), 7) + dt.timedelta(minutes=minute))

    with time_machine.travel(at((6, 7), 9), tick=False):
        sign_in(client, spoc_a)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(REVIEW)

    assert len(response.context["reviews"][0].cases) == cases
    inserts = [q["sql"] for q in queries if 'INSERT INTO "centres_accesslogentry"' in q["sql"]]
    assert len(inserts) == 1
    assert AccessLogEntry.objects.filter(detail="daily review").count() == cases


def test_review_query_count_does_not_grow_with_cases(client, area_a, spoc_a):
    def count_queries(n):
        for minute in range(n):
            opened(area_a, at((6, 7), 7) + dt.timedelta(minutes=minute, seconds=n))
        with CaptureQueriesContext(connection) as queries:
            client.get(REVIEW)
        return len(queries)

    with time_machine.travel(at((6, 7), 9), tick=False):
        sign_in(client, spoc_a)
        client.get(REVIEW)  # the session's first request settles what it caches

        assert count_queries(2) == count_queries(20)


def test_review_for_another_areas_review_id_is_404(client, area_b, spoc_a, spoc_b):
    with time_machine.travel(at((6, 7), 9), tick=False):
        other = services.hold_review(area=area_b, by=spoc_b)
    sign_in(client, spoc_a)

    assert client.get(REVIEW, {"review": other.pk}).status_code == 404
    assert client.get(PDF, {"review": other.pk}).status_code == 404


def test_daily_review_function_returns_each_area_window(area_a, spoc_a):
    with time_machine.travel(at((6, 7), 9), tick=False):
        [review] = daily_review(spoc_a)

    assert (review.since, review.until) == (at((6, 4), 9), at((6, 7), 9))
