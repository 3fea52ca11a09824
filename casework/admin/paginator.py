"""The case list's paginator and change list: a page costs the same at any size. They are
every big admin list's (centres/admin_paging.py); the names here stay for the casework admin."""

from centres.admin_paging import CappedChangeList, CappedCountPaginator

CaseChangeList = CappedChangeList

__all__ = ["CappedCountPaginator", "CaseChangeList"]
