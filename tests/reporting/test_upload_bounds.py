"""Uploads within bounds: before a report exists, files are taken per client address (per
staff account in assisted reporting) only so many bytes and files in a sliding hour, and
unsent drafts' files hold no more than a site-wide cap. A refusal says what to do, loses
nothing typed or uploaded, and the report can still be sent. Through the journeys' views."""

import datetime as dt
import logging
import socket

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from reporting import retention
from reporting.evidence import bounds
from reporting.journey import DRAFT_LIFETIME
from reporting.models import EvidenceFile, Report
from tests.conftest import sign_in
from tests.reporting import journey_steps as public
from tests.reporting import test_workspace_assisted as assisted
from tests.reporting.evidence_files import jpeg_with_gps, stored_files, temporary_storage
from tests.reporting.test_evidence_journey import answer, until

pytestmark = pytest.mark.django_db

PHOTO = jpeg_with_gps()
CLIENT_REFUSED = "as many files as we can take from your connection in an hour"
STAFF_REFUSED = "as many files as one account can in an hour"
SITE_REFUSED = "We cannot take more files at the moment"
SAVED = "Your answers and the files already added are saved"


@pytest.fixture
def evidence_storage(tmp_path, monkeypatch):
    return temporary_storage(tmp_path, monkeypatch)


@pytest.fixture
def roomy(settings):
    """Bounds far from the way, for a test to lower the one it is about."""
    settings.EVIDENCE_MAX_FILES = 10
    settings.EVIDENCE_UPLOAD_BYTES_PER_CLIENT_PER_HOUR = 100 * len(PHOTO)
    settings.EVIDENCE_UPLOAD_FILES_PER_CLIENT_PER_HOUR = 100
    settings.EVIDENCE_UPLOAD_BYTES_PER_STAFF_PER_HOUR = 100 * len(PHOTO)
    settings.EVIDENCE_UPLOAD_FILES_PER_STAFF_PER_HOUR = 100
    settings.EVIDENCE_DRAFT_STORAGE_CAP_BYTES = 100 * len(PHOTO)
    return settings


def reporter(address="192.0.2.1"):
    """A browser of its own (its own draft) at `address`."""
    return Client(REMOTE_ADDR=address)


def to_evidence(client, lang="en"):
    """Answer every page before the evidence page; the pages after it, to walk later."""
    before, after = until(public.anonymous_answers(), "evidence")
    answer(client, lambda slug: public.url(lang, slug), before)
    return after


def add(client, url=None):
    url = url or public.url("en", "evidence")
    return client.post(
        url, {"action": "add", "file": SimpleUploadedFile("photo.jpg", PHOTO, "image/jpeg")}
    )


def added(response, url=None) -> bool:
    """The file was taken (back to the evidence page), or refused (the page with an error)."""
    if response.status_code == 302:
        assert response["Location"] == (url or public.url("en", "evidence"))
        return True
    assert response.status_code == 200
    assert 'class="govuk-error-summary' in response.content.decode()
    return False


def held_on_disk(storage) -> int:
    return sum(storage.size(name) for name in stored_files(storage))


# --- Per client, over the hour -----------------------------------------------------------------


def test_bytes_per_client_bound_counts_across_drafts_and_loses_nothing(
    roomy, sparkbrook, evidence_storage
):
    roomy.EVIDENCE_UPLOAD_BYTES_PER_CLIENT_PER_HOUR = int(2.5 * len(PHOTO))
    first, second = reporter(), reporter()  # one address, two drafts
    to_evidence(first)
    after = to_evidence(second)

    taken = [added(add(first)), added(add(first))]
    refused = add(second)
    other_address = reporter("192.0.2.99")
    to_evidence(other_address)

    assert taken == [True, True]
    assert not added(refused)
    page = refused.content.decode()
    assert CLIENT_REFUSED in page
    assert SAVED in page
    assert "Try again in an hour" in page
    assert len(stored_files(evidence_storage)) == 2  # the refused file was never stored
    assert added(add(other_address))  # counted per address
    # Nothing the second reporter typed is lost, and their report can still be sent.
    check = public.walk(second, "en", after).content.decode()
    assert "Shouted" in check
    public.submit(second)
    report = Report.objects.get()
    assert report.description == "Shouted"
    assert not report.evidence.exists()


