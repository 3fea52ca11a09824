"""Background work of the casework app: the sweeps (escalations, "due soon" alerts), the
daily review digest, and opening a case for a report shared with police. Thin: fetch, then
delegate."""

from celery import shared_task

from reporting.models import Report

from . import services, sweeps


@shared_task(name="casework.tasks.sweep_casework")
def sweep_casework() -> dict:
    """Open any case a shared report is still missing, then resolve what has been dealt
    with, raise what is late, alert what is due soon."""
    opened = sweeps.open_missing_cases()
    result = sweeps.sweep_casework()
    return {
        "opened": opened,
        "resolved": result.resolved,
        "raised": result.raised_total,
        "due_soon": result.due_soon,
        "notifications": len(result.notification_ids),
        "skipped": result.skipped,
    }


@shared_task(name="casework.tasks.send_daily_review_digests")
def send_daily_review_digests() -> int:
    return len(sweeps.queue_daily_review_digests())


@shared_task(name="casework.tasks.open_case_for_report")
def open_case_for_report(*, report_id: int) -> int | None:
    """Open the police case for a report shared with police (idempotent). The reporting app
    sends this by name after commit, since it may not import casework."""
    report = Report.objects.filter(pk=report_id).first()
    if report is None or not report.is_shared_with_police:
        return None
    return services.open_case(report=report).pk


@shared_task(name="casework.tasks.raise_tension_alerts")
def raise_tension_alerts() -> int:
    """Each night: the latest complete week against what the past weeks lead one to expect."""
    from .services.tension import raise_tension_alerts as raise_alerts

    return len(raise_alerts())


@shared_task(name="casework.tasks.refresh_insights")
def refresh_insights(*, months: int | None = None) -> int | None:
    """Rewrite the insights rollup, or its latest `months` (idempotent; skipped while another
    refresh runs)."""
    from .insights import rollup

    result = rollup.refresh(months=months)
    return result.rows if result else None
