"""Something that identifies the offender, as the reporter named it: an online account (with
its platform), a vehicle registration, or a name and street. Kept encrypted as typed, and as
a keyed hash of its normal form, so reports naming the same person can be found without
comparing, or ever holding in the clear, what was named (the Project Callisto idea).

The hash is an HMAC-SHA256 with CONTACT_HASH_KEY (the key of reporting/contact_hashes.py),
domain-separated by kind ("offender:account:..."), so an offender's hash can never equal a
reporter's email or phone hash. Who may learn of a match is decided in casework/matching.py.
"""

import hashlib
import hmac
import re
import unicodedata

from django.conf import settings

_SPACES = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]")


def _fold(value: str) -> str:
    """Lower case, accents and odd widths folded, spaces squeezed."""
    value = unicodedata.normalize("NFKC", value or "").casefold().strip()
    return _SPACES.sub(" ", value)


def normalise_account(handle: str, platform: str = "") -> str:
    """An online account: the handle without a leading @ or spaces; the platform in a
    folded, spaceless form ("X (Twitter)" and "x twitter" read the same)."""
    handle = _fold(handle).lstrip("@").replace(" ", "")
    if not handle:
        return ""
    return f"{_NOT_ALNUM.sub('', _fold(platform))}/{handle}"


def normalise_vehicle(registration: str) -> str:
    """A vehicle registration as letters and digits only: "ab12 cde" is AB12CDE."""
    return _NOT_ALNUM.sub("", _fold(registration))


def normalise_name_street(name: str, street: str) -> str:
    """A name and a street, both needed: a name alone names too many people."""
    name, street = _fold(name), _fold(street)
    if not (name and street):
        return ""
    return f"{name}|{street}"


def identifier_hash(kind: str, normalised: str) -> str:
    if not normalised:
        return ""
    key = settings.CONTACT_HASH_KEY.encode()
    return hmac.new(key, f"offender:{kind}:{normalised}".encode(), hashlib.sha256).hexdigest()


def identifiers_from_answers(answers: dict) -> list[tuple[str, str, str]]:
    """(kind, what was typed, hash) for each identifier the journey's answers name."""
    found = []
    handle = (answers.get("offender_account") or "").strip()
    platform = (answers.get("offender_platform") or "").strip()
    if handle:
        shown = f"{handle} ({platform})" if platform else handle
        found.append(
            ("account", shown, identifier_hash("account", normalise_account(handle, platform)))
        )
    vehicle = (answers.get("offender_vehicle") or "").strip()
    if vehicle and normalise_vehicle(vehicle):
        found.append(("vehicle", vehicle, identifier_hash("vehicle", normalise_vehicle(vehicle))))
    name = (answers.get("offender_name") or "").strip()
    street = (answers.get("offender_street") or "").strip()
    if normalise_name_street(name, street):
        found.append(
            (
                "name_street",
                f"{name}, {street}",
                identifier_hash("name_street", normalise_name_street(name, street)),
            )
        )
    return found
