"""A person's own profile and password."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FormField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError
from wtforms.widgets import HiddenInput

from ..auth.forms import new_password_field
from ..auth.passwords import SAME_AS_CURRENT
from ..config import LANGUAGES
from ..forms import SubForm
from ..i18n import LANGUAGE_NAMES, is_timezone


class NotificationsForm(SubForm):
    course_updates = BooleanField(_l("Changes to my courses"))
    reminders = BooleanField(_l("Reminders before deadlines and live sessions"))
    network_news = BooleanField(_l("News from the network"))


class ProfileForm(FlaskForm):
    first_name = StringField(_l("First name"), validators=[DataRequired(), Length(max=100)])
    last_name = StringField(_l("Last name"), validators=[DataRequired(), Length(max=100)])
    job_title = StringField(_l("Job title"), validators=[Optional(), Length(max=120)])
    locale = SelectField(_l("Language"), choices=[SelectChoice(code, LANGUAGE_NAMES[code]) for code in LANGUAGES])
    timezone = SelectField(_l("Time zone"), validators=[Optional()])
    notifications = FormField(NotificationsForm, label=_l("Email me about"))
    version = IntegerField(widget=HiddenInput())
    submit = SubmitField(_l("Save"))

    def validate_timezone(self, field: SelectField) -> None:
        if field.data and not is_timezone(field.data):
            raise ValidationError(_l("Choose a time zone from the list."))


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    password = new_password_field(_l("New password"))
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The two passwords differ."))],
    )
    submit = SubmitField(_l("Change my password"))

    def validate_password(self, field: PasswordField) -> None:
        # Compared with what was typed, not with the stored hash: a stolen session must not learn the current
        # password through this message without going through the throttled check.
        if field.data and field.data == self.current_password.data:
            raise ValidationError(SAME_AS_CURRENT)
