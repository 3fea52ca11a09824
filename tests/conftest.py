"""Personas and sign-in helpers. Tests run on the real PostgreSQL and Redis (see README)."""

import shutil
from io import StringIO
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from centres.models import Area, AreaPlace, Role, Strand
from reporting.models import Channel, Consent

from .factories import (
    AreaFactory,
    AreaPlaceFactory,
    CaseFactory,
    CentreFactory,
    MembershipFactory,
    ReporterContactFactory,
    ReportFactory,
    UserFactory,
)

PASSWORD = "correct horse battery staple"


def pytest_configure(config):
    # WhiteNoise warns that collectstatic has not run; no test serves static files.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


def pytest_collection_modifyitems(config, items):
    if settings.MODE != "test":
        raise pytest.UsageError(
            "Run the tests in their own mode: HATEREPORT_MODE=test (make test does; see README)."
        )


@pytest.fixture
def ffmpeg_installed():
    """For tests whose evidence goes through the real ffmpeg: said plainly when it is missing,
    instead of failing on a refused file."""
    if not shutil.which(settings.EVIDENCE_FFMPEG):
        pytest.skip("needs ffmpeg: apt-get install ffmpeg (make test installs it)")


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate-limit counters live in the cache (Redis, which outlives a test run): every test
    # starts from none.
    cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    # A request through the test client leaves its page's language active in the thread
    # (LocaleMiddleware activates it and nothing deactivates it): every test starts in the
    # site's language, whatever the test before it asked for.
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    # A transactional test's flush can recreate content types under new ids; a cached old id
    # would then break the access log's foreign key in whichever test runs next.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def member(role, *, centre=None, area=None, **user_fields):
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, role=role, centre=centre, area=area)
    return user


@pytest.fixture
def area_a(db):
    return AreaFactory(name="Birmingham East", code="birmingham-east")


@pytest.fixture
def area_b(db):
    return AreaFactory(name="Chelmsford", code="chelmsford")


@pytest.fixture
def centre_a(area_a):
    return CentreFactory(name="Sparkbrook Community Centre", area=area_a)


@pytest.fixture
def centre_b(area_b):
    return CentreFactory(name="Chelmsford Library", kind="hirc", area=area_b, town="Chelmsford")


@pytest.fixture
def volunteer_a(centre_a):
    return member(Role.VOLUNTEER, centre=centre_a, name="Volunteer A")


@pytest.fixture
def volunteer_b(centre_b):
    return member(Role.VOLUNTEER, centre=centre_b, name="Volunteer B")


@pytest.fixture
def coordinator_a(centre_a):
    return member(Role.COORDINATOR, centre=centre_a, name="Coordinator A")


@pytest.fixture
def spoc_a(area_a):
    return member(Role.SPOC, area=area_a, name="SPOC A")


@pytest.fixture
def spoc_b(area_b):
    return member(Role.SPOC, area=area_b, name="SPOC B")


@pytest.fixture
def inspector_a(area_a):
    return member(Role.INSPECTOR, area=area_a, name="Inspector A")


@pytest.fixture
def analyst(db):
    return member(Role.ANALYST, name="Analyst")


@pytest.fixture
def administrator(db):
    return member(Role.ADMINISTRATOR, name="Administrator")


@pytest.fixture
def superuser(db):
    return UserFactory(name="Break glass", is_superuser=True)


def _report(*, area, consent, centre=None, case_area=None):
    report = ReportFactory(
        area=area,
        centre=centre,
        channel=Channel.ASSISTED if centre else Channel.ONLINE_SELF,
        consent=consent,
    )
    ReporterContactFactory(report=report)
    if case_area is not None:
        CaseFactory(report=report, area=case_area)
    return report


@pytest.fixture
def report_mix(area_a, area_b, centre_a, centre_b):
    """Reports from centre A, centre B and online, shared with details, anonymously or not at
    all, with cases in area A or area B. Every report has contact details."""
    mix = SimpleNamespace(
        a_details=_report(
            area=area_a, centre=centre_a, consent=Consent.SHARE_WITH_DETAILS, case_area=area_a
        ),
        a_anonymous=_report(
            area=area_a, centre=centre_a, consent=Consent.SHARE_ANONYMOUSLY, case_area=area_a
        ),
        a_unshared=_report(area=area_a, centre=centre_a, consent=Consent.DO_NOT_SHARE),
        a_online=_report(area=area_a, consent=Consent.SHARE_WITH_DETAILS, case_area=area_a),
        a_not_yet_cased=_report(area=area_a, consent=Consent.SHARE_WITH_DETAILS),
        # Consent withdrawn after the case was opened.
        a_withdrawn=_report(area=area_a, consent=Consent.DO_NOT_SHARE, case_area=area_a),
        # Logged at centre A about something that happened in area B.
        a_centre_case_in_b=_report(
            area=area_b, centre=centre_a, consent=Consent.SHARE_WITH_DETAILS, case_area=area_b
        ),
        b_details=_report(
            area=area_b, centre=centre_b, consent=Consent.SHARE_WITH_DETAILS, case_area=area_b
        ),
        b_anonymous=_report(area=area_b, consent=Consent.SHARE_ANONYMOUSLY, case_area=area_b),
        b_unshared=_report(area=area_b, centre=centre_b, consent=Consent.DO_NOT_SHARE),
    )
    mix.all = list(vars(mix).values())
    return mix


def sign_in(client, user):
    """Sign in with a password and a confirmed second factor, as the sign-in pages would."""
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker):
    """The demo as `seed_demo` builds it, once for a module whose tests only read it; returns
    what the command printed. It lives in a transaction rolled back when the module ends, and
    each test runs in a savepoint inside it. Tests of the module that need an empty database
    must run before the first test that asks for this."""
    with django_db_blocker.unblock(), override_settings(DEMO=True):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            out = StringIO()
            call_command("seed_demo", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


# --- The reporting journey: reference data and an area that records misogyny ----------


@pytest.fixture
def reference_data(db):
    call_command("load_reference_data", verbosity=0)


@pytest.fixture
def sparkbrook(reference_data):
    """An area that records misogyny (the sex or gender local marker)."""
    # Made by a data migration, but gone if a transactional test flushed the tables.
    Area.objects.get_or_create(
        is_central_queue=True, defaults={"name": "Central queue", "code": "central"}
    )
    area = AreaFactory(name="Sparkbrook", code="sparkbrook")
    AreaPlaceFactory(area=area, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")
    AreaPlaceFactory(area=area, kind=AreaPlace.Kind.TOWN, value="sparkbrook")
    Strand.objects.get(code="sex_gender").areas.add(area)
    return area
