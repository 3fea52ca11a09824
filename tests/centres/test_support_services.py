"""Which support services a victim is shown after reporting (SupportService.objects.for_victim)."""

import pytest
from django.core.management import call_command

from centres.models import Strand, SupportService
from tests.factories import AreaFactory, SupportServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def strands(db):
    call_command("load_reference_data", verbosity=0)
    return {code: Strand.objects.get(code=code) for code in ("race", "religion", "sex_gender")}


@pytest.fixture
def services(strands):
    home, elsewhere = AreaFactory(code="home"), AreaFactory(code="elsewhere")
    made = {
        "everyone": SupportServiceFactory(name="Everyone"),
        "race": SupportServiceFactory(name="Race"),
        "local here": SupportServiceFactory(name="Local here", is_national=False),
        "local elsewhere": SupportServiceFactory(name="Local elsewhere", is_national=False),
        "closed": SupportServiceFactory(name="Closed", is_active=False),
        "national race": SupportServiceFactory(name="National race"),
    }
    made["race"].strands.add(strands["race"], strands["religion"])
    made["national race"].strands.add(strands["race"])
    made["local here"].areas.add(home)
    made["local elsewhere"].areas.add(elsewhere)
    return made, home


def names(queryset):
    return sorted(queryset.values_list("name", flat=True))


def test_for_victim_shows_services_for_the_strand_and_for_everyone_in_reach(strands, services):
    _made, home = services

    shown = SupportService.objects.for_victim(strands=[strands["race"].pk], area_id=home.pk)

    assert names(shown) == ["Everyone", "Local here", "National race", "Race"]


def test_for_victim_leaves_out_services_for_other_strands(strands, services):
    _made, home = services

    shown = SupportService.objects.for_victim(strands=[strands["religion"].pk], area_id=home.pk)

    assert "National race" not in names(shown)
    assert "Race" in names(shown)


def test_for_victim_without_an_area_shows_national_services_only(strands, services):
    assert names(SupportService.objects.for_victim()) == ["Everyone", "National race", "Race"]


def test_for_victim_of_a_local_marker_no_service_names_still_gets_every_service(strands, services):
    made, home = services
    # Every service now names a strand: none serves misogyny.
    for key in ("everyone", "local here"):
        made[key].strands.add(strands["race"])

    shown = SupportService.objects.for_victim(strands=[strands["sex_gender"].pk], area_id=home.pk)

    assert names(shown) == ["Everyone", "Local here", "National race", "Race"]
