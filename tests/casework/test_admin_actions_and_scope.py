"""The SPOC admin: list actions, the daily review and its PDFs, the wall between areas."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import Case
from centres.models import AccessLogEntry, Notification
from tests.casework.conftest import make_case
from tests.conftest import sign_in
from tests.factories import SupportServiceFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:casework_case_changelist"


def change_url(case):
    return reverse("admin:casework_case_change", args=[case.pk])


def action_url(case, action):
    return reverse("admin:casework_case_action", args=[case.pk, action])


def listed(response):
    return {case.pk for case in response.context["cl"].result_list}


def flashed(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- List actions -----------------------------------------------------------------------------


def run_action(client, action, cases, **extra):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [c.pk for c in cases], "index": 0, **extra},
        follow=True,
    )


def test_action_assign_to_me(client, area_a, spoc_a):
    cases = [make_case(area=area_a), make_case(area=area_a)]
    sign_in(client, spoc_a)

    run_action(client, "assign_to_me", cases)

    assert set(Case.objects.values_list("owner", flat=True)) == {spoc_a.pk}


def test_action_assign_to_officer(client, area_a, spoc_a, inspector_a):
    case = make_case(area=area_a)
    sign_in(client, spoc_a)

    run_action(client, "assign_to_officer", [case], officer=inspector_a.pk)

    case.refresh_from_db()
    assert case.owner == inspector_a


def test_action_assign_to_officer_of_other_area_is_refused(client, area_a, spoc_a, spoc_b):
    case = make_case(area=area_a)
    sign_in(client, spoc_a)

    run_action(client, "assign_to_officer", [case], officer=spoc_b.pk)

    case.refresh_from_db()
    assert case.owner is None


def test_action_mark_triaged(client, area_a, spoc_a):
    new = make_case(area=area_a)
    sign_in(client, spoc_a)

    run_action(client, "mark_triaged", [new])

    new.refresh_from_db()
    assert new.status == "triaged"
    assert new.events.get().by == spoc_a


# --- The daily review and the PDFs -------------------------------------------------------------


def test_daily_review_lists_last_24_hours_with_what_is_done(client, area_a, area_b, spoc_a):
    done = make_case(area=area_a, status="triaged", owner=spoc_a)
    services.assess_case(
        case=done, by=spoc_a, threat="low", harm="low", risk="low", grade="scheduled"
    )
    services.send_victim_update(case=done, by=spoc_a, message_code="received")
    takes_referrals = SupportServiceFactory(
        referral_channel="secure_email", referral_email="referrals@service.example.org"
    )
    services.refer_to_service(case=done, by=spoc_a, service=takes_referrals, consent_given=True)
    untouched = make_case(area=area_a)
    old = make_case(area=area_a, opened_at=timezone.now() - dt.timedelta(hours=25))
    other_area = make_case(area=area_b)
    sign_in(client, spoc_a)

    response = client.get(reverse("admin:casework_case_daily_review"))

    [review] = response.context["reviews"]
    rows = {case.pk: case for case in review.cases}
    assert set(rows) == {done.pk, untouched.pk}
    assert (rows[done.pk].has_thrive, rows[done.pk].victim_contacted) == (True, True)
    assert rows[done.pk].has_referral is True
    assert (rows[untouched.pk].has_thrive, rows[untouched.pk].victim_contacted) == (False, False)
    assert review.not_triaged == 1
    page = response.content.decode()
    assert other_area.report.reference not in page and old.report.reference not in page
    assert AccessLogEntry.objects.filter(detail="daily review").count() == 2


def test_daily_review_pdf_is_a_pdf_and_logged_as_export(client, area_a, spoc_a):
    case = make_case(area=area_a)
    sign_in(client, spoc_a)

    response = client.get(reverse("admin:casework_case_daily_review_pdf"))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    entry = AccessLogEntry.objects.about(case).get()
    assert (entry.action, entry.detail, entry.user) == ("export", "daily review PDF", spoc_a)


def test_case_summary_pdf_is_a_pdf_and_logged_as_export(client, area_a, spoc_a):
    case = make_case(area=area_a)
    services.add_internal_note(case=case, by=spoc_a, body="CCTV requested.")
    sign_in(client, spoc_a)

    response = client.get(reverse("admin:casework_case_summary_pdf", args=[case.pk]))

    assert response.content.startswith(b"%PDF")
    assert AccessLogEntry.objects.about(case).filter(action="export").count() == 1


# --- The wall between areas, on every URL ------------------------------------------------------


def other_area_urls(case):
    return {
        "change": reverse("admin:casework_case_change", args=[case.pk]),
        "history": reverse("admin:casework_case_history", args=[case.pk]),
        "delete": reverse("admin:casework_case_delete", args=[case.pk]),
        "summary pdf": reverse("admin:casework_case_summary_pdf", args=[case.pk]),
    }


@pytest.mark.parametrize("which", ["change", "history", "delete", "summary pdf"])
def test_spoc_cannot_open_other_area_case_on_any_url(client, spoc_a, case_b, which):
    sign_in(client, spoc_a)

    response = client.get(other_area_urls(case_b)[which])

    assert response.status_code in (302, 403, 404)
    assert case_b.report.reference not in response.content.decode()
    assert not AccessLogEntry.objects.about(case_b).exists()


@pytest.mark.parametrize("action", ["status", "assign", "note", "victim-update", "key-event"])
def test_spoc_cannot_act_on_other_area_case(client, spoc_a, case_b, action):
    sign_in(client, spoc_a)
    data = {
        "status-to": "triaged",
        "assign-officer": spoc_a.pk,
        "note-body": "x",
        "victim-update-body": "x",
        "key-event-key_event": "arrested",
    }

    response = client.post(action_url(case_b, action), data)

    assert response.status_code == 404
    case_b.refresh_from_db()
    assert (case_b.status, case_b.owner) == ("new", None)
    assert not case_b.updates.exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize("action", ["assign_to_me", "mark_triaged"])
def test_spoc_list_action_with_crafted_other_area_id_does_nothing(
    client, area_a, spoc_a, case_b, action
):
    mine = make_case(area=area_a)
    sign_in(client, spoc_a)

    run_action(client, action, [mine, case_b])

    case_b.refresh_from_db()
    assert (case_b.status, case_b.owner) == ("new", None)
    assert not case_b.events.exists()


def test_spoc_daily_review_of_other_area_is_empty(client, spoc_a, case_b, area_b):
    sign_in(client, spoc_a)

    screen = client.get(reverse("admin:casework_case_daily_review"), {"area": area_b.pk})
    pdf = client.get(reverse("admin:casework_case_daily_review_pdf"), {"area": area_b.pk})

    assert screen.context["reviews"] == []
    assert case_b.report.reference not in screen.content.decode()
    assert pdf.content.startswith(b"%PDF")
    assert not AccessLogEntry.objects.about(case_b).exists()


def test_spoc_autocomplete_does_not_reveal_other_area_case(client, spoc_a, case_b):
    sign_in(client, spoc_a)

    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "casework",
            "model_name": "case",
            "field_name": "case",
            "term": case_b.report.reference,
        },
    )

    assert response.status_code in (403, 404)
    assert case_b.report.reference not in response.content.decode()


def test_spoc_changelist_filter_by_other_area_shows_nothing(client, area_a, spoc_a, case_b):
    make_case(area=area_a)
    sign_in(client, spoc_a)

    response = client.get(reverse(CHANGELIST), {"area": case_b.area_id})

    assert case_b.pk not in listed(response)


@pytest.mark.parametrize("who", ["administrator", "analyst", "volunteer_a"])
def test_non_police_cannot_reach_review_or_pdfs(client, request, area_a, who):
    case = make_case(area=area_a)
    sign_in(client, request.getfixturevalue(who))

    for url in (
        reverse("admin:casework_case_daily_review"),
        reverse("admin:casework_case_daily_review_pdf"),
        reverse("admin:casework_case_summary_pdf", args=[case.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404)
        assert not response.content.startswith(b"%PDF")
    assert not AccessLogEntry.objects.about(case).exists()


def test_daily_review_window_midweek_is_the_24_hours_before_now(client, area_a, spoc_a):
    # With no review held, a Wednesday's covers since the same time on Tuesday (Monday's the
    # weekend too: tests/casework/test_daily_review_since_last.py).
    import time_machine

    from centres.bank_holidays import LONDON

    now = dt.datetime(2027, 6, 9, 9, 0, tzinfo=LONDON)  # a Wednesday
    inside = make_case(area=area_a, opened_at=now - dt.timedelta(hours=23, minutes=59))
    make_case(area=area_a, opened_at=now - dt.timedelta(hours=24, minutes=1))

    with time_machine.travel(now, tick=False):
        sign_in(client, spoc_a)
        response = client.get(reverse("admin:casework_case_daily_review"))

    [review] = response.context["reviews"]
    assert [case.pk for case in review.cases] == [inside.pk]


def test_changelist_due_within_24_hours_filter(client, area_a, spoc_a):
    soon = make_case(area=area_a, next_clock_due_at=timezone.now() + dt.timedelta(hours=5))
    make_case(area=area_a, next_clock_due_at=timezone.now() + dt.timedelta(days=3))
    make_case(area=area_a, next_clock_due_at=timezone.now() - dt.timedelta(hours=1))
    sign_in(client, spoc_a)

    assert listed(client.get(reverse(CHANGELIST), {"clocks": "today"})) == {soon.pk}


def test_case_views_and_changes_are_visible_to_administrators(
    client, area_a, spoc_a, administrator
):
    case = make_case(area=area_a)
    sign_in(client, spoc_a)
    client.get(change_url(case))
    client.post(action_url(case, "note"), {"note-body": "CCTV requested."})
    client.logout()
    sign_in(client, administrator)

    response = client.get(reverse("admin:centres_accesslogentry_changelist"))

    entries = {(e.user, e.action, e.detail) for e in response.context["cl"].result_list}
    assert (spoc_a, "view", "admin") in entries
    assert (spoc_a, "change", "internal note") in entries
    assert "CCTV" not in response.content.decode()
