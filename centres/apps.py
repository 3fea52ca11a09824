from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "centres"
    verbose_name = _("Areas, centres and people")

    def ready(self):
        from . import notifications

        notifications.register_kinds()
