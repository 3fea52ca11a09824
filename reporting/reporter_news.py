"""What the reporter sent after their report, for every staff screen of it: information they
added (`ReportAddition`), changes of their consent to share (`ConsentChange`) and of their
contact details or safe-contact plan, in time order, each marked new for the person reading
until they have read it; and the report's evidence files.

Who has read how far is kept by casework (`casework.models.ReadMark`, one row per person and
report), which registers `read_and_mark` here in its AppConfig.ready(): reporting may not
import casework, and the centre workspace needs the marks as much as the case page does.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry

from .evidence import download_name
from .evidence.kinds import ALLOWED
from .models import ConsentChange, EvidenceFile, Report, ReportAddition

# The reporter's own change of contact details on the tracking page has no row of its own
# (the details are overwritten): its record is the access-log entry the tracking page writes
# (casework/tracking/services.change_contact_preferences).
CONTACT_CHANGED = "contact preferences changed"

ADDITION, CONSENT, CONTACT = "addition", "consent", "contact"

# Evidence kinds (reporting/evidence/kinds.py) as staff read them.
EVIDENCE_KINDS = {
    "photo": _("Photo"),
    "document": _("Document (PDF)"),
    "audio": _("Sound recording"),
    "video": _("Video"),
}

_read_and_mark = None


def register_read_marks(read_and_mark) -> None:
    """casework registers its `read_and_mark(user, report) -> datetime | None`."""
    global _read_and_mark
    _read_and_mark = read_and_mark


def read_and_mark(user, report: Report) -> dt.datetime | None:
    """How far `user` had read the report's later news before this page, which reads it."""
    if _read_and_mark is None:
        raise ImproperlyConfigured("casework registers the read marks in its ready().")
    return _read_and_mark(user, report)


@dataclass(frozen=True)
class NewsItem:
    at: dt.datetime
    kind: str  # ADDITION, CONSENT or CONTACT
    new: bool
    addition: ReportAddition | None = None
    change: ConsentChange | None = None

    @property
    def by_reporter(self) -> bool:
        return self.change is None or self.change.by_reporter


def later_news(report: Report, *, read_up_to: dt.datetime | None, marks: bool = True):
    """The report's later news, oldest first. With `marks`, an item is new when it came after
    `read_up_to` (everything, for someone who never read the report's news). Three small
    queries on indexed columns, however long the report's history."""

    def is_new(at):
        return marks and (read_up_to is None or at > read_up_to)

    items = [
        NewsItem(at=a.added_at, kind=ADDITION, new=is_new(a.added_at), addition=a)
        for a in ReportAddition.objects.filter(report=report)
    ]
    items += [
        NewsItem(at=c.changed_at, kind=CONSENT, new=is_new(c.changed_at), change=c)
        for c in ConsentChange.objects.filter(report=report).select_related("changed_by", "centre")
    ]
    items += [
        NewsItem(at=at, kind=CONTACT, new=is_new(at))
        for at in AccessLogEntry.objects.filter(
            object_type=ContentType.objects.get_for_model(Report),
            object_id=report.pk,
            user__isnull=True,
            action=AccessLogEntry.Action.CHANGE,
            reason=CONTACT_CHANGED,
        ).values_list("at", flat=True)
    ]
    return sorted(items, key=lambda item: item.at)


@dataclass(frozen=True)
class EvidenceRow:
    file: EvidenceFile
    name: str
    kind: str

    @property
    def size(self) -> int:
        return self.file.size

    @property
    def uploaded_at(self):
        return self.file.uploaded_at


def evidence_rows(report: Report) -> list[EvidenceRow]:
    """The report's evidence files, oldest first, each with the neutral name it downloads
    under and its kind (photo, document, audio, video). One query."""
    categories = {kind.content_type: kind.category for kind in ALLOWED.values()}
    return [
        EvidenceRow(
            file=f,
            name=download_name(f),
            kind=EVIDENCE_KINDS.get(categories.get(f.content_type, ""), f.content_type),
        )
        for f in EvidenceFile.objects.filter(report=report).order_by("uploaded_at", "pk")
    ]
