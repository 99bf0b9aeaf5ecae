"""Admin forms: templates, issuing one certificate, revoking, re-issuing, the list's filters. They validate and
never save: a template's texts are checked here (unknown placeholder, syntax error, sandbox refusal), so a refused
save writes nothing."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, ValidationError

from sonores_lms.config import LANGUAGES
from sonores_lms.forms import choices
from sonores_lms.i18n import LANGUAGE_NAMES
from sonores_lms.multilingual import TITLE_MAX

from .models import REVOKE_REASON_TITLES, Orientation, Paper, RevokeReason
from .render import PLACEHOLDERS, TemplateTextError, check_text

BODY_MAX = 5000
SIGNATORIES = 3

ORIENTATION_TITLES = {Orientation.LANDSCAPE: _l("Landscape"), Orientation.PORTRAIT: _l("Portrait")}
PAPER_TITLES = {Paper.A4: _l("A4"), Paper.LETTER: _l("Letter")}


def _text_problem(error: TemplateTextError) -> Any:
    if error.problem == "unknown":
        return _l(
            "Unknown placeholder: %(names)s. Use only %(known)s.",
            names=error.detail,
            known=", ".join("{" + p + "}" for p in PLACEHOLDERS),
        )
    if error.problem == "syntax":
        return _l("This text cannot be read: %(detail)s.", detail=error.detail)
    return _l("This text uses something other than the placeholders, which is not allowed.")


def check_template_text(_form: Any, field: Any) -> None:
    try:
        check_text(field.data or "")
    except TemplateTextError as error:
        raise ValidationError(str(_text_problem(error))) from error


class TemplateForm(FlaskForm):
    """A template's settings, its texts in the four languages and its images."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    scope = SelectField(_l("Used for"), validators=[DataRequired()])
    auto_issue = BooleanField(_l("Issue certificates automatically on completion"), default=True)
    bilingual = BooleanField(_l("Bilingual: French beside the holder's language"))
    orientation = SelectField(_l("Orientation"), choices=choices((o.value, t) for o, t in ORIENTATION_TITLES.items()))
    paper = SelectField(_l("Paper size"), choices=choices((p.value, t) for p, t in PAPER_TITLES.items()))
    valid_months = IntegerField(
        _l("Valid for (months)"),
        validators=[Optional(), NumberRange(min=1, max=600)],
        description=_l("Leave empty for a certificate that never expires."),
    )
    logo = FileField(_l("Logo"), description=_l("PNG, JPEG or WebP; it is re-encoded. SVG is not accepted."))
    remove_logo = BooleanField(_l("Remove the logo"))
    version = HiddenField()

    def __init__(self, *args: Any, scopes: list[tuple[str, Any]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scope.choices = choices(scopes or [])

    def text_fields(self, language: str) -> tuple[Any, Any]:
        return self[f"title_{language}"], self[f"body_{language}"]

    def signatory_fields(self, n: int) -> tuple[Any, Any, Any, Any]:
        return (self[f"sig{n}_name"], self[f"sig{n}_title"], self[f"sig{n}_image"], self[f"sig{n}_remove"])


for _lang in LANGUAGES:
    setattr(
        TemplateForm,
        f"title_{_lang}",
        StringField(
            _l("Title (%(language)s)", language=LANGUAGE_NAMES[_lang]),
            validators=[
                DataRequired(message=_l("The French title is required: it is the source text."))
                if _lang == "fr"
                else Optional(),
                Length(max=TITLE_MAX),
                check_template_text,
            ],
        ),
    )
    setattr(
        TemplateForm,
        f"body_{_lang}",
        TextAreaField(
            _l("Text (%(language)s)", language=LANGUAGE_NAMES[_lang]),
            validators=[Optional(), Length(max=BODY_MAX), check_template_text],
        ),
    )
for _n in range(1, SIGNATORIES + 1):
    setattr(
        TemplateForm, f"sig{_n}_name", StringField(_l("Signatory's name"), validators=[Optional(), Length(max=120)])
    )
    setattr(TemplateForm, f"sig{_n}_title", StringField(_l("Their title"), validators=[Optional(), Length(max=120)]))
    setattr(TemplateForm, f"sig{_n}_image", FileField(_l("Signature image")))
    setattr(TemplateForm, f"sig{_n}_remove", BooleanField(_l("Remove the signature image")))


class IssueForm(FlaskForm):
    """Issue one certificate by hand, for a completion the person has."""

    email = EmailField(_l("The person's email"), validators=[DataRequired(), Email(), Length(max=254)])
    subject = SelectField(_l("Course or track completed"), validators=[DataRequired()])

    def __init__(self, *args: Any, subjects: list[tuple[str, Any]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subject.choices = choices(subjects or [])


class RevokeForm(FlaskForm):
    reason = SelectField(
        _l("Reason"),
        choices=choices((r.value, t) for r, t in REVOKE_REASON_TITLES.items()),
        validators=[DataRequired()],
        description=_l("The reason's category is shown on the public page; the note is not."),
    )
    note = TextAreaField(_l("Note for the admins"), validators=[Optional(), Length(max=500)])

    @property
    def reason_value(self) -> RevokeReason:
        return RevokeReason(self.reason.data)


class ReissueForm(FlaskForm):
    reason = StringField(
        _l("Why a new version"),
        validators=[DataRequired(), Length(max=500)],
        description=_l("For example: the holder's name was corrected. Kept with the new version."),
    )
    language = SelectField(
        _l("Language"),
        choices=choices([("", _l("The holder's language"))] + [(c, LANGUAGE_NAMES[c]) for c in LANGUAGES]),
    )


class ListFilterForm(FlaskForm):
    """The list's filters, read from the query string (a GET form: no token, bookmarkable)."""

    class Meta:
        csrf = False

    course = SelectField(_l("Course"), validators=[Optional()])
    institute = SelectField(_l("Institute"), validators=[Optional()])
    country = SelectField(_l("Country"), validators=[Optional()])
    status = SelectField(_l("Status"), validators=[Optional()])
    issued_from = DateField(_l("Issued from"), validators=[Optional()])
    issued_until = DateField(_l("Issued until"), validators=[Optional()])
