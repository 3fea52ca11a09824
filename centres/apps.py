from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "centres"
    verbose_name = _("Areas, centres and people")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import notifications, roles

        notifications.register_kinds()
        # Every sign-in to the superuser account is logged and announced to the administrators.
        user_logged_in.connect(roles.on_user_logged_in, dispatch_uid="centres-superuser-used")
