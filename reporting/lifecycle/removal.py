"""Removing what the retention schedule says must go: contact details, free text, evidence,
and finally everything of a report that statistics do not need (anonymising).

Public and clean on purpose: the purge (purge.py) calls the `*_reports` functions on a locked
batch of report ids, and the data protection officer's erasure (another module) may call the
single-report functions `delete_contact`, `remove_free_text`, `remove_evidence` and
`anonymise_report` with the officer as `by` and the request as `reason`. Each is idempotent,
runs in the caller's transaction (or its own), writes one access-log entry per report it
changed and deletes evidence files from storage only after commit.

Deleting a report outright is `reporting.retention.delete_report` (it protects a police case);
anonymising keeps the row so statistics still count it.

An anonymised report keeps: area, centre, channel, reporter role, language, when it was sent,
the month it happened, the categorical answers (what happened, where in kind, strands, harm,
happened before, consent, support wanted), referrals to services, its consent history and,
through casework, its case's status, recording decision, outcome type, clocks and times.
It loses: free text, contact details and the safe-contact plan, equality answers, evidence
files, information added later, what identifies the offender, who logged it, the exact date
and time, and the passphrase hash, so the tracking page no longer finds it. Casework removes
the case's free text (notes, rationales, update texts) through the hook it registers
(`register_case_scrubber`).
"""

from collections.abc import Callable

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models.functions import TruncMonth
from django.utils import timezone

from centres.models import AccessLogEntry

from ..contact_hashes import keep_repeat_reporters
from ..evidence import delete_evidence
from ..models import EqualityAnswers, EvidenceFile, Report, ReportAddition, ReporterContact

# The reporter's own words on the report: blanked when free text goes, and at anonymising.
FREE_TEXT_FIELDS = (
    "description",
    "when_details",
    "how_often",
    "town",
    "postcode",
    "location_details",
    "online_platform",
    "motivation_other",
    "offender_description",
    "harm_details",
    "support_needs",
)

# casework registers a function (report_ids, now) -> None that removes its cases' free text;
# reporting may not import casework (the dependency arrow).
_case_scrubbers: list[Callable] = []


def _delete_offender_identifiers(ids) -> None:
    # What the reporter typed that identifies the offender (reporting/models/offenders.py,
    # the matching of reports): subject data, going with the offender description. Loaded by
    # name so this module does not depend on the matching being installed.
    try:
        model = apps.get_model("reporting", "OffenderIdentifier")
    except LookupError:
        return
    model.objects.filter(report_id__in=ids).delete()


def register_case_scrubber(scrub: Callable) -> None:
    if scrub not in _case_scrubbers:
        _case_scrubbers.append(scrub)


