"""Reporting in British Sign Language (issue 19, part 2): the BSL page in every language and
the links to it, and the BSL videos an administrator attaches to the public pages: stripped
like evidence, captioned, shown with <video> and <track>, streamed from this site."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from centres.models import BslVideo, Role
from reporting import bsl_videos
from tests.conftest import member, sign_in
from tests.factories import CentreFactory
from tests.reporting.evidence_files import (
    LOCATION,
    PICTURE,
    SOUND,
    TAGS,
    ffprobe,
    make,
    mp4_video,
)

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:01.000\nHow to report, in BSL\n"


@pytest.fixture
def video_storage(tmp_path, monkeypatch):
    storage = FileSystemStorage(location=tmp_path / "bsl")
    for name in ("video", "captions"):
        monkeypatch.setattr(BslVideo._meta.get_field(name), "storage", storage)
    return storage


def upload(data: bytes, name: str, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


# --- The page ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_bsl_page_in_every_language(client, language):
    page = client.get(f"/{language}/bsl/")

    assert page.status_code == 200
    html = page.content.decode()
    assert f'lang="{language}"' in html
    assert f'href="/{language}/report/"' in html  # report here, with a BSL video call back
    assert "SignVideo" in html and '<bdi dir="ltr">18001 101</bdi>' in html


def test_bsl_page_lists_listed_centres_that_offer_bsl(client):
    signing = CentreFactory(name="Deaf Community Hub", bsl=True)
    CentreFactory(name="Quiet Library", bsl=False)
    CentreFactory(name="Unlisted Signing Centre", bsl=True, is_listed=False)

    html = client.get("/en/bsl/").content.decode()

    assert "Deaf Community Hub" in html
    assert reverse("centres:centre", args=[signing.slug]) in html
    assert "Quiet Library" not in html and "Unlisted Signing Centre" not in html


def test_start_page_help_link_and_accessibility_statement_lead_to_the_bsl_page(client):
    start = client.get("/en/").content.decode()
    statement = client.get("/en/accessibility/").content.decode()

    assert 'href="/en/bsl/"' in start
    assert 'href="/en/bsl/"' in statement
    assert "there are no Easy Read or British Sign Language (BSL) versions yet" not in statement


# --- Cleaning an upload ------------------------------------------------------------------------


def test_bsl_video_is_stripped_of_its_metadata(ffmpeg_installed):
    original = mp4_video()
    assert LOCATION.encode() in original and b"Amina Khan" in original

    cleaned, content_type = bsl_videos.clean_video(upload(original, "mine.mp4", "video/mp4"))
    data = cleaned.read()

    assert content_type == "video/mp4"
    assert b"Amina Khan" not in data and LOCATION.encode() not in data
    probe = ffprobe(data)
    assert {s["codec_type"] for s in probe["streams"]} == {"video", "audio"}
    assert "title" not in probe["format"].get("tags", {})


@pytest.mark.parametrize(
    "make_file",
    [
        lambda: make("mp4", *SOUND, "-c:a", "aac", *TAGS),  # sound only, in a video file
        lambda: make("m4a", *SOUND, "-c:a", "aac"),
        lambda: b"%PDF-1.4 not a video",
    ],
    ids=["mp4-without-picture", "m4a", "pdf"],
)
def test_anything_but_a_video_is_refused(ffmpeg_installed, make_file):
    with pytest.raises(ValidationError) as refused:
        bsl_videos.clean_video(upload(make_file(), "video.mp4", "video/mp4"))

    assert refused.value.messages == ["Choose a video file (MP4, MOV or WebM)"]


def test_captions_must_be_webvtt():
    assert bsl_videos.clean_captions(upload(CAPTIONS, "c.vtt", "text/vtt")).read() == CAPTIONS
    for bad in (b"1\n00:00:00,000 --> 00:00:01,000\nSRT\n", b"WEBVTT\n\nno cues", b"\xff\xfe"):
        with pytest.raises(ValidationError):
            bsl_videos.clean_captions(upload(bad, "c.vtt", "text/vtt"))


# --- The administrator, the page, the stream ---------------------------------------------------


def test_administrator_attaches_a_captioned_video_that_the_page_shows(
    client, video_storage, ffmpeg_installed
):
    administrator = member(Role.ADMINISTRATOR)
    sign_in(client, administrator)

    response = client.post(
        reverse("admin:centres_bslvideo_add"),
        {
            "page": "start",
            "title": "How to report, in BSL",
            "is_published": "on",
            "video": upload(mp4_video(), "clip.mp4", "video/mp4"),
            "captions": upload(CAPTIONS, "clip.vtt", "text/vtt"),
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    video = BslVideo.objects.get()
    assert video.uploaded_by == administrator and video.content_type == "video/mp4"
    stored = video_storage.open(video.video.name).read()
    assert b"Amina Khan" not in stored and LOCATION.encode() not in stored

    client.logout()
    html = client.get("/ur/").content.decode()
    video_url = reverse("reporting:bsl_video_file", args=[video.pk])
    captions_url = reverse("reporting:bsl_captions_file", args=[video.pk])
    assert f'<source src="{video_url}" type="video/mp4">' in html
    assert f'<track kind="captions" src="{captions_url}" srclang="en"' in html

    stream = client.get(video_url)
    assert stream["Content-Type"] == "video/mp4"
    assert b"".join(stream.streaming_content) == stored
    assert client.get(captions_url)["Content-Type"] == "text/vtt; charset=utf-8"
    # Media only from this site: the policy allows 'self' and nothing else.
    policy = stream.get("Content-Security-Policy") or client.get("/en/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "media-src" not in policy


def test_captions_are_required(client, video_storage, ffmpeg_installed):
    sign_in(client, member(Role.ADMINISTRATOR))

    page = client.post(
        reverse("admin:centres_bslvideo_add"),
        {"page": "bsl", "title": "BSL", "video": upload(mp4_video(), "c.mp4", "video/mp4")},
    )

    assert page.status_code == 200
    assert not BslVideo.objects.exists()


def test_an_unpublished_video_is_neither_shown_nor_served(client, video_storage):
    video = BslVideo.objects.create(
        page="start",
        title="Draft",
        video=upload(make("mp4", *PICTURE, "-c:v", "libx264"), "v.mp4", "video/mp4"),
        content_type="video/mp4",
        captions=upload(CAPTIONS, "c.vtt", "text/vtt"),
        is_published=False,
    )

    assert "<video" not in client.get("/en/").content.decode()
    assert client.get(reverse("reporting:bsl_video_file", args=[video.pk])).status_code == 404
