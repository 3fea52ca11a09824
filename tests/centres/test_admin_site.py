"""The staff admin site: police roles and administrators only, and only after a second factor."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def follow_redirects(client, url, limit=5):
    """The chain of Location headers from `url`, without rendering the last page."""
    chain = []
    for _ in range(limit):
        response = client.get(url)
        if response.status_code != 302:
            break
        url = response["Location"]
        chain.append(url)
    return chain


def test_admin_without_second_factor_sends_to_staff_sign_in(client, spoc_a):
    client.force_login(spoc_a)

    chain = follow_redirects(client, reverse("admin:index"))

    final = urlsplit(chain[-1])
    assert final.path == reverse("staff:login")
    assert parse_qs(final.query)["next"] == [reverse("admin:index")]
    assert client.get(reverse("admin:index")).status_code == 302


def test_admin_without_second_factor_shows_nothing(client, report_mix, spoc_a):
    client.force_login(spoc_a)

    response = client.get(reverse("admin:casework_case_changelist"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("staff:login"))
    assert report_mix.a_details.reference not in response.content.decode()


def test_admin_with_second_factor_shows_index(client, spoc_a):
    sign_in(client, spoc_a)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert "Casework and administration" in response.content.decode()
    apps = {app["app_label"] for app in response.context["app_list"]}
    assert "casework" in apps
    assert "centres" in apps  # support services


@pytest.mark.parametrize("who", ["volunteer_a", "coordinator_a", "analyst"])
def test_admin_for_non_staff_is_refused_not_a_sign_in(client, request, who):
    user = request.getfixturevalue(who)
    sign_in(client, user)

    response = client.get(reverse("admin:index"))

    # The out-of-role page (tests/test_error_pages.py), not a sign-in form for someone signed in.
    assert response.status_code == 403
    assert f"You are signed in as {user.name}." in response.content.decode()
    assert "app_list" not in response.context


def test_admin_for_anonymous_redirects_to_staff_sign_in(client):
    chain = follow_redirects(client, reverse("admin:casework_case_changelist"))

    assert urlsplit(chain[-1]).path == reverse("staff:login")


def test_admin_sign_in_keeps_the_whole_next_url(client):
    wanted = reverse("admin:casework_case_changelist") + "?status__exact=new&priority__exact=high"

    chain = follow_redirects(client, wanted)

    assert parse_qs(urlsplit(chain[-1]).query)["next"] == [wanted]


def test_admin_index_for_administrator_lists_reference_data_not_reports(client, administrator):
    sign_in(client, administrator)

    response = client.get(reverse("admin:index"))

    models = {
        f"{app['app_label']}.{model['object_name']}"
        for app in response.context["app_list"]
        for model in app["models"]
    }
    assert {"centres.Area", "centres.Centre", "centres.AccessLogEntry"} <= models
    assert "reporting.Report" not in models
    assert "casework.Case" not in models


def test_admin_index_for_superuser_lists_everything(client, superuser):
    sign_in(client, superuser)

    response = client.get(reverse("admin:index"))

    models = {
        f"{app['app_label']}.{model['object_name']}"
        for app in response.context["app_list"]
        for model in app["models"]
    }
    assert {"reporting.Report", "casework.Case", "centres.AccessLogEntry"} <= models


def test_admin_access_log_is_read_only_for_administrator(client, administrator):
    sign_in(client, administrator)

    response = client.get(reverse("admin:centres_accesslogentry_changelist"))

    assert response.status_code == 200
    assert not response.context["has_add_permission"]
    assert client.get(reverse("admin:centres_accesslogentry_add")).status_code == 403
