"""Young people and schools (issue 19 parts 3 and 4): the route for 11 to 17 year olds, the
age question, and a school told with the young person's consent, as well as or instead of
the police, seeing only what they agreed; a school's safeguarding lead logs a pupil's report
and hears police news on it."""

import pytest
from django.conf import settings
from django.urls import reverse

from casework import services as casework
from centres.models import Centre, Notification, Role
from reporting.models import AgeGroup, Channel, Consent, PlaceType, Report, SchoolSharing
from tests.conftest import member, sign_in
from tests.factories import CentreFactory, ReporterContactFactory, ReportFactory
from tests.reporting import journey_steps
from tests.reporting.journey_steps import submit, url, walk

pytestmark = pytest.mark.django_db


def anonymous_answers():
    """The shared walk, with any optional page added to the journey since it was written
    answered blank (so these tests follow the journey as it stands)."""
    from reporting.journey.steps import STEPS

    steps = journey_steps.anonymous_answers()
    slugs = [slug for slug, _data in steps]
    for index, step in enumerate(STEPS):
        if step.slug in slugs or step.condition is not None or index == 0:
            continue
        before = STEPS[index - 1].slug
        if before in slugs:
            steps.insert(slugs.index(before) + 1, (step.slug, {}))
            slugs = [slug for slug, _data in steps]
    return steps


@pytest.fixture
def school(sparkbrook):
    return CentreFactory(
        kind=Centre.Kind.SCHOOL, name="Sparkbrook Academy", area=sparkbrook, is_listed=False
    )


@pytest.fixture
def safeguarding_lead(school):
    return member(Role.SAFEGUARDING_LEAD, centre=school, name="Ms Khan (DSL)")


@pytest.fixture
def spoc(sparkbrook):
    return member(Role.SPOC, area=sparkbrook)


def at_school_answers(school, *, tell, sharing=SchoolSharing.REPORT, consent="share_anonymous"):
    """A 15-year-old's report of something near school; `tell`: as_well, instead or no."""
    steps = dict(anonymous_answers())
    steps["who"] = {"reporter_role": "victim", "age_group": AgeGroup.FROM_11_TO_15}
    near = PlaceType.objects.get(code="near_school")
    steps["where-place"] = {"town": "", "postcode": "B11 1AA", "place_type": str(near.pk)}
    steps["police"] = {"consent": consent}
    ordered = list(steps.items())
    index = [slug for slug, _data in ordered].index("where-place") + 1
    added = [("school", {"tell_school": tell})]
    if tell != "no":
        added.append(("school-which", {"school": str(school.pk), "school_sharing": sharing}))
    ordered[index:index] = added
    if tell == "instead":
        ordered = [(slug, data) for slug, data in ordered if slug != "police"]
    return ordered


# --- The route for 11 to 17 year olds ----------------------------------------------------


@pytest.mark.parametrize("lang", [code for code, _name in settings.LANGUAGES])
def test_young_people_page_in_every_language_leads_into_the_journey(client, lang):
    start = client.get(f"/{lang}/").content.decode()
    page = client.get(f"/{lang}/young-people/")

    assert f'href="/{lang}/young-people/"' in start
    body = page.content.decode()
    assert page.status_code == 200
    assert f'href="/{lang}/report/"' in body
    assert '<bdi dir="ltr">0800 1111</bdi>' in body


def test_young_people_page_says_trusted_adult_and_anonymous(client):
    body = client.get("/en/young-people/").content.decode()

    assert "You can tell a trusted adult" in body
    assert "You do not have to give your name" in body
    assert "If you are in danger now, call 999." in body


# --- The age question ------------------------------------------------------------------


def test_age_group_is_kept_on_the_report(client, sparkbrook):
    steps = anonymous_answers()
    steps[0] = ("who", {"reporter_role": "victim", "age_group": AgeGroup.FROM_16_TO_17})
    walk(client, "en", steps)
    submit(client)

    assert Report.objects.get().age_group == AgeGroup.FROM_16_TO_17


def test_age_question_is_optional_and_offers_prefer_not_to_say(client, sparkbrook):
    page = client.get(url("en", "who")).content.decode()
    walk(client, "en", anonymous_answers())
    submit(client)

    assert "How old is the person it happened to?" in page
    assert "Prefer not to say" in page and "Under 11" in page
    assert Report.objects.get().age_group == ""


# --- Telling the school --------------------------------------------------------------------


def test_tell_the_school_instead_keeps_it_from_the_police(client, school, safeguarding_lead, spoc):
    walk(client, "en", at_school_answers(school, tell="instead"))
    submit(client)

    report = Report.objects.get()
    assert report.consent == Consent.DO_NOT_SHARE
    assert report.school == school
    assert not hasattr(report, "case") or report.case is None
    assert not Report.objects.visible_to(spoc).exists()
    assert list(Report.objects.visible_to(safeguarding_lead)) == [report]
    told = Notification.objects.filter(kind="school_told")
    assert told.count() == 1 and told.get().recipient_id == safeguarding_lead.pk
    sign_in(client, safeguarding_lead)
    page = client.get(reverse("workspace:report", args=[report.pk])).content.decode()
    assert "Told to Sparkbrook Academy by the young person" in page
    assert "What happened, without contact details" in page


