"""Nothing missing from the access log: every admin page of a model about a report or a case,
every workspace page that shows reports, and every receipt and evidence download writes it.

The admins are found on the admin site, not listed here, so a new admin of such a model is
tested (and fails until it is logged) the day it is registered; so is a new URL of theirs or
a new workspace page.
"""

import io

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse

from casework.models import Case, Escalation
from centres.access_logging import search_fingerprint
from centres.admin_site import AccessLoggedAdmin
from centres.models import AccessLogEntry
from reporting.models import Report
from reporting.receipt import SESSION_KEY
from reporting.workspace import urls as workspace_urls
from tests.conftest import sign_in
from tests.factories import CaseUpdateFactory

pytestmark = pytest.mark.django_db

SUBJECTS = (Report, Case)
# Typed into a search box by mistake: a name and a telephone number. Never in the log.
PERSONAL_TERM = "Amina Khan 07700 900123"


def is_about_a_report_or_case(model) -> bool:
    return model in SUBJECTS or any(
        field.concrete and field.is_relation and field.related_model in SUBJECTS
        for field in model._meta.get_fields()
    )


LOGGED = {
    model._meta.label: model_admin
    for model, model_admin in admin.site._registry.items()
    if is_about_a_report_or_case(model)
}


def url_name(model, view):
    return f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}"


def entries(**filters):
    """Entries about reports, cases, the rows of the logged admins (an escalation) and lists
    of them (not, say, a superuser's sign-in)."""
    models = (*SUBJECTS, ContentType, *(model_admin.model for model_admin in LOGGED.values()))
    types = [ContentType.objects.get_for_model(model) for model in models]
    return AccessLogEntry.objects.filter(object_type__in=types, **filters)


def about_rows(model):
    return entries(object_type=ContentType.objects.get_for_model(model))


def about_list(model):
    return entries(
        object_type=ContentType.objects.get_for_model(ContentType),
        object_id=ContentType.objects.get_for_model(model).pk,
    )


def first_of(model_admin):
    return model_admin.model._default_manager.order_by("pk").first()


def autocomplete_source(model):
    """A relation pointing at `model`, for the autocomplete's app_label/model_name/field."""
    relation = next(
        rel for rel in model._meta.related_objects if rel.field.many_to_one or rel.field.one_to_one
    )
    return {
        "app_label": relation.related_model._meta.app_label,
        "model_name": relation.related_model._meta.model_name,
        "field_name": relation.field.name,
    }


@pytest.fixture
def staff_client(client, report_mix, superuser):
    """The break-glass account: it sees every row, so every page has something to show."""
    CaseUpdateFactory(case=report_mix.a_details.case)
    Escalation.objects.create(case=report_mix.a_details.case, kind="not_triaged", level="spoc")
    return sign_in(client, superuser)


# --- Every admin of a model about a report or case is logged -----------------------------------


def test_admins_of_reports_and_cases_are_found_and_each_is_logged():
    assert {"reporting.Report", "casework.Case"} <= set(LOGGED)
    unlogged = [
        label
        for label, model_admin in LOGGED.items()
        if not isinstance(model_admin, AccessLoggedAdmin)
    ]

    assert unlogged == []


@pytest.mark.parametrize("label", sorted(LOGGED))
def test_admin_list_logs_each_row_shown_and_the_list(staff_client, superuser, label):
    model = LOGGED[label].model

    response = staff_client.get(reverse(url_name(model, "changelist")))

    shown = {row.pk for row in response.context["cl"].result_list}
    assert shown
    rows = about_rows(model).filter(user=superuser, action="view")
    assert set(rows.values_list("object_id", flat=True)) == shown
    [listing] = about_list(model).filter(user=superuser)
    assert listing.detail.startswith("admin list; ")
    assert f"{len(shown)} shown" in listing.detail
    assert {row.detail for row in rows} == {listing.detail}


@pytest.mark.parametrize("label", sorted(LOGGED))
def test_admin_search_logs_a_fingerprint_never_the_term(staff_client, superuser, label):
    model = LOGGED[label].model

    staff_client.get(reverse(url_name(model, "changelist")), {"q": PERSONAL_TERM})

    [listing] = about_list(model).filter(user=superuser)
    assert listing.detail.startswith(
        f"admin search; search #{search_fingerprint(PERSONAL_TERM)} "
        f"({len(PERSONAL_TERM)} characters); 0 shown"
    )
    assert_term_nowhere_in_the_log()


