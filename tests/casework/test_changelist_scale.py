"""Staff lists at national scale (issue #15 part 9): each big admin list (reports, cases,
escalations, the outbox, the access log) costs the same number of queries with 3 rows as with
60 for every role that has it, never counts its whole scope (a capped count, no SELECT
DISTINCT), and says "more than" beyond the cap. The times at 20 thousand and two million rows
are in bench/changelists.py."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from casework.models import Escalation
from centres import notifications
from centres.admin_paging import CappedCountPaginator
from centres.models import AccessLogEntry, Notification
from reporting.models import Consent
from tests.casework.conftest import make_case
from tests.conftest import sign_in
from tests.factories import EscalationFactory

pytestmark = pytest.mark.django_db

LISTS = {
    "reports": ("admin:reporting_report_changelist", ["spoc", "inspector", "superuser"]),
    "cases": ("admin:casework_case_changelist", ["spoc", "inspector", "superuser"]),
    "escalations": ("admin:casework_escalation_changelist", ["spoc", "inspector", "superuser"]),
    "outbox": ("admin:centres_notification_changelist", ["administrator", "superuser"]),
    "access log": ("admin:centres_accesslogentry_changelist", ["administrator", "superuser"]),
}
CASES = [(name, role) for name, (_url, roles) in LISTS.items() for role in roles]
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


@pytest.fixture
def people(spoc_a, inspector_a, administrator, superuser):
    return {
        "spoc": spoc_a,
        "inspector": inspector_a,
        "administrator": administrator,
        "superuser": superuser,
    }


def grow_to(count, *, area, user):
    """Cases of `area` (their reports shared with the police), an escalation of each, a
    message in the outbox and an access-log entry about each, until there are `count`."""
    user_type = ContentType.objects.get_for_model(user)
    kinds = sorted(notifications.KINDS) or ["case_update"]
    while Escalation.objects.count() < count:
        n = Escalation.objects.count()
        case = make_case(area=area, consent=Consent.SHARE_ANONYMOUSLY if n % 2 else "share_details")
        EscalationFactory(case=case)
        Notification.objects.create(
            key=f"scale-{n}",
            kind=kinds[n % len(kinds)],
            channel=Notification.Channel.EMAIL,
            recipient_type=user_type,
            recipient_id=user.pk,
        )
        AccessLogEntry.objects.record(
            user=user, obj=case.report, action=AccessLogEntry.Action.VIEW, detail="test"
        )


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, [
        q["sql"] for q in captured.captured_queries if not q["sql"].startswith(TRANSACTION_CONTROL)
    ]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_list_costs_the_same_queries_with_3_rows_and_60(client, area_a, people, name, role):
    url_name, _roles = LISTS[name]
    user = people[role]
    sign_in(client, user)
    url = reverse(url_name)

    grow_to(3, area=area_a, user=people["spoc"])
    client.get(url)  # the session's first request stamps it (centres/middleware.py)
    small, small_sql = queries_of(client, url)
    grow_to(60, area=area_a, user=people["spoc"])
    large, large_sql = queries_of(client, url)

    # The rows are really there (a page of 50 at 60), so a query per row would show.
    assert len(small.context["cl"].result_list) >= 3
    assert len(large.context["cl"].result_list) == 50
    assert len(small_sql) == len(large_sql), "\n".join(large_sql)


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_list_never_counts_or_deduplicates_its_whole_scope(client, area_a, people, name, role):
    url_name, _roles = LISTS[name]
    sign_in(client, people[role])
    grow_to(5, area=area_a, user=people["spoc"])

    _response, sql = queries_of(client, reverse(url_name))

    assert not [s for s in sql if "DISTINCT" in s.upper()], sql
    counts = [s for s in sql if "COUNT(" in s.upper()]
    # Only the capped count: COUNT(*) over a subquery that stops at CAP + 1 rows.
    assert len(counts) == 1, counts
    assert re.search(rf"LIMIT {CappedCountPaginator.CAP + 1}\b", counts[0]), counts[0]


def test_report_list_beyond_the_cap_says_more_than(client, area_a, spoc_a, monkeypatch):
    monkeypatch.setattr(CappedCountPaginator, "CAP", 3)
    grow_to(5, area=area_a, user=spoc_a)
    sign_in(client, spoc_a)

    page = client.get(reverse("admin:reporting_report_changelist")).content.decode()

    assert "More than 3 results: filter or search to narrow the list." in page
    assert "5 reports" not in page
    # And the access log says so, not a number nobody counted.
    entry = AccessLogEntry.objects.filter(user=spoc_a, detail__contains="more than 3").first()
    assert entry is not None


def test_report_list_search_finds_the_exact_reference_in_any_case(client, area_a, spoc_a):
    grow_to(3, area=area_a, user=spoc_a)
    wanted = make_case(area=area_a).report
    sign_in(client, spoc_a)

    response = client.get(
        reverse("admin:reporting_report_changelist"), {"q": wanted.reference.lower()}
    )

    assert [r.pk for r in response.context["cl"].result_list] == [wanted.pk]


def test_outbox_filters_by_the_registered_kinds_without_reading_the_table(
    client, area_a, administrator, spoc_a
):
    grow_to(4, area=area_a, user=spoc_a)
    kind = sorted(notifications.KINDS)[1]
    sign_in(client, administrator)
    url = reverse("admin:centres_notification_changelist")

    response, sql = queries_of(client, url)
    filtered = client.get(url, {"kind": kind})

    assert not [s for s in sql if "DISTINCT" in s.upper()]
    assert {n.kind for n in filtered.context["cl"].result_list} == {kind}
    assert f"?kind={kind}" in response.content.decode()


def test_long_case_summary_pdf_keeps_every_update_in_its_fixed_columns(client, area_a, spoc_a):
    """The summary's tables are laid out fixed (templates/casework/_pdf_styles.html, for
    speed: bench/pdfs.py); nothing of a long case may be lost or cut off for it."""
    import io

    from pypdf import PdfReader

    from casework.models import CaseUpdate

    case = make_case(area=area_a)
    CaseUpdate.objects.bulk_create(
        CaseUpdate(
            case=case,
            visibility="internal",
            author=spoc_a,
            body=f"Visit number {n} recorded; the neighbour was spoken to about the notes.",
        )
        for n in range(1, 61)
    )
    sign_in(client, spoc_a)

    response = client.get(reverse("admin:casework_case_summary_pdf", args=[case.pk]))

    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) > 3
    for n in (1, 30, 60):
        assert f"Visit number {n} recorded;" in text
