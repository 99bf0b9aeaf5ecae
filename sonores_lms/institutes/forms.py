"""Institute forms; they validate and never save."""

from __future__ import annotations

from babel import Locale
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, HiddenInput, ListWidget

from ..i18n import is_timezone, timezone_choices
from .models import INSTITUTE_KIND_TITLES

# The territories where the network has institutes: listed first in country choices.
NETWORK_COUNTRIES: tuple[str, ...] = (
    "AR", "BO", "BR", "CL", "CO", "CR", "SV", "EC", "GT", "HN", "HT", "JM",
    "MX", "NI", "PA", "PY", "PE", "PR", "DO", "LC", "TT", "UY", "VE",
)  # fmt: skip
# Working languages an institute may declare (codes babel knows, so their names follow the reader's language).
INSTITUTE_LANGUAGES: tuple[str, ...] = ("fr", "es", "pt", "en", "ht")
# Two-letter codes in CLDR that are not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"})


def _reader_locale() -> Locale:
    return get_locale() or Locale.parse("fr")


def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> country name in the reader's language."""
    return {
        code: name
        for code, name in _reader_locale().territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }


def choices(pairs: object, optgroup: str | None = None) -> list[SelectChoice]:
    """``(value, label)`` pairs as the option objects WTForms expects."""
    return [SelectChoice(value, label, optgroup=optgroup) for value, label in pairs]  # type: ignore[attr-defined]


def country_choices() -> list[SelectChoice]:
    """Grouped choices (rendered as optgroups): the network's countries first, then every other one."""
    names = country_names()
    network = sorted(((c, names.get(c, c)) for c in NETWORK_COUNTRIES), key=lambda item: item[1])
    others = sorted(((c, n) for c, n in names.items() if c not in NETWORK_COUNTRIES), key=lambda item: item[1])
    return [
        *choices(network, optgroup=str(_l("Countries of the network"))),
        *choices(others, optgroup=str(_l("Other countries"))),
    ]


def language_names() -> dict[str, str]:
    names = _reader_locale().languages
    return {code: names.get(code, code) for code in INSTITUTE_LANGUAGES}


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


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
        self.country.choices = choices(
            [("", _l("All countries")), *sorted(country_names().items(), key=lambda i: i[1])]
        )


class ConfirmForm(FlaskForm):
    """A POST button: only the CSRF token is checked."""

    submit = SubmitField(_l("Confirm"))
