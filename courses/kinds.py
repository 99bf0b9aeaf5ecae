"""The registry of lesson kinds, filled through the ``courses.lesson-kinds`` collector signal.

A kind owns everything that differs from one lesson to another, so that a plugin adds a kind without touching
``courses``: the fields it adds to the lesson editor and how they are loaded from and saved into ``Lesson.data``,
whether it takes an uploaded file, what stops it from being published (a video needs a transcript: the network's
accessibility rule), the template that shows it to learners, and how it completes (read to the end, attended, a
quiz passed, ...). The editor, the publishing checks, the learner's page and the completion services ask the kind;
none of them knows a kind by its name.

Plugins reach these types through :mod:`courses.api`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import Form, StringField, TextAreaField
from wtforms.validators import Length, Optional, ValidationError

from sonores_lms.links import Embed, embed_providers_registry, resolve_embed
from sonores_lms.signals import collect_named

from .blueprint import blueprint
from .signals import lesson_kinds

# Upload purposes a kind may declare (they set the size limit, see courses.uploads.max_bytes).
UPLOAD_PURPOSES = ("video", "file")
# The keys of Lesson.data that the editor writes for an uploaded file (kinds leave them alone).
FILE_KEYS = ("file_id", "filename", "content_type", "size", "width", "height")


def _no_checks(_lesson: Any) -> list[Any]:
    return []


def _nothing_to_load(_lesson: Any) -> dict[str, Any]:
    return {}


def _keep_data(lesson: Any, _form: Any) -> dict[str, Any]:
    return dict(lesson.data or {})


@dataclass(frozen=True)
class LessonKind:
    """One kind of lesson, as a plugin declares it.

    Authoring: ``form`` is a :class:`wtforms.Form` subclass whose fields (and ``validate_<field>`` methods) are
    mixed into the lesson editor, below the settings every lesson has; their names must not clash with those
    (``kind``, ``duration_minutes``, ``required``, ``release_at``, ``upload``, ``remove_file``, ``version``, the
    language codes). ``load(lesson)`` returns the initial data of those fields; ``save(lesson, form)`` returns the
    lesson's new ``data`` (a new dict; it does not write: the editor's service does, with its audit entry and
    version check). A field's ``description`` is shown as its hint. ``editor_template`` replaces the plain list of
    fields when a kind needs more layout (context: ``form``, ``item`` the lesson, ``lesson_kind``). ``upload`` (``"video"`` or ``"file"``) makes the editor offer one file,
    checked and stored by courses, its facts kept under :data:`FILE_KEYS` of ``data``.

    Publishing: ``publish_checks(lesson)`` returns messages (empty when the lesson may be published).

    Learners: ``template`` shows the lesson (context: ``lesson``, ``language`` when a preview forces one;
    default ``courses/kinds/_<name>.html``; a plugin names one in its own template folder).

    Completion: ``completes_by`` says how the lesson completes by itself (``"read"``: the page may mark it done
    when read to the end; ``"attended"``, ``"quiz"`` or a plugin's word: something elsewhere completes it through
    :func:`courses.api.complete_lesson`). ``learner_completes`` is whether the learner may mark it done by hand
    (or from the offline pack); when not, ``completion_note`` tells them what will. ``scores``: its completions
    carry a score (percent), which the course's minimum score applies to; the course editor offers that minimum
    only while some registered kind scores.
    """

    name: str
    title: Any
    form: type[Form] | None = None
    load: Callable[[Any], Mapping[str, Any]] = _nothing_to_load
    save: Callable[[Any, Any], dict[str, Any]] = _keep_data
    upload: str | None = None
    editor_template: str | None = None
    publish_checks: Callable[[Any], list[Any]] = _no_checks
    template: str | None = None
    completes_by: str | None = None
    learner_completes: bool = True
    completion_note: Any = None
    scores: bool = False

    def __post_init__(self) -> None:
        if self.upload is not None and self.upload not in UPLOAD_PURPOSES:
            raise ValueError(f"Lesson kind {self.name!r}: upload must be one of {UPLOAD_PURPOSES}")
        if not self.learner_completes and self.completion_note is None:
            raise ValueError(f"Lesson kind {self.name!r}: say in completion_note what completes it")

    @property
    def view_template(self) -> str:
        return self.template or f"courses/kinds/_{self.name}.html"

    def field_names(self) -> tuple[str, ...]:
        """The names of the fields this kind adds to the editor, in their declared order."""
        if self.form is None:
            return ()
        return tuple(name for name, _unbound in self.form()._fields.items())


def lesson_kinds_registry() -> dict[str, LessonKind]:
    """Every kind that the enabled plugins declare, by name (a duplicate name is an error)."""
    return collect_named(lesson_kinds, None)


def scoring_kinds() -> frozenset[str]:
    """Names of the registered kinds whose completions carry a score."""
    return frozenset(name for name, kind in lesson_kinds_registry().items() if kind.scores)


# -- the built-in kinds ---------------------------------------------------------------------------------------------
def http_url(_form: Any, field: Any) -> None:
    """Only http and https links: no javascript:, data: or file: addresses in what learners click."""
    if not field.data:
        return
    parts = urlsplit(field.data.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(_l("Enter an address that starts with http:// or https://."))


def _set(data: dict[str, Any], key: str, value: str | None) -> dict[str, Any]:
    value = (value or "").strip()
    if value:
        data[key] = value
    else:
        data.pop(key, None)
    return data


class AddressForm(Form):
    url = StringField(
        _l("Address (URL)"),
        validators=[Optional(), Length(max=2000), http_url],
        description=_l("An address starting with http:// or https://."),
    )


def _load_url(lesson: Any) -> dict[str, Any]:
    return {"url": (lesson.data or {}).get("url", "")}


def _save_url(lesson: Any, form: Any) -> dict[str, Any]:
    return _set(dict(lesson.data or {}), "url", form.url.data)


class LiveForm(Form):
    session_note = TextAreaField(
        _l("Live session"),
        validators=[Optional(), Length(max=2000)],
        description=_l("Which session learners join; sessions will be linked here later."),
    )


def _load_live(lesson: Any) -> dict[str, Any]:
    return {"session_note": (lesson.data or {}).get("session", "")}


def _save_live(lesson: Any, form: Any) -> dict[str, Any]:
    return _set(dict(lesson.data or {}), "session", form.session_note.data)


def _video_checks(lesson: Any) -> list[Any]:
    problems = []
    if not (lesson.data or {}).get("url") and not (lesson.data or {}).get("file_id"):
        problems.append(_l("A video lesson needs a link or an uploaded file."))
    if not lesson.text("transcript", "fr").text:
        problems.append(_l("A video needs a transcript before it is published (accessibility rule of the network)."))
    return problems


def _link_checks(lesson: Any) -> list[Any]:
    return [] if (lesson.data or {}).get("url") else [_l("An external link lesson needs its address.")]


def _file_checks(lesson: Any) -> list[Any]:
    return [] if (lesson.data or {}).get("file_id") else [_l("A file lesson needs its file.")]


BUILT_IN: tuple[LessonKind, ...] = (
    LessonKind("text", _l("Text"), completes_by="read"),
    LessonKind(
        "video",
        _l("Video"),
        form=AddressForm,
        load=_load_url,
        save=_save_url,
        upload="video",
        publish_checks=_video_checks,
    ),
    LessonKind("file", _l("Downloadable file"), upload="file", publish_checks=_file_checks),
    LessonKind(
        "link", _l("External link"), form=AddressForm, load=_load_url, save=_save_url, publish_checks=_link_checks
    ),
    LessonKind(
        "live",
        _l("Live session"),
        form=LiveForm,
        load=_load_live,
        save=_save_live,
        completes_by="attended",
        learner_completes=False,
        completion_note=_l("This lesson is done when your attendance at the session is recorded."),
    ),
)


# -- an item another plugin owns, embedded in a lesson ----------------------------------------------------------------
class EmbedForm(Form):
    reference = StringField(
        _l("Item to show"),
        validators=[Optional(), Length(max=200)],
        description=_l("Its reference, as the area that offers it gives it (for example knowledge:resource:…)."),
    )

    def validate_reference(self, field: Any) -> None:
        reference = (field.data or "").strip()
        if reference and resolve_embed(reference) is None:
            raise ValidationError(_l("No area of the site offers this item."))


def _load_embed(lesson: Any) -> dict[str, Any]:
    return {"reference": (lesson.data or {}).get("reference", "")}


def _save_embed(lesson: Any, form: Any) -> dict[str, Any]:
    return _set(dict(lesson.data or {}), "reference", form.reference.data)


def _embed_checks(lesson: Any) -> list[Any]:
    reference = (lesson.data or {}).get("reference")
    if not reference:
        return [_l("This lesson needs the item it shows.")]
    if resolve_embed(reference) is None:
        return [_l("The item this lesson shows is no longer offered.")]
    return []


@blueprint.app_template_global("courses_embedded_item")
def embedded_item(lesson: Any, language: str | None = None) -> Embed | None:
    """The item an embedding lesson shows, in ``language`` (the reader's by default), or None when no enabled
    plugin offers it any more."""
    locale = language or (str(get_locale()) if get_locale() is not None else None)
    return resolve_embed((lesson.data or {}).get("reference", ""), locale=locale)


EMBED = LessonKind(
    "embed",
    _l("Item from another area"),
    form=EmbedForm,
    load=_load_embed,
    save=_save_embed,
    publish_checks=_embed_checks,
)


def _built_in(_sender: Any) -> tuple[LessonKind, ...]:
    """The kinds courses declares itself; embedding is offered only while some plugin offers items to embed."""
    if embed_providers_registry():
        return (*BUILT_IN, EMBED)
    return BUILT_IN
