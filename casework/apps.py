from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = _("Casework")

    def ready(self):
        from reporting import reporter_news
        from reporting.signals import report_shared, report_submitted

        from . import notifications, read_marks

        report_submitted.connect(open_case_on_submission, dispatch_uid="casework-open-case")
        report_shared.connect(open_case_on_submission, dispatch_uid="casework-open-shared-case")
        notifications.register_kinds()
        # The centre workspace marks news read too; reporting may not import casework.
        reporter_news.register_read_marks(read_marks.read_and_mark)
        # Anonymising a report removes its case's free text too (reporting/lifecycle/).
        from reporting.lifecycle import register_case_scrubber

        from .retention import scrub_cases

        register_case_scrubber(scrub_cases)


def open_case_on_submission(sender, *, report, by=None, **kwargs):
    """A report shared with the police opens its case, just after the report is saved (or,
    shared later, just after the change of consent is)."""
    from .services import open_case

    open_case(report=report, by=by)
