"""Assisted reporting: the public journey's questions, in the victim's language, sent with
channel "assisted", the centre and the volunteer stamped on the report."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from centres.models import AccessLogEntry, Area, AreaPlace, Strand
from reporting.models import Channel, Report
from tests.conftest import sign_in
from tests.factories import AreaPlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference_data(db, area_a):
    call_command("load_reference_data", verbosity=0)
    # Made by a data migration, but gone if a transactional test flushed the tables.
    Area.objects.get_or_create(
        is_central_queue=True, defaults={"name": "Central queue", "code": "central"}
    )
    AreaPlaceFactory(area=area_a, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")


def step(slug=""):
    if slug == "evidence":
        return reverse("workspace:assisted_evidence")
    if slug == "check":
        return reverse("workspace:assisted_check")
    return reverse("workspace:assisted_step", args=[slug])


def answers():
    race = str(Strand.objects.get(code="race").pk)
    return [
        ("who", {"reporter_role": "victim"}),
        ("what", {"description": "Krzyczeli na mnie na ulicy."}),
        ("when", {"when_kind": "not_sure"}),
        ("happened-before", {"happened_before": "no"}),
        ("where", {"location_kind": "place"}),
        ("where-place", {"town": "", "postcode": "B11 1AA"}),
        ("why", {"motivation": [race]}),
        ("offenders", {"offender_known": "no"}),
        ("harm", {"injured": "no", "property_damaged": "no", "threatened": "yes"}),
        ("evidence", {"action": "continue"}),
        ("police", {"consent": "do_not_share"}),
        ("contact", {"contact_wanted": "no"}),
        ("support", {"support_wanted": "no"}),
        ("equality", {"equality_wanted": "no"}),
    ]


def walk(client, language="pl", centre=None):
    response = client.post(
        reverse("workspace:assisted_start"),
        {"centre": centre.pk if centre else "", "language": language},
    )
    assert response["Location"] == step("who")
    steps = answers()
    for (slug, data), following in zip(steps, [*steps[1:], ("check", None)], strict=True):
        response = client.post(step(slug), data)
        assert response.status_code == 302, (slug, response.content.decode()[:2000])
        assert response["Location"] == step(following[0]), slug
    return client.get(step("check"))


def test_assisted_report_carries_channel_centre_and_volunteer(
    client, reference_data, volunteer_a, centre_a
):
    sign_in(client, volunteer_a)
    walk(client, centre=centre_a)

    response = client.post(step("check"), {"centre_is_go_between": "yes"})

    report = Report.objects.get()
    assert report.channel == Channel.ASSISTED
    assert report.centre == centre_a
    assert report.logged_by == volunteer_a
    assert report.language == "pl"
    assert report.centre_is_go_between is True
    assert report.description == "Krzyczeli na mnie na ulicy."
    assert report.reference in response.content.decode()
    assert client.session["receipt_report_id"] == report.pk
    assert AccessLogEntry.objects.about(report).filter(user=volunteer_a, action="create").exists()


def test_assisted_questions_in_victims_language_chrome_in_volunteers(
    client, reference_data, volunteer_a, centre_a
):
    sign_in(client, volunteer_a)
    client.post(reverse("workspace:assisted_start"), {"centre": centre_a.pk, "language": "pl"})

    page = client.get(step("who")).content.decode()

    assert '<html lang="en"' in page
    assert '<div lang="pl" dir="ltr">' in page
    assert "Kto zgłasza?" in page
    assert "Logging a report at" in page


def test_victim_language_can_change_without_losing_answers(
    client, reference_data, volunteer_a, centre_a
):
    sign_in(client, volunteer_a)
    client.post(reverse("workspace:assisted_start"), {"centre": centre_a.pk, "language": "pl"})
    client.post(step("who"), {"reporter_role": "witness"})

    client.post(reverse("workspace:assisted_language"), {"language": "ur", "next": step("who")})
    page = client.get(step("who")).content.decode()

    assert '<div lang="ur" dir="rtl">' in page
    assert re.search(r'value="witness"[^>]*checked', page)


def test_assisted_draft_is_kept_apart_from_a_public_draft(
    client, reference_data, volunteer_a, centre_a
):
    sign_in(client, volunteer_a)
    client.post(reverse("workspace:assisted_start"), {"centre": centre_a.pk, "language": "en"})
    client.post(step("who"), {"reporter_role": "victim"})

    assert "assisted_report_draft" in client.session
    assert "report_draft" not in client.session


def test_assisted_report_errors_show_in_victims_language(
    client, reference_data, volunteer_a, centre_a
):
    sign_in(client, volunteer_a)
    client.post(reverse("workspace:assisted_start"), {"centre": centre_a.pk, "language": "pl"})

    response = client.post(step("who"), {})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Wybierz, kto zgłasza" in page
    assert "Select who is reporting" not in page
    # The workspace around the question stays in the volunteer's language.
    assert "Stop and delete this report" in page


def test_volunteer_cannot_log_at_another_centre(client, reference_data, volunteer_a, centre_b):
    sign_in(client, volunteer_a)

    response = client.post(
        reverse("workspace:assisted_start"), {"centre": centre_b.pk, "language": "en"}
    )

    assert response.status_code == 200
    assert "assisted_report" not in client.session


def test_cancel_deletes_the_draft(client, reference_data, volunteer_a, centre_a):
    sign_in(client, volunteer_a)
    client.post(reverse("workspace:assisted_start"), {"centre": centre_a.pk, "language": "en"})
    client.post(step("who"), {"reporter_role": "victim"})

    client.post(reverse("workspace:assisted_cancel"))

    assert "assisted_report" not in client.session
    from reporting.models import ReportDraft

    assert not ReportDraft.objects.exists()


def test_assisted_change_links_stay_in_the_assisted_journey(
    client, reference_data, volunteer_a, centre_a
):
    sign_in(client, volunteer_a)
    page = walk(client, centre=centre_a).content.decode()

    response = client.post(f"{step('who')}?change=1", {"reporter_role": "witness"})

    assert f'href="{step("who")}?change=1"' in page
    assert f'href="{step("evidence")}?change=1"' in page
    assert "/en/report/" not in page
    assert response["Location"] == step("check")
