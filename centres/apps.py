from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "centres"
    verbose_name = _("Areas, centres and people")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        # database_roles registers the deploy check that the app's role cannot wipe the log.
        from . import database_roles, notifications, roles  # noqa: F401

        notifications.register_kinds()
        # Every sign-in to the superuser account is logged and announced to the administrators.
        user_logged_in.connect(roles.on_user_logged_in, dispatch_uid="centres-superuser-used")
