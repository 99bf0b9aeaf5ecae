"""Text that authors write in several languages: the reader's language, then French, then any."""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from flask_babel import get_locale
from sqlalchemy import JSON
from sqlalchemy.orm import Mapped, mapped_column

from .config import LANGUAGES
from .limits import TooLong

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


class TranslationStatus(enum.StrEnum):
    SOURCE = "source"  # the French original
    MISSING = "missing"
    UP_TO_DATE = "up-to-date"
    STALE = "stale"  # written against a French text that has changed since


def source_fingerprint(values: Mapping[str, str | None] | None) -> str:
    """A short hash of the French fields; a translation records the one it was written against."""
    canonical = json.dumps({k: (v or "").strip() for k, v in sorted((values or {}).items())}, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


TITLE_MAX = 200  # characters of a title, in any language (the authoring forms say the same)
TEXT_MAX = 100_000  # characters of any other translated field: a summary, a lesson's body, a transcript


class Translatable:
    """Mixin for models whose authored text exists in fr, es, pt and en, French being the source.

    ``texts`` holds ``{"fr": {"title": ..., "body": ...}, "es": {...}}`` and ``translated_from`` the French
    fingerprint each translation was written against, so a later change of the French text marks it stale.
    Subclasses list their fields in ``TRANSLATED_FIELDS``.
    """

    TRANSLATED_FIELDS: ClassVar[tuple[str, ...]] = ()
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"title": TITLE_MAX}  # other fields: TEXT_MAX

    texts: Mapped[dict[str, dict[str, str]]] = mapped_column(JSON, default=dict)
    translated_from: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)

    def text(self, field: str, language: str | None = None) -> Picked:
        return pick({lang: values.get(field) for lang, values in (self.texts or {}).items()}, language)

    def texts_in(self, language: str) -> dict[str, str]:
        return dict((self.texts or {}).get(language, {}))

    def set_texts(self, language: str, values: Mapping[str, str | None]) -> None:
        """Save one language's fields (unknown fields are refused); empty strings remove a translation."""
        unknown = set(values) - set(self.TRANSLATED_FIELDS)
        if unknown:
            raise ValueError(f"not translated fields: {sorted(unknown)}")
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        cleaned = {k: v.strip() for k, v in values.items() if v and v.strip()}
        for name, value in cleaned.items():
            limit = self.TEXT_LIMITS.get(name, TEXT_MAX)
            if len(value) > limit:
                raise TooLong(f"{type(self).__name__} {name} ({language}) is {len(value)} characters; at most {limit}")
        texts = {lang: dict(v) for lang, v in (self.texts or {}).items()}  # a new object: JSON change detection
        sources = dict(self.translated_from or {})
        if cleaned:
            texts[language] = cleaned
        else:
            texts.pop(language, None)
        if language == SOURCE_LANGUAGE:
            sources.pop(language, None)
        elif cleaned:
            sources[language] = source_fingerprint(texts.get(SOURCE_LANGUAGE))
        else:
            sources.pop(language, None)
        self.texts = texts
        self.translated_from = sources

    def translation_status(self, language: str) -> TranslationStatus:
        if language == SOURCE_LANGUAGE:
            return TranslationStatus.SOURCE if self.texts_in(language) else TranslationStatus.MISSING
        if not self.texts_in(language):
            return TranslationStatus.MISSING
        current = source_fingerprint((self.texts or {}).get(SOURCE_LANGUAGE))
        if (self.translated_from or {}).get(language) != current:
            return TranslationStatus.STALE
        return TranslationStatus.UP_TO_DATE

    def translation_statuses(self) -> dict[str, TranslationStatus]:
        return {lang: self.translation_status(lang) for lang in LANGUAGES}
