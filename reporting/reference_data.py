"""What happened and where: the incident and place types every installation starts with, in
every language of the site.

Loaded by `manage.py load_reference_data`, which creates what is missing and never changes
what an administrator has edited. The wording is for the victim: plain, no police terms.

The translations are drafts that no native speaker has reviewed yet; administrators correct
them in the admin, and the loader keeps their corrections.

The data itself is in reporting/data/reference.json.
"""

import json
from pathlib import Path

_DATA = json.loads((Path(__file__).parent / "data" / "reference.json").read_text(encoding="utf-8"))
INCIDENT_TYPES = _DATA["incident_types"]
PLACE_TYPES = _DATA["place_types"]
