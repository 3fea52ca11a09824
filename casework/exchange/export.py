"""A case as the force's records system receives it: only what the reporter's consent allows.

A case exists only while its report is shared with the police (reporting/access.py), with the
reporter's details or anonymously. Contact details and the safe-contact plan go only with
"share with my details" and only as the access rules show them to the police; a field the
reporter did not agree to share is absent from the record, never blank. Evidence files are
described, not carried: each download from the case page is logged on its own.
"""

import csv
import io

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils import timezone, translation

from centres.models import AccessLogEntry
from reporting import access
from reporting.evidence import download_name
from reporting.evidence.kinds import ALLOWED
from reporting.models import Consent, EvidenceFile, ReportAddition
from reporting.reporter_news import EVIDENCE_KINDS

from ..models import Case, Outcome
from .schema import SCHEMA_VERSION, validate

# A file's kind as the case page names it (photo, document, audio, video).
CATEGORIES = {kind.content_type: kind.category for kind in ALLOWED.values()}


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


def shared_cases_handled_by(user, queryset=None):
    """The cases this person handles whose reports are shared with the police now: what they
    may export, and the only cases an import of theirs may touch."""
    return access.cases_handled_by(
        user, Case.objects.all() if queryset is None else queryset
    ).filter(access.shared_with_police("report__"))


def exportable(user, queryset=None):
    """The cases this person may export, with everything the export reads."""
    return (
        shared_cases_handled_by(user, queryset)
        .select_related("area", "report", "report__centre", "report__place_type", "report__contact")
        .prefetch_related(
            "report__strands",
            "report__incident_types",
            Prefetch("report__additions", queryset=ReportAddition.objects.order_by("added_at")),
            Prefetch(
                "report__evidence", queryset=EvidenceFile.objects.order_by("uploaded_at", "pk")
            ),
            Prefetch(
                "outcome",
                queryset=Outcome.objects.select_related("outcome_type"),
            ),
        )
        .order_by("opened_at", "pk")
    )


def case_record(case: Case) -> dict:
    """One case, as the schema's `case`."""
    report = case.report
    record = {
        "reference": report.reference,
        "crime_reference": case.crime_reference,
        "area": {"code": case.area.code, "name": case.area.name},
        "force": case.area.force,
        "opened_at": _iso(case.opened_at),
        "submitted_at": _iso(report.submitted_at),
        "status": case.status,
        "priority": case.priority,
        "recording_decision": case.recording_decision,
        "consent": report.consent,
        "reported_by": report.reporter_role,
        "channel": report.channel,
        "language": report.language,
        "centre": report.centre.name if report.centre_id else "",
        "incident": {
            "strands": sorted(s.code for s in report.strands.all()),
            "motivation_other": report.motivation_other,
            "incident_types": sorted(t.code for t in report.incident_types.all()),
            "description": report.description,
            "when": {
                "kind": report.when_kind,
                "date": report.occurred_on.isoformat() if report.occurred_on else None,
                "time": report.occurred_at_time.strftime("%H:%M")
                if report.occurred_at_time
                else None,
                "until": report.occurred_until.isoformat() if report.occurred_until else None,
                "details": report.when_details,
            },
            "happened_before": report.happened_before,
            "how_often": report.how_often,
            "where": {
                "kind": report.location_kind,
                "town": report.town,
                "postcode": report.postcode,
                "details": report.location_details,
                "online_platform": report.online_platform,
                "place_type": report.place_type.code if report.place_type_id else "",
            },
            "offender": {
                "known": report.offender_known,
                "count": report.offender_count,
                "description": report.offender_description,
            },
            "harm": {
                "injured": report.injured,
                "property_damaged": report.property_damaged,
                "threatened": report.threatened,
                "details": report.harm_details,
            },
        },
        "additions": [
            {"added_at": _iso(a.added_at), "text": a.text} for a in report.additions.all()
        ],
        "evidence": [
            {
                "name": download_name(f),
                "kind": str(EVIDENCE_KINDS.get(CATEGORIES.get(f.content_type), f.content_type)),
                "size": f.size,
                "uploaded_at": _iso(f.uploaded_at),
            }
            for f in report.evidence.all()
        ],
    }
    contact = getattr(report, "contact", None)
    if report.consent == Consent.SHARE_WITH_DETAILS and contact is not None:
        record["contact"] = {
            "name": contact.name or "",
            "phone": contact.phone or "",
            "email": contact.email or "",
            "channels": list(contact.channels or []),
            "no_voicemail": contact.no_voicemail,
            "never_visit_home": contact.never_visit_home,
            "family_does_not_know": contact.family_does_not_know,
            "preferred_language": contact.preferred_language or "",
            "interpreter_needed": contact.interpreter_needed,
        }
    outcome = getattr(case, "outcome", None)
    if outcome is not None:
        record["outcome"] = {
            "number": outcome.outcome_type.number,
            "name": outcome.outcome_type.name,
            "positive": outcome.outcome_type.is_positive,
            "offender_identifiable": outcome.offender_identifiable,
            "recorded_at": _iso(outcome.recorded_at),
        }
    return record


