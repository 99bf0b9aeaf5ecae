"""The core's multilingual mixin: one place per model, reader's language then French, stale translations."""

from __future__ import annotations

import pytest

from sonores_lms.multilingual import Translatable, TranslationStatus


class Lesson(Translatable):
    TRANSLATED_FIELDS = ("title", "body")

    def __init__(self) -> None:
        self.texts = {}
        self.translated_from = {}


def test_statuses_follow_the_french_source():
    lesson = Lesson()
    assert lesson.translation_status("fr") is TranslationStatus.MISSING
    lesson.set_texts("fr", {"title": "Diffuser un concert", "body": "Le matériel"})
    lesson.set_texts("es", {"title": "Transmitir un concierto", "body": "El equipo"})
    assert lesson.translation_statuses() == {
        "fr": TranslationStatus.SOURCE,
        "es": TranslationStatus.UP_TO_DATE,
        "pt": TranslationStatus.MISSING,
        "en": TranslationStatus.MISSING,
    }
    lesson.set_texts("fr", {"title": "Diffuser un concert en direct", "body": "Le matériel"})
    assert lesson.translation_status("es") is TranslationStatus.STALE
    lesson.set_texts("es", {"title": "Transmitir un concierto en vivo", "body": "El equipo"})
    assert lesson.translation_status("es") is TranslationStatus.UP_TO_DATE


def test_whitespace_only_changes_do_not_make_translations_stale():
    lesson = Lesson()
    lesson.set_texts("fr", {"title": "Budget", "body": "Texte"})
    lesson.set_texts("pt", {"title": "Orçamento", "body": "Texto"})
    lesson.set_texts("fr", {"title": "Budget ", "body": "Texte"})
    assert lesson.translation_status("pt") is TranslationStatus.UP_TO_DATE


def test_reading_falls_back_to_french_and_says_so(app):
    lesson = Lesson()
    lesson.set_texts("fr", {"title": "Budget d'un festival", "body": "Texte"})
    lesson.set_texts("es", {"title": "Presupuesto de un festival", "body": ""})
    assert str(lesson.text("title", "es")) == "Presupuesto de un festival"
    body = lesson.text("body", "es")
    assert (str(body), body.language, body.is_fallback) == ("Texte", "fr", True)
    assert lesson.text("title", "pt").is_fallback


def test_empty_values_remove_a_translation_and_unknown_fields_are_refused():
    lesson = Lesson()
    lesson.set_texts("fr", {"title": "Titre", "body": "Texte"})
    lesson.set_texts("en", {"title": "Title", "body": "Text"})
    lesson.set_texts("en", {"title": " ", "body": ""})
    assert lesson.translation_status("en") is TranslationStatus.MISSING
    with pytest.raises(ValueError, match="not translated"):
        lesson.set_texts("fr", {"summary": "x"})
    with pytest.raises(ValueError, match="unknown language"):
        lesson.set_texts("de", {"title": "Titel"})
