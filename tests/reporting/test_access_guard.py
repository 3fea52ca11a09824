"""The guard: no queryset of reports or cases reaches a page without reporting/access.py.

Two checks, because each catches what the other cannot:

- At run time, every queryset of reports or cases evaluated while a staff page is served (the
  admin, the centre workspace, the insights page, the PDFs) must carry the mark the access
  module's scoping functions set (`access.SCOPED`), unless the code that evaluates it is a
  service or a model method acting on a case the page already fetched in scope (`TRUSTED`).
  Reverse relations (`centre.reports.all()` in a template) are caught too: they use the
  models' own querysets. Related objects fetched through a scoped object (`case.report`) use
  Django's base manager and are not queries "of reports" a page chose to make.
- In the source, `Report.objects` and `Case.objects` appear only in the modules allowed to
  read by id (`TRUSTED`, and the reporter's own pages, which check a reference and
  passphrase) or as an argument handed straight to an `access.` function.
"""

import ast
import sys
from pathlib import Path

import pytest
from django.contrib import admin
from django.urls import reverse

from casework.models import Case, CaseQuerySet
from reporting import access
from reporting.models import Report
from reporting.models.report import ReportQuerySet
from reporting.workspace import urls as workspace_urls
from tests.conftest import sign_in
from tests.factories import CaseUpdateFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
APPS = ("casework", "centres", "reporting")

# Modules that read reports and cases by id on behalf of the system, never for a page to show
# as it likes: services and model methods re-read under their lock what the caller fetched in
# scope; sweeps, tasks and retention work for nobody in particular.
TRUSTED = {
    "reporting/access.py",
    "reporting/services.py",
    "reporting/consent.py",
    "reporting/retention.py",
    # The support queue's first contact: locks the report a page fetched in scope, by id.
    "reporting/support.py",
    "casework/sweeps.py",
    "casework/tasks.py",
    # The insights rollup counts every report for the page's aggregates, for nobody in
    # particular; the page reads only the rollup.
    "casework/insights/rollup.py",
    # Whether a report's reporter had reported before: a filter the rollup counts with, and
    # the flag the retention purge keeps on the reports it is about to strip (by id).
    "reporting/contact_hashes.py",
    # The retention purge and its dry run (counts only), and casework's part of anonymising.
    "casework/retention.py",
}
TRUSTED_PACKAGES = (
    "reporting/models/",
    "casework/models/",
    "casework/services/",
    "reporting/lifecycle/",
)

# The reporter's own pages: a report found by its reference and passphrase (the tracking
# pages), or the one just sent in this session (the receipt), not by a person's role.
REPORTER_SIDE = ("casework/tracking/", "reporting/receipt.py")

EVALUATIONS = ("_fetch_all", "count", "exists", "aggregate", "iterator", "contains")


def _app_module(filename: str) -> str | None:
    """The app module (e.g. "casework/admin/case.py") a frame belongs to, or None."""
    try:
        relative = Path(filename).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return None
    return relative if relative.split("/", 1)[0] in APPS else None


def _is_trusted(module: str) -> bool:
    return module in TRUSTED or module.startswith(TRUSTED_PACKAGES)


def _first_app_frame() -> tuple[str | None, int]:
    frame = sys._getframe(2)
    while frame is not None:
        module = _app_module(frame.f_code.co_filename)
        if module is not None:
            return module, frame.f_lineno
        frame = frame.f_back
    return None, 0


class Guard:
    """Inside `with guard:`, records each unscoped evaluation of a report or case queryset as
    "module:line (Model)" in `found`. Outside it (arranging a test) it records nothing."""

    def __init__(self):
        self.found: list[str] = []
        self.watching = False

    def __enter__(self):
        self.watching = True
        return self

    def __exit__(self, *exc):
        self.watching = False

    def check(self, queryset) -> None:
        if not self.watching or getattr(queryset.query, access.SCOPED, None):
            return
        if queryset._result_cache is not None:  # fetched already: counted then
            return
        module, line = _first_app_frame()
        if module is None or not _is_trusted(module):
            where = f"{module}:{line}" if module else "outside the apps"
            self.found.append(f"{where} ({queryset.model.__name__})")


@pytest.fixture
def guard(monkeypatch):
    guard = Guard()
    for queryset_class in (ReportQuerySet, CaseQuerySet):
        for name in EVALUATIONS:
            original = getattr(queryset_class, name)

            def guarded(self, *args, _original=original, **kwargs):
                guard.check(self)
                return _original(self, *args, **kwargs)

            monkeypatch.setattr(queryset_class, name, guarded)
    return guard


# --- The guard itself ---------------------------------------------------------------------------


def test_guard_passes_scoped_querysets(guard, report_mix, spoc_a):
    with guard:
        list(access.reports_visible_to(spoc_a, Report.objects.all()).order_by("pk")[:3])
        access.cases_handled_by(spoc_a, Case.objects.all()).filter(status="new").count()
        access.reports_counted_for(spoc_a, Report.objects.all()).exists()

    assert guard.found == []


def test_guard_catches_unscoped_querysets(guard, report_mix):
    centre = report_mix.a_details.centre

    with guard:
        list(Report.objects.filter(area=report_mix.a_details.area))
        Case.objects.count()
        centre.reports.exists()

    assert guard.found == [
        "outside the apps (Report)",
        "outside the apps (Case)",
        "outside the apps (Report)",
    ]


