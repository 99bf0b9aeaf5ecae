"""The registry of lesson kinds, filled through the ``courses.lesson-kinds`` collector signal.

A kind says how a lesson is authored (its form fields in ``data``), how it is shown, whether it may be published
(a video needs a transcript: the network's accessibility rule) and how it completes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l

from sonores_lms.signals import collect_named

from .signals import lesson_kinds


@dataclass(frozen=True)
class LessonKind:
    name: str
    title: Any
    # How the lesson completes by itself, besides the learner marking it done: "read", "quiz", "attended" or None.
    completes_by: str | None = None
    # Checks before publishing: returns a list of messages (empty when the lesson is fine).
    publish_checks: Callable[[Any], list[Any]] = field(default=lambda lesson: [])
    # Template fragment that shows the lesson to learners: templates/courses/kinds/_<name>.html by default.
    template: str | None = None

    @property
    def view_template(self) -> str:
        return self.template or f"courses/kinds/_{self.name}.html"


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
    LessonKind("video", _l("Video"), publish_checks=_video_checks),
    LessonKind("file", _l("Downloadable file"), publish_checks=_file_checks),
    LessonKind("link", _l("External link"), publish_checks=_link_checks),
    LessonKind("live", _l("Live session"), completes_by="attended"),
)


def _built_in(_sender: Any) -> tuple[LessonKind, ...]:
    return BUILT_IN


def lesson_kinds_registry() -> dict[str, LessonKind]:
    """Every kind that the enabled plugins declare, by name (a duplicate name is an error)."""
    return collect_named(lesson_kinds, None)
