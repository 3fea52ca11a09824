"""The assisted journey at a school (issue 19 part 4): when the centre logging the report is
itself a school, "Do you want to tell the school?" is not asked (the school already knows) and
the school is recorded as told; at any other centre the question is asked as before."""

import pytest
from django.urls import reverse

from centres.models import Centre, Notification, Role
from reporting.models import AgeGroup, PlaceType, Report, SchoolSharing
from tests.conftest import member, sign_in
from tests.factories import CentreFactory
from tests.reporting.test_workspace_assisted import step
from tests.reporting.test_young_people import anonymous_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(sparkbrook):
    return CentreFactory(
        kind=Centre.Kind.SCHOOL, name="Sparkbrook Academy", area=sparkbrook, is_listed=False
    )


def near_school_answers():
    """A 15-year-old's report of something near school, shared with the police."""
    steps = dict(anonymous_answers())
    steps["who"] = {"reporter_role": "victim", "age_group": AgeGroup.FROM_11_TO_15}
    near = PlaceType.objects.get(code="near_school")
    steps["where-place"] = {"town": "", "postcode": "B11 1AA", "place_type": str(near.pk)}
    steps["police"] = {"consent": "share_details"}
    return list(steps.items())


def walk_assisted(client, steps):
    for (slug, data), following in zip(steps, [*steps[1:], ("check", None)], strict=True):
        response = client.post(step(slug), data)
        assert response.status_code == 302, slug
        assert response["Location"] == step(following[0]), slug


def test_school_logging_a_report_is_not_asked_to_tell_itself_and_is_recorded_as_told(
    client, school
):
    lead = member(Role.SAFEGUARDING_LEAD, centre=school)
    sign_in(client, lead)
    client.post(reverse("workspace:assisted_start"), {"centre": school.pk, "language": "en"})

    # From the place straight on: no "tell the school?" page, and it cannot be opened.
    walk_assisted(client, near_school_answers())
    assert client.get(step("school"))["Location"] == step("check")
    client.post(step("check"), {"centre_is_go_between": "yes"})

    report = Report.objects.get()
    assert report.centre == school
    assert report.school == school
    assert report.school_sharing == SchoolSharing.REPORT
    assert report.is_shared_with_police
    # The school is not told by email of the report it logged itself.
    assert not Notification.objects.filter(kind="school_told").exists()


def test_other_centre_still_asks_about_telling_the_school(client, school, sparkbrook):
    centre = CentreFactory(name="Sparkbrook Community Centre", area=sparkbrook)
    sign_in(client, member(Role.VOLUNTEER, centre=centre))
    client.post(reverse("workspace:assisted_start"), {"centre": centre.pk, "language": "en"})
    steps = near_school_answers()
    for slug, data in steps[: [s for s, _d in steps].index("where-place") + 1]:
        response = client.post(step(slug), data)

    assert response["Location"] == step("school")
    page = client.get(step("school")).content.decode()
    assert "Do you want to tell the school?" in page
