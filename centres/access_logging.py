"""Writing the access log for pages that show many reports or cases at once: the admin's
lists, searches and autocompletes, and the centre workspace's list.

What a list page writes, in one INSERT:
- one entry per row shown, about that row ("who saw report HR-7KQ4-M2XD, and when" is then
  one query on the log, whether they opened it or saw it in a list), and
- one entry about the list itself (its subject is the model: the content type of reports or
  cases), which says what was asked for: the filters, the page, how many rows matched, and
  whether a search was made. It is written even when nothing matched: a search for someone
  who is not there is still a search.

A search term is never written: it may be a name, a telephone number or an address typed
into the wrong box, and the log can never be erased. The log keeps a keyed hash of it (a
fingerprint), so a data protection officer who asks "did anyone search for X?" can have
`manage.py access_log_fingerprint` (which asks for X) find every such search, while a copy of
the log alone reveals nothing (the key is derived from SECRET_KEY).

This module knows no report or case: the admin (centres/admin_site.py) and the workspace
(reporting/access.py) hand it the model and the rows.
"""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.crypto import salted_hmac

from .models import AccessLogEntry

# The fingerprint's key is derived from SECRET_KEY with this salt; rotating SECRET_KEY changes
# every fingerprint from then on (compute old ones with the old key).
FINGERPRINT_SALT = "hatereport.access-log.search-term"
# Filter values are choices, ids and dates; anything longer is cut.
MAX_FILTER_VALUE = 24


def normalise_search(term: str) -> str:
    """The form of a term that is hashed: case and runs of spaces do not matter."""
    return " ".join(str(term).split()).casefold()


def search_fingerprint(term: str) -> str:
    """A keyed hash of a search term (16 hex digits): the same term always gives the same
    fingerprint; nobody without the key can tell what was searched for."""
    digest = salted_hmac(FINGERPRINT_SALT, normalise_search(term), algorithm="sha256")
    return digest.hexdigest()[:16]


def describe_listing(
    kind: str, *, shown: int, total=None, page=None, params=None, term: str = ""
) -> str:
    """The entry's detail: "admin list; search #3f9a1c2b7d4e5f60 (12 characters); 20 shown
    of 20; status=new&area=3". The search comes first so the cut at 200 never drops it."""
    parts = [kind]
    term = normalise_search(term)
    if term:
        parts.append(f"search #{search_fingerprint(term)} ({len(term)} characters)")
    parts.append(f"{shown} shown" if total is None else f"{shown} shown of {total}")
    if page not in (None, 1, "1"):
        parts.append(f"page {page}")
    filters = urlencode(
        sorted((str(key), str(value)[:MAX_FILTER_VALUE]) for key, value in (params or {}).items())
    )
    if filters:
        parts.append(filters)
    return "; ".join(parts)[:200]


def record_listing(user, model, rows, *, detail: str) -> list[AccessLogEntry]:
    """One entry per row shown and one about the list (its subject the model's content type),
    each with `detail`, in one INSERT. `rows` is evaluated here (a page of a queryset is then
    cached for the template that shows it)."""
    user = user if user is not None and user.is_authenticated else None
    model_type = ContentType.objects.get_for_model(model)
    with translation.override(None):  # the log is read in English, whoever wrote it
        label = f"list of {model._meta.verbose_name_plural}"[:80]
    entries = [
        AccessLogEntry(
            user=user,
            action=AccessLogEntry.Action.VIEW,
            object_type=ContentType.objects.get_for_model(ContentType),
            object_id=model_type.pk,
            object_label=label,
            detail=detail[:200],
        )
    ]
    entries += [
        AccessLogEntry(
            user=user,
            action=AccessLogEntry.Action.VIEW,
            object_type=model_type,
            object_id=row.pk,
            object_label=str(row)[:80],
            detail=detail[:200],
        )
        for row in rows
    ]
    return AccessLogEntry.objects.bulk_create(entries)