def test_files_per_client_bound_is_not_reset_by_removing_a_file(
    roomy, sparkbrook, evidence_storage
):
    roomy.EVIDENCE_UPLOAD_FILES_PER_CLIENT_PER_HOUR = 3
    client = reporter()
    after = to_evidence(client)

    first = [added(add(client)), added(add(client))]
    client.post(public.url("en", "evidence"), {"remove": "1"})
    third = added(add(client))
    refused = add(client)

    assert first == [True, True]
    assert third  # a removed file still counted: two taken, then this one
    assert not added(refused)
    assert CLIENT_REFUSED in refused.content.decode()
    # The two files still named by the draft are there and go with the report.
    assert "File 2" in refused.content.decode()
    public.walk(client, "en", after)
    public.submit(client)
    assert EvidenceFile.objects.filter(report=Report.objects.get()).count() == 2
    assert len(stored_files(evidence_storage)) == 2


def test_the_hour_slides(roomy, sparkbrook, evidence_storage, time_machine):
    roomy.EVIDENCE_UPLOAD_FILES_PER_CLIENT_PER_HOUR = 3
    start = dt.datetime(2026, 12, 3, 10, 0, 30, tzinfo=dt.UTC)
    time_machine.move_to(start, tick=False)
    client = reporter()
    to_evidence(client)

    def at(minutes):
        time_machine.move_to(start + dt.timedelta(minutes=minutes), tick=False)
        return added(add(client))

    results = {
        "10:00": [at(0), at(0)],
        "10:40": at(40),
        "10:50": at(50),  # three in the last hour
        # The two from 10:00 have left the hour, the one from 10:40 has not: a clock hour
        # starting at 11:00 would take three here, the sliding hour takes two.
        "11:01": [at(61), at(61), at(61)],
        "11:41": at(101),  # the one from 10:40 has left too
    }

    assert results == {
        "10:00": [True, True],
        "10:40": True,
        "10:50": False,
        "11:01": [True, True, False],
        "11:41": True,
    }


def test_client_bound_holds_with_redis_unreachable(
    roomy, sparkbrook, evidence_storage, settings, caplog
):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "centres.cache.FailoverRedisCache",
            "LOCATION": f"redis://127.0.0.1:{dead}/0",
        }
    }
    roomy.EVIDENCE_UPLOAD_FILES_PER_CLIENT_PER_HOUR = 2
    client = reporter()
    after = to_evidence(client)

    with caplog.at_level(logging.WARNING):
        results = [added(add(client)), added(add(client))]
        refused = add(client)

    assert results == [True, True]
    assert not added(refused)
    assert CLIENT_REFUSED in refused.content.decode()
    assert "Redis unreachable" in caplog.text
    public.walk(client, "en", after)
    public.submit(client)
    assert Report.objects.get().evidence.count() == 2


def test_client_is_counted_by_a_keyed_hash_and_ipv6_by_its_64(settings):
    factory = RequestFactory()

    def key(address):
        return bounds.client_uploader(factory.get("/", REMOTE_ADDR=address)).key

    assert key("2001:db8:1:2::1") == key("2001:db8:1:2:ffff::9")  # one /64
    assert key("2001:db8:1:2::1") != key("2001:db8:1:3::1")
    assert key("192.0.2.1") != key("192.0.2.2")
    assert "192.0.2.1" not in key("192.0.2.1")
    assert "2001" not in key("2001:db8:1:2::1")
    before = key("192.0.2.1")
    settings.SECRET_KEY = "another key"
    assert key("192.0.2.1") != before  # keyed: no table of addresses' hashes to look up


# --- Assisted reporting: per staff account ---------------------------------------------------


