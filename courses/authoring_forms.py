"""Authoring forms: settings of tracks, courses, modules and lessons, and their texts in four languages.

Forms validate and never save. Every edit form carries the item's ``version`` so a save over someone else's
newer one is caught before anything is written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    Form,
    FormField,
    IntegerField,
    SelectField,
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
from wtforms.widgets import HiddenInput

from sonores_lms.config import LANGUAGES
from sonores_lms.forms import ConfirmForm, MultiCheckboxField, SubForm, choices
from sonores_lms.multilingual import SOURCE_LANGUAGE, TEXT_MAX, TITLE_MAX
from sonores_lms.permissions import ROLE_TITLES

from .models import LEVEL_TITLES

if TYPE_CHECKING:
    from .kinds import LessonKind


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
    # Offered only while a registered lesson kind scores (the editor removes it otherwise).
    min_quiz_score = IntegerField(_l("Minimum score (%)"), validators=[Optional(), NumberRange(min=0, max=100)])
    theme_codes = StringField(_l("Audit themes taught"), validators=[Optional(), Length(max=300)])

    settings = ("level", "audience", "prerequisites", "min_quiz_score", "theme_codes")

    def validate_theme_codes(self, field: Any) -> None:
        if any(not THEME_CODE.match(code) for code in theme_code_list(field.data)):
            raise ValidationError(_l("Write theme codes such as ENV-MOB or ACC-DIG-03, separated by commas."))


THEME_CODE = re.compile(r"^[A-Z]{2,5}-[A-Z]{2,5}(-\d{2,3})?$")


def theme_code_list(raw: str | None) -> list[str]:
    """ "env-mob, ACC-DIG" -> ["ACC-DIG", "ENV-MOB"]: upper-cased, each once, sorted."""
    return sorted({code.strip().upper() for code in (raw or "").replace(";", ",").split(",") if code.strip()})


class _ModuleForm(_VersionedForm):
    settings = ()


class _LessonForm(_VersionedForm):
    """What every lesson has; :func:`lesson_form` adds its kind's own fields."""

    kind = SelectField(_l("Kind of lesson"), choices=[])
    duration_minutes = IntegerField(
        _l("Estimated duration (minutes)"), validators=[InputRequired(), NumberRange(min=0, max=24 * 60)]
    )
    required = BooleanField(_l("Required to complete the course"))
    release_at = DateTimeLocalField(_l("Available from"), validators=[Optional()], format="%Y-%m-%dT%H:%M")

    settings = ("kind", "duration_minutes", "required", "release_at")
    kind_fields: tuple[str, ...] = ()


class _FileFields(Form):
    """The one file a kind that declares ``upload`` takes; courses checks, stores and serves it."""

    upload = FileField(_l("File"))
    remove_file = BooleanField(_l("Remove the uploaded file"))


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


def lesson_form(kind: LessonKind | None) -> type[FlaskForm]:
    """The lesson editor for a lesson of ``kind``: the fields every lesson has, then the kind's own (and the file
    field when it takes an upload). None (a kind whose plugin is disabled) edits the common fields alone and
    leaves the lesson's data as it is."""
    if kind is None or (kind.form is None and kind.upload is None):
        return LessonForm
    added = kind.field_names()
    clash = set(added) & _reserved_names()
    if clash:
        raise RuntimeError(f"Lesson kind {kind.name!r} declares fields the editor already has: {sorted(clash)}")
    bases: tuple[type, ...] = (LessonForm,)
    if kind.form is not None:
        bases += (kind.form,)
    if kind.upload is not None:
        bases += (_FileFields,)
    attrs = {"settings": (*LessonForm.settings, *added), "kind_fields": added}
    return type(f"{kind.name.title().replace('-', '').replace('_', '')}LessonForm", bases, attrs)


def _reserved_names() -> set[str]:
    """Names a kind's field may not take: the editor's own fields and the attributes of a form."""
    public = (name for name in dir(_LessonForm) if not name.startswith("_"))
    return {"csrf_token", "upload", "remove_file", *LANGUAGES, *public}


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


class OpenDraftForm(ConfirmForm):
    """Open the year's draft from a track's or a course's page: the draft's copy (same ``uid``) is shown next."""

    kind = StringField(widget=HiddenInput(), validators=[Optional(), AnyOf(("track", "course"))])
    uid = StringField(widget=HiddenInput(), validators=[Optional(), Length(max=32)])
