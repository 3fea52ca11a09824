"""The demo: areas, centres, support services, one person per role, and about 300 synthetic
reports over the last 18 months with the police casework that followed them.

What the demo is made of lives in `data/*.json` (text in ten languages, names, places); how it
is put together lives in the modules beside it: `directory` (places, centres, services, people),
`reports` (the reports), `cases` (the casework) and `seeder` (the order, and the summary).

Every organisation, person and address is made up; phone numbers are from Ofcom's ranges kept
for drama (0121 496 0xxx, 01632 960xxx, 07700 900xxx) and email addresses are at example.org.
The national support services are real, with their public websites and helplines.
Translations are drafts that no native speaker has reviewed.
"""

import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

SEED = 20_180_601
REPORT_COUNT = 300
HISTORY_DAYS = 548  # 18 months
# Published on purpose: the demo is seeded only in the demo mode.
DEMO_PASSWORD = "stand-together-demo"  # noqa: S105
DEMO_PASSPHRASE = "purple kettle harbour"  # noqa: S105


@cache
def load(name: str) -> dict:
    """One of the demo's data files, `data/<name>.json`."""
    with (DATA_DIR / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)


DEMO_DOMAIN = load("people")["domain"]
SUPERUSER_EMAIL = f"superuser@{DEMO_DOMAIN}"