def _log(by, report_ids: list[int], detail: str, reason: str, now) -> None:
    """One access-log entry per report changed (DPA 2018 s.62: alterations are logged).

    One INSERT … SELECT for the batch: building an entry object per row in Python cost
    more than the rest of the purge (bench/purge.py)."""
    user = by if getattr(by, "is_authenticated", False) else None
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {AccessLogEntry._meta.db_table}
              (id, at, user_id, action, object_type_id, object_id, object_label, detail, reason)
            SELECT gen_random_uuid(), %s, %s, %s, %s, r.id, r.reference, %s, %s
              FROM {Report._meta.db_table} r WHERE r.id = ANY(%s)
            """,  # noqa: S608 (table names from the models)
            [
                now,
                getattr(user, "pk", None),
                AccessLogEntry.Action.CHANGE,
                ContentType.objects.get_for_model(Report).pk,
                detail[:200],
                reason,
                list(report_ids),
            ],
        )


# --- Batches (the purge; ids already locked by the caller) ---------------------------------


def delete_contact_reports(report_ids, *, now, by=None, reason="") -> int:
    """Delete the contact details and safe-contact plan of these reports."""
    ids = list(
        ReporterContact.objects.filter(report_id__in=report_ids).values_list("report_id", flat=True)
    )
    if not ids:
        return 0
    keep_repeat_reporters(ids)
    ReporterContact.objects.filter(report_id__in=ids).delete()
    Report.objects.filter(pk__in=ids).update(contact_removed_at=now)
    _log(by, ids, "retention: contact details deleted", reason, now)
    return len(ids)


def remove_free_text_reports(report_ids, *, now, by=None, reason="") -> int:
    """Blank the reporter's own words on these reports and delete what they added later and
    what they typed that identifies the offender."""
    ids = list(
        Report.objects.filter(pk__in=report_ids, free_text_removed_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    if not ids:
        return 0
    ReportAddition.objects.filter(report_id__in=ids).delete()
    _delete_offender_identifiers(ids)
    Report.objects.filter(pk__in=ids).update(
        free_text_removed_at=now, **dict.fromkeys(FREE_TEXT_FIELDS, "")
    )
    _log(by, ids, "retention: free text deleted", reason, now)
    return len(ids)


def remove_evidence_reports(report_ids, *, now, by=None, reason="") -> int:
    """Delete the evidence rows of these reports, and their stored files after commit.
    Returns how many reports had evidence."""
    files = list(
        EvidenceFile.objects.filter(report_id__in=report_ids).only("pk", "file", "report_id")
    )
    if not files:
        return 0
    ids = sorted({f.report_id for f in files})
    delete_evidence(files=files)
    _log(by, ids, "retention: evidence deleted", reason, now)
    return len(ids)


def anonymise_reports(report_ids, *, now, by=None, reason="") -> int:
    """Remove everything statistics do not need from these reports (see the module's
    docstring); the rows stay, so every count still counts them. Returns how many."""
    ids = list(
        Report.objects.filter(pk__in=report_ids, anonymised_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    if not ids:
        return 0
    keep_repeat_reporters(ids)
    ReporterContact.objects.filter(report_id__in=ids).delete()
    ReportAddition.objects.filter(report_id__in=ids).delete()
    EqualityAnswers.objects.filter(report_id__in=ids).delete()
    _delete_offender_identifiers(ids)
    files = list(EvidenceFile.objects.filter(report_id__in=ids).only("pk", "file"))
    if files:
        delete_evidence(files=files)
    for scrub in _case_scrubbers:
        scrub(ids, now)
    Report.objects.filter(pk__in=ids).update(
        anonymised_at=now,
        contact_removed_at=now,
        free_text_removed_at=now,
        # The tracking page stops finding it: nothing left to show, nothing to sign in with.
        passphrase_hash="",
        logged_by=None,
        support_contacted_by=None,
        occurred_on=TruncMonth("occurred_on"),
        occurred_at_time=None,
        occurred_until=None,
        **dict.fromkeys(FREE_TEXT_FIELDS, ""),
    )
    _log(by, ids, "retention: anonymised", reason, now)
    return len(ids)


# --- One report (erasure by the data protection officer, and tests) -------------------------


def _one(batch, report: Report, by, reason: str) -> int:
    with transaction.atomic():
        Report.objects.select_for_update().filter(pk=report.pk).first()
        return batch([report.pk], now=timezone.now(), by=by, reason=reason)


def delete_contact(*, report: Report, by=None, reason: str) -> bool:
    """Delete one report's contact details and safe-contact plan; logged against `by`."""
    return bool(_one(delete_contact_reports, report, by, reason))


def remove_free_text(*, report: Report, by=None, reason: str) -> bool:
    """Blank one report's free text and delete what the reporter added later; logged."""
    return bool(_one(remove_free_text_reports, report, by, reason))


def remove_evidence(*, report: Report, by=None, reason: str) -> bool:
    """Delete one report's evidence files (stored files after commit); logged."""
    return bool(_one(remove_evidence_reports, report, by, reason))


def anonymise_report(*, report: Report, by=None, reason: str) -> bool:
    """Anonymise one report (it keeps counting in statistics); logged against `by`.
    False if it already was. A caller that must respect a legal hold checks it first
    (`report.case.on_legal_hold`); the purge never selects a held case."""
    return bool(_one(anonymise_reports, report, by, reason))
