"""The demo's places and people: areas, reporting centres, support services, the demo accounts
(one per role) and the staff behind the scenes."""

import unicodedata
from collections import defaultdict
from datetime import timedelta

from django.db.models import DateTimeField
from django.db.models.functions import Cast
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from centres.models import (
    Approval,
    Area,
    AreaPlace,
    Centre,
    Membership,
    ReferralChannel,
    Role,
    Strand,
    SupportService,
    User,
)
from centres.views import BACKUP_CODES

from ..models import LocalOutcomeCode, OutcomeType
from . import DEMO_DOMAIN, DEMO_PASSWORD, load

# The areas where the demo accounts work, and the centres of the demo volunteers.
HOME_AREA = "birmingham-east"
OTHER_AREA = "chelmsford"


def create_places(demo):
    """Areas with their postcode districts, towns and local markers, and each force's local
    outcome codes."""
    data = load("places")
    demo.strands = {s.code: s for s in Strand.objects.all()}
    demo.outcome_types = {o.number: o for o in OutcomeType.objects.all()}
    forces = {force["name"]: force for force in data["forces"]}
    demo.areas, demo.area_specs, places, codes = {}, {}, [], []
    for spec in data["areas"]:
        area, _created = Area.objects.get_or_create(
            code=spec["code"],
            defaults={
                "name": spec["name"],
                "force": spec["force"],
                "nfa_needs_authorisation": spec.get("nfa_needs_authorisation", True),
                "triage_within_hours": spec.get("triage_within_hours", 24),
                "crime_reference_pattern": forces[spec["force"]]["crime_reference"]["pattern"],
                "crime_reference_example": forces[spec["force"]]["crime_reference"]["example"],
            },
        )
        demo.areas[area.code] = area
        demo.area_specs[area.pk] = spec
        places += [
            AreaPlace(area=area, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value=district)
            for district in spec["postcodes"]
        ]
        places += [
            AreaPlace(area=area, kind=AreaPlace.Kind.TOWN, value=AreaPlace.normalise_town(town))
            for town in spec["towns"]
        ]
        for code in spec["markers"]:
            demo.strands[code].areas.add(area)
        codes += [
            LocalOutcomeCode(
                area=area,
                code=code["code"],
                label=code["label"],
                outcome_type=demo.outcome_types[code["outcome_type"]],
            )
            for code in forces[area.force]["outcome_codes"]
        ]
    # A place or code an administrator already mapped keeps its area.
    AreaPlace.objects.bulk_create(places, ignore_conflicts=True)
    LocalOutcomeCode.objects.bulk_create(codes, ignore_conflicts=True)
    demo.forces = forces
    demo.outside_places = data["outside_places"]
    demo.central = Area.objects.central_queue()
    demo.area_specs[demo.central.pk] = {"markers": [], "towns": [], "postcodes": []}
    demo.local_codes = {
        (code.area_id, code.outcome_type.number): code
        for code in LocalOutcomeCode.objects.select_related("outcome_type")
    }


def create_centres(demo):
    """Reporting centres, described in every language their kind of venue is named in."""
    data = load("centres")
    demo.centres = {}
    for spec in data["centres"]:
        area = demo.areas[spec["area"]]
        descriptions = {}
        for code in demo.languages:
            venue = data["venues"][spec["venue"]].get(code)
            if venue is not None:
                opening = data["venue_in_place"][code].format(venue=venue, place=spec["place"])
                descriptions[code] = f"{opening} {data['centre_offer'][code]}"
        centre, _created = Centre.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "kind": demo.forces[area.force]["centre_kind"],
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
                "accredited_on": demo.today - timedelta(days=demo.rng.randint(200, 1500)),
                "is_listed": spec.get("is_listed", True),
                **dict.fromkeys(spec["flags"], True),
                **demo.translated("description", descriptions),
                **demo.translated("opening_hours", data["opening_hours"][spec["hours"]]),
            },
        )
        centre.specialist_strands.set([demo.strands[code] for code in spec["strands"]])
        demo.centres[spec["slug"]] = centre
    demo.centres_by_area = defaultdict(list)
    for centre in demo.centres.values():
        demo.centres_by_area[centre.area_id].append(centre)


