"""Passphrases for checking a report's progress: five words from the EFF large wordlist, or
one the reporter chooses, if it is at least as strong.

Five words of 7,776 give 5 × log2(7776) ≈ 64.6 bits, enough to resist guessing at any rate
the tracking page's throttle allows, and far easier to write down or read aloud than
random characters. The list (reporting/wordlist/, CC BY 3.0 US, EFF) is read once.

A passphrase the reporter chooses is accepted only if it is worth at least MIN_BITS (64)
bits, estimated conservatively on its normal form (`normalise_passphrase`: the form that is
hashed and compared, so capitals count for nothing and a run of spaces or dashes is one
hyphen). The estimate is the smaller of two:

1. zxcvbn's guesses for the whole normal form, as log2 (64 bits ≈ guesses_log10 19.27),
   with what the reporter told us about themself (name, email, phone, town, postcode) as
   words it tries first. It finds common passwords, names, dates, keyboard runs, repeats
   and l33t; random characters count log2(10) ≈ 3.3 bits each, so nothing under 20
   characters can pass. zxcvbn reads only 72 characters: longer ones are judged on their
   first 72, which can only make the estimate smaller.
2. The sum over its distinct words (split at the hyphens) of what each is worth alone: a
   word on our EFF list exactly log2(7776) ≈ 12.9 bits (an attacker who knows we hand out
   EFF words tries them first; zxcvbn rates five random EFF words at about 97 bits, not
   64.6); any other word what zxcvbn gives it, but a word of letters only never more than
   log2(100,000) ≈ 16.6 bits, one word of a large vocabulary in any language (zxcvbn has
   English dictionaries only and would rate a Polish or Urdu word as random letters; runs
   of more than 15 letters are left to zxcvbn). A repeated word counts once.

So, for example: "password123" 9 bits, "correct horse" 22, "correct horse battery staple" 48,
three random EFF words 38.8, four 51.7, five 64.6 (accepted), six 77.5; "my cat is called
whiskers and she is 12" 45; random letters, digits and symbols: twelve at most 40, twenty
about 66 (3 in 100 fall short), twenty-two or more always 64 or more in our trials, hence the
page's advice of 6 words or 24 characters. Known sayings, lyrics and quotations are not
recognised, and words of languages zxcvbn has no dictionary for count as their letters (up to
the cap above), which is why the page asks for words picked at random, not a sentence.

The chosen passphrase is never kept anywhere but as the same slow hash (Report.set_passphrase).
"""

import math
import re
import secrets
import threading
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from zxcvbn import zxcvbn

WORDLIST = Path(__file__).resolve().parent / "wordlist" / "eff_large_wordlist.txt"
WORDS_PER_PASSPHRASE = 5
MIN_BITS = 64
# The tracking form takes no longer passphrase.
MAX_LENGTH = 200
# Below this many characters (of the normal form) zxcvbn cannot reach MIN_BITS.
MIN_LENGTH = math.ceil(MIN_BITS / math.log2(10))
# What the page advises: random strings this long passed every time we tried.
ADVISED_CHARACTERS = 24
ADVISED_WORDS = 6
MAX_BITS_PER_WORD = math.log2(100_000)
# Longer runs of letters are not taken for one word of a language (random letters, or words
# run together, which zxcvbn finds in English).
LONGEST_WORD = 15
ZXCVBN_MAX_LENGTH = 72

# Why a chosen passphrase is refused (reporting.forms words each for the reporter).
TOO_SHORT = "too_short"
PERSONAL = "personal"
GUESSABLE = "guessable"

SEPARATORS = re.compile(r"[\s\-‐‑‒–—―−]+")
# zxcvbn keeps the caller's own words in a module-level dictionary while it runs.
_zxcvbn_lock = threading.Lock()


@cache
def words() -> tuple[str, ...]:
    with WORDLIST.open(encoding="utf-8") as f:
        return tuple(line.split()[1] for line in f if line.strip())


@cache
def _word_set() -> frozenset[str]:
    return frozenset(words())


