"""The data protection officer's answer to a subject access request: a zip holding, for each
report found, the same JSON file and PDF the reporter can download themself
(subject_access.py, with its rule on third parties' data), and a note of what was left out.
Every report in it is logged as exported by the officer."""

import io
import zipfile

from django.utils import timezone

from centres.models import AccessLogEntry
from reporting import access

from .subject_access import (
    NOT_INCLUDED,
    subject_access_data,
    subject_access_json,
    subject_access_pdf,
)


def subject_access_bundle(*, user, reports) -> bytes:
    """A zip: README.txt, then <reference>/report.json and <reference>/report.pdf per report."""
    buffer = io.BytesIO()
    now = timezone.now()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        references = []
        for report in reports:
            data = subject_access_data(report)
            bundle.writestr(f"{report.reference}/report.json", subject_access_json(data))
            bundle.writestr(f"{report.reference}/report.pdf", subject_access_pdf(data))
            references.append(report.reference)
            access.record(
                user,
                report,
                AccessLogEntry.Action.EXPORT,
                detail="subject access bundle",
                reason="subject access request",
            )
        readme = "\n".join(
            [
                "Subject access request: what is held about these reports.",
                f"Prepared {now:%Y-%m-%d %H:%M} UTC.",
                "",
                *references,
                "",
                "Redacted: " + str(NOT_INCLUDED),
                "",
            ]
        )
        bundle.writestr("README.txt", readme)
    return buffer.getvalue()
