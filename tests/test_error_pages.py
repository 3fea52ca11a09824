"""The site's own error pages: every code in every language, in the right shell, with the
quick exit and a way on; the 500 page with no database at all; the expired-form (CSRF) page;
and a signed-in person on a staff page that is not for their role."""

import re

import pytest
from django.conf import settings
from django.core import signing
from django.template import loader
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from reporting.journey import DRAFT_COOKIE, DRAFT_COOKIE_SALT
from tests.conftest import sign_in

LANGUAGES = [code for code, _name in settings.LANGUAGES]
RTL = {"ur", "ar", "ps"}
# The English heading of each page: in another language it must not be there.
HEADINGS = {
    400: "Sorry, we could not open that page",
    403: "You cannot open this page",
    404: "Page not found",
    500: "Sorry, there is a problem with the service",
}
ADDRESSES = {400: "bad-request/", 403: "forbidden/", 500: "explode/"}


@pytest.fixture
def failing_urls(settings):
    settings.ROOT_URLCONF = "tests.error_urls"


def heading(html: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()


def assert_public_error_page(response, code, status):
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{code}" dir="{"rtl" if code in RTL else "ltr"}"' in html
    assert 'href="#main-content"' in html and 'id="main-content"' in html
    assert 'href="/exit/"' in html and "data-quick-exit" in html
    # A way on, in the same language, and every other language's start page.
    assert f'href="/{code}/report/"' in html and f'href="/{code}/track/"' in html
    for other in LANGUAGES:
        if other != code:
            assert f'href="/{other}/" rel="alternate"' in html
    assert "govuk-footer" in html
    return html


def assert_in_language(html, code, english):
    if code == "en":
        assert heading(html) == english
    else:
        assert heading(html) and heading(html) != english
        assert english not in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_page_not_found_in_every_language(client, code):
    response = client.get(f"/{code}/no-such-page/")

    html = assert_public_error_page(response, code, 404)
    assert_in_language(html, code, HEADINGS[404])


@pytest.mark.django_db
@pytest.mark.parametrize("status", [400, 403, 500])
@pytest.mark.parametrize("code", LANGUAGES)
def test_error_in_every_language(client, failing_urls, code, status):
    client.raise_request_exception = False

    response = client.get(f"/{code}/{ADDRESSES[status]}")

    html = assert_public_error_page(response, code, status)
    assert_in_language(html, code, HEADINGS[status])


@pytest.mark.django_db
def test_bad_request_from_a_real_request_is_ours(client):
    # More query parameters than Django parses is a 400 (DATA_UPLOAD_MAX_NUMBER_FIELDS).
    query = "&".join(["q=1"] * (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))

    response = client.get(f"/pl/centres/?{query}")

    html = assert_public_error_page(response, "pl", 400)
    assert_in_language(html, "pl", HEADINGS[400])


# No database mark: any query while the page renders would fail, and the full page (not the
# bare fallback) proves none ran.
@pytest.mark.parametrize("code", ["ps", "cy"])
def test_server_error_page_needs_no_database(client, failing_urls, code):
    client.raise_request_exception = False

    response = client.get(f"/{code}/explode/")

    html = assert_public_error_page(response, code, 500)
    assert_in_language(html, code, HEADINGS[500])


def test_server_error_page_when_its_template_fails(client, failing_urls, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr(loader, "render_to_string", broken)
    client.raise_request_exception = False

    response = client.get("/ar/explode/")

    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/exit/"' in html
    assert HEADINGS[500] not in html


def test_server_error_on_a_staff_page_leads_home(client, failing_urls):
    client.raise_request_exception = False

    response = client.get("/centre/explode/")

    html = response.content.decode()
    assert response.status_code == 500
    assert heading(html) == HEADINGS[500]
    assert 'href="/staff/"' in html
    assert "data-quick-exit" not in html and 'href="/en/report/"' not in html


@pytest.mark.django_db
def test_page_not_found_on_a_staff_page_is_in_the_staff_shell(client, volunteer_a):
    sign_in(client, volunteer_a)

    response = client.get("/centre/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert heading(html) == HEADINGS[404]
    assert "Signed in as Volunteer A" in html
    assert 'href="/staff/"' in html
    assert "data-quick-exit" not in html and "govuk-language-navigation" not in html


# --- The expired form (CSRF failure) -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_expired_form_in_every_language(code):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/{code}/track/", {"reference": "HR-7KQ4-M2XD"})

    html = assert_public_error_page(response, code, 403)
    assert_in_language(html, code, "This page has expired")
    assert "HR-7KQ4-M2XD" not in html
    # Back to the page it came from, by GET, in the same language.
    assert f'class="govuk-button" href="/{code}/track/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["ur", "so"])
def test_expired_form_in_the_journey_says_whether_the_answers_are_kept(code):
    with_draft = Client(enforce_csrf_checks=True)
    signer = signing.get_cookie_signer(salt=DRAFT_COOKIE + DRAFT_COOKIE_SALT)
    with_draft.cookies[DRAFT_COOKIE] = signer.sign("a-draft-key")
    without_draft = Client(enforce_csrf_checks=True)
    with translation.override(code):
        kept = gettext("Your answers to the earlier questions are still saved.")
        start_again = gettext("If you were making a report, you may need to start it again.")

    with_answers = with_draft.post(f"/{code}/report/what/", {"description": "x"})
    no_answers = without_draft.post(f"/{code}/report/what/", {"description": "x"})

    html = assert_public_error_page(with_answers, code, 403)
    assert kept in html and start_again not in html
    assert f'class="govuk-button" href="/{code}/report/what/"' in html
    html = assert_public_error_page(no_answers, code, 403)
    assert start_again in html and kept not in html


@pytest.mark.django_db
def test_expired_form_on_staff_sign_in_is_in_the_staff_shell():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/staff/sign-in/", {"username": "someone@example.org"})

    html = response.content.decode()
    assert response.status_code == 403
    assert heading(html) == "This page has expired"
    assert 'class="govuk-button" href="/staff/sign-in/"' in html
    assert "someone@example.org" not in html
    assert "data-quick-exit" not in html and "govuk-language-navigation" not in html


# --- A staff member out of role ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["volunteer_a", "analyst"])
@pytest.mark.parametrize("address", ["/admin/", "/admin/login/", "/admin/casework/case/"])
def test_admin_for_another_role_says_who_and_where_to_go(client, request, who, address):
    user = request.getfixturevalue(who)
    sign_in(client, user)

    response = client.get(address)

    html = response.content.decode()
    assert response.status_code == 403
    assert f"You are signed in as {user.name}." in html
    assert "This page is part of Casework and administration." in html
    assert "Police single points of contact" in html
    own = "/centre/" if who == "volunteer_a" else "/insights/"
    assert f'<a class="govuk-link" href="{own}">' in html
    assert 'type="password"' not in html and 'name="username"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "part"), [("/centre/", "Centre workspace"), ("/insights/", "Insights")]
)
def test_staff_area_for_another_role_says_who_and_where_to_go(client, spoc_a, address, part):
    sign_in(client, spoc_a)

    response = client.get(address)

    html = response.content.decode()
    assert response.status_code == 403
    assert "You are signed in as SPOC A." in html
    assert f"This page is part of {part}." in html
    assert '<a class="govuk-link" href="/admin/">Casework and administration</a>' in html


@pytest.mark.django_db
def test_refused_page_inside_ones_own_area_says_to_ask(client, failing_urls, volunteer_a):
    sign_in(client, volunteer_a)

    response = client.get("/centre/forbidden/")

    html = response.content.decode()
    assert response.status_code == 403
    assert "Your role does not include this page." in html
    assert '<a class="govuk-link" href="/centre/">Centre workspace</a>' in html


@pytest.mark.django_db
def test_admin_for_anonymous_still_goes_to_sign_in(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/staff/sign-in/")
    assert response.status_code == 200