def entropy_bits(word_count: int = WORDS_PER_PASSPHRASE) -> float:
    return word_count * math.log2(len(words()))


def new_passphrase() -> str:
    """Five random words joined by hyphens, e.g. "bobcat-unsworn-grid-plated-oxidize"."""
    wordlist = words()
    return "-".join(secrets.choice(wordlist) for _ in range(WORDS_PER_PASSPHRASE))


def normalise_passphrase(value: str) -> str:
    """What people type back, as it was shown: lower case, words joined by single hyphens
    ("Bobcat  unsworn grid-plated OXIDIZE" -> "bobcat-unsworn-grid-plated-oxidize").

    Also NFKC and case folding, and invisible formatting characters dropped (copying
    right-to-left text often brings direction marks along), so a passphrase in any script
    matches however the keyboard or the clipboard wrote it. For the EFF words this is the
    same as lower case, so hashes made before it still match.

    Passphrases are hashed in this form, so the tracking page should compare this form too.
    """
    text = unicodedata.normalize("NFKC", value or "").casefold()
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return "-".join(word for word in SEPARATORS.split(text) if word)


def _zxcvbn_bits(text: str, known: list[str]) -> float:
    with _zxcvbn_lock:
        result = zxcvbn(text[:ZXCVBN_MAX_LENGTH], user_inputs=known)
    return result["guesses_log10"] * math.log2(10)


def _is_letters(word: str) -> bool:
    # Marks too: Bengali, Gurmukhi and Urdu vowel signs are marks, not letters.
    return all(unicodedata.category(c)[0] in "LM" for c in word)


def _word_bits(word: str, known: list[str]) -> float:
    if word in _word_set() and word not in known:
        return math.log2(len(words()))
    bits = _zxcvbn_bits(word, known)
    if len(word) <= LONGEST_WORD and _is_letters(word):
        return min(bits, MAX_BITS_PER_WORD)
    return bits


def _split_words(normal: str) -> set[str]:
    """The distinct words, keeping the four hyphenated EFF words ("t-shirt") whole."""
    parts, result, i = normal.split("-"), set(), 0
    while i < len(parts):
        if i + 1 < len(parts) and f"{parts[i]}-{parts[i + 1]}" in _word_set():
            result.add(f"{parts[i]}-{parts[i + 1]}")
            i += 2
        else:
            result.add(parts[i])
            i += 1
    return result


def _known_words(known: Iterable[str]) -> list[str]:
    """The reporter's own details, whole and word by word, in the normal form."""
    result = []
    for value in known:
        normal = normalise_passphrase(str(value or ""))
        result += [normal, normal.replace("-", ""), *normal.split("-")]
    return [item for item in dict.fromkeys(result) if len(item) >= 3]


def strength_bits(passphrase: str, *, known: Iterable[str] = ()) -> float:
    """The conservative estimate described at the top of this module, in bits."""
    normal = normalise_passphrase(passphrase)
    if not normal:
        return 0.0
    known = _known_words(known)
    whole = _zxcvbn_bits(normal, known)
    by_word = sum(_word_bits(word, known) for word in _split_words(normal))
    return min(whole, by_word)


def weakness(passphrase: str, *, known: Iterable[str] = ()) -> str | None:
    """None if the passphrase is strong enough; else why not (TOO_SHORT, PERSONAL or
    GUESSABLE). `known`: what the reporter told us about themself."""
    normal = normalise_passphrase(passphrase)
    if len(normal) < MIN_LENGTH:
        return TOO_SHORT
    known = _known_words(known)
    if strength_bits(normal, known=known) >= MIN_BITS:
        return None
    if any(item in normal for item in known):
        return PERSONAL
    return GUESSABLE


def details_known_to_others(answers: dict) -> list[str]:
    """From journey.report_answers(): what the reporter said about themself and where it
    happened, which someone who knows them could try first."""
    contact = answers.get("contact") or {}
    values = [contact.get(key, "") for key in ("name", "email", "phone")]
    email = contact.get("email", "")
    values += [email.split("@")[0], answers.get("town", ""), answers.get("postcode", "")]
    return [value for value in values if value]
