"""A kind of lesson this plugin declares: a quotation to read. Everything courses needs to know about it is here,
reached through ``courses.api`` only."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import Form, StringField, TextAreaField
from wtforms.validators import Length, Optional

from courses.api import LessonKind

FIELDS = ("quote", "author")


class QuoteForm(Form):
    """The fields the lesson editor adds for this kind; they validate, the editor's service saves."""

    quote = TextAreaField(_l("Quotation"), validators=[Optional(), Length(max=1000)])
    author = StringField(
        _l("Said or written by"),
        validators=[Optional(), Length(max=200)],
        description=_l("Who said or wrote it, and where."),
    )


def _load(lesson: Any) -> dict[str, Any]:
    data = lesson.data or {}
    return {field: data.get(field, "") for field in FIELDS}


def _save(lesson: Any, form: QuoteForm) -> dict[str, Any]:
    data = dict(lesson.data or {})
    for field in FIELDS:
        value = (form[field].data or "").strip()
        if value:
            data[field] = value
        else:
            data.pop(field, None)
    return data


def _checks(lesson: Any) -> list[Any]:
    return [] if (lesson.data or {}).get("quote") else [_l("A quotation lesson needs its quotation.")]


QUOTE = LessonKind(
    "sample-quote",
    _l("Quotation"),
    form=QuoteForm,
    load=_load,
    save=_save,
    publish_checks=_checks,
    template="sample/kinds/_quote.html",
)


def declare(_sender: Any) -> LessonKind:
    """Receiver of ``courses.lesson-kinds``."""
    return QUOTE
