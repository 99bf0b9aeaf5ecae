"""``pick``: the reader's language, then French, then any language that has text."""

from __future__ import annotations

import pytest
from markupsafe import escape

from sonores_lms.multilingual import pick

TEXTS = {"fr": "Bonjour", "es": "Hola", "pt": "Olá"}


@pytest.mark.parametrize(
    ("values", "language", "text", "picked", "fallback"),
    [
        (TEXTS, "es", "Hola", "es", False),
        (TEXTS, "pt", "Olá", "pt", False),
        (TEXTS, "en", "Bonjour", "fr", True),  # no English: French
        ({"es": "Hola", "pt": "Olá"}, "en", "Hola", "es", True),  # no French either: any
        ({"fr": "Bonjour", "en": "   "}, "en", "Bonjour", "fr", True),  # blank text counts as missing
        ({"fr": "", "es": None, "ht": "Bonjou"}, "fr", "Bonjou", "ht", True),  # a language outside our four
        ({}, "es", "", None, False),
        (None, "es", "", None, False),
    ],
)
def test_pick_order(values, language, text, picked, fallback):
    result = pick(values, language)
    assert str(result) == text
    assert result.language == picked
    assert result.wanted == language
    assert result.is_fallback is fallback


def test_pick_uses_the_current_locale(app):
    with app.test_request_context(headers={"Accept-Language": "es"}):
        result = pick(TEXTS)
    assert result.text == "Hola" and result.wanted == "es"
    with app.test_request_context(headers={"Accept-Language": "de"}):
        result = pick(TEXTS)
    assert result.text == "Bonjour" and not result.is_fallback


def test_picked_text_is_escaped_in_templates():
    result = pick({"fr": "<b>gras</b> & co"}, "fr")
    assert str(escape(result)) == "&lt;b&gt;gras&lt;/b&gt; &amp; co"
