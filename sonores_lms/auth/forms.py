"""Sign-in and password forms; they validate and never save."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length, StopValidation

from ..people.services import MIN_PASSWORD_LENGTH
from .passwords import password_problem, personal_words


class SignInForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Keep me signed in on this device"))
    next = HiddenField()
    submit = SubmitField(_l("Sign in"))


class ForgotPasswordForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email()])
    submit = SubmitField(_l("Send me a link"))


def strong_password(form: Any, field: PasswordField) -> None:
    """Refuse guessable passwords. The view sets ``form.person`` (who the password is for) before validating, so
    that their name and email count as guessable too."""
    if len(field.data or "") < MIN_PASSWORD_LENGTH:
        return  # the length rule already said so
    person = getattr(form, "person", None)
    words = personal_words(person.first_name, person.last_name, person.email) if person is not None else []
    problem = password_problem(field.data or "", user_inputs=words)
    if problem:
        raise StopValidation(problem)


def new_password_field(label: object) -> PasswordField:
    return PasswordField(
        label,
        validators=[
            DataRequired(),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=_l("Use at least %(min)d characters.", min=MIN_PASSWORD_LENGTH),
            ),
            strong_password,
        ],
    )


class ResetPasswordForm(FlaskForm):
    password = new_password_field(_l("New password"))
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The two passwords differ."))],
    )
    submit = SubmitField(_l("Save the new password"))
