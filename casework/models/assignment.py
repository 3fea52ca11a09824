"""Whether an access-log entry is about a case assigned to the person who wrote it: the data
protection officer's review of unusual viewing (casework/data_protection/access_review.py)
counts the reports and cases someone opened outside their own cases. An expression for the
log's query, on the cases' primary key and unique report index; no case is read out."""

from django.db.models import Exists, OuterRef, Q

from .case import Case


def assigned_to_entry_user(*, report_type_id: int, case_type_id: int) -> Q:
    """True for a log entry about a case owned by the entry's user, or about that case's
    report."""
    owns_case = Case.objects.filter(pk=OuterRef("object_id"), owner_id=OuterRef("user_id"))
    owns_report = Case.objects.filter(report_id=OuterRef("object_id"), owner_id=OuterRef("user_id"))
    return Q(Q(object_type_id=case_type_id) & Exists(owns_case)) | Q(
        Q(object_type_id=report_type_id) & Exists(owns_report)
    )
