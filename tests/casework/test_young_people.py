"""Young people (issue 19 part 3): a report about someone under 18 opens a case with enhanced
Victims' Code rights that only an inspector can lift, with a reason, and a safeguarding flag
police see on the case page, the case list and the case summary PDF."""

import io

import pypdf
import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from casework import services
from casework.models import Case
from centres.models import AccessLogEntry
from reporting.models import AgeGroup, Consent
from tests.casework.conftest import make_case
from tests.conftest import sign_in
from tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


def open_for(area, age_group):
    report = ReportFactory(area=area, consent=Consent.SHARE_WITH_DETAILS, age_group=age_group)
    return services.open_case(report=report)


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.mark.parametrize("age", [AgeGroup.UNDER_11, AgeGroup.FROM_11_TO_15, AgeGroup.FROM_16_TO_17])
def test_case_for_under_18_opens_with_enhanced_rights_and_flag(area_a, age):
    case = open_for(area_a, age)

    assert case.enhanced_rights is True
    assert case.safeguarding is True
    entry = AccessLogEntry.objects.about(case).get(action="create")
    assert "safeguarding" in entry.detail


@pytest.mark.parametrize("age", [AgeGroup.ADULT, AgeGroup.PREFER_NOT, ""])
def test_case_for_adult_or_unknown_age_has_no_flag(area_a, age):
    case = open_for(area_a, age)

    assert case.safeguarding is False
    assert case.enhanced_rights is True  # hate crime victims' default


def test_spoc_cannot_lower_a_15_year_olds_rights(area_a, spoc_a):
    case = open_for(area_a, AgeGroup.FROM_11_TO_15)

    with pytest.raises(ValidationError) as refused:
        services.set_victim_rights(case=case, by=spoc_a, enhanced=False, reason="Asked for less")

    assert "Only an inspector" in refused.value.message_dict["enhanced"][0]
    case.refresh_from_db()
    assert case.enhanced_rights is True
    assert case.enhanced_downgrade_reason == ""


def test_spoc_attempt_on_case_page_is_refused_with_a_clear_message(client, area_a, spoc_a):
    case = open_for(area_a, AgeGroup.FROM_11_TO_15)
    sign_in(client, spoc_a)

    response = client.post(
        reverse("admin:casework_case_action", args=[case.pk, "rights"]),
        {"rights-enhanced": "no", "rights-reason": "Fewer calls"},
        follow=True,
    )

    messages = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "under 18" in messages and "Only an inspector" in messages
    case.refresh_from_db()
    assert case.enhanced_rights is True


def test_inspector_lifts_under_18_rights_only_with_a_reason_and_it_is_logged(area_a, inspector_a):
    case = open_for(area_a, AgeGroup.FROM_16_TO_17)

    with pytest.raises(ValidationError):
        services.set_victim_rights(case=case, by=inspector_a, enhanced=False, reason="  ")
    services.set_victim_rights(
        case=case, by=inspector_a, enhanced=False, reason="Turned 18 last week; agreed with them."
    )

    case.refresh_from_db()
    assert case.enhanced_rights is False
    assert case.enhanced_downgrade_reason == "Turned 18 last week; agreed with them."
    entry = AccessLogEntry.objects.about(case).filter(user=inspector_a).latest("at")
    assert "under 18 (inspector)" in entry.detail
    assert entry.reason == "Turned 18 last week; agreed with them."


def test_inspector_of_another_area_cannot_lift_them(area_a, area_b):
    from tests.conftest import member

    other_inspector = member("inspector", area=area_b)
    case = open_for(area_a, AgeGroup.UNDER_11)

    with pytest.raises(ValidationError):
        services.set_victim_rights(case=case, by=other_inspector, enhanced=False, reason="x")


def test_spoc_may_still_lower_an_adults_rights_with_a_reason(area_a, spoc_a):
    case = open_for(area_a, AgeGroup.ADULT)

    services.set_victim_rights(case=case, by=spoc_a, enhanced=False, reason="Agreed with them")

    case.refresh_from_db()
    assert case.enhanced_rights is False


def test_safeguarding_flag_shows_on_case_page_list_filter_and_pdf(client, area_a, spoc_a):
    child = open_for(area_a, AgeGroup.FROM_11_TO_15)
    adult = make_case(area=area_a)
    sign_in(client, spoc_a)

    page = client.get(reverse("admin:casework_case_change", args=[child.pk])).content.decode()
    adult_page = client.get(reverse("admin:casework_case_change", args=[adult.pk]))
    listing = client.get(reverse("admin:casework_case_changelist"), {"safeguarding": "yes"})
    everything = client.get(reverse("admin:casework_case_changelist")).content.decode()
    text = pdf_text(client.get(reverse("admin:casework_case_summary_pdf", args=[child.pk])))

    assert "Safeguarding: the victim is under 18" in page
    assert "11 to 15" in page
    assert "Safeguarding: the victim is under 18" not in adult_page.content.decode()
    assert {c.pk for c in listing.context["cl"].result_list} == {child.pk}
    assert everything.count("casework-safeguarding") == 1
    assert "Safeguarding: the victim is under 18" in text
    assert Case.objects.filter(safeguarding=True).count() == 1
