"""WTForms' own validator messages follow the reader's language, in nested forms too (the editor's texts)."""

from __future__ import annotations

import pytest

from tests.courses.test_authoring import lesson_form, lessons_of

MESSAGES = {
    "fr": ("Ce champ est requis.", "Le champ ne peut pas contenir plus de 100000 caractères."),
    "es": ("Este campo es obligatorio.", "El campo no puede tener más de 100000 caracteres."),
    "pt": ("Campo obrigatório.", "Os campos não podem ter mais do que 100000 caracteres."),
    "en": ("This field is required.", "Field cannot be longer than 100000 characters."),
}


@pytest.mark.parametrize("lang", sorted(MESSAGES))
def test_validator_messages_of_nested_forms_are_translated(lang, make_plan, client_as, db):
    lesson = lessons_of(make_plan(published=False))[0]
    admin = client_as("admin", locale=lang)
    data = lesson_form(lesson, **{"fr-title": "", "es-body": "x" * 100_001})
    response = admin.post(f"/courses/author/lessons/{lesson.id}", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    required, too_long = MESSAGES[lang]
    assert required in page
    assert too_long in page
    if lang != "en":
        assert "This field is required." not in page
        assert "Field cannot be longer" not in page


@pytest.mark.parametrize("lang", sorted(MESSAGES))
def test_validator_messages_of_top_level_forms_are_translated(lang, client_as, db):
    person = client_as("staff", locale=lang)
    version = person.user.version
    response = person.post("/account/profile", data={"first_name": "", "last_name": "Ok", "version": version})
    assert response.status_code == 200
    assert MESSAGES[lang][0] in response.get_data(as_text=True)