def create_support_services(demo):
    demo.services = []
    for spec in load("support_services")["services"]:
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
                "referral_channel": (
                    ReferralChannel.SECURE_EMAIL
                    if spec.get("referral_email")
                    else ReferralChannel.NONE
                ),
                "referral_email": spec.get("referral_email", ""),
                **demo.translated("description", spec["description"]),
            },
        )
        service.strands.set([demo.strands[code] for code in spec["strands"]])
        service.areas.set([demo.areas[code] for code in spec["areas"]])
        demo.services.append(service)


def create_demo_accounts(demo):
    """One person per role, each with a confirmed authenticator and ten backup codes."""
    template = User()
    template.set_password(DEMO_PASSWORD)  # one slow hash, shared by every demo account
    demo.users, demo.accounts, memberships = {}, [], []
    for account in load("people")["accounts"]:
        user = User.objects.create(
            email=f"{account['local']}@{DEMO_DOMAIN}",
            name=account["name"],
            password=template.password,
            is_superuser=account["role"] is None,
            date_joined=demo.now - timedelta(days=800),
        )
        if account["role"] is not None:
            memberships.append(membership(demo, user, account["role"], account["scope"]))
        demo.users[account["local"]] = user
        demo.accounts.append((account["label"], user.email, give_second_factor(user)))
    Membership.objects.bulk_create(memberships)


def give_second_factor(user) -> list[str]:
    """A confirmed authenticator (read its codes with `demo_code`) and ten backup codes."""
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def membership(demo, user, role, scope, *, years=2, training_expires_in=None) -> Membership:
    started_on = demo.today - timedelta(days=365 * years)
    row = Membership(user=user, role=role, started_on=started_on)
    if role in Role.CENTRE_ROLES:
        row.centre = demo.centres[scope]
        row.accredited_on = started_on
        expires_in = training_expires_in or demo.rng.randint(60, 330)
        row.training_expires_on = demo.today + timedelta(days=expires_in)
    elif role in Role.POLICE_ROLES:
        row.area = scope if isinstance(scope, Area) else demo.areas[scope]
    return row


