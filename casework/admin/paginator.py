"""The case list's paginator and change list: a page costs the same at any size."""

from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedCountPaginator(Paginator):
    """Counts at most CAP + 1 rows, so a page costs the same at 20 thousand cases as at two
    million. Beyond the cap the list says "more than"; filters and search narrow it."""

    CAP = 1000

    @cached_property
    def count(self):
        return self.object_list.order_by()[: self.CAP + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.count > self.CAP


class CaseChangeList(ChangeList):
    """Tells the template whether the count stopped at the cap."""

    def get_results(self, request):
        super().get_results(request)
        self.is_capped = getattr(self.paginator, "is_capped", False)
