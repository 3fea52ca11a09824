"""Outcomes as the seeds define them: West Midlands Police count OC1-OC10 positive; OC9 and
OC10 close without an inspector; no further action with an identifiable offender needs one;
a non-crime incident closes without a crime outcome; the insights page shows the rate."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casework import services
from casework.models import CaseStatus, Outcome, OutcomeType, TransitionRefused
from tests.casework.conftest import make_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def outcome_type(number):
    return OutcomeType.objects.get(number=number)


def test_outcome_types_one_to_ten_and_22_are_positive_and_nine_ten_not_nfa():
    positive = set(OutcomeType.objects.filter(is_positive=True).values_list("number", flat=True))
    nfa = set(
        OutcomeType.objects.filter(is_no_further_action=True).values_list("number", flat=True)
    )

    assert positive == {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 22}
    assert nfa == {11, 12, 13, 14, 15, 16, 17, 18, 21}
    assert set(
        OutcomeType.objects.filter(suspect_identified=True).values_list("number", flat=True)
    ) == {11, 12, 15, 16}


@pytest.mark.parametrize("number", [9, 10])
def test_oc9_and_oc10_close_without_an_inspector_and_count_positive(area_a, spoc_a, number):
    case = make_case(area=area_a, status="investigating")

    outcome = services.record_outcome(
        case=case, by=spoc_a, outcome_type=outcome_type(number), offender_identifiable=True
    )
    case.close(by=spoc_a)

    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert not case.authorisations.exists()
    assert outcome.is_positive
    assert list(Outcome.objects.positive()) == [outcome]


def test_nfa_with_named_offender_is_refused_without_an_inspector_and_closes_with_one(
    area_a, spoc_a, inspector_a
):
    case = make_case(area=area_a, status="investigating")
    services.record_outcome(
        case=case, by=spoc_a, outcome_type=outcome_type(21), offender_identifiable=True
    )

    with pytest.raises(TransitionRefused, match="authorisation"):
        case.close(by=spoc_a)
    authorisation = services.request_authorisation(
        case=case, by=spoc_a, reason="Victim has moved away and does not want action."
    )
    services.decide_authorisation(authorisation=authorisation, by=inspector_a, approve=True)

    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert not Outcome.objects.positive().exists()


def test_outcome_that_says_suspect_identified_refuses_not_identifiable(area_a, spoc_a):
    case = make_case(area=area_a, status="investigating")

    with pytest.raises(ValidationError) as exc:
        services.record_outcome(
            case=case, by=spoc_a, outcome_type=outcome_type(16), offender_identifiable=False
        )

    assert set(exc.value.error_dict) == {"offender_identifiable"}
    case.refresh_from_db()
    assert (case.status, case.has_outcome) == ("investigating", False)


def test_outcome_form_shows_the_suspect_identified_error(client, area_a, spoc_a):
    case = make_case(area=area_a, status="investigating")
    sign_in(client, spoc_a)

    response = client.post(
        reverse("admin:casework_case_action", args=[case.pk, "outcome"]),
        {
            "outcome-outcome_type": outcome_type(15).pk,
            "outcome-offender_identifiable": "no",
            "outcome-notes": "Victim supports action; evidence too thin.",
        },
        follow=True,
    )

    page = response.content.decode()
    assert "Outcome 15 means a suspect was identified" in page
    case.refresh_from_db()
    assert case.status == "investigating"


def test_non_crime_case_closes_without_an_outcome_and_refuses_one(area_a, spoc_a):
    case = make_case(area=area_a, status="triaged", recording_decision="no_record")

    with pytest.raises(ValidationError, match="no crime outcome"):
        services.record_outcome(
            case=case, by=spoc_a, outcome_type=outcome_type(21), offender_identifiable=False
        )
    case.close(by=spoc_a, reason="No crime and no incident to record.")

    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert not case.has_outcome


def test_crime_case_cannot_close_from_investigation_without_an_outcome(area_a, spoc_a):
    case = make_case(area=area_a, status="investigating", recording_decision="crime")

    assert CaseStatus.CLOSED not in case.allowed_transitions()
    with pytest.raises(TransitionRefused, match="Record the outcome first"):
        case.close(by=spoc_a)
    case.refresh_from_db()
    assert case.status == "investigating"


# The positive-outcome rate on insights: tests/casework/insights/test_figures.py.
