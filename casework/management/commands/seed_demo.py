"""Build the demo: areas, centres, support services, one person per role, and about 300
synthetic reports over the last 18 months with the police casework that followed them.

Only in the demo (HATEREPORT_MODE=demo): every demo account shares one published password.
The command refuses to run twice (the demo accounts already exist); `--if-empty` turns that
into a quiet skip, for `make demo`. To start again: `make clean`, then `make demo`.

Reproducible: one fixed random seed drives every choice, so the same reports and references
come out each time. Dates are relative to now, so case histories shift a little with the hour
the seed runs. The second-factor secrets are the exception: they come from the operating
system's random source, so a demo left running somewhere cannot be signed into from the
source code alone (the password, being shared, is printed instead).

It lives in casework because it writes cases; casework may import reporting and centres.
"""

import random
import time
import unicodedata
from collections import defaultdict
from datetime import date, datetime, timedelta
from datetime import time as clock_time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.models import (
    Authorisation,
    Case,
    CaseEvent,
    CaseStatus,
    CaseUpdate,
    Clock,
    Escalation,
    LocalOutcomeCode,
    Outcome,
    OutcomeType,
    Priority,
    RecordingDecision,
    ThriveAssessment,
)
from centres.models import Area, AreaPlace, Centre, Membership, Role, Strand, SupportService, User
from centres.views import BACKUP_CODES
from reporting.models import (
    REFERENCE_ALPHABET,
    SHARED_WITH_POLICE,
    Answer,
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

from . import _demo_content as content

SEED = 20_180_601
REPORT_COUNT = 300
HISTORY_DAYS = 548  # 18 months
# Published on purpose: seed_demo runs only in the demo mode.
DEMO_PASSWORD = "stand-together-demo"  # noqa: S105
DEMO_PASSPHRASE = "purple kettle harbour"  # noqa: S105
SUPERUSER_EMAIL = f"superuser@{content.DEMO_DOMAIN}"

# England and Wales bank holidays: Victims' Code deadlines count working days.
BANK_HOLIDAYS = {
    date(2024, 1, 1), date(2024, 3, 29), date(2024, 4, 1), date(2024, 5, 6), date(2024, 5, 27),
    date(2024, 8, 26), date(2024, 12, 25), date(2024, 12, 26),
    date(2025, 1, 1), date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 5), date(2025, 5, 26),
    date(2025, 8, 25), date(2025, 12, 25), date(2025, 12, 26),
    date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4), date(2026, 5, 25),
    date(2026, 8, 31), date(2026, 12, 25), date(2026, 12, 28),
    date(2027, 1, 1), date(2027, 3, 26), date(2027, 3, 29), date(2027, 5, 3), date(2027, 5, 31),
    date(2027, 8, 30), date(2027, 12, 27), date(2027, 12, 28),
}  # fmt: skip

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
# Incidents reported from outside every area land in the central queue.
OUTSIDE_PLACES = [("Leicester", "LE2"), ("Stratford-upon-Avon", "CV37"), ("Ipswich", "IP4")]

CRIME_PATH = [
    CaseStatus.NEW,
    CaseStatus.TRIAGED,
    CaseStatus.INVESTIGATING,
    CaseStatus.AWAITING_DECISION,
    CaseStatus.OUTCOME_RECORDED,
    CaseStatus.CLOSED,
]
# A non-crime hate incident, or no record: looked at, recorded, closed.
NON_CRIME_PATH = [CaseStatus.NEW, CaseStatus.TRIAGED, CaseStatus.CLOSED]
# A few Birmingham East cases in set states, so every demo account finds work waiting: the
# SPOC a case past its triage deadline and a high-risk case nobody owns, the officer an arrest
# and a missed update, the inspector a request for no further action (and one refused before).
SHOWCASE = {
    8: {"days_ago": 2, "status": CaseStatus.NEW},
    9: {"days_ago": 1, "status": CaseStatus.TRIAGED, "risk": "high", "owner": None},
    10: {
        "days_ago": 12,
        "status": CaseStatus.INVESTIGATING,
        "plan": 1,
        "owner": "officer",
        "missed_update": True,
    },
    11: {"days_ago": 9, "status": CaseStatus.AWAITING_DECISION, "plan": 16, "owner": "officer"},
    12: {"days_ago": 45, "status": CaseStatus.CLOSED, "plan": 16, "refuse": True},
}


class Command(BaseCommand):
    help = "Fill an empty development database with demo data (the demo only)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="If the demo data is already there, say so and stop, instead of failing.",
        )

    def handle(self, *args, if_empty=False, **options):
        if not settings.DEMO:
            raise CommandError(
                "seed_demo only runs in the demo (HATEREPORT_MODE=demo): the demo accounts "
                "share a published password. `make demo` sets it."
            )
        if User.objects.filter(email=SUPERUSER_EMAIL).exists():
            if if_empty:
                self.stdout.write("Demo data is already loaded; nothing changed.")
                self.write_accounts(current_accounts())
                return
            raise CommandError(
                "Demo data is already loaded. To start again, `make clean` (or drop the "
                "database), then `make demo`. Use --if-empty to skip quietly."
            )
        started = time.monotonic()
        call_command("load_reference_data", verbosity=0, stdout=self.stdout)
        with transaction.atomic():
            seeder = DemoSeeder(random.Random(SEED), now=timezone.now())
            seeder.run()
        self.stdout.write(f"Demo data loaded in {time.monotonic() - started:.1f} s.")
        self.write_counts()
        self.write_accounts(seeder.accounts)
        self.write_references(seeder.sample_references())

    def write_counts(self):
        cases = Case.objects.all()
        rows = [
            ("areas", Area.objects.count()),
            ("reporting centres", Centre.objects.count()),
            ("support services", SupportService.objects.count()),
            ("people", User.objects.count()),
            ("reports", Report.objects.count()),
            ("  shared with police", Report.objects.shared_with_police().count()),
            ("cases", cases.count()),
            ("  open", cases.open().count()),
            ("case updates", CaseUpdate.objects.count()),
            (
                "clocks running / overdue",
                f"{Clock.objects.running().count()} / {Clock.objects.overdue().count()}",
            ),
            ("open escalations", Escalation.objects.filter(resolved_at__isnull=True).count()),
            ("outcomes", Outcome.objects.count()),
            ("authorisations", Authorisation.objects.count()),
            ("referrals", Referral.objects.count()),
        ]
        for label, count in rows:
            self.stdout.write(f"  {label:<28} {count}")

    def write_accounts(self, accounts):
        self.stdout.write("")
        self.stdout.write(
            f"Sign in at /staff/sign-in/. Every demo account's password: {DEMO_PASSWORD}"
        )
        self.stdout.write("Second factor: one of the user's backup codes (each works once), or")
        self.stdout.write("`manage.py demo_code EMAIL` for the user's current authenticator code.")
        self.stdout.write("")
        width = max(len(email) for _label, email, _codes in accounts)
        self.stdout.write(f"  {'role':<26} {'email':<{width}}  backup codes")
        for label, email, codes in accounts:
            self.stdout.write(f"  {label:<26} {email:<{width}}  {' '.join(codes)}")

    def write_references(self, samples):
        self.stdout.write("")
        self.stdout.write(
            f"Every demo report's passphrase is: {DEMO_PASSPHRASE}. Try these on /en/track/:"
        )
        for reference, about in samples:
            self.stdout.write(f"  {reference}  {about}")


