"""Text that authors write in several languages: the reader's language, then French, then any."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import get_locale

from .config import LANGUAGES

SOURCE_LANGUAGE = "fr"


@dataclass(frozen=True)
class Picked:
    text: str
    language: str | None  # None when no language had text
    wanted: str

    @property
    def is_fallback(self) -> bool:
        return self.language is not None and self.language != self.wanted

    def __str__(self) -> str:
        return self.text

    def __html__(self) -> str:
        from markupsafe import escape

        return str(escape(self.text))


def pick(values: Mapping[str, str | None] | None, language: str | None = None) -> Picked:
    """The best text in ``values`` for ``language`` (default: the current locale)."""
    wanted = language or str(get_locale() or SOURCE_LANGUAGE)
    values = values or {}
    order = [wanted, SOURCE_LANGUAGE, *LANGUAGES, *sorted(values)]
    for lang in order:
        text = values.get(lang)
        if text and text.strip():
            return Picked(text, lang, wanted)
    return Picked("", None, wanted)
