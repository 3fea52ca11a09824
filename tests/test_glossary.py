"""Words that hold in every language (issue 19, part 5): every catalogue names each concept of
locale/GLOSSARY.yml with its language's fixed word (locale/<lang>/GLOSSARY.yml), uses no
forbidden variant, and keeps to one form of address.

Run as a script to list every entry that breaks the glossary:
`.venv/bin/python tests/test_glossary.py [lang ...]`."""

import ast
import re
import sys
from pathlib import Path

import pytest
import yaml

LOCALE = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("cy", "ur", "pa", "bn", "ar", "ro", "pl", "so", "ps")
LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural and msgstr / msgstr[n]."""
    entries, entry, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            if entry and "msgid" in entry and not line.startswith("#"):
                entries.append(entry)
                entry = None
            continue
        match = LINE.match(line)
        if match:
            if entry is None or (match[1] in ("msgid", "msgctxt") and "msgid" in entry):
                if entry and "msgid" in entry:
                    entries.append(entry)
                entry = {}
            field = match[1]
            entry[field] = ast.literal_eval(match[2])
        elif line.startswith('"') and entry is not None:
            entry[field] += ast.literal_eval(line)
    if entry and "msgid" in entry:
        entries.append(entry)
    return [e for e in entries if e["msgid"]]  # not the header


def translations(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr") and value]


def load_glossary(language: str) -> tuple[dict, dict]:
    concepts = yaml.safe_load((LOCALE / "GLOSSARY.yml").read_text(encoding="utf-8"))
    fixed = yaml.safe_load((LOCALE / language / "GLOSSARY.yml").read_text(encoding="utf-8"))
    return concepts, fixed


def _any(patterns, text: str) -> str | None:
    for pattern in patterns or []:
        found = re.search(pattern, text, re.I)
        if found:
            return found[0]
    return None


def problems(language: str) -> list[str]:
    """Every break of the glossary in the language's catalogue, one line each."""
    concepts, fixed = load_glossary(language)
    found = []
    for entry in read_po(LOCALE / language / "LC_MESSAGES" / "django.po"):
        english = entry["msgid"] + "\n" + entry.get("msgid_plural", "")
        for text in translations(entry):
            for concept, spec in concepts.items():
                if not re.search(spec["english"], english, re.I):
                    continue
                # Only where the English names the concept: "cyfrinair" stays right for a
                # staff account's password.
                term = fixed["terms"][concept]
                wrong = _any(term.get("forbidden"), text)
                if wrong:
                    found.append(f"{concept}: forbidden {wrong!r} in {text[:80]!r}")
                if not _any(term["forms"], text):
                    found.append(f"{concept}: no {term['word']!r} for {entry['msgid'][:60]!r}")
            wrong = _any(fixed["address"].get("forbidden"), text)
            if wrong:
                found.append(f"address: {wrong!r} in {text[:80]!r}")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_holds_in_catalogue(language):
    assert problems(language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_fixes_every_concept_and_the_form_of_address(language):
    concepts, fixed = load_glossary(language)
    assert fixed["language"] == language
    assert set(fixed["terms"]) == set(concepts)
    for concept, term in fixed["terms"].items():
        # The fixed word is itself one of the accepted forms, and never forbidden.
        assert _any(term["forms"], term["word"]), (concept, term["word"])
        assert not _any(term.get("forbidden"), term["word"]), (concept, term["word"])
    assert fixed["address"]["form"] and fixed["address"]["note"]


def test_glossary_check_finds_a_forbidden_word_and_a_missing_one(tmp_path, monkeypatch):
    """The check is not vacuous: Welsh "cyfrinair" for passphrase, and a Polish string about
    the police without "policj…", are both caught."""
    for language, body in (
        ("cy", 'msgid "Your passphrase"\nmsgstr "Eich cyfrinair"\n'),
        ("pl", 'msgid "Tell the police"\nmsgstr "Powiedz komuś"\n'),
    ):
        (tmp_path / language / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / language / "LC_MESSAGES" / "django.po").write_text(body, encoding="utf-8")
        (tmp_path / language / "GLOSSARY.yml").write_bytes(
            (LOCALE / language / "GLOSSARY.yml").read_bytes()
        )
    (tmp_path / "GLOSSARY.yml").write_bytes((LOCALE / "GLOSSARY.yml").read_bytes())
    monkeypatch.setattr(sys.modules[__name__], "LOCALE", tmp_path)
    assert any(p.startswith("passphrase: forbidden") for p in problems("cy"))
    assert any(p.startswith("police: no") for p in problems("pl"))


if __name__ == "__main__":
    for language in sys.argv[1:] or LANGUAGES:
        lines = problems(language)
        print(f"== {language}: {len(lines)}")
        print("\n".join(lines))
