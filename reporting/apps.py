from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Reports")

    def ready(self):
        # The outbox's kinds of message are registered by the app that sends them.
        from . import notifications

        notifications.register_kinds()
