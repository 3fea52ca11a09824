"""Admin lists that cost the same at any size: a paginator that counts at most CAP + 1 rows,
and the change list that tells the templates when it stopped there.

Used by every admin list over a table that grows with the reports (reports, cases,
escalations, the outbox, the access log). Beyond the cap the list says "more than"
(templates/admin/pagination.html, search_form.html); filters and search narrow it, and the
pages beyond the cap are not offered. Lives in centres, the bottom of the arrow, so every
app's admin may use it.
"""

from django.contrib.admin import ShowFacets
from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedCountPaginator(Paginator):
    """Counts at most CAP + 1 rows (`SELECT COUNT(*) FROM (… LIMIT CAP + 1)`), so a page costs
    the same at 20 thousand rows as at two million."""

    CAP = 1000

    @cached_property
    def count(self):
        return self.object_list.order_by()[: self.CAP + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.count > self.CAP


class CappedChangeList(ChangeList):
    """Tells the template whether the count stopped at the cap (`cl.is_capped`)."""

    def get_results(self, request):
        super().get_results(request)
        self.is_capped = getattr(self.paginator, "is_capped", False)


class CappedListAdmin:
    """Mixed into a ModelAdmin whose table grows with the reports: the capped count, no full
    count of the unfiltered table and no facet counts (each a scan of the whole scope)."""

    paginator = CappedCountPaginator
    show_full_result_count = False
    show_facets = ShowFacets.NEVER

    def get_changelist(self, request, **kwargs):
        return CappedChangeList
