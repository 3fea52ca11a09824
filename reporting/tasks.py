"""Background work of the reporting app: purging expired drafts, the evidence files that
nothing names any more, and the retention schedule. Thin: delegate to reporting/retention.py
and reporting/lifecycle/; all are idempotent."""

import dataclasses

from celery import shared_task

from . import lifecycle, retention


@shared_task(name="reporting.tasks.purge_expired_drafts")
def purge_expired_drafts() -> dict[str, int]:
    """Delete drafts a day past their last answer, and the files uploaded with them."""
    return dataclasses.asdict(retention.purge_expired_drafts())


@shared_task(name="reporting.tasks.purge_orphan_evidence")
def purge_orphan_evidence() -> int:
    """Delete stored evidence files that no draft and no report names."""
    return retention.purge_orphan_evidence()


@shared_task(name="reporting.tasks.run_retention")
def run_retention() -> dict[str, int]:
    """Apply the retention schedule (reporting/lifecycle/): counts per category."""
    return lifecycle.run_purge().totals()
