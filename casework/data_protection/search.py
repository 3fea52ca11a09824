"""The data protection officer finds every report held about a person: by a reference, or by
the keyed hash of an email address or phone number (reporting/contact_hashes.py), looked up
on its partial index. No contact detail is decrypted or scanned, and what was searched for is
written to the access log only as a fingerprint."""

from dataclasses import dataclass

from centres.access_logging import describe_listing, record_listing
from reporting import access
from reporting.contact_hashes import email_hash, phone_hash
from reporting.models import Report, ReporterContact, normalise_reference

# A person is the subject of a handful of reports; a page never lists more than this.
MAX_FOUND = 200


@dataclass(frozen=True)
class Found:
    reports: list
    searched_by: list[str]


def find_reports(user, *, reference: str = "", email: str = "", phone: str = "") -> Found:
    """The reports (newest first) with this reference or whose contact details hold this
    email or phone; logged as a search (an entry per report found and one for the search)."""
    ids, searched_by = set(), []
    if reference := normalise_reference(reference):
        searched_by.append("reference")
        found = access.reports_for_data_protection(user, Report.objects.filter(reference=reference))
        ids.update(found.values_list("pk", flat=True))
    for kind, digest in (("email", email_hash(email)), ("phone", phone_hash(phone))):
        if digest:
            searched_by.append(kind)
            contacts = ReporterContact.objects.filter(**{f"{kind}_hash": digest})
            ids.update(contacts.values_list("report_id", flat=True)[:MAX_FOUND])
    reports = list(
        access.reports_for_data_protection(user, Report.objects.filter(pk__in=ids))
        .select_related("area")
        .order_by("-submitted_at")[:MAX_FOUND]
    )
    terms = " | ".join(term for term in (reference, email, phone) if term)
    detail = describe_listing(
        "data protection search",
        shown=len(reports),
        term=terms,
        params={"by": ",".join(searched_by)},
    )
    record_listing(user, Report, reports, detail=detail)
    return Found(reports=reports, searched_by=searched_by)
