"""Completeness of the translation catalogues (no untranslated, no fuzzy entry)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from .config import LANGUAGES


def catalogue_problems(translations: Path, pot: Path | None = None) -> list[str]:
    pot = pot or translations / "messages.pot"
    expected: set[str] = set()
    if pot.exists():
        with pot.open("rb") as fh:
            expected = {str(m.id) if isinstance(m.id, str) else str(m.id[0]) for m in read_po(fh) if m.id}
    problems = []
    for lang in LANGUAGES:
        path = translations / lang / "LC_MESSAGES" / "messages.po"
        if not path.exists():
            problems.append(f"{lang}: no catalogue")
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        present = set()
        for message in catalog:
            if not message.id:
                continue
            key = message.id if isinstance(message.id, str) else message.id[0]
            present.add(key)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy:
                problems.append(f"{lang}: fuzzy: {key!r}")
            elif not all(strings):
                problems.append(f"{lang}: untranslated: {key!r}")
        problems.extend(f"{lang}: missing: {key!r}" for key in sorted(expected - present))
    return problems


if __name__ == "__main__":
    import sys

    found = catalogue_problems(Path(sys.argv[1] if len(sys.argv) > 1 else "translations"))
    for line in found:
        print(line, file=sys.stderr)
    sys.exit(1 if found else 0)
