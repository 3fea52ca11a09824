"""Headers on every response: the Content-Security-Policy, the Permissions-Policy, the
Referrer-Policy and Cross-Origin-Opener-Policy, and Cache-Control no-store on everything that
is not a static file (centres/middleware.py, CONTENT_SECURITY_POLICY in settings).

The walk visits every URL pattern of the URLconf, the admin's included, in every language,
as someone anonymous, a volunteer, a SPOC and a superuser (both with a second factor). It
fills each pattern's parameters from the rows made here; a new pattern it cannot fill fails
the walk until FILL says how (there is nothing it leaves out). Error answers (400, 403, CSRF,
404, 500) and static files are checked on their own.
"""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.forms import CASE_ACTION_FORMS
from casework.models import Escalation
from centres.middleware import PERMISSIONS_POLICY, ResponseHeadersMiddleware
from centres.models import AccessLogEntry, AwarenessActivity, BslVideo
from centres.services import invitation_url
from reporting import access
from reporting.forms.sharing import HOW as SHARE_HOW
from reporting.journey.steps import STEPS
from reporting.receipt import SESSION_KEY as RECEIPT_KEY
from tests.conftest import sign_in
from tests.factories import (
    EvidenceFileFactory,
    LocalOutcomeCodeFactory,
    NotificationFactory,
    SupportServiceFactory,
)
from tests.reporting.evidence_files import jpeg_with_gps, temporary_storage
from tests.reporting.journey_steps import contact_answers, submit, walk

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PASSPHRASE = "lantern-orchard-velvet-compass-meadow"

