"""The privacy notice says exactly what the purge does: its periods come from the schedule
(settings.HATEREPORT_RETENTION and the areas' shorter periods), in words, in every language;
the tracking page says when a report can no longer be checked."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from centres.models import Area
from reporting.lifecycle import apply_configured, period_in_words

pytestmark = pytest.mark.django_db

SHORTER = {"contact_days": 90, "free_text_days": 180, "evidence_days": 1, "anonymise_days": 540}


def retention_list(client, language="en") -> list[str]:
    with translation.override(language):
        html = client.get(reverse("reporting:privacy")).content.decode()
    block = re.search(r"<ul [^>]*data-retention>(.*?)</ul>", html, re.S).group(1)
    return [" ".join(item.split()) for item in re.findall(r"<li>(.*?)</li>", block, re.S)]


def test_notice_states_the_default_schedule(client):
    items = retention_list(client)

    assert "a report you start but do not send: deleted after 1 day" in items
    assert "your contact details and how you want us to contact you: deleted after 1 year" in items
    assert "files you uploaded: deleted after 1 year" in items
    assert any(item.startswith("the whole report: anonymised after 2 years.") for item in items)


def test_notice_changes_when_the_settings_change(client):
    with override_settings(HATEREPORT_RETENTION=SHORTER):
        # Shorter periods wait for the data protection officer's review (lifecycle/schedule.py):
        # until then the purge keeps to the old ones, and so does the notice.
        assert "files you uploaded: deleted after 1 year" in retention_list(client)
        apply_configured(by=None, would_remove={})
        items = retention_list(client)

    assert "your contact details and how you want us to contact you: deleted after 90 days" in items
    assert (
        "what you wrote in your own words, and anything you added later: deleted after 180 days"
        in items
    )
    assert "files you uploaded: deleted after 1 day" in items
    assert any(item.startswith("the whole report: anonymised after 540 days.") for item in items)


def test_a_longer_period_is_in_the_notice_at_once(client):
    # Free text and files have no area override to cap them: longer nationally, longer here.
    longer = {
        "contact_days": 365,
        "free_text_days": 3 * 365,
        "evidence_days": 4 * 365,
        "anonymise_days": 730,
    }
    with override_settings(HATEREPORT_RETENTION=longer):
        items = retention_list(client)

    assert (
        "what you wrote in your own words, and anything you added later: deleted after 3 years"
        in items
    )
    assert "files you uploaded: deleted after 4 years" in items


def test_notice_states_the_longest_any_area_keeps(client):
    # Every area keeps contact details 200 days: the national year is never reached.
    Area.objects.update(contact_retention_days=200)
    apply_configured(by=None, would_remove={})

    items = retention_list(client)

    assert (
        "your contact details and how you want us to contact you: deleted after 200 days" in items
    )


def test_tracking_page_says_when_checking_stops(client):
    with override_settings(HATEREPORT_RETENTION=SHORTER), translation.override("en"):
        apply_configured(by=None, would_remove={})
        html = client.get(reverse("tracking:track")).content.decode()

    text = " ".join(html.split())
    assert "You can check your report until it is anonymised, 540 days after" in text


@pytest.mark.parametrize(
    "language, days, words",
    [
        ("en", 730, "2 years"),
        ("en", 1, "1 day"),
        # These wait for the lead's merge of the translations (/tmp/po/h-retention.json).
        ("cy", 730, "2 flynedd"),
        ("pl", 5, "5 dni"),
        ("ar", 730, "2 سنتين"),
    ],
)
def test_periods_in_words_use_each_languages_plural_forms(language, days, words):
    with translation.override(language):
        assert period_in_words(days) == words


def test_notice_in_urdu_states_the_periods(client):
    # Waits for the translation merge.
    items = retention_list(client, "ur")

    assert any("2 سال" in item for item in items)