def document(cases) -> dict:
    """The whole export, checked against the published schema before it leaves."""
    with translation.override("en"):
        result = {
            "schema_version": SCHEMA_VERSION,
            "generated_at": _iso(timezone.now()),
            "cases": [case_record(case) for case in cases],
        }
    validate(result)
    return result


# The CSV: one row per case, the same fields flattened; lists joined with "; ".
CSV_COLUMNS = [
    "reference", "crime_reference", "area", "force", "opened_at", "submitted_at", "status",
    "priority", "recording_decision", "consent", "reported_by", "channel", "language", "centre",
    "strands", "incident_types", "description", "when_kind", "date", "time", "until",
    "when_details", "happened_before", "how_often", "where_kind", "town", "postcode",
    "where_details", "online_platform", "place_type", "offender_known", "offender_count",
    "offender_description", "injured", "property_damaged", "threatened", "harm_details",
    "additions", "evidence_files", "contact_name", "contact_phone", "contact_email",
    "contact_channels", "no_voicemail", "never_visit_home", "family_does_not_know",
    "outcome_number", "outcome_name", "offender_identifiable",
]  # fmt: skip
CONTACT_COLUMNS = {
    "contact_name": "name",
    "contact_phone": "phone",
    "contact_email": "email",
    "contact_channels": "channels",
    "no_voicemail": "no_voicemail",
    "never_visit_home": "never_visit_home",
    "family_does_not_know": "family_does_not_know",
}
# A cell a spreadsheet would read as a formula starts with one of these: it gets a quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    value = str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_rows(doc: dict):
    for record in doc["cases"]:
        incident = record["incident"]
        when, where = incident["when"], incident["where"]
        offender, harm = incident["offender"], incident["harm"]
        row = {
            **{key: record[key] for key in CSV_COLUMNS if key in record},
            "area": record["area"]["code"],
            "strands": incident["strands"],
            "incident_types": incident["incident_types"],
            "description": incident["description"],
            "when_kind": when["kind"],
            "date": when["date"],
            "time": when["time"],
            "until": when["until"],
            "when_details": when["details"],
            "happened_before": incident["happened_before"],
            "how_often": incident["how_often"],
            "where_kind": where["kind"],
            "town": where["town"],
            "postcode": where["postcode"],
            "where_details": where["details"],
            "online_platform": where["online_platform"],
            "place_type": where["place_type"],
            "offender_known": offender["known"],
            "offender_count": offender["count"],
            "offender_description": offender["description"],
            "injured": harm["injured"],
            "property_damaged": harm["property_damaged"],
            "threatened": harm["threatened"],
            "harm_details": harm["details"],
            "additions": [f"{a['added_at']}: {a['text']}" for a in record["additions"]],
            "evidence_files": [e["name"] for e in record["evidence"]],
        }
        # Absent, not blank, in the JSON; in a CSV every row has the column, so it is empty
        # where the reporter did not agree to share.
        contact = record.get("contact", {})
        for column, key in CONTACT_COLUMNS.items():
            row[column] = contact.get(key)
        outcome = record.get("outcome", {})
        row["outcome_number"] = outcome.get("number")
        row["outcome_name"] = outcome.get("name")
        row["offender_identifiable"] = outcome.get("offender_identifiable")
        yield [_cell(row.get(column)) for column in CSV_COLUMNS]


def to_csv(doc: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(doc))
    return out.getvalue()


def log_export(user, cases, *, detail: str) -> None:
    """One access-log entry per case exported, in one INSERT."""
    case_type = ContentType.objects.get_for_model(Case)
    AccessLogEntry.objects.bulk_create(
        [
            AccessLogEntry(
                user=user,
                action=AccessLogEntry.Action.EXPORT,
                object_type=case_type,
                object_id=case.pk,
                object_label=str(case)[:80],
                detail=detail[:200],
            )
            for case in cases
        ]
    )
