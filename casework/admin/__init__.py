"""The SPOC admin, by concern: the case list and its URLs (case.py), its filters and paginator,
the case page and its action forms (case_page.py), the daily threat review (daily_review.py)
and the PDFs (pdfs.py). Registered here, so every admin URL and name stays as it was."""

from django.contrib import admin

from ..models import Case, LocalOutcomeCode, OutcomeType
from .case import CaseAdmin
from .paginator import CappedCountPaginator

__all__ = ["CappedCountPaginator", "CaseAdmin", "LocalOutcomeCodeAdmin", "OutcomeTypeAdmin"]

admin.site.register(Case, CaseAdmin)


@admin.register(OutcomeType)
class OutcomeTypeAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "is_positive", "is_no_further_action"]


@admin.register(LocalOutcomeCode)
class LocalOutcomeCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "area", "outcome_type"]
    list_filter = ["area"]
    list_select_related = ["area", "outcome_type"]
