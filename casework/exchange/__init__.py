"""Exchange with the force's records system by file (issue 20): forces' systems (Niche,
Athena and others) have no public API, so cases go out as a JSON document that follows a
published schema (docs/exchange/case.schema.json) or as a CSV, and crime references and
outcomes come back as a CSV imported in the admin.

- export.py: what a case carries out, only what the reporter's consent allows;
- schema.py: the published schema, and the check every export passes before it leaves;
- importing.py: the import back (django-import-export), through the casework services, all
  or nothing.
"""
