"""Issue #15, parts 1 and 3: the victim's words on every staff screen, and the SPOC's day on
one screen.

- A report with a photo and a later addition shows both on the SPOC's case page, in the case
  summary PDF and on the centre's workspace page; every download writes the access log.
- What the reporter sent later is marked new until the person reading has read it, for that
  person only.
- The police's admin home counts what waits for them, on the demo as seeded, each count
  matching the database and linking to a list that shows it.
"""

import io
from io import StringIO

import pypdf
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from casework.admin.filters import end_of_today
from casework.models import Authorisation, Case, CaseStatus, Clock, Escalation, ReadMark
from casework.notifications import unread_additions_for
from casework.tracking import services as tracking
from centres.models import AccessLogEntry, Role, User
from reporting import evidence
from reporting.models import SHARED_WITH_POLICE, Consent, ConsentChange, ReportAddition
from tests.conftest import member, sign_in
from tests.reporting.evidence_files import jpeg_with_gps, temporary_storage

pytestmark = pytest.mark.django_db

ADDED = "He came back on Tuesday and shouted at my door again."


@pytest.fixture(autouse=True)
def evidence_storage(tmp_path, monkeypatch):
    return temporary_storage(tmp_path, monkeypatch)


@pytest.fixture
def photo_report(report_mix):
    """Logged at centre A, shared with the police with details, its case in area A: a photo
    sent with it, and information the reporter added later on the tracking page."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    report = report_mix.a_details
    upload = SimpleUploadedFile("IMG_2041 Amina Khan.jpg", jpeg_with_gps(), "image/jpeg")
    [photo] = evidence.attach_evidence(report=report, uploads=[evidence.accept_upload(upload)])
    tracking.add_information(report=report, text=ADDED)
    report.photo = photo
    return report


def case_url(case):
    return reverse("admin:casework_case_change", args=[case.pk])


def new_rows(page: str) -> int:
    return page.count('class="casework-new"')


# --- The case page -------------------------------------------------------------------------


def test_case_page_lists_the_photo_and_the_addition_new_until_that_spoc_read_it(
    client, photo_report, spoc_a, area_a
):
    case, photo = photo_report.case, photo_report.photo
    sign_in(client, spoc_a)

    first = client.get(case_url(case)).content.decode()

    assert f"evidence-{photo.pk}.jpg" in first
    assert reverse("admin:casework_case_evidence", args=[case.pk, photo.pk]) in first
    assert "Photo" in first
    assert ADDED in first
    assert new_rows(first) == 1
    assert ReadMark.objects.get(user=spoc_a, report=photo_report).read_up_to <= timezone.now()

    again = client.get(case_url(case)).content.decode()

    assert ADDED in again
    assert new_rows(again) == 0
    # Read by this SPOC only: a colleague on the same area has not read it.
    colleague = member(Role.SPOC, area=area_a, name="SPOC A2")
    client.logout()
    sign_in(client, colleague)
    assert new_rows(client.get(case_url(case)).content.decode()) == 1


def test_what_comes_after_reading_is_new_again(client, photo_report, spoc_a):
    case = photo_report.case
    sign_in(client, spoc_a)
    client.get(case_url(case))

    tracking.add_information(report=photo_report, text="The shop's camera saw him too.")
    page = client.get(case_url(case)).content.decode()

    assert new_rows(page) == 1
    new_row = page[page.index('class="casework-new"') :]
    assert new_row.index("saw him too") < new_row.index("</tr>")


def test_case_page_shows_changes_of_consent_and_contact_in_the_timeline(client, report_mix, spoc_a):
    report = report_mix.a_online
    ConsentChange.objects.create(
        report=report, previous=Consent.SHARE_ANONYMOUSLY, current=Consent.SHARE_WITH_DETAILS
    )
    tracking.change_contact_preferences(report=report, preferences={"no_voicemail": True})
    sign_in(client, spoc_a)

    page = client.get(case_url(report.case)).content.decode()

    news = page[page.index('id="reporter-news"') : page.index('id="evidence"')]
    assert "Consent to share changed" in news
    assert "Contact details changed" in news
    assert new_rows(news) == 2
    assert "No evidence files were sent with this report." in page


def test_case_page_read_marks_cost_one_query(client, photo_report, spoc_a):
    sign_in(client, spoc_a)
    client.get(case_url(photo_report.case))

    with CaptureQueriesContext(connection) as queries:
        client.get(case_url(photo_report.case))

    marks = [q["sql"] for q in queries.captured_queries if "casework_readmark" in q["sql"]]
    assert len(marks) == 1


# --- The case summary PDF ------------------------------------------------------------------


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_case_pdf_lists_the_photo_and_the_addition_and_reads_nothing(client, photo_report, spoc_a):
    case, photo = photo_report.case, photo_report.photo
    sign_in(client, spoc_a)

    text = pdf_text(client.get(reverse("admin:casework_case_summary_pdf", args=[case.pk])))

    assert f"evidence-{photo.pk}.jpg" in text
    assert "Photo" in text
    assert " ".join(ADDED.split()) in text
    # Printing is not reading: the case page still shows the addition as new.
    assert not ReadMark.objects.filter(user=spoc_a).exists()
    assert new_rows(client.get(case_url(case)).content.decode()) == 1


# --- The centre workspace ------------------------------------------------------------------


def test_workspace_report_lists_the_photo_and_the_addition_new_until_read(
    client, photo_report, volunteer_a, spoc_a
):
    photo = photo_report.photo
    sign_in(client, volunteer_a)
    url = reverse("workspace:report", args=[photo_report.pk])

    first = client.get(url).content.decode()

    assert f"evidence-{photo.pk}.jpg" in first
    assert reverse("workspace:evidence", args=[photo.pk]) in first
    assert ADDED in first
    assert first.count("govuk-tag--yellow") == 1

    again = client.get(url).content.decode()
    assert ADDED in again
    assert again.count("govuk-tag--yellow") == 0
    # The volunteer's reading is theirs: the SPOC has still not read it.
    client.logout()
    sign_in(client, spoc_a)
    assert new_rows(client.get(case_url(photo_report.case)).content.decode()) == 1


# --- Downloads: logged, and only in scope ----------------------------------------------------


def test_every_download_writes_the_access_log(client, photo_report, spoc_a, volunteer_a):
    case, photo = photo_report.case, photo_report.photo
    stored = photo.file.open("rb").read()

    sign_in(client, spoc_a)
    admin_download = client.get(reverse("admin:casework_case_evidence", args=[case.pk, photo.pk]))
    client.logout()
    sign_in(client, volunteer_a)
    workspace_download = client.get(reverse("workspace:evidence", args=[photo.pk]))

    for response in (admin_download, workspace_download):
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == stored
        assert response["Content-Disposition"] == f'attachment; filename="evidence-{photo.pk}.jpg"'
        assert "no-store" in response["Cache-Control"]
    logged = AccessLogEntry.objects.about(photo_report).filter(action="disclose")
    assert sorted(logged.values_list("user", "detail")) == sorted(
        [
            (spoc_a.pk, f"evidence file {photo.pk} (case admin)"),
            (volunteer_a.pk, f"evidence file {photo.pk}"),
        ]
    )


def test_admin_download_outside_scope_is_a_404_and_logs_nothing(
    client, photo_report, report_mix, spoc_a, spoc_b
):
    case, photo = photo_report.case, photo_report.photo
    sign_in(client, spoc_b)

    assert (
        client.get(reverse("admin:casework_case_evidence", args=[case.pk, photo.pk])).status_code
        == 404
    )
    client.logout()
    sign_in(client, spoc_a)
    # A file of another report, asked for through a case in scope.
    other = report_mix.a_online.case
    assert (
        client.get(reverse("admin:casework_case_evidence", args=[other.pk, photo.pk])).status_code
        == 404
    )
    assert not AccessLogEntry.objects.filter(action="disclose").exists()


def test_admin_download_refused_once_consent_is_withdrawn(client, photo_report, spoc_a):
    case, photo = photo_report.case, photo_report.photo
    photo_report.consent = Consent.DO_NOT_SHARE
    photo_report.save(update_fields=["consent"])
    sign_in(client, spoc_a)

    response = client.get(reverse("admin:casework_case_evidence", args=[case.pk, photo.pk]))

    assert response.status_code == 404


# --- The digest counts unread additions -------------------------------------------------------


def test_digest_counts_the_additions_this_spoc_has_not_read(client, photo_report, spoc_a, area_a):
    assert unread_additions_for(spoc_a, area_a.pk) == 1

    sign_in(client, spoc_a)
    client.get(case_url(photo_report.case))

    assert unread_additions_for(spoc_a, area_a.pk) == 0
    colleague = member(Role.SPOC, area=area_a, name="SPOC A2")
    assert unread_additions_for(colleague, area_a.pk) == 1


def test_digest_says_how_many_additions_are_unread(client, photo_report, spoc_a):
    from casework.sweeps import queue_daily_review_digests
    from centres.delivery import build
    from centres.models import Notification

    [digest] = Notification.objects.filter(pk__in=queue_daily_review_digests())
    assert "not read: 1 addition." in " ".join(build(digest).body.split())

    # Counted when sent: read since it was queued, the line goes.
    sign_in(client, spoc_a)
    client.get(case_url(photo_report.case))
    assert "not read" not in build(digest).body


# --- The SPOC's day on one screen, on the demo --------------------------------------------


def home_items(response) -> dict:
    [panel] = response.context["home_panels"]
    return {item["url"]: item["count"] for item in panel["items"]}


def listed_count(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return len(response.context["cl"].result_list)


def test_demo_spoc_and_inspector_homes_show_what_waits_for_them(client):
    with override_settings(DEMO=True):
        call_command("seed_demo", stdout=StringIO())
    spoc = User.objects.get(email="spoc@demo.hatereport.test")
    areas = {m.area_id for m in spoc.active_memberships if m.role == Role.SPOC}
    now = timezone.now()
    cases = Case.objects.filter(area_id__in=areas, report__consent__in=SHARED_WITH_POLICE)
    overdue = cases.filter(
        pk__in=Clock.objects.filter(
            met_at__isnull=True, stopped_at__isnull=True, due_at__lt=now
        ).values("case_id")
    )
    # One addition from a reporter on an open case, for the unread count.
    waiting = cases.filter(status=CaseStatus.TRIAGED).first()
    ReportAddition.objects.create(report=waiting.report, text=ADDED)
    sign_in(client, spoc)

    home = client.get(reverse("admin:index"))

    items = home_items(home)
    changelist = reverse("admin:casework_case_changelist")
    expected = {
        f"{changelist}?status__exact=new": cases.filter(status=CaseStatus.NEW).count(),
        f"{changelist}?clocks=overdue": overdue.count(),
        f"{changelist}?clocks=due_today": cases.filter(
            next_clock_due_at__gte=now, next_clock_due_at__lt=end_of_today(now)
        ).count(),
        reverse("admin:casework_escalation_changelist") + "?state=open": Escalation.objects.filter(
            case__in=cases, resolved_at__isnull=True
        ).count(),
        f"{changelist}?news=unread": 1,
    }
    assert items == expected
    # The demo has real overdue clocks, open escalations and triage waiting, and each count
    # leads to a list that shows exactly those.
    for url in [f"{changelist}?status__exact=new", f"{changelist}?clocks=overdue"]:
        assert items[url] > 0
        assert listed_count(client, url) == items[url]
    overdue_list = client.get(f"{changelist}?clocks=overdue").context["cl"].result_list
    assert {case.pk for case in overdue_list} == set(overdue.values_list("pk", flat=True))
    escalations = reverse("admin:casework_escalation_changelist") + "?state=open"
    assert items[escalations] > 0
    assert listed_count(client, escalations) == min(items[escalations], 50)
    assert [
        case.pk for case in client.get(f"{changelist}?news=unread").context["cl"].result_list
    ] == [waiting.pk]
    # The app list stays below.
    assert home.context["app_list"]

    # Reading the case page clears the count, for this SPOC.
    client.get(case_url(waiting))
    assert home_items(client.get(reverse("admin:index")))[f"{changelist}?news=unread"] == 0

    inspector = User.objects.get(email="inspector@demo.hatereport.test")
    client.logout()
    sign_in(client, inspector)
    items = home_items(client.get(reverse("admin:index")))
    waiting_authorisation = f"{changelist}?authorisation=waiting"
    pending = Authorisation.objects.filter(case__in=cases, decision="pending").count()
    assert items[waiting_authorisation] == pending > 0
    assert listed_count(client, waiting_authorisation) == pending
    assert items[f"{changelist}?news=unread"] == 1  # the SPOC's reading is not the inspector's


def test_home_costs_the_same_number_of_queries_however_much_waits(
    client, report_mix, spoc_a, area_a
):
    from tests.casework.conftest import make_case

    sign_in(client, spoc_a)
    client.get(reverse("admin:index"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("admin:index"))
    for _many in range(5):
        case = make_case(area=area_a, next_clock_due_at=timezone.now() - timezone.timedelta(1))
        ReportAddition.objects.create(report=case.report, text=ADDED)
        Escalation.objects.create(case=case, kind="update_overdue", level="spoc")

    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("admin:index"))

    assert len(many) == len(few)
    assert home_items(response)[reverse("admin:casework_case_changelist") + "?clocks=overdue"] == 5


def test_home_for_an_administrator_is_the_app_list(client, administrator):
    sign_in(client, administrator)

    response = client.get(reverse("admin:index"))

    assert response.context["home_panels"] == []
    assert response.context["app_list"]


def test_escalations_list_is_for_spocs_and_inspectors_of_the_area(
    client, report_mix, spoc_a, spoc_b, inspector_a, area_a
):
    mine = Escalation.objects.create(
        case=report_mix.a_details.case, kind="not_triaged", level="spoc"
    )
    Escalation.objects.create(case=report_mix.b_details.case, kind="not_triaged", level="spoc")
    # Withdrawn since: never shown to the police.
    Escalation.objects.create(case=report_mix.a_withdrawn.case, kind="not_triaged", level="spoc")
    officer = member(Role.OFFICER, area=area_a, name="Officer A")
    url = reverse("admin:casework_escalation_changelist")

    for person in (spoc_a, inspector_a):
        sign_in(client, person)
        assert [e.pk for e in client.get(url).context["cl"].result_list] == [mine.pk]
        client.logout()
    sign_in(client, officer)
    assert client.get(url).status_code == 403
