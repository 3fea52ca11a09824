"""The public shell: every language answers, right-to-left where it should, with the quick
exit and the language switcher on every public page."""

import re

import pytest
from django.conf import settings

RTL = {"ur", "ar", "ps"}
PUBLIC_PAGES = ["", "accessibility/", "privacy/", "report/", "centres/"]


@pytest.mark.django_db
@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_start_page_answers_in_every_language(client, code):
    response = client.get(f"/{code}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{"rtl" if code in RTL else "ltr"}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_page_has_skip_link_quick_exit_and_every_language(client, page):
    response = client.get(f"/ur/{page}")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#main-content"' in html and 'id="main-content"' in html
    assert 'href="/exit/"' in html
    for code, name in settings.LANGUAGES:
        if code == "ur":
            assert f'aria-current="true" lang="ur" dir="rtl">{name}<' in html
        else:
            assert f'href="/{code}/{page}"' in html
            assert f'lang="{code}" hreflang="{code}"' in html
            assert f">{name}</a>" in html


@pytest.mark.django_db
def test_start_page_is_translated_not_english(client):
    english = client.get("/en/").content.decode()
    urdu = client.get("/ur/").content.decode()

    english_heading = re.search(r"<h1[^>]*>(.*?)</h1>", english, re.S).group(1).strip()
    urdu_heading = re.search(r"<h1[^>]*>(.*?)</h1>", urdu, re.S).group(1).strip()
    assert english_heading and urdu_heading
    assert english_heading != urdu_heading
    assert re.search(r"[\u0600-\u06ff]", urdu_heading)


@pytest.mark.django_db
def test_quick_exit_flushes_the_session_and_leaves_no_trace(client, settings):
    settings.QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
    session = client.session
    session["assisted_report_draft"] = "something typed"  # a volunteer's draft key
    session.save()
    old_key = session.session_key

    response = client.get("/exit/")

    assert response.status_code == 303
    assert response["Location"] == "https://www.bbc.co.uk/weather"
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "cookies" in response["Clear-Site-Data"]
    assert "assisted_report_draft" not in client.session
    assert client.session.session_key != old_key


@pytest.mark.django_db
def test_quick_exit_works_without_a_language_prefix_from_every_page(client):
    for code, _name in settings.LANGUAGES:
        html = client.get(f"/{code}/").content.decode()
        assert 'href="/exit/"' in html


@pytest.mark.django_db
def test_healthz_names_no_personal_data(client):
    response = client.get("/healthz")

    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"status", "database", "broker"}
