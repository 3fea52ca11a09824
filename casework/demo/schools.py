"""A school as a reporting centre (issue 19): the school, its designated safeguarding lead (a
demo account with a second factor, like the others), a pupil's report the school logged with
police news on it, and one a pupil told the school about instead of the police. Built after
everything else and with no random choices, so the rest of the demo is unchanged."""

from datetime import datetime, timedelta

from django.utils import timezone

from centres.models import Approval, Centre, Membership, User
from reporting.models import AgeGroup, Channel, Consent, PlaceType, Report, SchoolSharing
from reporting.services import submit_report

from .. import services
from . import DEMO_DOMAIN, DEMO_PASSPHRASE, load
from .directory import give_second_factor


def create_school(demo):
    data = load("schools")
    spec = data["school"]
    area = demo.areas[spec["area"]]
    school = Centre.objects.create(
        kind=Centre.Kind.SCHOOL,
        slug=spec["slug"],
        name=spec["name"],
        organisation=spec["organisation"],
        area=area,
        address=spec["address"],
        town=spec["town"],
        postcode=spec["postcode"],
        phone=spec["phone"],
        email=f"{spec['slug']}@example.org",
        lead_person=spec["lead"],
        accredited_on=demo.today - timedelta(days=120),
        # Pupils and parents reach it through the school; it is not a walk-in centre.
        is_listed=False,
        walk_in=False,
        languages=["en", "ur", "bn", "so"],
    )
    demo.centres[school.slug] = school
    started = demo.today - timedelta(days=120)
    for account in data["accounts"]:
        user = User.objects.create(
            email=f"{account['local']}@{DEMO_DOMAIN}",
            name=account["name"],
            password=demo.users["admin"].password,
            date_joined=demo.now - timedelta(days=120),
        )
        granted = timezone.make_aware(datetime.combine(started, datetime.min.time()))
        Membership.objects.create(
            user=user,
            role=account["role"],
            centre=school,
            started_on=started,
            accredited_on=started,
            training_expires_on=demo.today + timedelta(days=245),
            approval=Approval.APPROVED,
            granted_by=demo.users["admin"],
            granted_at=granted,
            decided_by=demo.second_administrator,
            decided_at=granted,
        )
        demo.users[account["local"]] = user
        demo.accounts.append((account["label"], user.email, give_second_factor(user)))
    demo.school = school
    _logged_report(demo, school, data["logged"])
    _told_report(demo, school, data["told"])


def _answers(demo, school, spec, **fields) -> dict:
    return {
        "reporter_role": "victim",
        "description": spec["description"],
        "when_kind": Report.WhenKind.APPROXIMATE,
        "when_details": "",
        "location_kind": Report.LocationKind.PLACE,
        "town": school.town,
        "postcode": school.postcode.split()[0],
        "place_type": PlaceType.objects.get(code="near_school").pk,
        "area_id": school.area_id,
        "evidence": [],
        "contact": None,
        "equality": None,
        **fields,
    }


def _logged_report(demo, school, spec):
    """Logged by the safeguarding lead with a 14-year-old pupil, shared with the police; the
    SPOC has sent news on it (the school hears, and reads it in its workspace)."""
    lead = demo.users["safeguarding"]
    report = submit_report(
        answers=_answers(
            demo,
            school,
            spec,
            age_group=AgeGroup.FROM_11_TO_15,
            consent=Consent.SHARE_ANONYMOUSLY,
            happened_before="yes",
            offender_description=spec["offender_description"],
        ),
        language="en",
        channel=Channel.ASSISTED,
        passphrase=DEMO_PASSPHRASE,
        centre=school,
        volunteer=lead,
    )
    report.submitted_at = demo.now - timedelta(days=spec["days_ago"])
    report.centre_is_go_between = True
    report.save(update_fields=["submitted_at", "centre_is_go_between"])
    case = services.open_case(report=report)
    services.send_victim_update(case=case, by=demo.users["spoc"], message_code=spec["police_news"])
    demo.references.add(report.reference)


def _told_report(demo, school, spec):
    """A 13-year-old's own report online: she told the school instead of the police."""
    report = submit_report(
        answers=_answers(
            demo,
            school,
            spec,
            age_group=AgeGroup.FROM_11_TO_15,
            consent=Consent.DO_NOT_SHARE,
            school_id=school.pk,
            school_sharing=SchoolSharing.REPORT,
        ),
        language=spec["language"],
        channel=Channel.ONLINE_SELF,
        passphrase=DEMO_PASSPHRASE,
    )
    report.submitted_at = demo.now - timedelta(days=spec["days_ago"])
    report.save(update_fields=["submitted_at"])
    demo.references.add(report.reference)
