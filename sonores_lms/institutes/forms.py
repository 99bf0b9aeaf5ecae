"""Institute forms; they validate and never save."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, ValidationError
from wtforms.widgets import HiddenInput

from ..forms import MultiCheckboxField, choices
from ..i18n import is_timezone, timezone_choices
from .choices import countries_named, country_choices, country_names, language_names
from .models import INSTITUTE_KIND_TITLES


class InstituteForm(FlaskForm):
    kind = SelectField(
        _l("Kind"), choices=choices((kind.value, title) for kind, title in INSTITUTE_KIND_TITLES.items())
    )
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    country = SelectField(_l("Country"), validators=[DataRequired()])
    city = StringField(_l("City"), validators=[DataRequired(), Length(max=120)])
    timezone = SelectField(_l("Time zone"), validators=[DataRequired()])
    languages = MultiCheckboxField(
        _l("Working languages"), validators=[DataRequired(message=_l("Choose at least one language."))]
    )
    active = BooleanField(_l("Active"), default=True)
    version = IntegerField(widget=HiddenInput(), default=0)
    submit = SubmitField(_l("Save"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.country.choices = country_choices()
        self.timezone.choices = choices(timezone_choices())
        self.languages.choices = choices(language_names().items())

    def validate_timezone(self, field: SelectField) -> None:
        if not is_timezone(field.data or ""):
            raise ValidationError(_l("Choose a time zone from the list."))


class InstituteFilterForm(FlaskForm):
    """The list's filters: a GET form, so no CSRF token."""

    class Meta:
        csrf = False

    country = SelectField(_l("Country"))
    active = SelectField(
        _l("Status"), choices=choices([("", _l("All")), ("yes", _l("Active")), ("no", _l("Inactive"))]), default=""
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.country.choices = countries_named(country_names(), leading=[("", _l("All countries"))])