def current_accounts():
    """The demo accounts as they are now, with the backup codes not used yet."""
    accounts = []
    for label, local, *_rest in content.DEMO_ACCOUNTS:
        email = f"{local}@{content.DEMO_DOMAIN}"
        codes = StaticToken.objects.filter(
            device__user__email=email, device__name="Backup codes"
        ).values_list("token", flat=True)
        accounts.append((label, email, list(codes)))
    return accounts


def add_working_days(moment: datetime, days: int) -> datetime:
    """The same time of day, `days` working days later (no weekends or bank holidays)."""
    added = 0
    while added < days:
        moment += timedelta(days=1)
        day = timezone.localdate(moment)
        if day.weekday() < 5 and day not in BANK_HOLIDAYS:
            added += 1
    return moment


def ascii_name(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ".".join("".join(c for c in part if c.isalnum()) for part in plain.lower().split())


class DemoSeeder:
    """Builds the demo with one random generator, in the order the apps depend on each other."""

    def __init__(self, rng: random.Random, *, now: datetime):
        self.rng = rng
        self.now = now
        self.today = timezone.localdate(now)
        self.languages = [code for code, _name in settings.LANGUAGES]
        self.strands = {s.code: s for s in Strand.objects.all()}
        self.incident_types = {t.code: t for t in IncidentType.objects.all()}
        self.place_types = {p.code: p for p in PlaceType.objects.all()}
        self.outcome_types = {o.number: o for o in OutcomeType.objects.all()}
        self.references: set[str] = set()
        self.showcase = {}  # reference -> the state its case is put in
        self.rows = defaultdict(list)  # model -> unsaved rows, bulk-created in order

    def run(self):
        self.create_areas()
        self.create_centres()
        self.create_support_services()
        self.accounts = self.create_demo_accounts()
        self.create_background_staff()
        self.create_reports()
        self.create_cases()
        self.create_referrals()

    # --- helpers --------------------------------------------------------------------------

    def pick(self, weights: dict):
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def hours(self, low: float, high: float) -> timedelta:
        return timedelta(hours=self.rng.uniform(low, high))

    def days(self, low: float, high: float) -> timedelta:
        return timedelta(days=self.rng.uniform(low, high))

    def new_reference(self) -> str:
        while True:
            chars = "".join(self.rng.choice(REFERENCE_ALPHABET) for _ in range(8))
            reference = f"HR-{chars[:4]}-{chars[4:]}"
            if reference not in self.references:
                self.references.add(reference)
                return reference

    def translated(self, field: str, texts: dict) -> dict:
        return {f"{field}_{code}": texts.get(code, texts["en"]) for code in self.languages}

    # --- places, centres, services --------------------------------------------------------

    def create_areas(self):
        self.areas = {}
        self.area_specs = {}
        places = []
        for spec in content.AREAS:
            area, _created = Area.objects.get_or_create(
                code=spec["code"],
                defaults={
                    "name": spec["name"],
                    "force": spec["force"],
                    "nfa_needs_authorisation": spec.get("nfa_needs_authorisation", True),
                    "triage_within_hours": spec.get("triage_within_hours", 24),
                },
            )
            self.areas[spec["code"]] = area
            self.area_specs[area.pk] = spec
            places += [
                AreaPlace(area=area, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value=district)
                for district in spec["postcodes"]
            ]
            places += [
                AreaPlace(area=area, kind=AreaPlace.Kind.TOWN, value=AreaPlace.normalise_town(t))
                for t in spec["towns"]
            ]
            for code in spec["markers"]:
                self.strands[code].areas.add(area)
        # A place an administrator already mapped keeps its area.
        AreaPlace.objects.bulk_create(places, ignore_conflicts=True)
        self.central = Area.objects.central_queue()
        self.area_specs[self.central.pk] = {"markers": [], "towns": [], "postcodes": []}

        codes = [
            LocalOutcomeCode(
                area=area, code=code, label=label, outcome_type=self.outcome_types[number]
            )
            for area in self.areas.values()
            if area.force == content.WEST_MIDLANDS
            for code, label, number in content.WEST_MIDLANDS_OUTCOME_CODES
        ]
        LocalOutcomeCode.objects.bulk_create(codes, ignore_conflicts=True)
        self.local_codes = {
            (code.area_id, code.outcome_type.number): code
            for code in LocalOutcomeCode.objects.select_related("outcome_type")
        }

    def create_centres(self):
        self.centres = {}
        for spec in content.CENTRES:
            area = self.areas[spec["area"]]
            descriptions = {}
            for code in self.languages:
                venue = content.VENUES[spec["venue"]].get(code)
                if venue is None:
                    continue
                opening = content.VENUE_IN_PLACE[code].format(venue=venue, place=spec["place"])
                descriptions[code] = f"{opening} {content.CENTRE_OFFER[code]}"
            centre, _created = Centre.objects.get_or_create(
                slug=spec["slug"],
                defaults={
                    "kind": Centre.Kind.TPRC
                    if area.force == content.WEST_MIDLANDS
                    else Centre.Kind.HIRC,
                    "name": spec["name"],
                    "organisation": spec["organisation"],
                    "area": area,
                    "address": spec["address"],
                    "town": spec["town"],
                    "postcode": spec["postcode"],
                    "languages": spec["languages"],
                    "phone": spec["phone"],
                    "email": f"{spec['slug']}@example.org",
                    "website": f"https://{spec['slug']}.example.org/",
                    "lead_person": spec["lead"],
                    "accredited_on": self.today - timedelta(days=self.rng.randint(200, 1500)),
                    "is_listed": spec.get("is_listed", True),
                    **dict.fromkeys(spec["flags"], True),
                    **self.translated("description", descriptions),
                    **self.translated("opening_hours", content.OPENING_HOURS[spec["hours"]]),
                },
            )
            centre.specialist_strands.set([self.strands[code] for code in spec["strands"]])
            self.centres[spec["slug"]] = centre
        self.centres_by_area = defaultdict(list)
        for centre in self.centres.values():
            self.centres_by_area[centre.area_id].append(centre)

    def create_support_services(self):
        self.services = []
        for spec in content.SUPPORT_SERVICES:
            service, _created = SupportService.objects.get_or_create(
                slug=spec["slug"],
                defaults={
                    "name": spec["name"],
                    "website": spec["website"],
                    "phone": spec["phone"],
                    "email": spec.get("email", ""),
                    "languages": spec["languages"],
                    "is_national": not spec["areas"],
                    "offers_restorative_justice": spec["restorative"],
                    **self.translated("description", spec["description"]),
                },
            )
            service.strands.set([self.strands[code] for code in spec["strands"]])
            service.areas.set([self.areas[code] for code in spec["areas"]])
            self.services.append(service)

    # --- people ---------------------------------------------------------------------------

    def create_demo_accounts(self) -> list[tuple[str, str, list[str]]]:
        """One person per role, each with a confirmed authenticator and ten backup codes."""
        template = User()
        template.set_password(DEMO_PASSWORD)  # one slow hash, shared by every demo account
        self.demo_users = {}
        accounts = []
        for label, local, name, role, scope in content.DEMO_ACCOUNTS:
            user = User.objects.create(
                email=f"{local}@{content.DEMO_DOMAIN}",
                name=name,
                password=template.password,
                is_superuser=role is None,
                date_joined=self.now - timedelta(days=800),
            )
            if role is not None:
                self.add_membership(user, role, scope, years=2)
            self.demo_users[local] = user
            accounts.append((label, user.email, give_second_factor(user)))
        return accounts

    def add_membership(self, user, role, scope, *, years=2, training_expires_in=None):
        started_on = self.today - timedelta(days=365 * years)
        membership = Membership(user=user, role=role, started_on=started_on)
        if role in Role.CENTRE_ROLES:
            membership.centre = self.centres[scope]
            membership.accredited_on = started_on
            expires_in = training_expires_in or self.rng.randint(60, 330)
            membership.training_expires_on = self.today + timedelta(days=expires_in)
        elif role in Role.POLICE_ROLES:
            membership.area = scope if isinstance(scope, Area) else self.areas[scope]
        self.rows[Membership].append(membership)

    def create_background_staff(self):
        """The other centres' volunteers and the other areas' police: they sign nothing in,
        but reports are logged and cases handled by someone."""
        names = iter(self.rng.sample(content.STAFF_NAMES, len(content.STAFF_NAMES)))
        unusable = User()
        unusable.set_unusable_password()
        people = []

        def person(role, scope, **membership):
            name = next(names)
            user = User(
                email=f"{ascii_name(name)}@{content.DEMO_DOMAIN}",
                name=name,
                password=unusable.password,
                date_joined=self.now - timedelta(days=800),
            )
            people.append((user, role, scope, membership))
            return user

        self.volunteers = defaultdict(list)
        for slug in self.centres:
            # A few volunteers' training runs out within the month: the reminder has work.
            expires = self.rng.randint(5, 28) if self.chance(0.15) else None
            self.volunteers[slug].append(person(Role.VOLUNTEER, slug, training_expires_in=expires))

        self.police = {}
        demo = self.demo_users
        for area in [*self.areas.values(), self.central]:
            staff = {"spocs": [], "officers": [], "inspector": None}
            if area.code == "birmingham-east":
                staff["spocs"].append(demo["spoc"])
                staff["officers"] += [demo["officer"], person(Role.OFFICER, area)]
                staff["inspector"] = demo["inspector"]
            elif area.code == "chelmsford":
                staff["spocs"].append(demo["spoc.chelmsford"])
                staff["officers"].append(person(Role.OFFICER, area))
            else:
                staff["spocs"].append(person(Role.SPOC, area))
                if not area.is_central_queue:
                    staff["officers"].append(person(Role.OFFICER, area))
            self.police[area.pk] = staff
        # One inspector for the rest of each force.
        for force in (content.WEST_MIDLANDS, content.ESSEX):
            areas = [
                a
                for a in self.areas.values()
                if a.force == force and self.police[a.pk]["inspector"] is None
            ]
            inspector = person(Role.INSPECTOR, areas[0])
            for area in areas:
                self.police[area.pk]["inspector"] = inspector
                if area != areas[0]:
                    people.append((inspector, Role.INSPECTOR, area, {}))

        User.objects.bulk_create(list({id(u): u for u, *_ in people}.values()))
        for user, role, scope, membership in people:
            self.add_membership(user, role, scope, **membership)
        Membership.objects.bulk_create(self.rows.pop(Membership))

    # --- reports --------------------------------------------------------------------------

    def create_reports(self):
        template = Report()
        # One slow Argon2 hash for the shared demo passphrase, copied to every report:
        # hashing it 300 times would take most of a minute.
        template.set_passphrase(DEMO_PASSPHRASE)
        self.reports = []
        strand_links, type_links, contacts = [], [], []
        for index in range(REPORT_COUNT):
            report, scenario = self.build_report(index)
            report.passphrase_hash = template.passphrase_hash
            self.reports.append(report)
            strand_links.append((report, scenario["strands"]))
            type_links.append((report, scenario["types"]))
            contact = self.build_contact(report, scenario)
            if contact is not None:
                contacts.append(contact)
        Report.objects.bulk_create(self.reports)
        Report.strands.through.objects.bulk_create(
            Report.strands.through(report_id=report.pk, strand_id=self.strands[code].pk)
            for report, codes in strand_links
            for code in codes
        )
        Report.incident_types.through.objects.bulk_create(
            Report.incident_types.through(
                report_id=report.pk, incidenttype_id=self.incident_types[code].pk
            )
            for report, codes in type_links
            for code in codes
        )
        ReporterContact.objects.bulk_create(contacts)
        self.create_consent_upgrades({c.report_id for c in contacts})

    def build_report(self, index):
        rng = self.rng
        area, days_ago = self.pick_area_and_age(index)
        scenario = self.pick_scenario(area)
        role = {"self": ReporterRole.VICTIM, "witness": ReporterRole.WITNESS}.get(
            scenario["by"], ReporterRole.ON_BEHALF
        )
        channel = self.pick(CHANNEL_WEIGHTS[role])
        language = self.pick(LANGUAGE_WEIGHTS)
        centre = logged_by = None
        if channel == Channel.ASSISTED or (channel == Channel.PHONE and self.chance(0.5)):
            centre, language = self.pick_centre(area, language)
            logged_by = self.pick_volunteer(centre)
        report = Report(
            reference=self.new_reference(),
            reporter_role=role,
            channel=channel,
            centre=centre,
            logged_by=logged_by,
            centre_is_go_between=centre is not None and self.chance(0.35),
            language=language,
            area=area,
            submitted_at=self.submitted_at(index, days_ago, channel),
            description=scenario["text"],
            motivation_not_sure=scenario.get("not_sure", False),
            motivation_other=scenario.get("other", ""),
            consent=self.pick(CONSENT_WEIGHTS),
        )
        if index in SHOWCASE:
            report.consent = Consent.SHARE_WITH_DETAILS
            self.showcase[report.reference] = SHOWCASE[index]
        self.fill_when(report, scenario)
        self.fill_where(report, scenario)
        self.fill_offender_and_harm(report, scenario)
        report.support_wanted = self.pick({Answer.YES: 50, Answer.NO: 35, Answer.NOT_SURE: 15})
        if report.support_wanted == Answer.YES and self.chance(0.5):
            report.support_needs = rng.choice(content.SUPPORT_NEEDS)
        return report, scenario

    def pick_area_and_age(self, index):
        # The first few came in today, so the daily threat review has something to show;
        # the rest spread over the history, a little busier lately as reporting grows.
        if index in SHOWCASE:
            return self.areas["birmingham-east"], SHOWCASE[index]["days_ago"]
        days_ago = 0 if index < 8 else int(HISTORY_DAYS * self.rng.random() ** 1.2)
        if days_ago < 25 and self.chance(0.15):
            return self.central, days_ago
        weights = {self.areas[spec["code"]]: spec["weight"] for spec in content.AREAS}
        return self.pick(weights), days_ago

    def pick_scenario(self, area):
        switched_on = set(self.area_specs[area.pk]["markers"])
        local = {code for code, s in self.strands.items() if s.kind == Strand.Kind.LOCAL}
        weights = {}
        for index, scenario in enumerate(content.SCENARIOS):
            markers = set(scenario["strands"]) & local
            if markers <= switched_on:
                # An area switches a marker on because it sees that hostility: show it.
                weights[index] = scenario["weight"] * (3 if markers else 1)
        return content.SCENARIOS[self.pick(weights)]

    def pick_centre(self, area, language):
        """A centre in the area that speaks the language, or any centre there in English."""
        centres = self.centres_by_area.get(area.pk) or list(self.centres.values())
        speaking = [c for c in centres if language in c.languages]
        # The demo volunteer's centre gets its share of the area's visitors.
        favourites = [c for c in speaking if c.slug in {"small-heath-community-mosque"}]
        if favourites and self.chance(0.65):
            return favourites[0], language
        if speaking:
            return self.rng.choice(speaking), language
        return self.rng.choice(centres), "en"

    def pick_volunteer(self, centre):
        demo = self.demo_users
        if centre.slug == "small-heath-community-mosque":
            return self.pick(
                {
                    demo["volunteer"]: 70,
                    demo["coordinator"]: 15,
                    self.volunteers[centre.slug][0]: 15,
                }
            )
        if centre.slug == "chelmsford-central-library" and self.chance(0.7):
            return demo["ambassador"]
        return self.rng.choice(self.volunteers[centre.slug])

    def submitted_at(self, index, days_ago, channel):
        if index < 8:
            return self.now - self.hours(0.5, 23)
        day = self.today - timedelta(days=days_ago)
        # Centres and phone lines keep office hours; online reports come in until late.
        first, last = (9, 18) if channel in (Channel.ASSISTED, Channel.PHONE) else (7, 23)
        moment = timezone.make_aware(
            datetime.combine(day, clock_time(self.rng.randint(first, last - 1), 0))
        ) + timedelta(minutes=self.rng.randint(0, 59))
        return min(moment, self.now - timedelta(minutes=self.rng.randint(20, 300)))

    def fill_when(self, report, scenario):
        rng = self.rng
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
        report.when_kind = self.pick(
            {
                Report.WhenKind.EXACT: 65,
                Report.WhenKind.APPROXIMATE: 22,
                Report.WhenKind.NOT_SURE: 13,
            }
        )
        if report.when_kind == Report.WhenKind.EXACT:
            report.occurred_on = submitted_on - timedelta(days=rng.randint(0, 3))
            if self.chance(0.7):
                report.occurred_at_time = clock_time(rng.randint(7, 22), rng.choice([0, 15, 30]))
        elif report.when_kind == Report.WhenKind.APPROXIMATE:
            report.occurred_on = submitted_on - timedelta(days=rng.randint(7, 40))
            report.when_details = rng.choice(
                ["About two weeks ago", "Around the end of last month", "A week or so ago"]
            )
        else:
            report.when_details = rng.choice(["", "I can't remember the exact day"])
        report.happened_before = self.pick(
            {Answer.YES: 20, Answer.NO: 55, Answer.NOT_SURE: 15, "": 10}
        )

    def fill_where(self, report, scenario):
        rng = self.rng
        spec = self.area_specs[report.area_id]
        if report.area_id == self.central.pk:
            # Online with no town, somewhere no area covers, or not sure where: the central
            # queue passes it on.
            if scenario.get("online"):
                report.location_kind = Report.LocationKind.ONLINE
                report.online_platform = scenario["online"]
                report.place_type = self.place_types["online"]
            elif self.chance(0.3):
                report.location_kind = Report.LocationKind.NOT_SURE
            else:
                report.location_kind = Report.LocationKind.PLACE
                report.place_type = self.place_types[scenario["place"]]
                report.town, district = rng.choice(OUTSIDE_PLACES)
                report.postcode = f"{district} {rng.randint(1, 9)}{self.inward_letters()}"
            return
        town = rng.choice(spec["towns"])
        if scenario.get("online"):
            report.location_kind = Report.LocationKind.ONLINE
            report.online_platform = scenario["online"]
            report.place_type = self.place_types["online"]
            report.town = town  # where they live: it decides which area helps
            return
        report.location_kind = Report.LocationKind.PLACE
        report.place_type = self.place_types[scenario["place"]]
        if self.chance(0.6):
            district = rng.choice(spec["postcodes"])
            report.postcode = f"{district} {rng.randint(1, 9)}{self.inward_letters()}"
        if not report.postcode or self.chance(0.7):
            report.town = town
        details = content.LOCATION_DETAILS.get(scenario["place"])
        if details and self.chance(0.5):
            report.location_details = rng.choice(details)

    def inward_letters(self) -> str:
        return "".join(self.rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))

    def fill_offender_and_harm(self, report, scenario):
        rng = self.rng
        if scenario.get("known"):
            report.offender_known = Answer.YES
            report.offender_description = scenario["offender"]
        else:
            report.offender_known = self.pick({Answer.NO: 55, Answer.NOT_SURE: 30, "": 15})
            if self.chance(0.5):
                report.offender_description = rng.choice(content.OFFENDER_DESCRIPTIONS)
        if self.chance(0.7):
            report.offender_count = self.pick({1: 50, 2: 25, 3: 10, 4: 10, 6: 5})
        report.injured = (
            Answer.YES if scenario.get("injured") else self.pick({Answer.NO: 80, "": 20})
        )
        report.property_damaged = Answer.YES if scenario.get("damaged") else Answer.NO
        report.threatened = (
            Answer.YES
            if scenario.get("threatened")
            else self.pick({Answer.NO: 70, Answer.NOT_SURE: 10, "": 20})
        )
        if self.chance(0.4):
            report.harm_details = rng.choice(content.HARM_DETAILS)

    def build_contact(self, report, scenario):
        """Contact details and a safe-contact plan, for some reporters only."""
        rng = self.rng
        wants_support = report.support_wanted == Answer.YES
        probability = {
            Consent.SHARE_WITH_DETAILS: 0.85,
            Consent.SHARE_ANONYMOUSLY: 0.1,
            Consent.DO_NOT_SHARE: 0.6 if wants_support else 0.15,
        }[report.consent]
        if not self.chance(probability):
            return None
        name = rng.choice(content.REPORTER_NAMES[report.language])
        if report.centre_id and report.centre_is_go_between and self.chance(0.7):
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
        contact = ReporterContact(
            report=report,
            name=name,
            channels=channels,
            safe_times=rng.choice(content.SAFE_TIMES),
            no_voicemail=self.chance(0.8),
            never_visit_home=self.chance(0.75),
            family_does_not_know=self.chance(0.7 if scenario.get("secret") else 0.15),
            message_may_say_what=self.chance(0.2),
            preferred_language=report.language,
        )
        if {Channels.PHONE, Channels.SMS} & set(channels) or self.chance(0.3):
            contact.phone = f"07700 900{number:03d}"
        if Channels.EMAIL in channels or self.chance(0.2):
            contact.email = f"{ascii_name(name)}{number}@example.org"
        if not contact.never_visit_home and self.chance(0.3):
            contact.address = f"{rng.randint(1, 120)} {rng.choice(['Church', 'Station', 'Park'])} "
            contact.address += f"Road, {report.town or 'Birmingham'}"
        if report.language != "en" and self.chance(0.45):
            contact.interpreter_needed = True
            contact.interpreter_language = rng.choice(
                content.INTERPRETER_LANGUAGES.get(report.language, ["English"])
            )
        if "disability" in scenario["strands"]:
            contact.bsl = self.chance(0.25)
            contact.easy_read = self.chance(0.3)
            contact.large_print = self.chance(0.2)
            if self.chance(0.5):
                contact.other_needs = rng.choice(content.OTHER_NEEDS)
        return contact

    def create_consent_upgrades(self, with_contact):
        """A few reporters first shared anonymously, then agreed to share their details."""
        candidates = [
            r
            for r in self.reports
            if r.consent == Consent.SHARE_WITH_DETAILS
            and r.pk in with_contact
            and (self.now - r.submitted_at).days > 14
        ]
        for report in self.rng.sample(candidates, min(6, len(candidates))):
            self.rows[ConsentChange].append(
                ConsentChange(
                    report=report,
                    previous=Consent.SHARE_ANONYMOUSLY,
                    current=Consent.SHARE_WITH_DETAILS,
                    changed_at=report.submitted_at + self.days(1, 10),
                )
            )
        ConsentChange.objects.bulk_create(self.rows.pop(ConsentChange, []))

    # --- cases ----------------------------------------------------------------------------

    def create_cases(self):
        self.cases = []
        for report in self.reports:
            if report.consent in SHARED_WITH_POLICE:
                self.build_case(report)
        Case.objects.bulk_create(self.cases)
        # Parents first: each row's foreign keys point at rows already saved.
        for model in (
            CaseEvent,
            ThriveAssessment,
            CaseUpdate,
            Clock,
            Escalation,
            Outcome,
            Authorisation,
        ):
            model.objects.bulk_create(self.rows.pop(model, []))

    def build_case(self, report):
        rng = self.rng
        area = report.area
        staff = self.police[area.pk]
        spoc = staff["spocs"][0]
        opened = report.submitted_at + timedelta(minutes=rng.randint(1, 15))
        opened = max(min(opened, self.now - timedelta(minutes=1)), report.submitted_at)
        show = self.showcase.get(report.reference, {})
        decision = RecordingDecision.CRIME if show else self.recording_decision(report)
        plan = self.outcome_plan(report) if decision == RecordingDecision.CRIME else None
        if "plan" in show:
            plan = self.outcome_plan(report, number=show["plan"])
        path = CRIME_PATH if decision == RecordingDecision.CRIME else NON_CRIME_PATH
        age_days = (self.now - opened).total_seconds() / 86400
        target = show.get("status") or self.target_status(area, age_days, path)
        times = self.step_times(opened, path[: path.index(target) + 1])
        risk = show.get("risk") or self.pick(
            {"high": 35, "medium": 50, "low": 15}
            if Answer.YES in (report.injured, report.threatened)
            else {"high": 10, "medium": 50, "low": 40}
        )
        owner = None
        if "owner" in show:
            owner = self.demo_users[show["owner"]] if show["owner"] else None
        elif target != CaseStatus.NEW and (target != CaseStatus.TRIAGED or self.chance(0.55)):
            owner = self.pick({spoc: 30, **dict.fromkeys(staff["officers"], 70)})

        case = Case(
            report=report,
            area=area,
            owner=owner,
            status=target,
            opened_at=opened,
            triaged_at=times.get(CaseStatus.TRIAGED),
            closed_at=times.get(CaseStatus.CLOSED),
            update_interval_days=7
            if show.get("missed_update")
            else self.pick({28: 60, 14: 30, 7: 10}),
        )
        if target != CaseStatus.NEW:
            case.recording_decision = decision
        if case.recording_decision == RecordingDecision.NCHI:
            case.nchi_threshold_met = self.chance(0.3)
            case.nchi_rationale = content.NCHI_RATIONALES[case.nchi_threshold_met]
        if self.chance(0.1):
            case.enhanced_rights = False
            case.enhanced_downgrade_reason = rng.choice(content.DOWNGRADE_REASONS)
        self.cases.append(case)
        self.add_history(case, times, plan, risk, show)

    def add_history(self, case, times, plan, risk, show):
        """What happened to the case, status by status, and what the victim was told."""
        rng = self.rng
        spoc = self.police[case.area_id]["spocs"][0]
        self.add_events(case, times, spoc)
        if case.status == CaseStatus.NEW:
            self.escalate_untriaged(case)
            return
        self.add_assessments(case, times, spoc, risk)
        if case.owner is None and risk == "high":
            self.escalate(
                case, Escalation.Kind.HIGH_RISK_UNASSIGNED, case.triaged_at + self.hours(1, 2)
            )
        limit = timedelta(hours=case.area.triage_within_hours)
        if case.triaged_at - case.opened_at > limit:
            self.escalate(
                case,
                Escalation.Kind.NOT_TRIAGED,
                case.opened_at + limit,
                resolved_at=case.triaged_at,
            )
        author = case.owner or spoc
        self.update(
            case,
            CaseUpdate.Visibility.INTERNAL,
            rng.choice(content.INTERNAL_NOTES),
            spoc,
            case.triaged_at + timedelta(minutes=5),
        )
        acknowledged = self.update(
            case,
            CaseUpdate.Visibility.VICTIM,
            content.ACKNOWLEDGEMENT,
            spoc,
            case.triaged_at + timedelta(minutes=10),
        )
        final = None
        if plan is not None:
            plan = self.add_authorisations(case, times, plan, author, refuse=show.get("refuse"))
            final = self.add_key_events_and_outcome(case, times, plan, author)
        elif case.status == CaseStatus.CLOSED:
            closed_at = times[CaseStatus.CLOSED]
            final = self.update(
                case,
                CaseUpdate.Visibility.VICTIM,
                content.OUTCOME_MESSAGES[False],
                author,
                closed_at - (closed_at - case.triaged_at) * 0.1,
            )
        self.add_notes(case, times, author)
        self.add_routine_clocks(case, acknowledged, final, missed=show.get("missed_update"))

    def recording_decision(self, report):
        if report.area_id == self.central.pk:
            return RecordingDecision.CRIME
        return self.pick(
            {
                RecordingDecision.CRIME: 75,
                RecordingDecision.NCHI: 20,
                RecordingDecision.NO_RECORD: 5,
            }
        )

    def outcome_plan(self, report, *, number=None):
        """The Home Office outcome this case is heading for, if it gets that far."""
        plans = {plan: plan[1] for plan in content.OUTCOME_PLANS}
        if number is not None:
            plans = {p: w for p, w in plans.items() if p[0] == number}
        elif report.offender_known == Answer.YES:
            # A known offender is rarely "no suspect identified".
            plans = {p: w for p, w in plans.items() if p[2]}
        number, _weight, identifiable, key_event = self.pick(plans)
        return {"number": number, "identifiable": identifiable, "key_event": key_event}

    def target_status(self, area, age_days, path):
        if area.is_central_queue:
            # Waiting to be passed to the right area.
            weights = {CaseStatus.NEW: 60, CaseStatus.TRIAGED: 40}
        elif age_days < 1:
            weights = {CaseStatus.NEW: 60, CaseStatus.TRIAGED: 40}
        elif age_days < 3:
            weights = {CaseStatus.NEW: 12, CaseStatus.TRIAGED: 40, CaseStatus.INVESTIGATING: 48}
        elif age_days < 21:
            weights = {
                CaseStatus.TRIAGED: 10,
                CaseStatus.INVESTIGATING: 50,
                CaseStatus.AWAITING_DECISION: 20,
                CaseStatus.OUTCOME_RECORDED: 10,
                CaseStatus.CLOSED: 10,
            }
        elif age_days < 90:
            weights = {
                CaseStatus.INVESTIGATING: 20,
                CaseStatus.AWAITING_DECISION: 15,
                CaseStatus.OUTCOME_RECORDED: 15,
                CaseStatus.CLOSED: 50,
            }
        else:
            weights = {
                CaseStatus.INVESTIGATING: 6,
                CaseStatus.AWAITING_DECISION: 5,
                CaseStatus.OUTCOME_RECORDED: 6,
                CaseStatus.CLOSED: 83,
            }
        target = self.pick(weights)
        if target not in path:
            # A non-crime case is looked at and closed: no investigation, no outcome.
            target = CaseStatus.CLOSED if age_days >= 3 else CaseStatus.TRIAGED
        return target

    def step_times(self, opened, steps):
        """When the case reached each status, squeezed to fit between opening and now."""
        gaps = {
            CaseStatus.TRIAGED: self.hours(25, 60) if self.chance(0.12) else self.hours(0.3, 20),
            CaseStatus.INVESTIGATING: self.hours(1, 72),
            CaseStatus.AWAITING_DECISION: self.days(4, 45),
            CaseStatus.OUTCOME_RECORDED: self.days(1, 21),
            CaseStatus.CLOSED: self.days(0.5, 14),
        }
        durations = [gaps[status] for status in steps[1:]]
        budget = (self.now - opened) * 0.9
        total = sum(durations, timedelta())
        if total > budget:
            durations = [d * (budget / total) for d in durations]
        times = {steps[0]: opened}
        moment = opened
        for status, duration in zip(steps[1:], durations, strict=True):
            moment += duration
            times[status] = moment
        return times

    def add_events(self, case, times, spoc):
        previous = ""
        for status, at in times.items():
            if status == CaseStatus.NEW:
                by = None  # opened by the system when the report was shared
            elif status == CaseStatus.TRIAGED:
                by = spoc
            else:
                by = case.owner or spoc
            self.rows[CaseEvent].append(
                CaseEvent(case=case, from_status=previous, to_status=status, at=at, by=by)
            )
            previous = status

    def add_assessments(self, case, times, spoc, risk):
        rng = self.rng
        assessment = self.assessment(case, spoc, case.triaged_at, risk)
        investigating = times.get(CaseStatus.INVESTIGATING)
        if investigating and self.chance(0.18):
            later = times.get(CaseStatus.OUTCOME_RECORDED) or self.now
            at = investigating + (later - investigating) * rng.uniform(0.2, 0.8)
            new_risk = rng.choice([r for r in ("high", "medium", "low") if r != risk])
            assessment = self.assessment(case, spoc, at, new_risk)
            assessment.reason = rng.choice(content.REASSESSMENT_REASONS)
        case.priority = assessment.grade

    def assessment(self, case, spoc, at, risk):
        rng = self.rng
        levels = ["low", "medium", "high"]

        def near(level):
            index = levels.index(level) + rng.choice([-1, 0, 0, 1])
            return levels[min(max(index, 0), 2)]

        grade = {
            "high": {Priority.IMMEDIATE: 40, Priority.PRIORITY: 60},
            "medium": {Priority.PRIORITY: 60, Priority.SCHEDULED: 40},
            "low": {Priority.SCHEDULED: 70, Priority.NO_DEPLOYMENT: 30},
        }[risk]
        assessment = ThriveAssessment(
            case=case,
            assessed_by=spoc,
            assessed_at=at,
            threat=near(risk),
            harm=near(risk),
            risk=risk,
            investigation=rng.choice(content.THRIVE_INVESTIGATION),
            vulnerability=rng.choice(content.THRIVE_VULNERABILITY),
            engagement=rng.choice(content.THRIVE_ENGAGEMENT),
            grade=self.pick(grade),
        )
        self.rows[ThriveAssessment].append(assessment)
        return assessment

    def update(self, case, visibility, body, author, at, *, key_event=""):
        update = CaseUpdate(
            case=case,
            visibility=visibility,
            key_event=key_event,
            body=body,
            author=author,
            created_at=min(at, self.now),
        )
        self.rows[CaseUpdate].append(update)
        return update

    def add_notes(self, case, times, author):
        start = case.triaged_at
        end = times.get(CaseStatus.AWAITING_DECISION) or list(times.values())[-1]
        if end <= start:
            end = self.now
        for note in self.rng.sample(content.INTERNAL_NOTES, self.rng.randint(0, 3)):
            at = start + (end - start) * self.rng.uniform(0.1, 0.9)
            self.update(case, CaseUpdate.Visibility.INTERNAL, note, author, at)

    def add_authorisations(self, case, times, plan, requester, *, refuse=False):
        """No further action with an identifiable offender needs an inspector, where the area
        says so. Some requests wait; some are refused and the case takes another route."""
        outcome_type = self.outcome_types[plan["number"]]
        waiting_from = times.get(CaseStatus.AWAITING_DECISION)
        if not (
            waiting_from
            and outcome_type.is_no_further_action
            and plan["identifiable"]
            and case.area.nfa_needs_authorisation
        ):
            return plan
        inspector = self.police[case.area_id]["inspector"]
        decided_at = times.get(CaseStatus.OUTCOME_RECORDED)
        reason = self.rng.choice(content.AUTHORISATION_REQUESTS)
        if decided_at is None:
            # Still waiting for the inspector.
            requested_at = min(waiting_from + self.hours(1, 30), self.now - timedelta(minutes=30))
            self.rows[Authorisation].append(
                Authorisation(
                    case=case,
                    requested_by=requester,
                    requested_at=requested_at,
                    request_reason=reason,
                )
            )
            limit = timedelta(hours=case.area.authorisation_within_hours)
            if self.now - requested_at > limit:
                self.escalate(case, Escalation.Kind.AUTHORISATION_WAITING, requested_at + limit)
            if self.now - requested_at > 2 * limit:
                self.escalate(
                    case,
                    Escalation.Kind.AUTHORISATION_WAITING,
                    requested_at + 2 * limit,
                    level=Escalation.Level.INSPECTOR,
                )
            return plan
        gap = decided_at - waiting_from
        refused = refuse or self.chance(0.2)
        self.rows[Authorisation].append(
            Authorisation(
                case=case,
                requested_by=requester,
                requested_at=waiting_from + gap * 0.15,
                request_reason=reason,
                decision=Authorisation.Decision.REFUSED
                if refused
                else Authorisation.Decision.APPROVED,
                decided_by=inspector,
                decided_at=waiting_from + gap * 0.4,
                decision_reason=self.rng.choice(
                    content.AUTHORISATION_REFUSALS if refused else content.AUTHORISATION_APPROVALS
                ),
            )
        )
        if refused:
            return {"number": 8, "identifiable": True, "key_event": "out_of_court"}
        return plan

    def add_key_events_and_outcome(self, case, times, plan, author):
        """Victims' Code events, each with its clock, then the outcome. Returns the last
        update the victim got, if the case is finished."""
        investigating = times.get(CaseStatus.INVESTIGATING)
        if investigating and plan["identifiable"]:
            until = times.get(CaseStatus.AWAITING_DECISION) or self.now
            at = investigating + (until - investigating) * self.rng.uniform(0.2, 0.7)
            if plan["key_event"] == "charged":
                self.key_event(case, "arrested", at, author)
                self.key_event(case, "interviewed", at + self.hours(2, 5), author)
                self.key_event(case, "released", at + self.hours(6, 12), author)
            else:
                self.key_event(case, "interviewed", at, author)
        recorded_at = times.get(CaseStatus.OUTCOME_RECORDED)
        if recorded_at is None:
            return None
        outcome_type = self.outcome_types[plan["number"]]
        self.rows[Outcome].append(
            Outcome(
                case=case,
                outcome_type=outcome_type,
                local_code=self.local_codes.get((case.area_id, outcome_type.number)),
                offender_identifiable=plan["identifiable"],
                recorded_by=author,
                recorded_at=recorded_at,
                notes=content.OUTCOME_NOTES[outcome_type.number],
            )
        )
        message = content.OUTCOME_MESSAGES[outcome_type.is_positive]
        if plan["key_event"]:
            message = f"{content.KEY_EVENT_MESSAGES[plan['key_event']]} {message}"
        told_at = min(recorded_at + self.hours(0.2, 6), times.get(CaseStatus.CLOSED, self.now))
        final = self.update(
            case,
            CaseUpdate.Visibility.VICTIM,
            message,
            author,
            told_at,
            key_event=plan["key_event"],
        )
        if plan["key_event"]:
            self.key_event(case, plan["key_event"], recorded_at, author, told=final)
        return final

    def key_event(self, case, event, at, author, *, told=None):
        """Record a key event and start its clock; tell the victim in time, mostly."""
        at = min(at, self.now - timedelta(minutes=10))
        self.update(
            case,
            CaseUpdate.Visibility.INTERNAL,
            content.KEY_EVENT_NOTES[event],
            author,
            at,
            key_event=event,
        )
        due = add_working_days(at, 1 if case.enhanced_rights else 5)
        clock = Clock(
            case=case, kind=Clock.Kind.KEY_EVENT, key_event=event, started_at=at, due_at=due
        )
        self.rows[Clock].append(clock)
        if told is None:
            roll = self.rng.random()
            told_at = at + self.hours(1, 20) if roll < 0.85 else due + self.days(0.5, 3)
            if told_at < self.now:
                told = self.update(
                    case,
                    CaseUpdate.Visibility.VICTIM,
                    content.KEY_EVENT_MESSAGES[event],
                    author,
                    told_at,
                    key_event=event,
                )
        if told is not None:
            clock.met_at = told.created_at
            clock.met_by = told
            if clock.met_at > due:
                self.escalate(
                    case, Escalation.Kind.UPDATE_OVERDUE, due, clock=clock, resolved_at=clock.met_at
                )
        elif due < self.now:
            self.escalate_overdue(case, clock)

    def add_routine_clocks(self, case, acknowledged, final, *, missed=False):
        """The routine updates agreed with the victim, one clock per interval."""
        interval = timedelta(days=case.update_interval_days)
        start = acknowledged.created_at
        end = final.created_at if final is not None else self.now
        while True:
            due = start + interval
            clock = Clock(case=case, kind=Clock.Kind.ROUTINE, started_at=start, due_at=due)
            self.rows[Clock].append(clock)
            last_period = due < self.now <= due + interval
            if final is None and last_period and (missed or self.chance(0.25)):
                self.escalate_overdue(case, clock)  # this month's update was missed
                return
            late = self.chance(0.1)
            met_at = due + self.days(0.3, 4) if late else due - self.days(0, 3)
            met_at = max(met_at, start + timedelta(days=1))
            if met_at >= end:
                if final is not None:
                    clock.met_at, clock.met_by = final.created_at, final
                elif due < self.now:
                    self.escalate_overdue(case, clock)
                return  # otherwise it is still running
            told = self.update(
                case,
                CaseUpdate.Visibility.VICTIM,
                self.rng.choice(content.ROUTINE_UPDATES),
                case.owner or self.police[case.area_id]["spocs"][0],
                met_at,
            )
            clock.met_at, clock.met_by = told.created_at, told
            if late:
                self.escalate(
                    case,
                    Escalation.Kind.UPDATE_OVERDUE,
                    due,
                    clock=clock,
                    resolved_at=told.created_at,
                )
            start = told.created_at

    # --- escalations ----------------------------------------------------------------------

    def escalate(
        self, case, kind, raised_at, *, level=Escalation.Level.SPOC, clock=None, resolved_at=None
    ):
        if raised_at > self.now:
            return
        self.rows[Escalation].append(
            Escalation(
                case=case,
                kind=kind,
                level=level,
                clock=clock,
                raised_at=raised_at,
                resolved_at=resolved_at,
            )
        )

    def escalate_untriaged(self, case):
        limit = timedelta(hours=case.area.triage_within_hours)
        self.escalate(case, Escalation.Kind.NOT_TRIAGED, case.opened_at + limit)
        if self.police[case.area_id]["inspector"] is not None:
            self.escalate(
                case,
                Escalation.Kind.NOT_TRIAGED,
                case.opened_at + 2 * limit,
                level=Escalation.Level.INSPECTOR,
            )

    def escalate_overdue(self, case, clock):
        self.escalate(case, Escalation.Kind.UPDATE_OVERDUE, clock.due_at, clock=clock)
        if self.police[case.area_id]["inspector"] is not None:
            self.escalate(
                case,
                Escalation.Kind.UPDATE_OVERDUE,
                clock.due_at + timedelta(days=2),
                level=Escalation.Level.INSPECTOR,
                clock=clock,
            )

    # --- support --------------------------------------------------------------------------

    def create_referrals(self):
        """Referrals to support services, made with the reporter's agreement by the police
        officer who owns the case or the volunteer who logged the report."""
        cases = {case.report_id: case for case in self.cases}
        strands_of = defaultdict(set)
        for link in Report.strands.through.objects.filter(report__in=self.reports):
            strands_of[link.report_id].add(link.strand_id)
        service_strands = {s.pk: set(s.strands.values_list("pk", flat=True)) for s in self.services}
        service_areas = {s.pk: set(s.areas.values_list("pk", flat=True)) for s in self.services}
        referrals = []
        for report in self.reports:
            case = cases.get(report.pk)
            made_by = (case.owner if case else None) or report.logged_by
            if report.support_wanted != Answer.YES or made_by is None or not self.chance(0.6):
                continue
            suitable = [
                s
                for s in self.services
                if service_strands[s.pk] & strands_of[report.pk]
                and (not service_areas[s.pk] or report.area_id in service_areas[s.pk])
                and not (s.offers_restorative_justice and case is None)
            ]
            earliest = case.triaged_at if case and case.triaged_at else report.submitted_at
            for service in self.rng.sample(suitable, min(len(suitable), self.rng.randint(1, 2))):
                made_at = min(earliest + self.days(0.1, 10), self.now - timedelta(minutes=5))
                fresh = self.now - made_at < timedelta(days=7)
                referrals.append(
                    Referral(
                        report=report,
                        service=service,
                        consent_given=True,
                        status=Referral.Status.MADE
                        if fresh
                        else self.pick(
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

    # --- the summary ----------------------------------------------------------------------

    def sample_references(self) -> list[tuple[str, str]]:
        """A handful of reports worth looking up on the tracking page."""
        by_status = defaultdict(list)
        for case in self.cases:
            by_status[case.status].append(case)
        samples = []
        for status, about in [
            (CaseStatus.NEW, "just reported, not looked at yet"),
            (CaseStatus.INVESTIGATING, "being investigated"),
            (CaseStatus.AWAITING_DECISION, "waiting for a decision"),
            (CaseStatus.CLOSED, "finished"),
        ]:
            if by_status[status]:
                samples.append((by_status[status][0].report.reference, about))
        unshared = next(r for r in self.reports if r.consent == Consent.DO_NOT_SHARE)
        samples.append((unshared.reference, "support only, not shared with the police"))
        taken = {reference for reference, _about in samples}
        urdu = next(
            (r for r in self.reports if r.language == "ur" and r.reference not in taken), None
        )
        if urdu is not None:
            samples.append((urdu.reference, "reported in Urdu"))
        return samples


def give_second_factor(user) -> list[str]:
    """A confirmed authenticator (read its codes with `demo_code`) and ten backup codes."""
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes
