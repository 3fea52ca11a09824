"""The demo's reports: about 300 over the last 18 months, in ten languages, online, by phone
and at centres, each from one of the scenarios in `data/scenarios.json`; contact details and
safe-contact plans for some; referrals to support services."""

from collections import defaultdict
from datetime import datetime, timedelta
from datetime import time as clock_time

from django.utils import timezone

from centres.models import Strand
from reporting import support
from reporting.models import (
    Answer,
    BslRelay,
    Channel,
    Channels,
    Consent,
    ConsentChange,
    IncidentType,
    PlaceType,
    Referral,
    Report,
    ReporterContact,
    ReporterRole,
)

from . import DEMO_PASSPHRASE, HISTORY_DAYS, REPORT_COUNT, load
from .directory import HOME_AREA, ascii_name

LANGUAGE_WEIGHTS = {
    "en": 52, "ur": 10, "pa": 7, "bn": 6, "pl": 7, "ro": 6, "ar": 4, "cy": 2, "so": 3, "ps": 3,
}  # fmt: skip
CHANNEL_WEIGHTS = {
    ReporterRole.VICTIM: {Channel.ONLINE_SELF: 45, Channel.ASSISTED: 33, Channel.PHONE: 22},
    ReporterRole.WITNESS: {Channel.ONLINE_WITNESS: 65, Channel.PHONE: 20, Channel.ASSISTED: 15},
    ReporterRole.ON_BEHALF: {Channel.ONLINE_WITNESS: 40, Channel.ASSISTED: 40, Channel.PHONE: 20},
}
CONSENT_WEIGHTS = {
    Consent.SHARE_WITH_DETAILS: 60,
    Consent.SHARE_ANONYMOUSLY: 20,
    Consent.DO_NOT_SHARE: 20,
}
# The demo volunteers' centres get their share of their areas' visitors.
DEMO_CENTRE = "small-heath-community-mosque"
AMBASSADOR_CENTRE = "chelmsford-central-library"
# A few home-area reports whose cases are put in set states (casework SHOWCASE), so every
# demo account finds work waiting; the first eight reports came in today.
SHOWCASE_DAYS_AGO = {8: 2, 9: 1, 10: 12, 11: 9, 12: 45}
TODAY_COUNT = 8


def create_reports(demo):
    template = Report()
    # One slow Argon2 hash for the shared demo passphrase, copied to every report:
    # hashing it 300 times would take most of a minute.
    template.set_passphrase(DEMO_PASSPHRASE)
    demo.incident_types = {t.code: t for t in IncidentType.objects.all()}
    demo.place_types = {p.code: p for p in PlaceType.objects.all()}
    demo.reports = []
    strand_links, type_links, contacts = [], [], []
    for index in range(REPORT_COUNT):
        report, scenario = build_report(demo, index)
        report.passphrase_hash = template.passphrase_hash
        demo.reports.append(report)
        strand_links.append((report, scenario["strands"]))
        type_links.append((report, scenario["types"]))
        contact = build_contact(demo, report, scenario)
        if contact is not None:
            contacts.append(contact)
    Report.objects.bulk_create(demo.reports)
    Report.strands.through.objects.bulk_create(
        Report.strands.through(report_id=report.pk, strand_id=demo.strands[code].pk)
        for report, codes in strand_links
        for code in codes
    )
    Report.incident_types.through.objects.bulk_create(
        Report.incident_types.through(
            report_id=report.pk, incidenttype_id=demo.incident_types[code].pk
        )
        for report, codes in type_links
        for code in codes
    )
    ReporterContact.objects.bulk_create(contacts)
    create_consent_upgrades(demo, {c.report_id for c in contacts})


def route_support_requests(demo):
    """Each report whose reporter asked for support nobody else gives lands in its support
    queue (reporting/support.py), with its clock; those due more than five days ago were
    contacted, on their due day, by the owning centre's volunteer, so the last week's wait
    (some overdue). No random choices."""
    contacts = {c.report_id: c for c in ReporterContact.objects.filter(report__in=demo.reports)}
    routed = []
    for report in demo.reports:
        support.route(report, contacts.get(report.pk), at=report.submitted_at)
        if report.support_centre_id is None:
            continue
        if report.support_due_at < demo.now - timedelta(days=5):
            team = demo.volunteers.get(report.support_centre.slug) or [None]
            report.support_contacted_at = min(
                report.support_due_at - timedelta(hours=8), demo.now - timedelta(days=5)
            )
            report.support_contacted_by = report.logged_by or team[0]
        routed.append(report)
    Report.objects.bulk_update(
        routed,
        ["support_centre", "support_due_at", "support_contacted_at", "support_contacted_by"],
    )


def build_report(demo, index):
    rng = demo.rng
    area, days_ago = pick_area_and_age(demo, index)
    scenario = pick_scenario(demo, area)
    role = {"self": ReporterRole.VICTIM, "witness": ReporterRole.WITNESS}.get(
        scenario["by"], ReporterRole.ON_BEHALF
    )
    channel = demo.pick(CHANNEL_WEIGHTS[role])
    language = demo.pick(LANGUAGE_WEIGHTS)
    centre = logged_by = None
    if channel == Channel.ASSISTED or (channel == Channel.PHONE and demo.chance(0.5)):
        centre, language = pick_centre(demo, area, language)
        logged_by = pick_volunteer(demo, centre)
    report = Report(
        reference=demo.new_reference(),
        reporter_role=role,
        channel=channel,
        centre=centre,
        logged_by=logged_by,
        centre_is_go_between=centre is not None and demo.chance(0.35),
        language=language,
        area=area,
        submitted_at=submitted_at(demo, index, days_ago, channel),
        description=scenario["text"],
        motivation_not_sure=scenario.get("not_sure", False),
        motivation_other=scenario.get("other", ""),
        consent=demo.pick(CONSENT_WEIGHTS),
    )
    if index in SHOWCASE_DAYS_AGO:
        report.consent = Consent.SHARE_WITH_DETAILS
        demo.showcase[report.reference] = index
    fill_when(demo, report, scenario)
    fill_where(demo, report, scenario)
    fill_offender_and_harm(demo, report, scenario)
    report.support_wanted = demo.pick({Answer.YES: 50, Answer.NO: 35, Answer.NOT_SURE: 15})
    if report.support_wanted == Answer.YES and demo.chance(0.5):
        report.support_needs = rng.choice(load("scenarios")["support_needs"])
    return report, scenario


def pick_area_and_age(demo, index):
    # The first few came in today, so the daily threat review has something to show;
    # the rest spread over the history, a little busier lately as reporting grows.
    if index in SHOWCASE_DAYS_AGO:
        return demo.areas[HOME_AREA], SHOWCASE_DAYS_AGO[index]
    days_ago = 0 if index < TODAY_COUNT else int(HISTORY_DAYS * demo.rng.random() ** 1.2)
    if days_ago < 25 and demo.chance(0.15):
        return demo.central, days_ago
    weights = {demo.areas[spec["code"]]: spec["weight"] for spec in load("places")["areas"]}
    return demo.pick(weights), days_ago


def pick_scenario(demo, area):
    switched_on = set(demo.area_specs[area.pk]["markers"])
    local = {code for code, s in demo.strands.items() if s.kind == Strand.Kind.LOCAL}
    weights = {}
    scenarios = load("scenarios")["scenarios"]
    for index, scenario in enumerate(scenarios):
        markers = set(scenario["strands"]) & local
        if markers <= switched_on:
            # An area switches a marker on because it sees that hostility: show it.
            weights[index] = scenario["weight"] * (3 if markers else 1)
    return scenarios[demo.pick(weights)]


def pick_centre(demo, area, language):
    """A centre in the area that speaks the language, or any centre there in English."""
    centres = demo.centres_by_area.get(area.pk) or list(demo.centres.values())
    speaking = [c for c in centres if language in c.languages]
    # The demo volunteer's centre gets its share of the area's visitors.
    favourites = [c for c in speaking if c.slug in {DEMO_CENTRE}]
    if favourites and demo.chance(0.65):
        return favourites[0], language
    if speaking:
        return demo.rng.choice(speaking), language
    return demo.rng.choice(centres), "en"


def pick_volunteer(demo, centre):
    users = demo.users
    if centre.slug == DEMO_CENTRE:
        return demo.pick(
            {
                users["volunteer"]: 70,
                users["coordinator"]: 15,
                demo.volunteers[centre.slug][0]: 15,
            }
        )
    if centre.slug == AMBASSADOR_CENTRE and demo.chance(0.7):
        return users["ambassador"]
    return demo.rng.choice(demo.volunteers[centre.slug])


def submitted_at(demo, index, days_ago, channel):
    if index < TODAY_COUNT:
        return demo.now - demo.hours(0.5, 23)
    day = demo.today - timedelta(days=days_ago)
    # Centres and phone lines keep office hours; online reports come in until late.
    first, last = (9, 18) if channel in (Channel.ASSISTED, Channel.PHONE) else (7, 23)
    moment = timezone.make_aware(
        datetime.combine(day, clock_time(demo.rng.randint(first, last - 1), 0))
    ) + timedelta(minutes=demo.rng.randint(0, 59))
    return min(moment, demo.now - timedelta(minutes=demo.rng.randint(20, 300)))


