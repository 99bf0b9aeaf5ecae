"""Authoring forms: settings of tracks, courses, modules and lessons, and their texts in four languages.

Forms validate and never save. Every edit form carries the item's ``version`` so a save over someone else's
newer one is caught before anything is written.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    FormField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    AnyOf,
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, HiddenInput, ListWidget

from sonores_lms.config import LANGUAGES
from sonores_lms.i18n import SubForm
from sonores_lms.institutes.forms import choices
from sonores_lms.multilingual import SOURCE_LANGUAGE
from sonores_lms.permissions import ROLE_TITLES

from .models import Level

LEVEL_TITLES = {
    Level.BEGINNER: _l("Beginner"),
    Level.INTERMEDIATE: _l("Intermediate"),
    Level.ADVANCED: _l("Advanced"),
}
TITLE_MAX = 200
TEXT_MAX = 100_000

# The translated fields each kind of item shows: (name, label, multi-line).
TEXT_FIELDS: dict[str, tuple[tuple[str, Any, bool], ...]] = {
    "track": (("title", _l("Title"), False), ("summary", _l("Summary"), True)),
    "course": (("title", _l("Title"), False), ("summary", _l("Summary"), True), ("objectives", _l("Objectives"), True)),
    "module": (("title", _l("Title"), False), ("summary", _l("Summary"), True)),
    "lesson": (
        ("title", _l("Title"), False),
        ("body", _l("Text (Markdown)"), True),
        ("transcript", _l("Transcript"), True),
    ),
}


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def http_url(_form: Any, field: Any) -> None:
    """Only http and https links: no javascript:, data: or file: addresses in what learners click."""
    if not field.data:
        return
    parts = urlsplit(field.data.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(_l("Enter an address that starts with http:// or https://."))


def _language_form(kind: str, language: str) -> type[SubForm]:
    attrs: dict[str, Any] = {}
    for name, label, multiline in TEXT_FIELDS[kind]:
        required = language == SOURCE_LANGUAGE and name == "title"
        validators = [DataRequired() if required else Optional(), Length(max=TEXT_MAX if multiline else TITLE_MAX)]
        field_class = TextAreaField if multiline else StringField
        attrs[name] = field_class(label, validators=validators, render_kw={"lang": language})
    if language != SOURCE_LANGUAGE:
        attrs["checked"] = BooleanField(_l("Checked against the current French text"))
    return type(f"{kind.title()}{language.title()}Texts", (SubForm,), attrs)


def _with_texts(base: type[FlaskForm], kind: str) -> type[FlaskForm]:
    attrs = {lang: FormField(_language_form(kind, lang), separator="-") for lang in LANGUAGES}
    attrs["kind_name"] = kind
    return type(base.__name__, (base,), attrs)


class _VersionedForm(FlaskForm):
    version = IntegerField(widget=HiddenInput(), validators=[InputRequired()])

    kind_name = ""

    def text_values(self) -> dict[str, dict[str, str]]:
        return {
            lang: {name: getattr(self, lang)[name].data or "" for name, _label, _m in TEXT_FIELDS[self.kind_name]}
            for lang in LANGUAGES
        }

    def checked_languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE and getattr(self, lang)["checked"].data]

    def fill_texts(self, item: Any) -> None:
        """Show the stored texts (``obj=`` cannot: they live in one JSON column)."""
        for lang in LANGUAGES:
            stored = item.texts_in(lang)
            for name, _label, _m in TEXT_FIELDS[self.kind_name]:
                getattr(self, lang)[name].data = stored.get(name, "")


class _TrackForm(_VersionedForm):
    enforce_order = BooleanField(_l("Learners follow the courses in order"))

    settings = ("enforce_order",)


class _CourseForm(_VersionedForm):
    level = SelectField(_l("Level"), choices=choices((lv.value, t) for lv, t in LEVEL_TITLES.items()))
    audience = MultiCheckboxField(_l("Audience"), choices=choices((r.value, t) for r, t in ROLE_TITLES.items()))
    prerequisites = MultiCheckboxField(_l("Prerequisites"), choices=[], coerce=int)
    min_quiz_score = IntegerField(_l("Minimum quiz score (%)"), validators=[Optional(), NumberRange(min=0, max=100)])

    settings = ("level", "audience", "prerequisites", "min_quiz_score")


class _ModuleForm(_VersionedForm):
    settings = ()


class _LessonForm(_VersionedForm):
    kind = SelectField(_l("Kind of lesson"), choices=[])
    duration_minutes = IntegerField(
        _l("Estimated duration (minutes)"), validators=[InputRequired(), NumberRange(min=0, max=24 * 60)]
    )
    required = BooleanField(_l("Required to complete the course"))
    release_at = DateTimeLocalField(_l("Available from"), validators=[Optional()], format="%Y-%m-%dT%H:%M")
    url = StringField(_l("Address (URL)"), validators=[Optional(), Length(max=2000), http_url])
    upload = FileField(_l("File"))
    remove_file = BooleanField(_l("Remove the uploaded file"))
    session_note = TextAreaField(_l("Live session"), validators=[Optional(), Length(max=2000)])

    settings = ("kind", "duration_minutes", "required", "release_at", "url", "session_note")


TrackForm = _with_texts(_TrackForm, "track")
CourseForm = _with_texts(_CourseForm, "course")
ModuleForm = _with_texts(_ModuleForm, "module")
LessonForm = _with_texts(_LessonForm, "lesson")
EDIT_FORMS: dict[str, type[FlaskForm]] = {
    "track": TrackForm,
    "course": CourseForm,
    "module": ModuleForm,
    "lesson": LessonForm,
}


class NewItemForm(FlaskForm):
    title = StringField(_l("Title in French"), validators=[DataRequired(), Length(max=TITLE_MAX)])


class NewTrackForm(NewItemForm):
    enforce_order = BooleanField(_l("Learners follow the courses in order"))


class NewLessonForm(NewItemForm):
    kind = SelectField(_l("Kind of lesson"), choices=[], validators=[DataRequired()])


class DeleteForm(FlaskForm):
    """The version seen when asking: deleting something changed since then is a conflict."""

    version = IntegerField(widget=HiddenInput(), validators=[InputRequired()])


class MoveForm(FlaskForm):
    direction = SelectField(choices=choices([("up", _l("Up")), ("down", _l("Down"))]), validators=[DataRequired()])


class AssignForm(FlaskForm):
    trainer = SelectField(_l("Trainer"), coerce=int, choices=[], validate_choice=True)


class ConfirmForm(FlaskForm):
    """Only the CSRF token: for buttons that change one thing."""


class OpenDraftForm(ConfirmForm):
    """Open the year's draft from a track's or a course's page: the draft's copy (same ``uid``) is shown next."""

    kind = StringField(widget=HiddenInput(), validators=[Optional(), AnyOf(("track", "course"))])
    uid = StringField(widget=HiddenInput(), validators=[Optional(), Length(max=32)])
