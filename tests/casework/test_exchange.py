"""Crime reference numbers and the exchange with the force's records system by file (issue 20,
parts 4 and 5): the reference in the area's format, unique in the force, searchable; exports
that follow the published schema and carry only what consent allows; a CSV import with a
preview, every bad row named, and nothing half-applied."""

import csv
import io
import json

import pytest
from django.urls import reverse
from jsonschema import Draft202012Validator, FormatChecker

from casework import services
from casework.crime_reference import normalise
from casework.exchange import export
from casework.exchange.schema import SCHEMA_PATH
from casework.models import Authorisation, Case, CaseStatus, Outcome
from centres.models import AccessLogEntry, Role
from reporting.models import Consent, ReportAddition
from tests.casework.conftest import make_case
from tests.conftest import member, sign_in

pytestmark = pytest.mark.django_db

WM_PATTERN = r"^20[A-Z][0-9]/[0-9]{6}[A-Z]/[0-9]{2}$"
WM_EXAMPLE = "20E1/123456K/26"


@pytest.fixture
def wm_area(area_a):
    area_a.force = "West Midlands Police"
    area_a.crime_reference_pattern = WM_PATTERN
    area_a.crime_reference_example = WM_EXAMPLE
    area_a.save()
    return area_a


def changelist():
    return reverse("admin:casework_case_changelist")


def schema_validator():
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text()), format_checker=FormatChecker())


# --- Crime reference numbers -----------------------------------------------------------------


