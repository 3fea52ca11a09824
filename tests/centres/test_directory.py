"""The public directory of reporting centres (/<lang>/centres/): search by town or postcode,
language, accessibility and strand; a page per centre; translated like the rest of the site."""

import pytest

from centres.models import AreaPlace
from tests.factories import AreaFactory, AreaPlaceFactory, CentreFactory, StrandFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def centres(db):
    """Sparkbrook (B11) and Small Heath are one policing area; Chelmsford is another."""
    birmingham = AreaFactory(name="Birmingham East")
    chelmsford = AreaFactory(name="Chelmsford")
    AreaPlaceFactory(area=birmingham, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")
    AreaPlaceFactory(area=birmingham, kind=AreaPlace.Kind.TOWN, value="small heath")
    AreaPlaceFactory(area=chelmsford, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="CM1")
    race = StrandFactory(code="race", name="Race")
    disability = StrandFactory(code="disability", name="Disability")
    made = {
        "sparkbrook": CentreFactory(
            name="Sparkbrook Community Centre",
            slug="sparkbrook",
            area=birmingham,
            town="Sparkbrook",
            postcode="B11 1AA",
            languages=["ur", "pa", "en"],
            step_free=True,
            hearing_loop=True,
        ),
        "small_heath": CentreFactory(
            name="Small Heath Library",
            slug="small-heath",
            area=birmingham,
            town="Small Heath",
            postcode="B10 0AA",
            languages=["pl", "en"],
            step_free=True,
        ),
        "chelmsford": CentreFactory(
            name="Chelmsford Library",
            slug="chelmsford",
            kind="hirc",
            area=chelmsford,
            town="Chelmsford",
            postcode="CM1 1AA",
            languages=["ro", "en"],
            bsl=True,
        ),
        "hidden": CentreFactory(
            name="Unlisted Centre", slug="unlisted", area=chelmsford, is_listed=False
        ),
    }
    made["sparkbrook"].specialist_strands.add(race)
    made["chelmsford"].specialist_strands.add(disability)
    return made


def names(items):
    return [item["centre"].name for item in items]


def search(client, lang="en", **params):
    return client.get(f"/{lang}/centres/", params)


def test_directory_lists_every_listed_centre_and_no_unlisted(client, centres):
    response = search(client)

    assert set(names(response.context["centres"])) == {
        "Sparkbrook Community Centre",
        "Small Heath Library",
        "Chelmsford Library",
    }
    assert "Unlisted Centre" not in response.content.decode()


def test_postcode_finds_the_area_then_orders_by_nearness(client, centres):
    response = search(client, place="b11 9zz")

    assert names(response.context["near"]) == ["Sparkbrook Community Centre", "Small Heath Library"]
    assert names(response.context["centres"]) == ["Chelmsford Library"]
    assert response.context["place_found"]


def test_town_finds_its_area(client, centres):
    response = search(client, place="  SMALL   heath ")

    assert names(response.context["near"]) == ["Small Heath Library", "Sparkbrook Community Centre"]


def test_unknown_place_says_so_and_lists_everything(client, centres):
    response = search(client, place="Atlantis")

    assert not response.context["place_found"]
    assert len(response.context["centres"]) == 3
    assert "We could not find" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"language": "pl"}, {"Small Heath Library"}),
        ({"language": "ur"}, {"Sparkbrook Community Centre"}),
        ({"language": "so"}, set()),
        ({"access": ["step_free"]}, {"Sparkbrook Community Centre", "Small Heath Library"}),
        ({"access": ["step_free", "hearing_loop"]}, {"Sparkbrook Community Centre"}),
        ({"access": ["bsl"]}, {"Chelmsford Library"}),
        ({"strand": "disability"}, {"Chelmsford Library"}),
        ({"strand": "race", "language": "ur"}, {"Sparkbrook Community Centre"}),
        ({"strand": "race", "language": "ro"}, set()),
    ],
)
def test_filters_return_the_right_centres(client, centres, params, expected):
    response = search(client, **params)

    found = set(names(response.context["near"])) | set(names(response.context["centres"]))
    assert found == expected


def test_bad_filter_values_are_explained_in_the_pages_language(client, centres):
    response = search(client, lang="pl", language="xx")

    assert response.status_code == 200
    assert response.context["form"].errors["language"]
    assert "Select one of the options" not in response.content.decode()


def test_search_works_without_javascript_as_a_get_form(client, centres):
    page = search(client).content.decode()

    assert '<form method="get" action="/en/centres/"' in page


def test_languages_shown_in_their_own_script_with_lang(client, centres):
    page = client.get("/en/centres/sparkbrook/").content.decode()

    assert '<span lang="ur" dir="rtl">اردو</span>' in page
    assert '<span lang="pa" dir="ltr">ਪੰਜਾਬੀ</span>' in page


def test_centre_page_untranslated_text_is_marked_english(client, centres):
    centre = centres["sparkbrook"]
    centre.description_en = "A friendly place."
    centre.description_pl = ""
    centre.opening_hours_en = "Mondays"
    centre.opening_hours_pl = "Poniedziałki"
    centre.save()

    page = client.get("/pl/centres/sparkbrook/").content.decode()

    assert '<span lang="en" dir="ltr">A friendly place.</span>' in page
    assert "Poniedziałki" in page
    assert '<span lang="en" dir="ltr">Mondays</span>' not in page


def test_centre_page_explains_how_to_report_with_its_help(client, centres):
    page = client.get("/en/centres/sparkbrook/").content.decode()

    assert "Report with this centre&#x27;s help" in page or "Report with this centre's help" in page
    assert "Opening hours" in page or "Address" in page
    assert "step-free access" in page


def test_unlisted_centre_page_is_not_found(client, centres):
    assert client.get("/en/centres/unlisted/").status_code == 404


@pytest.mark.parametrize("lang", ["cy", "ur", "pa", "bn", "ar", "ro", "pl", "so", "ps"])
def test_directory_is_translated(client, centres, lang):
    english = search(client, "en").content.decode()
    page = search(client, lang, place="B11").content.decode()

    assert f'<html lang="{lang}"' in page
    for phrase in ("Town or postcode", "Language spoken", "Find centres", "Any language"):
        assert phrase in english
        assert phrase not in page, (lang, phrase)
