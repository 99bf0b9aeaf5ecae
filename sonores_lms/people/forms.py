"""People forms; they validate and never save."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired, FileSize
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    SearchField,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError
from wtforms.widgets import HiddenInput

from ..config import LANGUAGES
from ..forms import MultiCheckboxField, choices
from ..i18n import LANGUAGE_NAMES, is_timezone
from ..institutes.choosing import InstituteCountry
from ..permissions import ROLE_TITLES
from .csv_import import MAX_BYTES

NETWORK = 0  # the "whole network" choice of an institute select
PERSONS_INSTITUTE = -1  # "in the person's institute"


def role_choices() -> list[tuple[str, object]]:
    return [(role.value, title) for role, title in ROLE_TITLES.items()]


def language_choices() -> list[tuple[str, str]]:
    return [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES]


class PeopleFilterForm(FlaskForm):
    """The list's filters: a GET form, so no CSRF token."""

    class Meta:
        csrf = False

    q = SearchField(_l("Name or email"), validators=[Optional(), Length(max=100)])
    country = SelectField(_l("Country"), default="")
    institute = SelectField(_l("Institute"), coerce=int, default=0)
    role = SelectField(_l("Role"), default="")
    active = SelectField(
        _l("Status"),
        choices=choices([("", _l("All")), ("yes", _l("Active")), ("no", _l("Deactivated"))]),
        default="yes",
    )

    def __init__(
        self, *args: object, institutes: list[tuple[int, str]], countries: list[tuple[str, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.institute.choices = choices([(0, _l("All institutes")), *institutes])
        self.country.choices = choices([("", _l("All countries")), *countries])
        self.role.choices = choices([("", _l("All roles")), *role_choices()])


class InviteForm(InstituteCountry, FlaskForm):
    """The institute's choices are filled by the view (``narrow_institutes``)."""

    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    first_name = StringField(_l("First name"), validators=[DataRequired(), Length(max=100)])
    last_name = StringField(_l("Last name"), validators=[DataRequired(), Length(max=100)])
    locale = SelectField(_l("Language of their mail and pages"), choices=choices(language_choices()), default="fr")
    institute_id = SelectField(_l("Institute"), coerce=int)
    roles = MultiCheckboxField(_l("Roles"), default=["staff"])
    role_scope = SelectField(_l("Where the roles apply"), coerce=int)
    submit = SubmitField(_l("Send the invitation"))

    def __init__(self, *args: object, network: bool, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.roles.choices = choices(role_choices())
        scopes: list[tuple[int, object]] = [(PERSONS_INSTITUTE, _l("In their institute only"))]
        if network:
            scopes.insert(0, (NETWORK, _l("The whole network")))
        self.role_scope.choices = choices(scopes)

    def validate_role_scope(self, field: SelectField) -> None:
        if field.data == PERSONS_INSTITUTE and not self.institute_id.data:
            raise ValidationError(_l("Choose their institute first."))


class PersonForm(InstituteCountry, FlaskForm):
    first_name = StringField(_l("First name"), validators=[DataRequired(), Length(max=100)])
    last_name = StringField(_l("Last name"), validators=[DataRequired(), Length(max=100)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    job_title = StringField(_l("Job title"), validators=[Optional(), Length(max=120)])
    locale = SelectField(_l("Language"), choices=choices(language_choices()))
    timezone = SelectField(_l("Time zone"), validators=[Optional()])
    institute_id = SelectField(_l("Institute"), coerce=int)
    version = IntegerField(widget=HiddenInput())
    submit = SubmitField(_l("Save"))

    def validate_timezone(self, field: SelectField) -> None:
        if field.data and not is_timezone(field.data):
            raise ValidationError(_l("Choose a time zone from the list."))


class RoleForm(InstituteCountry, FlaskForm):
    """The institute's choices ("Where") are filled by the view (``narrow_institutes``)."""

    role = SelectField(_l("Role"))
    institute_id = SelectField(_l("Where"), coerce=int)
    submit = SubmitField(_l("Add the role"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = choices(role_choices())


class ActionForm(FlaskForm):
    """A POST button (deactivate, resend...): only the CSRF token is checked."""

    submit = SubmitField(_l("Confirm"))


class ImportUploadForm(FlaskForm):
    file = FileField(
        _l("CSV file"),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileSize(max_size=MAX_BYTES, message=_l("The file is larger than 1 MB. Split it into smaller files.")),
        ],
    )
    submit = SubmitField(_l("Preview the import"))


class ImportConfirmForm(FlaskForm):
    send_invitations = BooleanField(_l("Send an invitation to each new person"))
    submit = SubmitField(_l("Import the valid rows"))