def ascii_name(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ".".join("".join(c for c in part if c.isalnum()) for part in plain.lower().split())


def create_background_staff(demo):
    """The other centres' volunteers and the other areas' police: they sign nothing in, but
    reports are logged and cases handled by someone."""
    staff_names = load("people")["staff_names"]
    names = iter(demo.rng.sample(staff_names, len(staff_names)))
    unusable = User()
    unusable.set_unusable_password()
    people = []

    def person(role, scope, **membership_fields):
        name = next(names)
        user = User(
            email=f"{ascii_name(name)}@{DEMO_DOMAIN}",
            name=name,
            password=unusable.password,
            date_joined=demo.now - timedelta(days=800),
        )
        people.append((user, role, scope, membership_fields))
        return user

    demo.volunteers = defaultdict(list)
    for slug in demo.centres:
        # A few volunteers' training runs out within the month: the reminder has work.
        expires = demo.rng.randint(5, 28) if demo.chance(0.15) else None
        demo.volunteers[slug].append(person(Role.VOLUNTEER, slug, training_expires_in=expires))

    demo.police = {}
    users = demo.users
    for area in [*demo.areas.values(), demo.central]:
        staff = {"spocs": [], "officers": [], "inspector": None}
        if area.code == HOME_AREA:
            staff["spocs"].append(users["spoc"])
            staff["officers"] += [users["officer"], person(Role.OFFICER, area)]
            staff["inspector"] = users["inspector"]
        elif area.code == OTHER_AREA:
            staff["spocs"].append(users["spoc.chelmsford"])
            staff["officers"].append(person(Role.OFFICER, area))
        else:
            staff["spocs"].append(person(Role.SPOC, area))
            if not area.is_central_queue:
                staff["officers"].append(person(Role.OFFICER, area))
        demo.police[area.pk] = staff
    # One inspector for the rest of each force.
    for force in demo.forces:
        areas = [
            a
            for a in demo.areas.values()
            if a.force == force and demo.police[a.pk]["inspector"] is None
        ]
        inspector = person(Role.INSPECTOR, areas[0])
        for area in areas:
            demo.police[area.pk]["inspector"] = inspector
            if area != areas[0]:
                people.append((inspector, Role.INSPECTOR, area, {}))

    # The second administrator, who approved the demo administrator's grants.
    demo.second_administrator = person(Role.ADMINISTRATOR, None)

    User.objects.bulk_create(list({id(u): u for u, *_ in people}.values()))
    Membership.objects.bulk_create(
        membership(demo, user, role, scope, **fields) for user, role, scope, fields in people
    )


def create_support_hubs(demo):
    """Every area's victim-support hub (a centre of the area), and the central queue's: an
    unlisted centre of its own with one volunteer, for online reports from people who asked
    for support and whose area is not known. No random choices: the rest of the demo is the
    same with or without them."""
    data = load("centres")
    hubs = data["support_hubs"]
    Centre.objects.filter(slug__in=list(hubs.values())).update(is_support_hub=True)
    spec = data["central_hub"]
    central_hub, _created = Centre.objects.get_or_create(
        slug=spec["slug"],
        defaults={
            "kind": Centre.Kind.TPRC,
            "name": spec["name"],
            "organisation": spec["organisation"],
            "area": demo.central,
            "town": spec["town"],
            "phone": spec["phone"],
            "email": f"{spec['slug']}@example.org",
            "lead_person": spec["lead"],
            "languages": spec["languages"],
            "is_listed": False,
            "walk_in": False,
            "is_support_hub": True,
        },
    )
    demo.central_hub = central_hub
    taken = set(User.objects.values_list("name", flat=True))
    name = next(n for n in load("people")["staff_names"] if n not in taken)
    unusable = User()
    unusable.set_unusable_password()
    volunteer = User.objects.create(
        email=f"{ascii_name(name)}@{DEMO_DOMAIN}",
        name=name,
        password=unusable.password,
        date_joined=demo.now - timedelta(days=800),
    )
    started_on = demo.today - timedelta(days=365)
    Membership.objects.create(
        user=volunteer,
        role=Role.VOLUNTEER,
        centre=central_hub,
        started_on=started_on,
        accredited_on=started_on,
        training_expires_on=demo.today + timedelta(days=200),
    )
    demo.volunteers[central_hub.slug].append(volunteer)


def approve_memberships(demo):
    """Every seeded role was granted by the demo administrator and approved by the second
    administrator (the two administrators' own by the superuser and the other), on the day it
    started; then one volunteer's grant waits for approval, for the demo administrator and the
    demo coordinator to see."""
    admin, second = demo.users["admin"], demo.second_administrator
    superuser = demo.users["superuser"]
    started = Cast("started_on", DateTimeField())
    approved = {"approval": Approval.APPROVED, "granted_at": started, "decided_at": started}
    Membership.objects.exclude(user__in=[admin, second]).update(
        granted_by=admin, decided_by=second, **approved
    )
    Membership.objects.filter(user=admin).update(
        granted_by=superuser, decided_by=second, **approved
    )
    Membership.objects.filter(user=second).update(
        granted_by=superuser, decided_by=admin, **approved
    )
    taken = set(User.objects.values_list("name", flat=True))
    name = next(n for n in load("people")["staff_names"] if n not in taken)
    newcomer = User(email=f"{ascii_name(name)}@{DEMO_DOMAIN}", name=name)
    newcomer.set_unusable_password()
    newcomer.save()
    Membership.objects.create(
        user=newcomer,
        role=Role.VOLUNTEER,
        centre=Membership.objects.get(user=demo.users["coordinator"]).centre,
        started_on=demo.today,
        granted_by=second,
        granted_at=demo.now,
        approval=Approval.PENDING,
    )