def test_tell_the_school_as_well_opens_a_case_and_the_school_sees_it(
    client, school, safeguarding_lead, spoc
):
    walk(client, "en", at_school_answers(school, tell="as_well"))
    submit(client)

    report = Report.objects.get()
    assert report.consent == Consent.SHARE_ANONYMOUSLY
    assert report.case.safeguarding is True
    assert report.case.enhanced_rights is True
    assert list(Report.objects.visible_to(spoc)) == [report]
    sign_in(client, safeguarding_lead)
    listing = client.get(reverse("workspace:home")).content.decode()
    detail = client.get(reverse("workspace:report", args=[report.pk]))
    assert report.reference in listing
    assert detail.status_code == 200


def test_not_telling_the_school_keeps_it_from_the_school(client, school, safeguarding_lead):
    walk(client, "en", at_school_answers(school, tell="no"))
    submit(client)

    report = Report.objects.get()
    assert report.school is None
    assert not Report.objects.visible_to(safeguarding_lead).exists()


def test_school_sees_contact_details_only_when_agreed(school, safeguarding_lead):
    from reporting import access

    without = ReportFactory(
        area=school.area, school=school, school_sharing=SchoolSharing.REPORT, age_group="11_15"
    )
    with_details = ReportFactory(
        area=school.area, school=school, school_sharing=SchoolSharing.WITH_DETAILS
    )
    for report in (without, with_details):
        ReporterContactFactory(report=report)

    assert access.can_see_contact_details(safeguarding_lead, without) is False
    assert access.can_see_contact_details(safeguarding_lead, with_details) is True


def test_school_question_not_asked_elsewhere(client, school):
    steps = anonymous_answers()
    walk(client, "en", steps)  # the street: no school page in the walk

    assert client.get(url("en", "school")).status_code in (302, 404)


# --- A school logs a pupil's report and hears back ------------------------------------------


def test_safeguarding_lead_logs_a_pupils_report_and_sees_police_news(
    client, school, safeguarding_lead, spoc
):
    from tests.reporting.test_workspace_assisted import step

    sign_in(client, safeguarding_lead)
    client.post(reverse("workspace:assisted_start"), {"centre": school.pk, "language": "en"})
    steps = dict(anonymous_answers())
    steps["who"] = {"reporter_role": "victim", "age_group": AgeGroup.FROM_11_TO_15}
    steps["police"] = {"consent": "share_details"}
    ordered = list(steps.items())
    for (slug, data), following in zip(ordered, [*ordered[1:], ("check", None)], strict=True):
        response = client.post(step(slug), data)
        assert response["Location"] == step(following[0]), slug
    client.post(step("check"), {"centre_is_go_between": "yes"})

    report = Report.objects.get()
    assert report.channel == Channel.ASSISTED and report.centre == school
    assert report.logged_by == safeguarding_lead
    case = report.case
    assert case.safeguarding is True
    casework.send_victim_update(case=case, by=spoc, message_code="arrested")

    page = client.get(reverse("workspace:report", args=[report.pk])).content.decode()
    assert "arrested" in page.lower()
    news = Notification.objects.filter(kind="school_news", recipient_id=safeguarding_lead.pk)
    assert news.count() == 1


def test_safeguarding_lead_role_is_only_given_at_a_school(school, centre_a, administrator):
    from django.core.exceptions import ValidationError

    from centres import roles
    from tests.factories import UserFactory

    with pytest.raises(ValidationError) as refused:
        roles.grant_role(
            by=administrator, user=UserFactory(), role=Role.SAFEGUARDING_LEAD, centre=centre_a
        )
    granted = roles.grant_role(
        by=administrator, user=UserFactory(), role=Role.SAFEGUARDING_LEAD, centre=school
    )

    assert "works at a school" in refused.value.messages[0]
    assert granted.centre == school


def test_school_pages_render_their_questions(client, school):
    steps = at_school_answers(school, tell="as_well")
    upto = [slug for slug, _data in steps].index("school")
    walk_to = steps[:upto]
    for slug, data in walk_to:
        client.post(url("en", slug), data)

    asked = client.get(url("en", "school")).content.decode()
    client.post(url("en", "school"), {"tell_school": "as_well"})
    which = client.get(url("en", "school-which")).content.decode()
    refused = client.post(url("en", "school-which"), {}).content.decode()

    assert "Do you want to tell the school?" in asked
    assert "Yes, tell the school instead of the police" in asked
    assert "<select" in which and "Sparkbrook Academy, Birmingham" in which
    assert "Choose the school" in refused and "Select what the school can see" in refused