# What every policy must say, directive by directive; "'none'" is accepted wherever a
# response is stricter than the site's policy (the evidence download's is).
REQUIRED = {
    "default-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}
# The only sources any directive may name: the site itself, or nothing.
ALLOWED_SOURCES = {"'self'", "'none'"}

# Pages whose GET ends the browser's session (the quick exit, the tracking page's "I've
# finished"): walked last, each with the persona signed in again first.
SESSION_ENDING = {"quick_exit", "tracking:sign_out"}

# The pages each persona must really reach (200), so the walk is known to see the personal
# pages and not only the sign-in page they would otherwise be sent to.
REACHED = {
    "anonymous": {
        "/en/",
        "/ur/report/check/",
        "/en/report/receipt/",
        "/pl/track/status/",
        "/en/centres/",
        "/staff/sign-in/",
    },
    "volunteer": {"/centre/", "/centre/reports/{report}/", "/centre/evidence/{evidence}/"},
    "spoc": {"/admin/", "/admin/casework/case/", "/admin/casework/case/{case}/change/"},
    "superuser": {"/admin/centres/user/", "/admin/reporting/report/{report}/change/"},
}


# --- The URLconf, every pattern -----------------------------------------------------------------


def url_patterns(resolver=None, prefix="", namespace=""):
    """(template, URL name) for every pattern, "<lang>/" standing for the language prefix and
    regular expressions kept as they are (their anchors removed)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        template = prefix + _piece(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from url_patterns(entry, template, inner.strip(":"))
        else:
            assert isinstance(entry, URLPattern)
            name = f"{namespace}:{entry.name}".strip(":") if entry.name else None
            yield template, name


def _piece(pattern) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        return "<lang>/"
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    assert isinstance(pattern, RegexPattern), pattern
    return str(pattern).removeprefix("^").removesuffix("$")


ROUTE_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
REGEX_PARAMETER = re.compile(r"\(\?P<(\w+)>[^()]*\)")


def fill(template: str, name: str | None, values: dict) -> list[str]:
    """The addresses of one pattern: one per language under the prefix, every parameter
    filled from `values`; fails naming the pattern when a parameter has no value."""
    found = {**values["by_pattern"](template), **values["fill"].get(name or template, {})}

    def value(match):
        parameter = match.group(1)
        assert parameter in found, (
            f"The header walk cannot fill {parameter!r} in {template!r} ({name}): "
            "add it to FILL in tests/test_headers.py"
        )
        return str(found[parameter])

    localised = template.startswith("<lang>/")
    # Regular expressions first: their groups, (?P<name>...), look like a route's <name>.
    path = ROUTE_PARAMETER.sub(value, REGEX_PARAMETER.sub(value, template.removeprefix("<lang>/")))
    assert "<lang>" not in path, f"a language prefix inside {template}"
    assert not re.search(r"[()\[\]^$*+?\\|]", path), f"unfilled regular expression in {template}"
    return [f"/{code}/{path}" for code in LANGUAGES] if localised else [f"/{path}"]


# --- The rows the walk needs ----------------------------------------------------------------


@pytest.fixture
def world(
    sparkbrook,
    report_mix,
    centre_a,
    volunteer_a,
    spoc_a,
    superuser,
    tmp_path,
    monkeypatch,
):
    """A row of every model the admin lists, and the ids that fill every pattern."""
    report = report_mix.a_details
    case = report.case
    storage = temporary_storage(tmp_path, monkeypatch)
    evidence = EvidenceFileFactory(
        report=report, file=storage.save("photo", ContentFile(jpeg_with_gps()))
    )
    report.set_passphrase(PASSPHRASE)
    report.save(update_fields=["passphrase_hash"])
    Group.objects.create(name="Unused")
    for user in (volunteer_a, spoc_a, superuser):  # as sign_in() gives them
        TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    StaticDevice.objects.create(user=volunteer_a, name="Backup codes")
    AwarenessActivity.objects.create(
        centre=centre_a, date=timezone.localdate(), kind="talk", description="A talk"
    )
    SupportServiceFactory()
    NotificationFactory(recipient=report.contact)
    LocalOutcomeCodeFactory(area=case.area)
    Escalation.objects.create(case=case, kind="not_triaged", level="spoc")
    bsl_video = _bsl_video(tmp_path, monkeypatch)
    access.record(superuser, report, AccessLogEntry.Action.VIEW, detail="set-up")
    _axes_rows(volunteer_a)

    objects = {}
    for model in admin.site._registry:
        obj = model._default_manager.order_by("pk").first()
        assert obj is not None, f"the header walk needs a {model.__name__}: make one in world()"
        objects[(model._meta.app_label, model._meta.model_name)] = obj

    def by_pattern(template: str) -> dict:
        """object_id, pk or id of an admin model's page: that model's row; pk of a page about
        one report in the centre workspace: the centre's report."""
        if template.startswith("centre/reports/<int:pk>/"):
            return {"pk": report.pk}
        match = re.match(r"admin/(\w+)/(\w+)/", template)
        obj = match and objects.get(match.groups())
        return {"object_id": obj.pk, "pk": obj.pk, "id": obj.pk} if obj else {}

    invitation = resolve(urlsplit(invitation_url(volunteer_a)).path).kwargs
    membership = volunteer_a.memberships.get(centre=centre_a)
    ids = {"report": report.pk, "case": case.pk, "evidence": evidence.pk}
    return {
        "by_pattern": by_pattern,
        "ids": ids,
        "users": {"volunteer": volunteer_a, "spoc": spoc_a, "superuser": superuser},
        "report": report,
        # FILL: every parameter by_pattern() does not give, by URL name (or by the pattern,
        # for one without a name).
        "fill": {
            "admin:view_on_site": {
                "content_type_id": ContentType.objects.get_for_model(centre_a).pk,
                "object_id": centre_a.pk,
            },
            "admin:app_list": {"app_label": "casework"},
            "admin:casework_case_action": {"action": next(iter(CASE_ACTION_FORMS))},
            "admin:casework_case_evidence": {"evidence_id": evidence.pk},
            "admin:casework_case_new_today": {"fmt": "json"},
            "casework:insights_export": {"key": "reports-by-month"},
            "casework:board_report": {"quarter": "2026-q3", "area": "force"},
            "casework:board_report_pdf": {"quarter": "2026-q3", "area": "force"},
            "data_protection:report": {"pk": report.pk},
            # No erasure request in this world: the page answers 404, with the headers.
            "data_protection:erasure": {"pk": report.pk},
            "tracking:your_data_download": {"kind": "json"},
            "reporting:easy_read_guide": {"slug": "how-to-report"},
            "reporting:easy_read_pdf": {"slug": "how-to-report"},
            "admin/(?P<url>.*)": {"url": "no-such-page/"},  # the admin's catch-all
            "staff:invitation": invitation,
            "workspace:evidence": {"pk": evidence.pk},
            "workspace:share_confirm": {"how": next(iter(SHARE_HOW))},
            "tracking:share_confirm": {"how": next(iter(SHARE_HOW))},
            "workspace:assisted_step": {"slug": STEPS[0].slug},
            "workspace:training": {"centre_id": centre_a.pk},
            "workspace:listing": {"centre_id": centre_a.pk},
            "workspace:volunteers": {"centre_id": centre_a.pk},
            "workspace:volunteer": {"centre_id": centre_a.pk, "pk": membership.pk},
            "workspace:counts": {"centre_id": centre_a.pk},
            "centres:centre": {"slug": centre_a.slug},
            "reporting:report_step": {"slug": STEPS[0].slug},
            "reporting:bsl_video_file": {"pk": bsl_video.pk},
            "reporting:bsl_captions_file": {"pk": bsl_video.pk},
        },
    }


def _bsl_video(tmp_path, monkeypatch) -> BslVideo:
    """A published BSL video (its bytes are not read as a video here), in a temporary place."""
    storage = FileSystemStorage(location=tmp_path / "bsl")
    for name in ("video", "captions"):
        monkeypatch.setattr(BslVideo._meta.get_field(name), "storage", storage)
    return BslVideo.objects.create(
        page="start",
        title="How to report, in BSL",
        video=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="v.mp4"),
        content_type="video/mp4",
        captions=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", name="c.vtt"),
    )