# --- Every staff page ---------------------------------------------------------------------------


def _admin_pages(report_mix) -> list[str]:
    """Every model admin's list, and the page of one object where there is one."""
    case = report_mix.a_details.case
    pages = [
        reverse("admin:index"),
        reverse("admin:casework_case_changelist") + "?clocks=overdue&assigned=me",
        reverse("admin:casework_case_changelist") + f"?q={report_mix.a_details.reference}",
        reverse("admin:casework_case_history", args=[case.pk]),
        reverse("admin:casework_case_daily_review"),
        reverse("admin:casework_case_daily_review_pdf"),
        reverse("admin:casework_case_summary_pdf", args=[case.pk]),
    ]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        obj = model_admin.model._default_manager.order_by("pk").first()
        if obj is not None:
            pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
    return pages


# Workspace pages the walk leaves out, and why: the assisted journey's pages read a draft, not
# a report, until it is sent; evidence needs a stored file (tests/reporting/test_evidence.py
# covers its scope); the go-between switch and the support queue's first contact answer POST
# only.
NOT_WALKED = {
    "first_contact",
    "assisted_start",
    "assisted_language",
    "assisted_cancel",
    "assisted_evidence",
    "assisted_check",
    "assisted_step",
    "evidence",
    "go_between",
}


def _workspace_pages(report_mix, centre, user) -> dict[str, str]:
    """Every page of the centre workspace but NOT_WALKED, by URL name."""
    report = report_mix.a_details
    membership = user.memberships.get(centre=centre)
    args = {
        "home": [],
        "report": [report.pk],
        "receipt": [report.pk],
        "training": [centre.pk],
        "listing": [centre.pk],
        "volunteers": [centre.pk],
        "volunteer": [centre.pk, membership.pk],
        "counts": [centre.pk],
        "share": [report_mix.a_unshared.pk],
        "share_confirm": [report_mix.a_unshared.pk, "anonymously"],
        "shared": [report.pk],
        "support_queue": [],
        "refer": [report.pk],
    }
    return {name: reverse(f"workspace:{name}", args=values) for name, values in args.items()}


def test_workspace_walk_covers_every_page(report_mix, centre_a, coordinator_a):
    every = {pattern.name for pattern in workspace_urls.urlpatterns}

    walked = set(_workspace_pages(report_mix, centre_a, coordinator_a))

    assert every - NOT_WALKED == walked


@pytest.mark.parametrize("who", ["spoc_a", "inspector_a", "administrator", "superuser"])
def test_admin_pages_read_reports_and_cases_only_through_access(
    client, request, guard, report_mix, who
):
    CaseUpdateFactory(case=report_mix.a_details.case)
    pages = _admin_pages(report_mix)
    sign_in(client, request.getfixturevalue(who))

    with guard:
        for page in pages:
            client.get(page)

    assert guard.found == []


def test_case_actions_read_cases_only_through_access(client, guard, report_mix, spoc_a):
    case = report_mix.a_details.case
    sign_in(client, spoc_a)

    with guard:
        client.post(
            reverse("admin:casework_case_action", args=[case.pk, "note"]),
            {"note-body": "Called."},
        )
        client.post(
            reverse("admin:casework_case_changelist"),
            {"action": "assign_to_me", "_selected_action": [case.pk]},
        )

    case.refresh_from_db()
    assert case.updates.filter(body="Called.").exists()
    assert case.owner == spoc_a
    assert guard.found == []


@pytest.mark.parametrize("who", ["volunteer_a", "coordinator_a"])
def test_workspace_pages_read_reports_only_through_access(
    client, request, guard, report_mix, centre_a, who
):
    user = request.getfixturevalue(who)
    pages = _workspace_pages(report_mix, centre_a, user)
    sign_in(client, user)

    with guard:
        for page in [*pages.values(), reverse("workspace:home") + "?q=HR"]:
            client.get(page)

    assert guard.found == []


def test_insights_reads_reports_only_through_access(client, guard, report_mix, analyst):
    sign_in(client, analyst)

    with guard:
        response = client.get(reverse("casework:insights"))

    assert response.status_code == 200
    assert guard.found == []


# --- The source ---------------------------------------------------------------------------------


def _sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            module = path.relative_to(ROOT).as_posix()
            if any(part in {"migrations", "management", "demo"} for part in path.parts):
                continue
            yield module, ast.parse(path.read_text(), filename=module)


def _manager_uses(tree) -> list[ast.Attribute]:
    """`Report.objects` / `Case.objects` (and `_default_manager`) not handed straight to an
    `access.` function."""
    handed_to_access = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "access"
        ):
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                handed_to_access.update(id(inner) for inner in ast.walk(argument))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in {"objects", "_default_manager"}
        and isinstance(node.value, ast.Name)
        and node.value.id in {"Report", "Case"}
        and id(node) not in handed_to_access
    ]


def test_reports_and_cases_are_queried_only_through_access_or_by_trusted_modules():
    found = [
        f"{module}:{node.lineno}"
        for module, tree in _sources()
        if not _is_trusted(module) and not module.startswith(REPORTER_SIDE)
        for node in _manager_uses(tree)
    ]

    assert found == []
