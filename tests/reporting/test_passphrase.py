"""A passphrase the reporter chooses: how strong it is (reporting/passphrase.py), measured on
the form that is hashed and compared."""

import math
import random
import secrets
import string

import pytest

from reporting import passphrase as passphrases
from reporting.passphrase import (
    GUESSABLE,
    MIN_BITS,
    PERSONAL,
    TOO_SHORT,
    normalise_passphrase,
    strength_bits,
    weakness,
)

EFF_WORD_BITS = math.log2(7776)


def eff_words(count, seed):
    """Distinct words from our list, without hyphens, chosen at random (seeded: repeatable)."""
    plain = [word for word in passphrases.words() if "-" not in word]
    return " ".join(random.Random(seed).sample(plain, count))


def random_characters(count):
    alphabet = string.ascii_letters + string.digits + "!#$%&*+=?@^_~"
    return "".join(secrets.choice(alphabet) for _ in range(count))


@pytest.mark.parametrize(
    "weak",
    [
        "password123",
        "correct horse",
        "correct horse battery staple",
        "correcthorsebatterystaple",
        "Tr0ub4dor&3",
        "aB3$xY9!kL2@",  # a 12-character mix
        "qwertyuiopasdfghjklzxcvbnm",
        "abcdefghijklmnopqrstuvwxyz0123",
        "my cat is called whiskers and she is 12",
        "1234567890123456789012345",
        "london2024london2024london2024",
        eff_words(3, seed=1),
        eff_words(4, seed=2),
        " ".join([eff_words(1, seed=3)] * 6),  # one word six times is one word
        "",
        "   ",
    ],
)
def test_weak_passphrase_is_refused(weak):
    assert strength_bits(weak) < MIN_BITS
    assert weakness(weak) is not None


@pytest.mark.parametrize(
    "strong",
    [
        eff_words(6, seed=4),
        eff_words(6, seed=5).upper(),
        eff_words(7, seed=6),
        eff_words(5, seed=7),  # as strong as the five words we make
        "xk7#mQ2$vL9@pR4&wZ8!jT5%",
        "dziewczyna kot pies dom samochód szkoła rower",
    ],
)
def test_strong_passphrase_is_accepted(strong):
    assert strength_bits(strong) >= MIN_BITS
    assert weakness(strong) is None


def test_long_random_strings_are_accepted():
    for _ in range(20):
        assert weakness(random_characters(32)) is None
        assert weakness(secrets.token_urlsafe(24)) is None


def test_our_generated_passphrase_passes_its_own_rule():
    for _ in range(20):
        generated = passphrases.new_passphrase()
        parts = generated.split("-")
        # Drawn independently, a word comes twice about once in 800; a chosen passphrase
        # like that is counted as four words.
        if len(set(parts)) == len(parts):
            assert strength_bits(generated) >= MIN_BITS
            assert weakness(generated) is None


def test_eff_words_count_exactly_log2_7776_each_however_zxcvbn_rates_them():
    for count in (3, 4, 5, 6):
        assert strength_bits(eff_words(count, seed=count)) <= count * EFF_WORD_BITS + 1e-9
    # zxcvbn alone rates random EFF words far higher (five: about 97 bits); the exact count,
    # what an attacker who knows our list faces, is what is used.
    for count in (5, 6):
        assert math.isclose(strength_bits(eff_words(count, seed=11)), count * EFF_WORD_BITS)


def test_hyphenated_eff_words_count_as_one_word():
    assert math.isclose(strength_bits("t-shirt yo-yo felt-tip drop-down"), 4 * EFF_WORD_BITS)


def test_strength_is_measured_on_what_is_compared():
    words = eff_words(6, seed=8)
    # Capitals, extra spaces and dashes are dropped before hashing, so they add nothing.
    messy = "  " + words.title().replace(" ", " -  ") + "\n"
    assert normalise_passphrase(messy) == normalise_passphrase(words)
    assert strength_bits(messy) == strength_bits(words)
    mixed = "xk7#mQ2$vL9@pR4&wZ8!jT5%"
    assert strength_bits(mixed) == strength_bits(mixed.lower())


def test_reasons_for_refusing():
    assert weakness("aB3$xY9!kL2@") == TOO_SHORT
    assert weakness("correct horse battery staple") == GUESSABLE
    known = ["Amina Begum", "amina@example.org", "B11 1AA", "Sparkbrook"]
    assert weakness("amina begum sparkbrook b11 1aa", known=known) == PERSONAL
    # A strong passphrase is not refused for holding a name.
    assert weakness("amina " + eff_words(6, seed=9), known=known) is None


def test_personal_details_lower_the_estimate():
    known = ["Amina Begum", "Sparkbrook"]
    phrase = "amina-begum-sparkbrook-1987-blue"
    assert strength_bits(phrase, known=known) < strength_bits(phrase)


def test_details_known_to_others_come_from_the_answers():
    answers = {
        "town": "Sparkbrook",
        "postcode": "B11 1AA",
        "contact": {"name": "Amina", "email": "amina.b@example.org", "phone": "07700 900123"},
    }
    assert passphrases.details_known_to_others(answers) == [
        "Amina",
        "amina.b@example.org",
        "07700 900123",
        "amina.b",
        "Sparkbrook",
        "B11 1AA",
    ]
    assert passphrases.details_known_to_others({"contact": None}) == []


def test_longer_than_zxcvbn_reads_is_judged_on_a_prefix_without_failing():
    long = random_characters(150)
    assert weakness(long) is None
    assert weakness("a" * 200) == GUESSABLE


def test_normalise_keeps_generated_passphrases_as_they_were():
    generated = passphrases.new_passphrase()
    assert normalise_passphrase(generated) == generated
    assert normalise_passphrase("Bobcat  unsworn grid-plated OXIDIZE") == (
        "bobcat-unsworn-grid-plated-oxidize"
    )


def test_normalise_matches_any_script_however_it_was_typed_or_pasted():
    # Full-width letters, a no-break space, a direction mark copied with right-to-left text,
    # and a decomposed accent all come out as typed plainly.
    assert normalise_passphrase("ＡＢＣ\u00a0def") == "abc-def"
    assert normalise_passphrase("\u200fمیرا نام\u200f ") == normalise_passphrase("میرا نام")
    assert normalise_passphrase("samocho\u0301d") == normalise_passphrase("samochód")
    assert normalise_passphrase("STRASSE") == normalise_passphrase("straße")