def _axes_rows(user):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    where = {"username": user.email, "ip_address": "192.0.2.1", "user_agent": "test"}
    AccessAttempt.objects.create(**where, get_data="", post_data="", failures_since_start=1)
    AccessFailureLog.objects.create(**where, locked_out=False)
    AccessLog.objects.create(**where)


# --- Checking one response ----------------------------------------------------------------------


def policy(header: str) -> dict[str, set[str]]:
    directives = {}
    for part in header.split(";"):
        if part.strip():
            name, *sources = part.split()
            directives[name] = set(sources)
    return directives


def header_problems(response, *, dynamic=True) -> list[str]:
    """What is wrong with one response's headers, in words."""
    problems = []
    csp = policy(response.get("Content-Security-Policy", ""))
    for name, required in REQUIRED.items():
        if csp.get(name) not in (required, {"'none'"}):
            problems.append(f"CSP {name} is {csp.get(name)}")
    for name, sources in csp.items():
        if sources - ALLOWED_SOURCES:
            problems.append(f"CSP {name} allows {sorted(sources - ALLOWED_SOURCES)}")
    if response.get("Permissions-Policy") != PERMISSIONS_POLICY:
        problems.append("no Permissions-Policy")
    if response.get("Referrer-Policy") not in ("same-origin", "no-referrer"):
        problems.append(f"Referrer-Policy {response.get('Referrer-Policy')}")
    if response.get("Cross-Origin-Opener-Policy") != "same-origin":
        problems.append("no Cross-Origin-Opener-Policy")
    cache_control = response.get("Cache-Control", "")
    if dynamic and "no-store" not in cache_control:
        problems.append(f"Cache-Control {cache_control!r}")
    return problems


# What the policy would block in a page: an inline script, a <style> block, a style or event
# handler attribute, a javascript: address. Found here in every page the walk renders, the
# Django admin's included, without a browser.
INLINE = {
    # A script with no src, unless it is data (json_script), which no policy blocks.
    "inline script": re.compile(
        r"<script(?![^>]*\s(?:src=|type=\"application/json\"))[^>]*>", re.IGNORECASE
    ),
    "style block": re.compile(r"<style[\s>]", re.IGNORECASE),
    "style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.IGNORECASE),
    "event handler": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE),
    "javascript: address": re.compile(r"=\s*[\"']?\s*javascript:", re.IGNORECASE),
}


def inline_problems(response) -> list[str]:
    if not response.get("Content-Type", "").startswith("text/html") or response.streaming:
        return []
    html = response.content.decode()
    return [f"{what}: {m.group(0)[:80]}" for what, rx in INLINE.items() for m in rx.finditer(html)]


# --- The walk -----------------------------------------------------------------------------------