def fill_when(demo, report, scenario):
    rng = demo.rng
    submitted_on = timezone.localdate(report.submitted_at)
    if scenario.get("period"):
        report.when_kind = Report.WhenKind.PERIOD
        report.occurred_on = submitted_on - timedelta(days=rng.randint(20, 120))
        report.occurred_until = submitted_on - timedelta(days=rng.randint(0, 5))
        report.happened_before = Answer.YES
        report.how_often = rng.choice(
            ["Most days", "Two or three times a week", "Every weekend", "Every few weeks"]
        )
        return
    report.when_kind = demo.pick(
        {
            Report.WhenKind.EXACT: 65,
            Report.WhenKind.APPROXIMATE: 22,
            Report.WhenKind.NOT_SURE: 13,
        }
    )
    if report.when_kind == Report.WhenKind.EXACT:
        report.occurred_on = submitted_on - timedelta(days=rng.randint(0, 3))
        if demo.chance(0.7):
            report.occurred_at_time = clock_time(rng.randint(7, 22), rng.choice([0, 15, 30]))
    elif report.when_kind == Report.WhenKind.APPROXIMATE:
        report.occurred_on = submitted_on - timedelta(days=rng.randint(7, 40))
        report.when_details = rng.choice(
            ["About two weeks ago", "Around the end of last month", "A week or so ago"]
        )
    else:
        report.when_details = rng.choice(["", "I can't remember the exact day"])
    report.happened_before = demo.pick({Answer.YES: 20, Answer.NO: 55, Answer.NOT_SURE: 15, "": 10})


def fill_where(demo, report, scenario):
    rng = demo.rng
    spec = demo.area_specs[report.area_id]
    if report.area_id == demo.central.pk:
        # Online with no town, somewhere no area covers, or not sure where: the central
        # queue passes it on.
        if scenario.get("online"):
            report.location_kind = Report.LocationKind.ONLINE
            report.online_platform = scenario["online"]
            report.place_type = demo.place_types["online"]
        elif demo.chance(0.3):
            report.location_kind = Report.LocationKind.NOT_SURE
        else:
            report.location_kind = Report.LocationKind.PLACE
            report.place_type = demo.place_types[scenario["place"]]
            place = rng.choice(demo.outside_places)
            report.town, district = place["town"], place["postcode_district"]
            report.postcode = f"{district} {rng.randint(1, 9)}{inward_letters(demo)}"
        return
    town = rng.choice(spec["towns"])
    if scenario.get("online"):
        report.location_kind = Report.LocationKind.ONLINE
        report.online_platform = scenario["online"]
        report.place_type = demo.place_types["online"]
        report.town = town  # where they live: it decides which area helps
        return
    report.location_kind = Report.LocationKind.PLACE
    report.place_type = demo.place_types[scenario["place"]]
    if demo.chance(0.6):
        district = rng.choice(spec["postcodes"])
        report.postcode = f"{district} {rng.randint(1, 9)}{inward_letters(demo)}"
    if not report.postcode or demo.chance(0.7):
        report.town = town
    details = load("scenarios")["location_details"].get(scenario["place"])
    if details and demo.chance(0.5):
        report.location_details = rng.choice(details)


def inward_letters(demo) -> str:
    return "".join(demo.rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))


def fill_offender_and_harm(demo, report, scenario):
    rng = demo.rng
    if scenario.get("known"):
        report.offender_known = Answer.YES
        report.offender_description = scenario["offender"]
    else:
        report.offender_known = demo.pick({Answer.NO: 55, Answer.NOT_SURE: 30, "": 15})
        if demo.chance(0.5):
            report.offender_description = rng.choice(load("scenarios")["offender_descriptions"])
    if demo.chance(0.7):
        report.offender_count = demo.pick({1: 50, 2: 25, 3: 10, 4: 10, 6: 5})
    report.injured = Answer.YES if scenario.get("injured") else demo.pick({Answer.NO: 80, "": 20})
    report.property_damaged = Answer.YES if scenario.get("damaged") else Answer.NO
    report.threatened = (
        Answer.YES
        if scenario.get("threatened")
        else demo.pick({Answer.NO: 70, Answer.NOT_SURE: 10, "": 20})
    )
    if demo.chance(0.4):
        report.harm_details = rng.choice(load("scenarios")["harm_details"])