def test_assisted_uploads_count_per_staff_account_with_higher_bounds(
    roomy, client, sparkbrook, evidence_storage, volunteer_a, centre_a
):
    roomy.EVIDENCE_UPLOAD_FILES_PER_CLIENT_PER_HOUR = 1
    roomy.EVIDENCE_UPLOAD_FILES_PER_STAFF_PER_HOUR = 3
    sign_in(client, volunteer_a)
    client.post(reverse("workspace:assisted_start"), {"centre": centre_a.pk, "language": "en"})
    before, after = until(assisted.answers(), "evidence")
    for slug, data in before:
        assert client.post(assisted.step(slug), data).status_code == 302, slug
    url = assisted.step("evidence")

    taken = [added(add(client, url), url) for _ in range(3)]
    refused = add(client, url)
    # Someone on the centre's public computer, at the same address: not counted with staff.
    visitor = reporter("127.0.0.1")
    to_evidence(visitor)

    assert taken == [True, True, True]  # over the per-address bound, under the account's
    assert not added(refused, url)
    page = refused.content.decode()
    assert STAFF_REFUSED in page
    assert added(add(visitor))
    for slug, data in after:
        assert client.post(assisted.step(slug), data).status_code == 302, slug
    client.post(assisted.step("check"), {"centre_is_go_between": "no"})
    report = Report.objects.get(channel="assisted")
    assert report.description == "Krzyczeli na mnie na ulicy."
    assert report.evidence.count() == 3


# --- Site-wide: what unsent drafts hold ------------------------------------------------------


def test_site_wide_cap_refuses_new_files_and_the_report_is_still_sent(
    roomy, sparkbrook, evidence_storage, caplog, monkeypatch
):
    monkeypatch.setitem(bounds._cap_log, "at", 0.0)
    holder = reporter("192.0.2.1")
    holder_after = to_evidence(holder)
    assert added(add(holder)) and added(add(holder))
    held = held_on_disk(evidence_storage)
    roomy.EVIDENCE_DRAFT_STORAGE_CAP_BYTES = held + len(PHOTO) // 2
    newcomer = reporter("192.0.2.2")
    newcomer_after = to_evidence(newcomer)

    with caplog.at_level(logging.WARNING, logger="reporting.evidence.bounds"):
        refused = add(newcomer)

    assert bounds.held_by_drafts() == (held, 1)
    assert not added(refused)
    page = refused.content.decode()
    assert SITE_REFUSED in page
    assert SAVED in page
    assert len(stored_files(evidence_storage)) == 2
    # Staff are told, with counts only.
    [record] = [r for r in caplog.records if r.name == "reporting.evidence.bounds"]
    assert record.getMessage() == (
        f"evidence: unsent drafts hold {held} bytes in 1 drafts, cap "
        f"{held + len(PHOTO) // 2} bytes; refused 1 uploads before a report existed"
    )
    assert "192.0.2" not in caplog.text
    # The newcomer's report goes without the file, every answer kept.
    assert "Shouted" in public.walk(newcomer, "en", newcomer_after).content.decode()
    public.submit(newcomer)
    assert Report.objects.get().evidence.count() == 0
    # Once the holder's report is sent, its files are the report's: room again for drafts.
    public.walk(holder, "en", holder_after)
    public.submit(holder)
    assert bounds.held_by_drafts() == (0, 0)
    third = reporter("192.0.2.3")
    to_evidence(third)
    assert added(add(third))


def test_held_bytes_are_the_bytes_drafts_files_hold_on_disk(
    roomy, sparkbrook, evidence_storage, django_capture_on_commit_callbacks, time_machine
):
    client = reporter()
    to_evidence(client)

    add(client), add(client)
    two = (bounds.held_by_drafts(), held_on_disk(evidence_storage))
    client.post(public.url("en", "evidence"), {"remove": "0"})
    one = (bounds.held_by_drafts(), held_on_disk(evidence_storage))
    time_machine.move_to(timezone.now() + DRAFT_LIFETIME + dt.timedelta(hours=2), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        retention.purge_expired_drafts()

    assert two == ((two[1], 1), two[1])
    assert one == ((one[1], 1), one[1])
    assert 0 < one[1] < two[1]
    assert bounds.held_by_drafts() == (0, 0)
    assert stored_files(evidence_storage) == []
