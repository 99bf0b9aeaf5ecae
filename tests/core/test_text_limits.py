"""Issue 9, item 10: every text a person types has a sensible maximum, the same in the form and in the model.

A 2,000-character first name or a 5,000-character lesson title used to save (SQLite keeps what it is given) and
then broke the header and the pages that show it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from typing import Any

import pytest
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import AnyOf, EqualTo, Length

import courses
import sonores_lms
from sonores_lms.limits import TooLong, column_limits


def _form_classes() -> Iterator[type[FlaskForm]]:
    for package in (sonores_lms, courses):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".demo_content" not in module.name:
                importlib.import_module(module.name)
    pending = list(FlaskForm.__subclasses__())
    while pending:
        form = pending.pop()
        pending.extend(form.__subclasses__())
        if form.__module__.startswith(("sonores_lms", "courses")):
            yield form


def _text_fields(form: type[FlaskForm]) -> Iterator[tuple[str, Any]]:
    """(name, unbound field) of the text inputs a person fills (hidden fields carry what the page wrote)."""
    for name, unbound in vars(form).items():
        field_class = getattr(unbound, "field_class", None)
        if (
            field_class is not None
            and issubclass(field_class, StringField)
            and not issubclass(field_class, HiddenField)
        ):
            yield name, unbound


def _validators(unbound: Any) -> list[Any]:
    return list(unbound.kwargs.get("validators") or (unbound.args[1] if len(unbound.args) > 1 else []))


def test_every_text_field_of_every_form_has_a_maximum_length(app):
    missing = []
    for form in _form_classes():
        for name, unbound in _text_fields(form):
            bounded = any(
                (isinstance(v, Length) and v.max and v.max > 0) or isinstance(v, AnyOf | EqualTo)
                for v in _validators(unbound)
            )
            if not bounded:
                missing.append(f"{form.__module__}.{form.__name__}.{name}")
    assert missing == []


@pytest.mark.parametrize(
    ("form_path", "model_path"),
    [
        ("sonores_lms.account.forms:ProfileForm", "sonores_lms.people.models:User"),
        ("sonores_lms.people.forms:InviteForm", "sonores_lms.people.models:User"),
        ("sonores_lms.people.forms:PersonForm", "sonores_lms.people.models:User"),
        ("sonores_lms.auth.forms:SignInForm", "sonores_lms.people.models:User"),
        ("sonores_lms.institutes.forms:InstituteForm", "sonores_lms.institutes.models:Institute"),
    ],
)
def test_a_form_allows_what_its_column_holds_and_no_more(app, form_path, model_path):
    def load(path: str) -> Any:
        module, name = path.split(":")
        return getattr(importlib.import_module(module), name)

    form, model = load(form_path), load(model_path)
    limits = column_limits(model)
    compared = 0
    for name, unbound in _text_fields(form):
        if name in limits:
            maxima = [v.max for v in _validators(unbound) if isinstance(v, Length)]
            assert maxima == [limits[name]], f"{form.__name__}.{name}: {maxima} for a column of {limits[name]}"
            compared += 1
    assert compared, "the form shares no field with the model"


def test_the_rendered_inputs_say_their_maximum(app, client_as):
    page = client_as("staff").get("/account/profile").get_data(as_text=True)
    assert 'id="first_name" maxlength="100"' in page or ('id="first_name"' in page and 'maxlength="100"' in page)


def test_the_profile_form_refuses_a_2000_character_first_name(client_as, db):
    client = client_as("staff")
    response = client.post(
        "/account/profile",
        data={"first_name": "A" * 2000, "last_name": "Tester", "locale": "en", "timezone": "America/Bogota"},
    )
    assert response.status_code == 200  # the form again, with its message
    assert "Field cannot be longer than 100 characters." in response.get_data(as_text=True)
    db.session.refresh(client.user)
    assert client.user.first_name == "Person"


def test_the_model_refuses_a_name_longer_than_its_column_on_every_database(create_user, db):
    person = create_user()
    person.first_name = "A" * 101
    with pytest.raises(TooLong, match="User.first_name"):
        db.session.flush()
    db.session.rollback()


def test_a_title_longer_than_200_characters_is_refused_by_the_model(app):
    from courses.models import Lesson

    lesson = Lesson()
    lesson.set_texts("fr", {"title": "T" * 200, "body": "B" * 5000})
    with pytest.raises(TooLong, match="title"):
        lesson.set_texts("es", {"title": "T" * 5000})
    assert lesson.texts_in("es") == {}