def build_contact(demo, report, scenario):
    """Contact details and a safe-contact plan, for some reporters only."""
    rng = demo.rng
    wants_support = report.support_wanted == Answer.YES
    probability = {
        Consent.SHARE_WITH_DETAILS: 0.85,
        Consent.SHARE_ANONYMOUSLY: 0.1,
        Consent.DO_NOT_SHARE: 0.6 if wants_support else 0.15,
    }[report.consent]
    if not demo.chance(probability):
        return None
    name = rng.choice(load("people")["reporter_names"][report.language])
    if report.centre_id and report.centre_is_go_between and demo.chance(0.7):
        channels = [Channels.CENTRE]
    else:
        channels = rng.choice(
            [
                [Channels.SMS],
                [Channels.PHONE],
                [Channels.EMAIL],
                [Channels.PHONE, Channels.SMS],
                [Channels.EMAIL, Channels.SMS],
            ]
        )
    number = rng.randint(0, 999)
    plan = rng.choice(load("scenarios")["safe_plans"])
    contact = ReporterContact(
        report=report,
        name=name,
        channels=channels,
        safe_times=plan["note"] or None,
        safe_windows=plan["windows"],
        not_on_bank_holidays=plan["not_on_bank_holidays"],
        no_voicemail=demo.chance(0.8),
        never_visit_home=demo.chance(0.75),
        family_does_not_know=demo.chance(0.7 if scenario.get("secret") else 0.15),
        message_may_say_what=demo.chance(0.2),
        preferred_language=report.language,
    )
    if {Channels.PHONE, Channels.SMS} & set(channels) or demo.chance(0.3):
        contact.phone = f"07700 900{number:03d}"
    if Channels.EMAIL in channels or demo.chance(0.2):
        contact.email = f"{ascii_name(name)}{number}@example.org"
    if not contact.never_visit_home and demo.chance(0.3):
        contact.address = f"{rng.randint(1, 120)} {rng.choice(['Church', 'Station', 'Park'])} "
        contact.address += f"Road, {report.town or 'Birmingham'}"
    if report.language != "en" and demo.chance(0.45):
        contact.interpreter_needed = True
        contact.interpreter_language = rng.choice(
            load("people")["interpreter_languages"].get(report.language, ["English"])
        )
    if "disability" in scenario["strands"]:
        contact.bsl = demo.chance(0.25)
        if contact.bsl and number % 2 == 0:
            # Half of those who sign are called by BSL video only (no random draw taken, so
            # the rest of the demo stays as it was).
            contact.channels = [Channels.BSL_VIDEO]
            contact.bsl_relay = [BslRelay.SIGNVIDEO, BslRelay.SIGNLIVE][number % 4 // 2]
            contact.bsl_video_address = f"07700 900{number:03d}"
        contact.easy_read = demo.chance(0.3)
        contact.large_print = demo.chance(0.2)
        if demo.chance(0.5):
            contact.other_needs = rng.choice(load("scenarios")["other_needs"])
    return contact


def create_consent_upgrades(demo, with_contact):
    """A few reporters first shared anonymously, then agreed to share their details."""
    candidates = [
        r
        for r in demo.reports
        if r.consent == Consent.SHARE_WITH_DETAILS
        and r.pk in with_contact
        and (demo.now - r.submitted_at).days > 14
    ]
    ConsentChange.objects.bulk_create(
        ConsentChange(
            report=report,
            previous=Consent.SHARE_ANONYMOUSLY,
            current=Consent.SHARE_WITH_DETAILS,
            changed_at=report.submitted_at + demo.days(1, 10),
        )
        for report in demo.rng.sample(candidates, min(6, len(candidates)))
    )


def create_referrals(demo):
    """Referrals to support services, made with the reporter's agreement by the police
    officer who owns the case or the volunteer who logged the report."""
    cases = {case.report_id: case for case in demo.cases}
    strands_of = defaultdict(set)
    for link in Report.strands.through.objects.filter(report__in=demo.reports):
        strands_of[link.report_id].add(link.strand_id)
    service_strands = {s.pk: set(s.strands.values_list("pk", flat=True)) for s in demo.services}
    service_areas = {s.pk: set(s.areas.values_list("pk", flat=True)) for s in demo.services}
    referrals = []
    for report in demo.reports:
        case = cases.get(report.pk)
        made_by = (case.owner if case else None) or report.logged_by
        if report.support_wanted != Answer.YES or made_by is None or not demo.chance(0.6):
            continue
        suitable = [
            s
            for s in demo.services
            if service_strands[s.pk] & strands_of[report.pk]
            and (not service_areas[s.pk] or report.area_id in service_areas[s.pk])
            and not (s.offers_restorative_justice and case is None)
        ]
        earliest = case.triaged_at if case and case.triaged_at else report.submitted_at
        for service in demo.rng.sample(suitable, min(len(suitable), demo.rng.randint(1, 2))):
            made_at = min(earliest + demo.days(0.1, 10), demo.now - timedelta(minutes=5))
            fresh = demo.now - made_at < timedelta(days=7)
            referrals.append(
                Referral(
                    report=report,
                    service=service,
                    consent_given=True,
                    status=Referral.Status.MADE
                    if fresh
                    else demo.pick(
                        {
                            Referral.Status.ACCEPTED: 65,
                            Referral.Status.MADE: 20,
                            Referral.Status.DECLINED: 15,
                        }
                    ),
                    made_by=made_by,
                    made_at=made_at,
                )
            )
    Referral.objects.bulk_create(referrals)
