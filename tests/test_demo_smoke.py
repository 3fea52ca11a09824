"""The demo, walked as each of its accounts: sign in through the real pages with the password
and a code from the account's authenticator, then open every staff page the demo has.

The admin pages are discovered, not listed: every model the admin index offers the person,
its changelist plain, with each value its sidebar filters offer and with a search, and the
change and history pages of its first row. Each page answers 200, or the 403 or 404 the role
is refused with; nothing is logged at ERROR on the way."""

import logging
import time

import pytest
from django.contrib.admin.utils import quote
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.demo import DEMO_DOMAIN, DEMO_PASSWORD, load
from casework.insights import board
from casework.insights import filters as insights_filters
from centres.models import Membership, Role
from reporting.models import Report

pytestmark = pytest.mark.django_db

ACCOUNTS = [account["local"] for account in load("people")["accounts"]]
CENTRE_ROLES = {"volunteer", "coordinator", "ambassador"}
# Who may open what beyond the admin: the workspace is for centre workers, the insights for
# analysts and administrators; everyone else is refused with 403.
INSIGHTS = {"analyst", "admin"}
ADMIN = {"spoc", "officer", "inspector", "spoc.chelmsford", "admin", "superuser"}
# The data protection officer's pages (/data-protection/): the officer and the superuser.
DATA_PROTECTION = {"dpo", "superuser"}
# Workspace pages only a centre's coordinator may open: anyone else there gets 404.
COORDINATOR_ONLY = {"listing", "volunteers", "volunteer", "counts"}


class Walk:
    """A signed-in client that checks each answer and counts the requests."""

    def __init__(self, client):
        self.client = client
        self.requests = 0

    def get(self, url, expected=200, query=None):
        response = self.client.get(url, query)
        self.requests += 1
        assert response.status_code == expected, f"{url}: {response.status_code}"
        return response


