"""Issue 9, items 15 and 16: what native readers found in the interface's French, Spanish and Portuguese.

Numbers take plural forms, language names are written in lower case inside a sentence (as French, Spanish and
Portuguese write them), words that take a gender in one language have a context, French puts a non-breaking space
before its high punctuation, sizes come in the reader's units, and each concept has one term per language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import force_locale, gettext, ngettext, pgettext

from sonores_lms.i18n import format_size, language_in_sentence

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"


def catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_french_puts_a_non_breaking_space_before_high_punctuation():
    ordinary = []
    for message in catalogue("fr"):
        for string in strings(message):
            # "https://" and times like "10:30" have no space before the colon, so they are not caught here.
            if re.search(r" [:;?!]", string):
                ordinary.append(string)
    assert ordinary == []


# One term per concept in each language, and the wordings native readers asked for.
AVOIDED = {
    "es": [
        "Volver a iniciar sesión",
        "revisión borrador",
        "Revisión borrador",
        "recorrido",
        "lo invita",
        "abarcad",
        "en directo",
        "sin actualizar",
    ],
    "pt": [
        r"\bAlvo\b",
        r"(?<![Pp]úblico-)\balvo\b",
        "Entrada na conta",
        "Saída da conta",
        "ausente",
        "Núcleo",
        "percurso",
        "convidado para",
    ],
    "fr": ["pack de leçons", "Pack de leçons", "devient à revoir"],
    "en": ["Good learning"],
}


@pytest.mark.parametrize("lang", sorted(AVOIDED))
def test_wordings_native_readers_asked_to_change_are_gone(lang):
    found = [
        (message.id, string)
        for message in catalogue(lang)
        for string in strings(message)
        for avoided in AVOIDED[lang]
        if re.search(avoided, string)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", {"published": "publiée", "archived": "archivée", "draft": "brouillon"}),
        ("pt", {"published": "publicada", "archived": "arquivada", "draft": "rascunho"}),
        ("es", {"published": "publicada", "archived": "archivada", "draft": "en borrador"}),
    ],
)
def test_a_revision_takes_the_feminine_where_a_plan_takes_the_masculine(app, lang, expected):
    with app.test_request_context(), force_locale(lang):
        for status, word in expected.items():
            assert pgettext("plan revision", status) == word
        plan_published = gettext("Published").lower()
    assert plan_published != expected["published"] or lang == "es"


def test_french_lessons_are_feminine_and_courses_masculine(app):
    with app.test_request_context(), force_locale("fr"):
        assert pgettext("lesson", "locked") == "verrouillée"
        assert pgettext("lesson", "done") == "terminée"
        assert pgettext("lesson", "Done") == "Terminée"
        assert pgettext("course", "Done") == "Terminé"
        assert pgettext("course", "Locked") == "Verrouillé"


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("es", "Se encontró 1 curso.", "Se encontraron 2 cursos."),
        ("fr", "1 cours trouvé.", "2 cours trouvés."),
        ("pt", "1 curso encontrado.", "2 cursos encontrados."),
        ("en", "1 course found.", "2 courses found."),
    ],
)
def test_counted_courses_take_the_plural_form_of_their_number(app, lang, one, many):
    with app.test_request_context(), force_locale(lang):
        assert ngettext("%(num)s course found.", "%(num)s courses found.", 1) == one
        assert ngettext("%(num)s course found.", "%(num)s courses found.", 2) == many


@pytest.mark.parametrize(
    ("lang", "spanish", "portuguese"),
    [
        ("fr", "espagnol", "portugais"),
        ("es", "español", "portugués"),
        ("pt", "espanhol", "português"),
        ("en", "Spanish", "Portuguese"),
    ],
)
def test_language_names_inside_a_sentence_follow_the_readers_language(app, lang, spanish, portuguese):
    with app.test_request_context(), force_locale(lang):
        assert language_in_sentence("es") == spanish
        assert language_in_sentence("pt") == portuguese


@pytest.mark.parametrize(
    ("lang", "ten_megabytes", "one_and_a_half_kilobytes"),
    [
        ("fr", "10\u202fMo", "1,5\u202fko"),
        ("es", "10 MB", "1,5 kB"),
        ("pt", "10 MB", "1,5 kB"),
        ("en", "10 MB", "1.5 kB"),
    ],
)
def test_file_sizes_come_in_the_readers_units(app, lang, ten_megabytes, one_and_a_half_kilobytes):
    with app.test_request_context(), force_locale(lang):
        assert format_size(10 * 1024 * 1024) == ten_megabytes
        assert format_size(1536) == one_and_a_half_kilobytes
        assert format_size(1) == format_size(1023)  # never "0 kB" for a file that has bytes


def test_a_lesson_read_in_spanish_says_the_language_in_lower_case(app, client_as, make_plan):
    plan = make_plan(courses=1, lessons=2)
    second = plan.axes[0].tracks[0].courses[0].modules[0].lessons[1]
    page = client_as("staff", locale="es").get(f"/courses/learn/lesson/{second.uid}").get_data(as_text=True)
    assert "no está disponible en español" in page and "versión en francés" in page
    assert "Español" not in page.split("<main", 1)[1].split("</main>", 1)[0]