def test_crime_reference_in_the_forces_format_is_kept_and_logged(client, wm_area, spoc_a):
    case = make_case(area=wm_area, status=CaseStatus.TRIAGED)
    sign_in(client, spoc_a)

    response = client.post(
        reverse("admin:casework_case_action", args=[case.pk, "crime-reference"]),
        {"crime-reference-reference": " 20e1/654321k/26 "},
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.crime_reference == "20E1/654321K/26"
    assert case.crime_reference_force == "West Midlands Police"
    assert AccessLogEntry.objects.about(case).filter(detail__startswith="crime reference set")
    page = client.get(reverse("admin:casework_case_change", args=[case.pk])).content.decode()
    assert "20E1/654321K/26" in page


def test_crime_reference_in_another_format_is_refused_with_the_example(client, wm_area, spoc_a):
    case = make_case(area=wm_area, status=CaseStatus.TRIAGED)
    sign_in(client, spoc_a)

    response = client.post(
        reverse("admin:casework_case_action", args=[case.pk, "crime-reference"]),
        {"crime-reference-reference": "42/123456/26"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert f"It looks like {WM_EXAMPLE}" in page
    assert 'value="42/123456/26"' in page  # what was typed is still there
    case.refresh_from_db()
    assert case.crime_reference == ""


def test_crime_reference_is_unique_within_the_force(wm_area, spoc_a):
    first = make_case(area=wm_area, status=CaseStatus.TRIAGED)
    second = make_case(area=wm_area, status=CaseStatus.TRIAGED)
    services.set_crime_reference(case=first, by=spoc_a, reference="20E1/111111A/26")

    with pytest.raises(Exception, match="Another case already has this crime reference"):
        services.set_crime_reference(case=second, by=spoc_a, reference="20e1/111111a/26")

    # The same number again on the same case changes and logs nothing.
    before = AccessLogEntry.objects.count()
    assert not services.set_crime_reference(case=first, by=spoc_a, reference="20E1/111111A/26")
    assert AccessLogEntry.objects.count() == before


def test_an_invalid_format_cannot_be_saved_on_an_area(area_a):
    from django.core.exceptions import ValidationError

    area_a.crime_reference_pattern = "^[0-9+$"
    with pytest.raises(ValidationError):
        area_a.full_clean()


def test_case_list_finds_a_case_by_its_crime_reference_only_in_scope(
    client, wm_area, area_b, spoc_a, spoc_b
):
    case = make_case(area=wm_area, status=CaseStatus.TRIAGED)
    make_case(area=wm_area, status=CaseStatus.TRIAGED)
    services.set_crime_reference(case=case, by=spoc_a, reference="20E1/222222B/26")

    sign_in(client, spoc_a)
    found = client.get(changelist(), {"q": "20e1/222222b/26"})
    assert [c.pk for c in found.context["cl"].result_list] == [case.pk]

    sign_in(client, spoc_b)
    elsewhere = client.get(changelist(), {"q": "20E1/222222B/26"})
    assert list(elsewhere.context["cl"].result_list) == []


# --- Export ---------------------------------------------------------------------------------


def test_export_follows_the_published_schema_and_omits_what_consent_withholds(wm_area, spoc_a):
    with_details = make_case(
        area=wm_area,
        contact_fields={"name": "Amina Q", "phone": "07700 900123"},
        report_fields={"description": "Shouted at outside the shop."},
    )
    anonymous = make_case(area=wm_area, consent=Consent.SHARE_ANONYMOUSLY)
    ReportAddition.objects.create(report=anonymous.report, text="He came back on Tuesday.")

    doc = export.document(export.exportable(spoc_a))

    schema_validator().validate(doc)
    records = {r["reference"]: r for r in doc["cases"]}
    shared = records[with_details.report.reference]
    assert shared["contact"]["name"] == "Amina Q"
    assert shared["incident"]["description"] == "Shouted at outside the shop."
    hidden = records[anonymous.report.reference]
    assert "contact" not in hidden  # absent, not blank
    assert "Amina" not in json.dumps(hidden)
    assert hidden["additions"][0]["text"] == "He came back on Tuesday."


def test_a_report_no_longer_shared_is_not_exported(wm_area, spoc_a):
    case = make_case(area=wm_area)
    case.report.consent = Consent.DO_NOT_SHARE
    case.report.save(update_fields=["consent"])

    doc = export.document(export.exportable(spoc_a))

    assert doc["cases"] == []


def test_todays_new_cases_download_as_json_and_csv_logged(client, wm_area, area_b, spoc_a):
    mine = make_case(area=wm_area, contact_fields={"name": "=HYPERLINK(evil)"})
    other_area = make_case(area=area_b)
    sign_in(client, spoc_a)

    response = client.get(reverse("admin:casework_case_new_today", args=["json"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="new-cases-')
    doc = json.loads(response.content)
    schema_validator().validate(doc)
    assert [r["reference"] for r in doc["cases"]] == [mine.report.reference]

    response = client.get(reverse("admin:casework_case_new_today", args=["csv"]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["reference"] for r in rows] == [mine.report.reference]
    assert rows[0]["contact_name"] == "'=HYPERLINK(evil)"  # never a formula in a spreadsheet

    logged = AccessLogEntry.objects.filter(action="export", detail__contains="day's new cases")
    assert {e.object_id for e in logged} == {mine.pk}
    assert other_area.report.reference not in response.content.decode()


def test_export_action_on_selected_cases(client, wm_area, spoc_a):
    case = make_case(area=wm_area)
    sign_in(client, spoc_a)

    response = client.post(
        changelist(), {"action": "export_json", "_selected_action": [case.pk], "index": 0}
    )

    doc = json.loads(response.content)
    assert [r["reference"] for r in doc["cases"]] == [case.report.reference]
    assert AccessLogEntry.objects.about(case).filter(action="export").exists()


def test_only_a_spoc_or_inspector_may_export_or_import(client, wm_area):
    officer = member(Role.OFFICER, area=wm_area, name="Officer A")
    sign_in(client, officer)

    assert client.get(reverse("admin:casework_case_new_today", args=["json"])).status_code == 403
    assert client.get(reverse("admin:casework_case_import")).status_code == 403


# --- Import ---------------------------------------------------------------------------------


def upload(client, text, name="results.csv"):
    """The import page's first step: the preview."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("admin:casework_case_import"),
        {
            "resource": 0,
            "format": 0,
            "import_file": SimpleUploadedFile(name, text.encode(), content_type="text/csv"),
        },
    )


def confirm(client, preview):
    form = preview.context["confirm_form"]
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    return client.post(reverse("admin:casework_case_process_import"), data)


def test_import_with_one_bad_row_applies_nothing_and_names_the_row(client, wm_area, spoc_a):
    good = make_case(area=wm_area, status=CaseStatus.INVESTIGATING)
    bad = make_case(area=wm_area, status=CaseStatus.INVESTIGATING)
    sign_in(client, spoc_a)
    text = (
        "reference,crime_reference,outcome_number,offender_identifiable,outcome_notes\n"
        f"{good.report.reference},20E1/333333C/26,1,yes,Charged\n"
        f"{bad.report.reference},42/123456/26,,,\n"
    )

    preview = upload(client, text)

    assert preview.status_code == 200
    page = preview.content.decode()
    result = preview.context["result"]
    assert result.has_validation_errors()
    [invalid] = result.invalid_rows
    assert invalid.number == 2
    assert f"It looks like {WM_EXAMPLE}" in page
    assert "confirm_form" not in preview.context or preview.context["confirm_form"] is None
    good.refresh_from_db()
    assert good.crime_reference == ""
    assert not Outcome.objects.filter(case=good).exists()
    assert good.status == CaseStatus.INVESTIGATING


def test_good_import_previews_then_applies_every_row_through_the_rules(client, wm_area, spoc_a):
    charged = make_case(area=wm_area, status=CaseStatus.INVESTIGATING)
    nfa = make_case(area=wm_area, status=CaseStatus.INVESTIGATING)
    sign_in(client, spoc_a)
    text = (
        "Reference,Crime_Reference,Outcome_Number,Offender_Identifiable,Outcome_Notes\n"
        f"{charged.report.reference},20E1/444444D/26,1,yes,Charged\n"
        f"{nfa.report.reference},20E1/555555E/26,16,yes,Victim does not support\n"
    )

    preview = upload(client, text)
    assert not preview.context["result"].has_validation_errors()
    # The preview changed nothing.
    charged.refresh_from_db()
    assert charged.crime_reference == ""

    done = confirm(client, preview)

    assert done.status_code == 302
    charged.refresh_from_db()
    nfa.refresh_from_db()
    assert charged.crime_reference == "20E1/444444D/26"
    assert charged.status == CaseStatus.OUTCOME_RECORDED
    assert charged.outcome.outcome_type.number == 1
    # No further action with an identifiable offender waits for an inspector.
    assert nfa.status == CaseStatus.OUTCOME_RECORDED
    assert Authorisation.objects.filter(case=nfa, decision="pending").exists()
    logged = AccessLogEntry.objects.filter(detail__contains="import from the force's records")
    assert {e.object_id for e in logged} == {charged.pk, nfa.pk}


def test_import_refuses_cases_outside_the_importers_areas(client, wm_area, area_b, spoc_a):
    elsewhere = make_case(area=area_b, status=CaseStatus.INVESTIGATING)
    sign_in(client, spoc_a)

    preview = upload(client, f"reference,crime_reference\n{elsewhere.report.reference},XX/1/26\n")

    assert preview.context["result"].has_validation_errors()
    assert "No case with this reference among the cases you handle" in preview.content.decode()
    assert Case.objects.get(pk=elsewhere.pk).crime_reference == ""


def test_import_of_an_outcome_the_case_cannot_take_yet_is_an_error_on_its_row(
    client, wm_area, spoc_a
):
    new_case = make_case(area=wm_area, status=CaseStatus.NEW)
    sign_in(client, spoc_a)

    preview = upload(
        client,
        f"reference,outcome_number,offender_identifiable\n{new_case.report.reference},1,yes\n",
    )

    result = preview.context["result"]
    assert result.has_validation_errors()
    assert not Outcome.objects.filter(case=new_case).exists()


# --- In the demo (these tests come last: the demo is seeded once for the rest of the module) ---


@pytest.fixture
def demo_spoc(seeded_demo, client):
    from casework.demo import DEMO_DOMAIN
    from centres.models import User

    spoc = User.objects.get(email=f"spoc@{DEMO_DOMAIN}")
    sign_in(client, spoc)
    return spoc


def test_the_demo_spocs_new_cases_and_all_their_cases_follow_the_schema(client, demo_spoc):
    assert client.get(reverse("admin:casework_case_import")).status_code == 200
    listing = client.get(reverse("admin:casework_case_changelist")).content.decode()
    assert reverse("admin:casework_case_import") in listing
    today = client.get(reverse("admin:casework_case_new_today", args=["json"]))

    assert today.status_code == 200
    schema_validator().validate(json.loads(today.content))
    everything = export.document(export.exportable(demo_spoc))
    schema_validator().validate(everything)
    assert len(everything["cases"]) > 10
    assert any(r["crime_reference"] for r in everything["cases"])
    assert any("contact" not in r for r in everything["cases"])


def test_a_demo_import_with_one_bad_row_applies_nothing_then_the_good_file_applies(
    client, demo_spoc
):
    cases = list(
        export.shared_cases_handled_by(demo_spoc)
        .filter(status=CaseStatus.TRIAGED, crime_reference="")
        .select_related("area")[:2]
    )
    assert len(cases) == 2
    first, second = cases
    example = first.area.crime_reference_example
    header = "reference,crime_reference\n"
    good_row = f"{first.report.reference},{example.replace('123456', '765432')}\n"

    refused = upload(client, header + good_row + f"{second.report.reference},not-a-ref\n")

    assert [row.number for row in refused.context["result"].invalid_rows] == [2]
    first.refresh_from_db()
    assert first.crime_reference == ""

    preview = upload(client, header + good_row)
    assert confirm(client, preview).status_code == 302
    first.refresh_from_db()
    assert first.crime_reference == normalise(example.replace("123456", "765432"))
