"""Passphrases for checking a report's progress: five words from the EFF large wordlist.

Five words of 7,776 give 5 × log2(7776) ≈ 64.6 bits, enough to resist guessing at any rate
the tracking page's throttle allows, and far easier to write down or read aloud than
random characters. The list (reporting/wordlist/, CC BY 3.0 US, EFF) is read once.
"""

import math
import re
import secrets
from functools import cache
from pathlib import Path

WORDLIST = Path(__file__).resolve().parent / "wordlist" / "eff_large_wordlist.txt"
WORDS_PER_PASSPHRASE = 5
MIN_BITS = 64


@cache
def words() -> tuple[str, ...]:
    with WORDLIST.open(encoding="utf-8") as f:
        return tuple(line.split()[1] for line in f if line.strip())


def entropy_bits(word_count: int = WORDS_PER_PASSPHRASE) -> float:
    return word_count * math.log2(len(words()))


def new_passphrase() -> str:
    """Five random words joined by hyphens, e.g. "bobcat-unsworn-grid-plated-oxidize"."""
    wordlist = words()
    return "-".join(secrets.choice(wordlist) for _ in range(WORDS_PER_PASSPHRASE))


def normalise_passphrase(value: str) -> str:
    """What people type back, as it was shown: lower case, words joined by single hyphens
    ("Bobcat  unsworn grid-plated OXIDIZE" -> "bobcat-unsworn-grid-plated-oxidize").

    Passphrases are hashed in this form, so the tracking page should compare this form too.
    """
    return "-".join(word for word in re.split(r"[\s\-‐‑–—]+", (value or "").lower()) if word)