@pytest.mark.parametrize("label", sorted(LOGGED))
def test_admin_search_that_finds_rows_logs_them(staff_client, report_mix, superuser, label):
    model = LOGGED[label].model
    report = report_mix.a_details
    obj = {Report: report, Case: report.case}.get(model) or model.objects.get(case=report.case)

    staff_client.get(reverse(url_name(model, "changelist")), {"q": report.reference})

    [row] = about_rows(model).filter(user=superuser)
    assert row.object_id == obj.pk
    assert f"search #{search_fingerprint(report.reference)}" in row.detail


@pytest.mark.parametrize("view", ["change", "history"])
@pytest.mark.parametrize("label", sorted(LOGGED))
def test_admin_object_pages_log_the_object(staff_client, superuser, label, view):
    model_admin = LOGGED[label]
    obj = first_of(model_admin)

    response = staff_client.get(reverse(url_name(model_admin.model, view), args=[obj.pk]))

    assert response.status_code == 200
    # The case page also lists the other reports it shows (candidate matches, the same
    # reporter's and offender's reports: casework/admin/matching.py), each logged as seen.
    shown_beside = entries(user=superuser, detail__endswith=": matches and repeats")
    [entry] = entries(user=superuser).exclude(pk__in=shown_beside.values("pk"))
    assert (entry.object_type.model_class(), entry.object_id) == (model_admin.model, obj.pk)
    detail = "admin" if view == "change" else "admin history"
    assert (entry.action, entry.detail) == ("view", detail)


# The admins whose rows another model's form may choose by autocomplete (an escalation is
# chosen nowhere).
AUTOCOMPLETED = sorted(label for label, a in LOGGED.items() if a.model._meta.related_objects)


@pytest.mark.parametrize("label", AUTOCOMPLETED)
def test_admin_autocomplete_logs_the_rows_it_answers(staff_client, superuser, label):
    model = LOGGED[label].model

    response = staff_client.get(reverse("admin:autocomplete"), autocomplete_source(model))

    answered = {int(result["id"]) for result in response.json()["results"]}
    assert answered
    rows = about_rows(model).filter(user=superuser)
    assert set(rows.values_list("object_id", flat=True)) == answered
    [listing] = about_list(model).filter(user=superuser)
    assert listing.detail.startswith("admin autocomplete; ")


@pytest.mark.parametrize("label", AUTOCOMPLETED)
def test_admin_autocomplete_search_logs_a_fingerprint_never_the_term(
    staff_client, superuser, label
):
    model = LOGGED[label].model

    staff_client.get(
        reverse("admin:autocomplete"), {**autocomplete_source(model), "term": PERSONAL_TERM}
    )

    [listing] = about_list(model).filter(user=superuser)
    assert f"search #{search_fingerprint(PERSONAL_TERM)}" in listing.detail
    assert_term_nowhere_in_the_log()


def assert_term_nowhere_in_the_log():
    for entry in AccessLogEntry.objects.all():
        written = f"{entry.object_label} {entry.detail} {entry.reason}".casefold()
        assert "amina" not in written
        assert "07700" not in written


