"""What a reporter can do on the tracking page (/<lang>/track/), without an account: find
their report by reference and passphrase, add information, change how they are contacted,
and withdraw their consent to share with the police.

Every write is logged in the access log with no user (the reporter acted) and the detail
"reporter". They touch only the report (reporting's models), never a case.
"""

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction

from centres.models import AccessLogEntry
from reporting import access, consent
from reporting.models import (
    Consent,
    ConsentChange,
    Report,
    ReportAddition,
    ReporterContact,
    normalise_reference,
)

# CONTACT_FIELDS: the contact details and safe-contact plan a reporter may change
# themself are the same fields they could give when reporting.
from reporting.services import CONTACT_FIELDS

REPORTER = "reporter"


def find_report(*, reference: str, passphrase: str) -> Report | None:
    """The report with this reference if the passphrase is right; otherwise None.

    A wrong passphrase and an unknown reference cost the same: for an unknown reference a
    dummy passphrase is hashed, so the time taken does not tell which references exist.
    """
    reference = normalise_reference(reference)
    report = Report.objects.filter(reference=reference).first() if reference else None
    if report is None or not report.passphrase_hash:
        make_password(passphrase)
        return None
    return report if report.check_passphrase(passphrase) else None


def record_view(*, report: Report) -> None:
    """The reporter read their report's status: logged like any consultation."""
    access.record(None, report, AccessLogEntry.Action.VIEW, detail=REPORTER)


@transaction.atomic
def add_information(*, report: Report, text: str) -> ReportAddition:
    """Add what the reporter wants to tell us now. The report itself is never changed."""
    addition = ReportAddition.objects.create(report=report, text=text.strip())
    access.record(
        None, report, AccessLogEntry.Action.CREATE, detail=REPORTER, reason="information added"
    )
    return addition


@transaction.atomic
def change_contact_preferences(*, report: Report, preferences: dict) -> ReporterContact:
    """Save the reporter's contact details and safe-contact plan, creating them if they gave
    none before. Only the fields in CONTACT_FIELDS are taken from `preferences`."""
    contact = ReporterContact.objects.select_for_update().filter(report=report).first()
    if contact is None:
        contact = ReporterContact(report=report)
    for field in CONTACT_FIELDS:
        if field in preferences:
            setattr(contact, field, preferences[field])
    contact.save()
    access.record(
        None,
        report,
        AccessLogEntry.Action.CHANGE,
        detail=REPORTER,
        reason="contact preferences changed",
    )
    return contact


def withdraw_consent(*, report: Report) -> ConsentChange | None:
    """Stop sharing the report with the police, from now on (reporting.consent, the one
    service that changes consent either way).

    The access rules hide a report from police as soon as its consent is "do not share", so
    this is all it takes; what the police already received may be kept by them under the
    law. Returns None if the report was not being shared.
    """
    try:
        return consent.change_consent(report=report, to=Consent.DO_NOT_SHARE)
    except ValidationError:
        return None
