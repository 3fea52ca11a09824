"""The SPOC admin, by concern: the case list and its URLs (case.py), its filters and paginator,
the case page and its action forms (case_page.py), the daily threat review (daily_review.py)
and the PDFs (pdfs.py); the escalations list (escalations.py) and the police's admin home
(home.py). Registered here, so every admin URL and name stays as it was."""

from django.contrib import admin

from ..models import Case, Escalation, LocalOutcomeCode, OutcomeType
from . import home
from .case import CaseAdmin
from .escalations import EscalationAdmin
from .paginator import CappedCountPaginator

__all__ = [
    "CappedCountPaginator",
    "CaseAdmin",
    "EscalationAdmin",
    "LocalOutcomeCodeAdmin",
    "OutcomeTypeAdmin",
]

admin.site.register(Case, CaseAdmin)
admin.site.register(Escalation, EscalationAdmin)
# The admin home for police roles: what waits for them (home.py).
admin.site.add_home_panel(home.police_home)


@admin.register(OutcomeType)
class OutcomeTypeAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "is_positive", "is_no_further_action"]


@admin.register(LocalOutcomeCode)
class LocalOutcomeCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "area", "outcome_type"]
    list_filter = ["area"]
    list_select_related = ["area", "outcome_type"]
