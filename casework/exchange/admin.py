"""The exchange on the case list: export the selected cases or the day's new cases (JSON to
the published schema, or CSV), and import crime references and outcomes back from a CSV.
Police of an area only (a SPOC or an inspector), each file within their own cases."""

import datetime as dt
import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV

from centres.models import Role
from reporting import access

from . import export
from .importing import ForceResultsResource

EXCHANGE_ROLES = {Role.SPOC, Role.INSPECTOR}


def may_exchange(user) -> bool:
    """A SPOC or inspector of at least one area, today."""
    return access.is_police(user) and any(
        m.role in EXCHANGE_ROLES and m.area_id for m in user.active_memberships
    )


def download(doc: dict, fmt: str, name: str) -> HttpResponse:
    if fmt == "csv":
        response = HttpResponse(export.to_csv(doc), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            json.dumps(doc, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


class ExchangeAdminMixin(ImportMixin):
    """Mixed into the case admin (casework/admin/case.py)."""

    resource_classes = [ForceResultsResource]
    import_formats = [CSV]
    skip_admin_log = True  # the access log records each change, by the services
    exchange_actions = ["export_json", "export_csv"]

    # --- Who ------------------------------------------------------------------------------

    def has_import_permission(self, request):
        return may_exchange(request.user)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not may_exchange(request.user):
            for name in self.exchange_actions:
                actions.pop(name, None)
        return actions

    # --- Export ---------------------------------------------------------------------------

    def _export(self, request, queryset, fmt, detail, name):
        if not may_exchange(request.user):
            raise PermissionDenied
        cases = list(export.exportable(request.user, queryset))
        doc = export.document(cases)
        export.log_export(request.user, cases, detail=f"{detail} ({fmt})")
        return download(doc, fmt, name)

    @staticmethod
    def _stamp():
        return timezone.localtime().strftime("%Y%m%d-%H%M")

    def export_json(self, request, queryset):
        return self._export(request, queryset, "json", "exchange export", f"cases-{self._stamp()}")

    export_json.short_description = _("Export the selected cases for the force (JSON)")

    def export_csv(self, request, queryset):
        return self._export(request, queryset, "csv", "exchange export", f"cases-{self._stamp()}")

    export_csv.short_description = _("Export the selected cases for the force (CSV)")

    def todays_cases_view(self, request, fmt):
        """The cases opened since midnight (UK time) that the person handles."""
        if fmt not in ("json", "csv"):
            raise Http404
        if not self.has_view_permission(request) or not may_exchange(request.user):
            raise PermissionDenied
        midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        queryset = self.model.objects.filter(
            opened_at__gte=midnight, opened_at__lt=midnight + dt.timedelta(days=1)
        )
        return self._export(
            request,
            queryset,
            fmt,
            "exchange export of the day's new cases",
            f"new-cases-{midnight:%Y%m%d}",
        )

    def exchange_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "exchange/new-today.<slug:fmt>",
                wrap(self.todays_cases_view),
                name="casework_case_new_today",
            )
        ]

    # --- Import ---------------------------------------------------------------------------

    def get_import_resource_kwargs(self, request, **kwargs):
        return {"user": request.user}

    def get_import_data_kwargs(self, **kwargs):
        data_kwargs = super().get_import_data_kwargs(**kwargs)
        # All or nothing: a row refused by a rule rolls back every row, not only a crash.
        data_kwargs["rollback_on_validation_errors"] = True
        data_kwargs["use_transactions"] = True
        return data_kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The cases changed between the preview and the import: nothing was applied.
            self.message_user(
                request,
                _("Nothing was imported: a row was refused. Check the file and try again."),
                level=messages.ERROR,
            )
            return HttpResponseRedirect(reverse("admin:casework_case_import"))
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        totals = result.totals
        self.message_user(
            request,
            _("Imported %(count)d rows from the force's records.")
            % {"count": totals.get("update", 0)},
        )
