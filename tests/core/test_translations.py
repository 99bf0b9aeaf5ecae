"""The four catalogues are complete, up to date with the code, and keep every placeholder."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from sonores_lms.config import LANGUAGES
from sonores_lms.i18n_check import catalogue_problems

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
PROPER_NAMES = {"Alliance française", "Institut français"}  # the same in every language


def catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def test_every_catalogue_is_complete():
    assert catalogue_problems(TRANSLATIONS) == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is installed by scripts/system-deps.sh")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_msgfmt_counts_no_untranslated_or_fuzzy_entry(lang):
    po = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=True
    )
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_catalogues_hold_every_string_of_the_code(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "babel.cfg", "-k", "_l",
         "--no-location", "--ignore-dirs=.* __pycache__", "-o", str(pot), "."],
        cwd=ROOT, check=True,
    )  # fmt: skip
    assert catalogue_problems(TRANSLATIONS, pot) == [], "run 'make i18n-update' and translate the new strings"


@pytest.mark.parametrize("lang", ["fr", "es", "pt"])
def test_translations_keep_placeholders_and_are_not_copies(lang):
    copies = []
    for message in catalogue(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if len(ids) == 1:
            assert set(PLACEHOLDER.findall(strings[0])) == set(PLACEHOLDER.findall(ids[0])), (lang, ids[0], strings[0])
        else:  # plural forms may leave the count out of the singular ("the course" for one)
            allowed = set().union(*(PLACEHOLDER.findall(i) for i in ids))
            for string in strings:
                assert set(PLACEHOLDER.findall(string)) <= allowed, (lang, ids[0], string)
        if strings[0] == ids[0] and ids[0] not in PROPER_NAMES and re.search(r"[a-z]{4,} [a-z]{4,}", ids[0]):
            copies.append(ids[0])
    assert copies == [], f"{lang}: sentences left in English"
