"""The sections of the insights page: providers register here; `all_tables` protects them all.

A provider is `provider(filters) -> list[Table]`. The providers named in `PROVIDERS` are loaded
on first use (one not written yet is skipped); any other module may call `register`. The page
and the CSV export both take their tables from `all_tables`, so they show the same figures.
"""

from importlib import import_module

# "module:function", in the order the page shows them.
PROVIDERS = (
    "casework.insights.figures:casework_tables",
    "casework.insights.feedback:feedback_tables",
    "casework.insights.tension:tension_tables",
)

_providers = []
_loaded = False


def register(provider):
    """Add a provider (once); usable as a decorator."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def _load():
    global _loaded
    if _loaded:
        return
    for path in PROVIDERS:
        module_name, function_name = path.split(":")
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        provider = getattr(module, function_name, None)
        if provider is not None:
            register(provider)
    _loaded = True


def providers():
    _load()
    return list(_providers)


def all_tables(filters):
    """Every table of the page for these filters, with disclosure control applied to each and
    across them (disclosure.protect_all)."""
    from .disclosure import protect_all

    tables = []
    for provider in providers():
        tables.extend(provider(filters))
    return protect_all(tables)