def _client_for(persona: str, world, *, with_history=True) -> Client:
    client = Client(raise_request_exception=False)
    if persona == "anonymous" and not with_history:
        return client
    if persona == "anonymous":
        # Someone part-way through a report, who sent one before (its receipt is theirs to
        # download) and is signed in to the tracking page: the pages show their answers.
        walk(client, "en", contact_answers())
        submit(client)
        assert RECEIPT_KEY in client.session
        walk(client, "ur", contact_answers())
        signed_in = client.post(
            "/en/track/", {"reference": world["report"].reference, "passphrase": PASSPHRASE}
        )
        assert signed_in.status_code == 302, "the tracking sign-in failed"
        return client
    return sign_in(client, world["users"][persona])


def _still_signed_in(client, persona, world) -> bool:
    if persona == "anonymous":
        return True
    return str(client.session.get("_auth_user_id")) == str(world["users"][persona].pk)


@pytest.mark.parametrize("persona", ["anonymous", "volunteer", "spoc", "superuser"])
def test_every_url_in_every_language_carries_the_headers(persona, world):
    addresses = [
        (path, name) for template, name in url_patterns() for path in fill(template, name, world)
    ]
    ordinary = [(path, name) for path, name in addresses if name not in SESSION_ENDING]
    ending = [(path, name) for path, name in addresses if name in SESSION_ENDING]
    client = _client_for(persona, world)
    problems, statuses = {}, {}
    started = time.monotonic()

    for path, name in ordinary + ending:
        if name in SESSION_ENDING:
            client = _client_for(persona, world, with_history=False)
        assert _still_signed_in(client, persona, world), f"signed out before {path}"
        response = client.get(path)
        statuses[path] = response.status_code
        if found := header_problems(response) + inline_problems(response):
            problems[f"{path} ({response.status_code})"] = found

    assert problems == {}
    reached = {page.format(**world["ids"]) for page in REACHED[persona]}
    assert {page: statuses.get(page) for page in reached} == dict.fromkeys(reached, 200)
    assert len(statuses) == len(addresses) > 300
    print(f"{persona}: {len(statuses)} addresses in {time.monotonic() - started:.1f} s")


# --- Errors, refusals and static files ------------------------------------------------------


@pytest.fixture
def failing_urls(settings):
    settings.ROOT_URLCONF = "tests.error_urls"


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/en/no-such-page/", 404),
        ("/centre/no-such-page/", 404),
        ("/ur/bad-request/", 400),
        ("/en/forbidden/", 403),
        ("/centre/forbidden/", 403),
        ("/pl/explode/", 500),
        ("/centre/explode/", 500),
    ],
)
def test_error_pages_carry_the_headers(client, failing_urls, path, status):
    client.raise_request_exception = False

    response = client.get(path)

    assert response.status_code == status
    assert header_problems(response) == []


def test_a_request_for_a_host_the_site_does_not_serve_is_refused_with_the_headers(client):
    response = client.get("/en/", HTTP_HOST="elsewhere.example")

    assert response.status_code == 400
    assert header_problems(response) == []


def test_a_form_sent_without_its_csrf_token_is_refused_with_the_headers():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/en/track/", {"reference": "HR-AAAA-AAAA", "passphrase": "x"})

    assert response.status_code == 403
    assert "This page has expired" in response.content.decode()
    assert header_problems(response) == []


def test_static_files_keep_their_cache_and_get_the_policies(client):
    response = client.get("/static/hatereport/site.css")

    assert response.status_code == 200
    assert "max-age" in response["Cache-Control"]
    assert "no-store" not in response["Cache-Control"]
    assert header_problems(response, dynamic=False) == []


def test_a_view_that_asks_to_be_cached_is_not_stored(rf):
    def cacheable(request):
        response = HttpResponse("A page")
        patch_cache_control(response, public=True, max_age=3600)
        return response

    response = ResponseHeadersMiddleware(cacheable)(rf.get("/en/"))

    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"no-store", "private", "max-age=0"} <= directives
    assert "public" not in directives
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY


def test_a_view_that_says_no_store_keeps_its_own_words(rf):
    def no_store(request):
        return HttpResponse("A download", headers={"Cache-Control": "no-store"})

    response = ResponseHeadersMiddleware(no_store)(rf.get("/exit/"))

    assert response["Cache-Control"] == "no-store"
