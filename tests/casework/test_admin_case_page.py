"""The SPOC admin beyond the basics: the case page and its forms, the list's filters, search
and actions, the daily review and the PDFs, and the wall between areas on every URL."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import CaseStatus, Clock
from centres.models import AccessLogEntry, Notification
from reporting.models import Consent
from tests.casework.conftest import make_case
from tests.conftest import sign_in
from tests.factories import StrandFactory

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


# --- The case page ----------------------------------------------------------------------------


def test_case_page_shows_safe_contact_plan_first_when_details_shared(client, area_a, spoc_a):
    case = make_case(
        area=area_a, contact_fields={"no_voicemail": True, "family_does_not_know": True}
    )
    sign_in(client, spoc_a)

    page = client.get(change_url(case)).content.decode()

    plan = page.index("Safe-contact plan")
    assert plan < page.index('id="case_form"')
    assert "Do not leave voicemail." in page
    assert "Their family does not know" in page
    assert "07700 900123" in page


def test_case_page_hides_contact_details_of_anonymous_report(client, area_a, spoc_a):
    case = make_case(area=area_a, consent=Consent.SHARE_ANONYMOUSLY)
    sign_in(client, spoc_a)

    response = client.get(change_url(case))

    page = response.content.decode()
    assert "without their contact details" in page
    assert "07700 900123" not in page
    assert "Amina" not in page
    names = {name for group in response.context["form_groups"].values() for name, _f in group}
    assert "contact" not in names and "referral" not in names


def test_case_page_forms_run_services_end_to_end(client, area_a, spoc_a):
    case = make_case(area=area_a)
    sign_in(client, spoc_a)

    client.post(action_url(case, "status"), {"status-to": "triaged"})
    client.post(
        action_url(case, "thrive"),
        {
            "thrive-threat": "high",
            "thrive-harm": "high",
            "thrive-risk": "medium",
            "thrive-grade": "priority",
        },
    )
    client.post(action_url(case, "key-event"), {"key-event-key_event": "arrested"})
    client.post(action_url(case, "victim-update"), {"victim-update-message_code": "arrested"})
    client.post(action_url(case, "note"), {"note-body": "CCTV requested."})
    response = client.get(change_url(case))

    case.refresh_from_db()
    assert (case.status, case.priority) == ("triaged", "priority")
    page = response.content.decode()
    assert "Someone has been arrested in connection with your report." in page
    assert "CCTV requested." in page
    assert Notification.objects.filter(kind="victim_update").count() == 1
    assert not case.clocks.filter(kind=Clock.Kind.KEY_EVENT, met_at__isnull=True).exists()
    changes = AccessLogEntry.objects.about(case).filter(action__in=["change", "disclose"])
    assert changes.count() == 5


def test_case_page_form_error_is_shown_and_nothing_changes(client, area_a, spoc_a):
    case = make_case(area=area_a)
    sign_in(client, spoc_a)

    response = client.post(action_url(case, "decision"), {"decision-decision": "nchi"}, follow=True)

    assert any("threshold" in message for message in flashed(response))
    case.refresh_from_db()
    assert case.recording_decision == ""


def test_refused_form_comes_back_with_everything_typed_and_its_errors(client, area_a, spoc_a):
    """A refused action form is shown again at once, bound: the officer's words are still in
    it, the error sits beside its field and in the summary above, and nothing was saved."""
    case = make_case(area=area_a)
    sign_in(client, spoc_a)
    typed = "Seen twice near the community centre; victim's neighbour has footage."

    response = client.post(
        action_url(case, "thrive"),
        {
            "thrive-threat": "high",
            "thrive-harm": "medium",
            "thrive-risk": "high",
            "thrive-investigation": typed,
            "thrive-grade": "",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    form = page[
        page.index('id="form-thrive"') : page.index("</form>", page.index('id="form-thrive"'))
    ]
    assert typed.replace("'", "&#x27;") in form
    assert '<option value="high" selected>' in form
    assert "This field is required." in form
    assert any("Grade of response" in message for message in flashed(response))
    assert case.assessments.count() == 0
    # The other forms on the page are blank, and each still posts to its own action.
    assert f'action="{action_url(case, "note")}"' in page


def test_saved_form_redirects_back_to_its_place_on_the_case_page(client, area_a, spoc_a):
    case = make_case(area=area_a)
    sign_in(client, spoc_a)

    response = client.post(action_url(case, "decision"), {"decision-decision": "crime"})

    assert response.status_code == 302
    assert response.headers["Location"] == change_url(case) + "#decision"


def test_case_page_status_offers_only_allowed_moves(client, area_a, spoc_a):
    case = make_case(area=area_a, status=CaseStatus.TRIAGED)
    sign_in(client, spoc_a)

    response = client.get(change_url(case))

    form = dict(response.context["form_groups"]["status"])["status"]
    assert [value for value, _label in form.fields["to"].choices] == [
        "investigating",
        "awaiting_decision",
    ]


def test_case_page_refused_status_move_is_reported(client, area_a, spoc_a):
    case = make_case(area=area_a)
    sign_in(client, spoc_a)

    response = client.post(action_url(case, "status"), {"status-to": "closed"}, follow=True)

    assert flashed(response)
    case.refresh_from_db()
    assert case.status == "new"


def test_inspector_sees_decision_form_spoc_does_not(client, area_a, spoc_a, inspector_a):
    case = make_case(area=area_a, status="investigating")
    services.record_outcome(
        case=case,
        by=spoc_a,
        outcome_type=__import__("casework.models").models.OutcomeType.objects.get(number=16),
        offender_identifiable=True,
    )
    services.request_authorisation(case=case, by=spoc_a, reason="Victim does not support.")

    def outcome_forms(user):
        client.logout()
        sign_in(client, user)
        groups = client.get(change_url(case)).context["form_groups"]
        return [name for name, _f in groups["outcome"]]

    assert outcome_forms(spoc_a) == []
    assert outcome_forms(inspector_a) == ["authorisation-decision"]
    response = client.post(
        action_url(case, "authorisation-decision"),
        {"authorisation-decision-decision": "approved"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "closed"


def test_case_history_view_is_logged(client, area_a, spoc_a):
    case = make_case(area=area_a)
    sign_in(client, spoc_a)

    client.get(reverse("admin:casework_case_history", args=[case.pk]))

    assert AccessLogEntry.objects.about(case).get().detail == "admin history"


# --- The list ---------------------------------------------------------------------------------


def test_changelist_overdue_filter_and_column(client, area_a, spoc_a):
    late = make_case(area=area_a)
    on_time = make_case(area=area_a)
    for case, due in ((late, -1), (on_time, 3)):
        Clock.objects.create(
            case=case,
            kind="routine",
            started_at=timezone.now() - dt.timedelta(days=10),
            due_at=timezone.now() + dt.timedelta(days=due),
        )
        case.refresh_next_due()
    sign_in(client, spoc_a)

    response = client.get(reverse(CHANGELIST), {"clocks": "overdue"})

    assert listed(response) == {late.pk}
    assert "Overdue" in response.content.decode()


def test_changelist_my_cases_filter(client, area_a, spoc_a, inspector_a):
    mine = make_case(area=area_a, owner=spoc_a)
    make_case(area=area_a, owner=inspector_a)
    make_case(area=area_a)
    sign_in(client, spoc_a)

    assert listed(client.get(reverse(CHANGELIST), {"assigned": "me"})) == {mine.pk}


def test_changelist_strand_and_marker_filters(client, area_a, spoc_a):
    race = StrandFactory(code="race", name="Race")
    misogyny = StrandFactory(code="sex", kind="local", name="Sex or gender")
    race_case = make_case(area=area_a)
    race_case.report.strands.add(race, misogyny)
    make_case(area=area_a)
    sign_in(client, spoc_a)

    by_strand = client.get(reverse(CHANGELIST), {"strand": race.pk})
    by_marker = client.get(reverse(CHANGELIST), {"marker": misogyny.pk})

    assert listed(by_strand) == listed(by_marker) == {race_case.pk}


def test_changelist_status_priority_channel_centre_filters(client, area_a, centre_a, spoc_a):
    target = make_case(
        area=area_a,
        status="triaged",
        priority="immediate",
        report_fields={"channel": "assisted", "centre": centre_a},
    )
    make_case(area=area_a, status="triaged")
    make_case(area=area_a, priority="immediate")
    sign_in(client, spoc_a)

    response = client.get(
        reverse(CHANGELIST),
        {
            "status__exact": "triaged",
            "priority__exact": "immediate",
            "channel": "assisted",
            "centre": centre_a.pk,
        },
    )

    assert listed(response) == {target.pk}


def test_changelist_date_filter(client, area_a, spoc_a):
    recent = make_case(area=area_a)
    make_case(area=area_a, opened_at=timezone.now() - dt.timedelta(days=40))
    sign_in(client, spoc_a)
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)

    # As the "Past 7 days" link of the date filter asks.
    response = client.get(
        reverse(CHANGELIST),
        {
            "opened_at__gte": str(today - dt.timedelta(days=7)),
            "opened_at__lt": str(today + dt.timedelta(days=1)),
        },
    )

    assert listed(response) == {recent.pk}


@pytest.mark.parametrize(
    "typed", ["{ref}", "{lower}", "{spaced}", "  {ref}  ", "{nodash}"], ids=str
)
def test_changelist_search_by_reference_normalised(client, area_a, spoc_a, typed):
    case = make_case(area=area_a)
    make_case(area=area_a)
    ref = case.report.reference
    term = typed.format(
        ref=ref,
        lower=ref.lower(),
        spaced=ref.replace("-", " "),
        nodash=ref.replace("-", ""),
    )
    sign_in(client, spoc_a)

    assert listed(client.get(reverse(CHANGELIST), {"q": term})) == {case.pk}


def test_changelist_search_for_other_area_reference_finds_nothing(client, area_a, spoc_a, case_b):
    make_case(area=area_a)
    sign_in(client, spoc_a)

    assert listed(client.get(reverse(CHANGELIST), {"q": case_b.report.reference})) == set()


def test_changelist_search_garbage_finds_nothing(client, area_a, spoc_a):
    make_case(area=area_a)
    sign_in(client, spoc_a)

    assert listed(client.get(reverse(CHANGELIST), {"q": "Amina"})) == set()


def test_changelist_query_count_is_small_and_flat(client, area_a, spoc_a):
    sign_in(client, spoc_a)
    for _ in range(3):
        make_case(area=area_a)
    client.get(reverse(CHANGELIST))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(CHANGELIST))
    for _ in range(30):
        make_case(area=area_a, owner=spoc_a)

    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse(CHANGELIST))

    assert len(listed(response)) == 33
    # Savepoints are the test's transaction around the session save, not the page's.
    sql = [q["sql"] for q in many.captured_queries if "SAVEPOINT" not in q["sql"]]
    # Eleven: the list's choices (strands, centres, officers) are three plain ORM queries, and
    # the access log's entries for the page (one per case shown, one for the list) one INSERT.
    assert len(sql) == len(few.captured_queries) - 2 <= 11, sql
    assert sum(q.startswith('INSERT INTO "centres_accesslogentry"') for q in sql) == 1
    assert not any("COUNT(*)" in q and "LIMIT" not in q for q in sql)


def test_changelist_beyond_cap_says_more_than(client, area_a, spoc_a, monkeypatch):
    from casework.admin import CappedCountPaginator

    monkeypatch.setattr(CappedCountPaginator, "CAP", 3)
    for _ in range(5):
        make_case(area=area_a)
    sign_in(client, spoc_a)

    response = client.get(reverse(CHANGELIST))

    assert "More than 3 cases" in response.content.decode()


def test_referral_form_offers_only_services_that_take_referrals(client, area_a, spoc_a):
    """The outbox can deliver a referral only to a service with a secure address; the others
    are given to the victim by phone or website, so the police form does not offer them."""
    from tests.factories import SupportServiceFactory

    case = make_case(area=area_a)
    takes = SupportServiceFactory(
        name="Takes referrals",
        referral_channel="secure_email",
        referral_email="referrals@service.example.org",
    )
    SupportServiceFactory(name="Phone only", referral_channel="none")
    sign_in(client, spoc_a)

    response = client.get(change_url(case))

    forms = dict(response.context["form_groups"]["referrals"])
    offered = list(forms["referral"].fields["service"].queryset)
    assert offered == [takes]