def test_fingerprint_command_finds_who_searched_for_a_term(staff_client, superuser, monkeypatch):
    staff_client.get(reverse("admin:reporting_report_changelist"), {"q": PERSONAL_TERM})
    staff_client.get(reverse("admin:reporting_report_changelist"), {"q": "someone else"})
    # Case and spacing do not matter; the term is typed in, never an argument.
    monkeypatch.setattr("sys.stdin", io.StringIO("amina  KHAN 07700 900123\n"))
    out = io.StringIO()

    call_command("access_log_fingerprint", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == f"Fingerprint: search #{search_fingerprint(PERSONAL_TERM)}"
    assert len(lines) == 3
    assert str(superuser) in lines[1]
    assert lines[2] == "1 search found."


def test_spoc_list_logs_only_the_rows_of_their_areas(client, report_mix, spoc_a):
    sign_in(client, spoc_a)

    response = client.get(reverse("admin:casework_case_changelist"))

    shown = {case.pk for case in response.context["cl"].result_list}
    logged = set(about_rows(Case).filter(user=spoc_a).values_list("object_id", flat=True))
    assert logged == shown
    assert report_mix.b_details.case.pk not in logged


def test_list_of_filters_and_pages_is_in_the_detail(client, report_mix, spoc_a):
    sign_in(client, spoc_a)

    client.get(reverse("admin:casework_case_changelist"), {"status": "new", "o": "2"})

    [listing] = about_list(Case).filter(user=spoc_a)
    assert "o=2&status=new" in listing.detail


# --- Every URL of those admins is walked: Django's above, the case admin's own here -----------

# The admins' own URLs and what each writes; a new URL fails the test below until it is added
# here and proved to log.
OWN_URLS = {
    "casework_case_daily_review": "view",
    "casework_case_daily_review_pdf": "export",
    "casework_case_summary_pdf": "export",
    # POST only; each action form's service logs the change it makes
    # (tests/casework/test_admin.py, test_admin_case_page.py).
    "casework_case_action": "change",
    # An evidence file of the case's report, logged on the report as a disclosure
    # (tests/casework/test_staff_view.py).
    "casework_case_evidence": "disclose",
    # The day's new cases for the force's records: one "export" per case, for SPOCs and
    # inspectors only (tests/casework/test_exchange.py).
    "casework_case_new_today": "export",
    # The import from the force's records: the preview changes nothing; the import's services
    # log each change they make (tests/casework/test_exchange.py).
    "casework_case_import": "change",
    "casework_case_process_import": "change",
}
# Proved by the tests named above rather than by the superuser's walk below.
PROVED_ELSEWHERE = {"casework_case_new_today"}
DJANGO_VIEWS = {"changelist", "add", "history", "delete", "change"}


def test_every_url_of_the_logged_admins_is_known():
    names = {
        pattern.name
        for model_admin in LOGGED.values()
        for pattern in model_admin.urls
        if pattern.name
    }
    django = {
        url_name(model_admin.model, view).removeprefix("admin:")
        for model_admin in LOGGED.values()
        for view in DJANGO_VIEWS
    }

    assert names - django == set(OWN_URLS)


@pytest.mark.parametrize(
    "name",
    [
        name
        for name, action in OWN_URLS.items()
        if action not in ("change", "disclose") and name not in PROVED_ELSEWHERE
    ],
)
def test_case_admin_own_pages_log_every_case_shown(staff_client, report_mix, superuser, name):
    case = report_mix.a_details.case
    args = [case.pk] if name == "casework_case_summary_pdf" else []

    response = staff_client.get(reverse(f"admin:{name}", args=args))

    assert response.status_code == 200
    logged = about_rows(Case).filter(user=superuser, action=OWN_URLS[name])
    assert case.pk in set(logged.values_list("object_id", flat=True))


@pytest.mark.parametrize("view", ["add", "delete"])
@pytest.mark.parametrize("label", sorted(LOGGED))
def test_admin_add_and_delete_are_refused_and_show_nothing(staff_client, label, view):
    model_admin = LOGGED[label]
    args = [] if view == "add" else [first_of(model_admin).pk]

    response = staff_client.get(reverse(url_name(model_admin.model, view), args=args))

    # Reports and cases are never added or deleted in the admin (retention deletes them);
    # should an admin allow it, AccessLoggedAdmin logs the page and the change.
    assert response.status_code == 403
    assert not entries().exists()


# --- The centre workspace ------------------------------------------------------------------

# Workspace pages that show no report: the assisted journey reads a draft until it is sent
# (the send is logged as "create"); the centre's own pages show people and counts.
NO_REPORT_SHOWN = {
    "assisted_start",
    "assisted_language",
    "assisted_cancel",
    "assisted_evidence",
    "assisted_check",
    "assisted_step",
    "training",
    "listing",
    "volunteers",
    "volunteer",
    "counts",
}
# Pages that show reports, and the test that proves each is logged.
REPORT_SHOWN = {
    "home": "test_workspace_list_logs_each_report_shown",
    "report": "tests/reporting/test_workspace.py (get_report_or_404 logs)",
    "receipt": "test_workspace_receipt_logs_the_disclosure_and_the_download",
    "evidence": "tests/reporting/test_evidence.py (logged as a disclosure)",
    "go_between": "tests/reporting/test_workspace.py (POST; logged as a change)",
    "support_queue": "tests/reporting/test_support_queue.py (each row shown is logged)",
    "refer": "tests/reporting/test_support_queue.py (the referral logged as a disclosure)",
    "first_contact": "tests/reporting/test_support_queue.py (POST; logged as a change)",
    "share": "test_workspace_share_pages_log_the_report_shown",
    "share_confirm": "test_workspace_share_pages_log_the_report_shown",
    "shared": "reporting/workspace/consent.py (the same fetch as share, which logs)",
}


def test_every_workspace_page_is_either_logged_or_shows_no_report():
    names = {pattern.name for pattern in workspace_urls.urlpatterns}

    assert names == NO_REPORT_SHOWN | set(REPORT_SHOWN)


def test_workspace_list_logs_each_report_shown(client, report_mix, centre_a, volunteer_a):
    sign_in(client, volunteer_a)

    response = client.get(reverse("workspace:home"))

    shown = {report.pk for report in response.context["reports"]}
    assert shown == {report.pk for report in report_mix.all if report.centre == centre_a}
    logged = about_rows(Report).filter(user=volunteer_a, action="view")
    assert set(logged.values_list("object_id", flat=True)) == shown
    [listing] = about_list(Report).filter(user=volunteer_a)
    assert listing.detail.startswith(f"workspace list; {len(shown)} shown of {len(shown)}")


def test_workspace_search_logs_a_fingerprint_never_the_term(client, report_mix, volunteer_a):
    sign_in(client, volunteer_a)

    client.get(reverse("workspace:home"), {"reference": "Amina Khan", "go_between": "on"})

    [listing] = about_list(Report).filter(user=volunteer_a)
    assert listing.detail == (
        f"workspace list; search #{search_fingerprint('Amina Khan')} (10 characters); "
        "0 shown of 0; go_between=on"
    )
    assert_term_nowhere_in_the_log()


@pytest.mark.parametrize("page", ["share", "share_confirm"])
def test_workspace_share_pages_log_the_report_shown(client, report_mix, volunteer_a, page):
    report = report_mix.a_unshared
    args = [report.pk] if page == "share" else [report.pk, "anonymously"]
    sign_in(client, volunteer_a)

    response = client.get(reverse(f"workspace:{page}", args=args))

    assert response.status_code == 200
    assert AccessLogEntry.objects.about(report).filter(user=volunteer_a, action="view").exists()


# --- Receipts -------------------------------------------------------------------------------


def test_workspace_receipt_logs_the_disclosure_and_the_download(client, report_mix, volunteer_a):
    report = report_mix.a_details
    sign_in(client, volunteer_a)

    response = client.get(reverse("workspace:receipt", args=[report.pk]), follow=True)

    assert response["Content-Type"] == "application/pdf"
    logged = AccessLogEntry.objects.about(report).filter(user=volunteer_a)
    assert sorted(logged.values_list("action", "detail")) == [
        ("disclose", "receipt"),
        ("export", "receipt PDF"),
    ]


def test_receipt_download_after_sending_is_logged_as_the_reporters(client, report_mix):
    report = report_mix.a_online
    session = client.session
    session[SESSION_KEY] = report.pk
    session.save()

    for _twice in range(2):
        response = client.get(reverse("reporting:receipt"))
        assert response.content.startswith(b"%PDF")

    logged = AccessLogEntry.objects.about(report)
    assert list(logged.values_list("user", "action", "detail")) == [
        (None, "export", "reporter"),
        (None, "export", "reporter"),
    ]


def test_tracking_receipt_download_is_logged_as_the_reporters(client, report_mix):
    report = report_mix.a_online
    report.set_passphrase("orbit velvet tundra mango fable")
    report.save(update_fields=["passphrase_hash"])
    client.post(
        "/en/track/",
        {"reference": report.reference, "passphrase": "orbit velvet tundra mango fable"},
    )
    status = client.get("/en/track/status/")
    assert "/en/track/receipt/" in status.content.decode()

    response = client.get("/en/track/receipt/")

    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    assert (
        AccessLogEntry.objects.about(report)
        .filter(user=None, action="export", detail="reporter")
        .count()
        == 1
    )


def test_tracking_receipt_needs_the_tracking_sign_in(client, report_mix):
    response = client.get("/en/track/receipt/")

    assert response.status_code == 302
    assert response["Location"].endswith("/en/track/")
    assert not AccessLogEntry.objects.exists()
