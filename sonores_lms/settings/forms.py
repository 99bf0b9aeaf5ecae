"""The network settings form: it validates, the view saves through the settings store."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, ValidationError

from ..i18n import is_timezone, timezone_choices


class NetworkSettingsForm(FlaskForm):
    network_name = StringField(_l("Network name"), validators=[DataRequired(), Length(max=120)])
    default_timezone = SelectField(_l("Default time zone"), validators=[DataRequired()], validate_choice=False)
    submit = SubmitField(_l("Save the settings"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.default_timezone.choices = timezone_choices()

    def validate_network_name(self, field: StringField) -> None:
        field.data = (field.data or "").strip()
        if not field.data:
            raise ValidationError(_l("Give the network a name."))

    def validate_default_timezone(self, field: SelectField) -> None:
        # Checked against the IANA database rather than the choices, so the message says what is wrong.
        if not is_timezone(field.data or ""):
            raise ValidationError(_l("Choose a time zone from the list."))