def sign_in(client, email):
    """Password, then the current code of the account's authenticator, as a person would."""
    response = client.post("/staff/sign-in/", {"username": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302, email
    device = TOTPDevice.objects.get(user__email=email, confirmed=True)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = client.post("/staff/sign-in/code/", {"token": f"{code:0{device.digits}d}"})
    assert response.status_code == 302, email
    assert not response.headers["Location"].startswith("/staff/sign-in/")


def walk_admin(walk) -> set[str]:
    """Every changelist the admin index offers, with its filters, a search, and the change
    and history pages of one row. Returns the models walked."""
    index = walk.get(reverse("admin:index"))
    walked = set()
    for app in index.context["app_list"]:
        for model in app["models"]:
            if model.get("admin_url"):
                walk_changelist(walk, model["admin_url"])
                walked.add(f"{app['app_label']}.{model['object_name'].lower()}")
    return walked


def walk_changelist(walk, url):
    changelist = walk.get(url).context["cl"]
    seen = {""}
    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            if choice["query_string"] not in seen:
                seen.add(choice["query_string"])
                walk.get(f"{url}{choice['query_string']}")
    if changelist.search_fields:
        walk.get(f"{url}?q=a")
    row = next(iter(changelist.result_list), None)
    if row is not None:
        opts = changelist.opts
        name = f"admin:{opts.app_label}_{opts.model_name}"
        walk.get(reverse(f"{name}_change", args=[quote(row.pk)]))
        walk.get(reverse(f"{name}_history", args=[quote(row.pk)]))


def walk_casework_extras(walk, expected):
    """The daily threat review, its PDF and a case summary PDF."""
    walk.get(reverse("admin:casework_case_daily_review"), expected)
    response = walk.get(reverse("admin:casework_case_daily_review_pdf"), expected)
    if expected == 200:
        assert response.content.startswith(b"%PDF")
    case_list = walk.get(reverse("admin:casework_case_changelist"), expected)
    if expected == 200:
        case = case_list.context["cl"].result_list[0]
        response = walk.get(reverse("admin:casework_case_summary_pdf", args=[case.pk]))
        assert response.content.startswith(b"%PDF")


def workspace_pages(local) -> dict[str, str]:
    """The workspace pages of the person's centre, or of the demo volunteer's for anyone
    without one, with a report logged there."""
    user_local = local if local in CENTRE_ROLES else "volunteer"
    membership = Membership.objects.filter(
        user__email=f"{user_local}@{DEMO_DOMAIN}", role__in=Role.CENTRE_ROLES
    ).first()
    centre = membership.centre_id
    report = Report.objects.filter(centre=centre).order_by("pk").first()
    return {
        "home": reverse("workspace:home"),
        "report": reverse("workspace:report", args=[report.pk]),
        "receipt": reverse("workspace:receipt", args=[report.pk]),
        "assisted_start": reverse("workspace:assisted_start"),
        "training": reverse("workspace:training", args=[centre]),
        "listing": reverse("workspace:listing", args=[centre]),
        "volunteers": reverse("workspace:volunteers", args=[centre]),
        "volunteer": reverse("workspace:volunteer", args=[centre, membership.pk]),
        "counts": reverse("workspace:counts", args=[centre]),
    }


def expected_workspace(local, page) -> int:
    if local not in CENTRE_ROLES:
        return 403
    if page in COORDINATOR_ONLY and local != "coordinator":
        return 404
    return 200


def walk_data_protection(walk, expected):
    """The officer's pages, each with something on it in the demo."""
    home = walk.get(reverse("data_protection:home"), expected)
    erasures = walk.get(reverse("data_protection:erasure_list"), expected)
    walk.get(reverse("data_protection:access_log"), expected)
    unusual = walk.get(reverse("data_protection:unusual"), expected)
    walk.get(reverse("data_protection:retention"), expected)
    export = walk.get(reverse("data_protection:access_log_export") + "?action=export", expected)
    if expected != 200:
        return
    assert home.context["waiting"], "the demo has erasure requests waiting"
    assert erasures.context["overdue"] == 1
    assert unusual.context["people"], "the demo has one officer's unusual day"
    assert b"".join(export.streaming_content).startswith(b"when,who")
    request = erasures.context["waiting"][0]
    walk.get(reverse("data_protection:erasure", args=[request.pk]))
    walk.get(reverse("data_protection:report", args=[request.report_id]))


def walk_insights(walk, expected):
    """Insights plain, then filtered to the busiest area and its last quarter, with every
    section there; and one table of it exported as CSV."""
    walk.get(reverse("casework:insights"), expected)
    area = Report.objects.values("area__code").annotate(n=Count("id")).order_by("-n")[0]
    month = timezone.localdate().replace(day=1)
    query = {
        "area": area["area__code"],
        "start": f"{insights_filters.add_months(month, -3):%Y-%m}",
        "end": f"{insights_filters.add_months(month, -1):%Y-%m}",
    }
    page = walk.get(reverse("casework:insights"), expected, query)
    export = walk.get(reverse("casework:insights_export", args=["channels"]), expected, query)
    if expected != 200:
        return
    keys = {section["table"].key for section in page.context["sections"]}
    assert {"reports-by-month", "outcomes", "updates-on-time", "places-by-area"} <= keys
    assert export["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("local", ACCOUNTS)
def test_demo_account_walks_every_page_it_may_and_is_refused_the_rest(
    seeded_demo, client, caplog, local
):
    caplog.set_level(logging.ERROR)
    started = time.monotonic()
    sign_in(client, f"{local}@{DEMO_DOMAIN}")
    walk = Walk(client)

    if local in ADMIN:
        walked = walk_admin(walk)
        police = "casework.case" in walked
        walk_casework_extras(walk, 200 if police else 403)
    else:
        walk.get(reverse("admin:index"), 403)
        walked = set()
    pages = workspace_pages(local)
    for page, url in pages.items():
        expected = expected_workspace(local, page)
        if page == "receipt" and expected == 200:
            # The receipt is the public one, in the report's language: the workspace says
            # which report, then sends the volunteer there.
            url = walk.get(url, 302).headers["Location"]
        response = walk.get(url, expected)
        if page == "receipt" and expected == 200:
            assert response.content.startswith(b"%PDF")
    walk_insights(walk, 200 if local in INSIGHTS else 403)
    walk_data_protection(walk, 200 if local in DATA_PROTECTION else 403)
    quarter = board.quarter_slug(board.last_complete_quarter())
    walk.get(reverse("casework:board_index"), 200 if local in INSIGHTS else 403)
    walk.get(
        reverse("casework:board_report", args=[quarter, "force"]),
        200 if local in INSIGHTS else 403,
    )
    if local == "analyst":  # the demo's last quarter, every section (one render is enough)
        pdf = walk.get(reverse("casework:board_report_pdf", args=[quarter, "force"]))
        assert pdf.content.startswith(b"%PDF")

    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert not errors, [record.getMessage() for record in errors]
    assert walk.requests >= len(pages) + 2
    print(
        f"{local}: {walk.requests} requests, {len(walked)} changelists, "
        f"{time.monotonic() - started:.1f} s"
    )


def test_demo_school_safeguarding_lead_sees_pupils_reports_and_police_news(
    seeded_demo, client, caplog
):
    """The school (issue 19): its designated safeguarding lead signs in like everyone else,
    sees the pupil's report the school logged, with the police news on it, and the one a
    pupil told the school about instead of the police; the police see only the first, flagged
    for safeguarding."""
    caplog.set_level(logging.ERROR)
    school = load("schools")
    sign_in(client, f"{school['accounts'][0]['local']}@{DEMO_DOMAIN}")
    walk = Walk(client)
    logged = Report.objects.get(centre__slug=school["school"]["slug"])
    told = Report.objects.get(school__slug=school["school"]["slug"])

    home = walk.get(reverse("workspace:home")).content.decode()
    logged_page = walk.get(reverse("workspace:report", args=[logged.pk])).content.decode()
    walk.get(reverse("workspace:report", args=[told.pk]))
    walk.get(reverse("workspace:assisted_start"))
    walk.get(reverse("admin:index"), 403)

    assert logged.reference in home and told.reference in home
    assert "arrested" in logged_page.lower()
    assert logged.case.safeguarding is True
    assert told.consent == "do_not_share" and not hasattr(told, "case")
    client.logout()
    sign_in(client, f"spoc@{DEMO_DOMAIN}")
    flagged = walk.get(reverse("admin:casework_case_changelist"), 200)
    flagged = client.get(reverse("admin:casework_case_changelist"), {"safeguarding": "yes"})
    assert logged.case.pk in {case.pk for case in flagged.context["cl"].result_list}
    assert told.reference not in flagged.content.decode()
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert not errors, [record.getMessage() for record in errors]
