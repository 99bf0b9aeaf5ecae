"""Authoring services: who may edit what, and the changes trainers and admins make to a draft plan's tree.

Published rows are never edited: every change goes to the year's draft revision (``revisions.draft_for``).
Services flush and record an audit entry; they never commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from sonores_lms.audit.services import record
from sonores_lms.config import LANGUAGES
from sonores_lms.extensions import db
from sonores_lms.multilingual import SOURCE_LANGUAGE, TranslationStatus
from sonores_lms.permissions import Role

from .models import Assignment, Axis, Course, Lesson, Level, Module, Plan, PlanStatus, StoredFile, Track
from .uploads import remove_unreferenced, store_upload

Node = Track | Course | Module | Lesson

TEXT_ACTIONS = {Track: "track", Course: "course", Module: "module", Lesson: "lesson"}


class AuthoringError(ValueError):
    """A change that cannot be made; the message is for the author."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


class VersionConflict(AuthoringError):
    """The item was saved by someone else since the author opened it: nothing is written, the page shows both."""

    def __init__(self) -> None:
        super().__init__(
            _l(
                "Someone else changed this item while you were editing it. Reload the page and apply your changes again."
            )
        )


# -- who may edit what -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AuthorScope:
    """What a person may author: everything (network admins), or the tracks and courses they are assigned to."""

    is_admin: bool
    track_uids: frozenset[str] = field(default_factory=frozenset)
    course_uids: frozenset[str] = field(default_factory=frozenset)

    def can_edit_track(self, track: Track) -> bool:
        return self.is_admin or track.uid in self.track_uids

    def can_add_course(self, track: Track) -> bool:
        return self.can_edit_track(track)

    def can_edit_course(self, course: Course) -> bool:
        return self.is_admin or course.uid in self.course_uids or course.track.uid in self.track_uids

    def can_delete_course(self, course: Course) -> bool:
        return self.can_edit_track(course.track)

    def sees_track(self, track: Track) -> bool:
        return self.can_edit_track(track) or any(c.uid in self.course_uids for c in track.courses)

    def can_edit(self, node: Node) -> bool:
        if isinstance(node, Track):
            return self.can_edit_track(node)
        return self.can_edit_course(course_of(node))


def author_scope(user: Any) -> AuthorScope:
    """Network admins author everything; anyone else (trainers, institute directors) what they are assigned."""
    if user.has_role(Role.ADMIN):  # held network-wide
        return AuthorScope(is_admin=True)
    rows = db.session.execute(
        select(Assignment.track_uid, Assignment.course_uid).where(Assignment.user_id == user.id)
    ).all()
    return AuthorScope(
        is_admin=False,
        track_uids=frozenset(r.track_uid for r in rows if r.track_uid),
        course_uids=frozenset(r.course_uid for r in rows if r.course_uid),
    )


def course_of(node: Course | Module | Lesson) -> Course:
    if isinstance(node, Lesson):
        return node.module.course
    if isinstance(node, Module):
        return node.course
    return node


def plan_of(node: Axis | Node) -> Plan:
    if isinstance(node, Axis):
        return node.plan
    if isinstance(node, Track):
        return node.axis.plan
    return course_of(node).track.axis.plan


def years_for(scope: AuthorScope) -> set[int] | None:
    """The years where a person has something to author (None: every year, for admins)."""
    if scope.is_admin:
        return None
    years: set[int] = set()
    if scope.track_uids:
        years |= set(
            db.session.scalars(
                select(Plan.year).join(Axis).join(Track).where(Track.uid.in_(scope.track_uids)).distinct()
            )
        )
    if scope.course_uids:
        years |= set(
            db.session.scalars(
                select(Plan.year)
                .join(Axis)
                .join(Track)
                .join(Course)
                .where(Course.uid.in_(scope.course_uids))
                .distinct()
            )
        )
    return years


# -- translation completeness ----------------------------------------------------------------------------------------
def completeness(item: Any) -> list[tuple[str, TranslationStatus]]:
    """Groups of languages by status, e.g. [("fr, es", UP_TO_DATE), ("pt", STALE), ("en", MISSING)]."""
    statuses = item.translation_statuses()
    done = [lang for lang in LANGUAGES if statuses[lang] in (TranslationStatus.SOURCE, TranslationStatus.UP_TO_DATE)]
    groups: list[tuple[str, TranslationStatus]] = []
    if done:
        groups.append((", ".join(done), TranslationStatus.UP_TO_DATE))
    for status in (TranslationStatus.STALE, TranslationStatus.MISSING):
        langs = [lang for lang in LANGUAGES if statuses[lang] == status]
        if langs:
            groups.append((", ".join(langs), status))
    return groups


def course_minutes(course: Course) -> int:
    """A course lasts as long as its lessons' estimates added up."""
    return sum(lesson.duration_minutes or 0 for module in course.modules for lesson in module.lessons)


# -- texts -----------------------------------------------------------------------------------------------------------
def save_texts(item: Any, values: Mapping[str, Mapping[str, str | None]], *, checked: Iterable[str] = ()) -> list[str]:
    """Write the languages whose text changed (French first) and those the author marked as checked.

    A language left as it was keeps what it was written against, so changing the French makes it stale; only a
    real change, or the author's "checked against the current French", brings it up to date. Returns the
    languages written.
    """
    checked = set(checked)
    written = []
    for lang in sorted(values, key=lambda code: (code != SOURCE_LANGUAGE, LANGUAGES.index(code))):
        new = {name: (value or "").strip() for name, value in values[lang].items()}
        old = item.texts_in(lang)
        changed = any(new[name] != (old.get(name) or "") for name in new)
        if changed or (lang in checked and lang != SOURCE_LANGUAGE and any(new.values())):
            kept = {k: v for k, v in old.items() if k not in new}  # fields this form does not show stay
            item.set_texts(lang, {**kept, **new})
            written.append(lang)
    return written


def _label(item: Any) -> str:
    return (item.text("title", SOURCE_LANGUAGE).text or type(item).__name__)[:255]


def _require_draft(plan: Plan) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise AuthoringError(_l("Only the draft revision of a plan can be changed."))


def _require_version(item: Node, version: int | None) -> None:
    """The optimistic check: ``version`` is the one the author saw (None: a caller that just loaded the item)."""
    if version is not None and version != item.version:
        raise VersionConflict()


def _dense(siblings: list[Any]) -> None:
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position


# -- tracks, courses, modules, lessons -------------------------------------------------------------------------------
def create_track(axis: Axis, *, title_fr: str, enforce_order: bool, actor: Any) -> Track:
    _require_draft(axis.plan)
    track = Track(position=len(axis.tracks), enforce_order=enforce_order)
    track.set_texts("fr", {"title": title_fr})
    axis.tracks.append(track)
    db.session.flush()
    record("courses.track-created", actor=actor, target=track, target_label=_label(track))
    return track


def create_course(track: Track, *, title_fr: str, actor: Any) -> Course:
    _require_draft(track.axis.plan)
    course = Course(position=len(track.courses), level=Level.BEGINNER, audience=[])
    course.set_texts("fr", {"title": title_fr})
    track.courses.append(course)
    db.session.flush()
    record("courses.course-created", actor=actor, target=course, target_label=_label(course))
    return course


def create_module(course: Course, *, title_fr: str, actor: Any) -> Module:
    _require_draft(course.track.axis.plan)
    module = Module(position=len(course.modules))
    module.set_texts("fr", {"title": title_fr})
    course.modules.append(module)
    db.session.flush()
    record("courses.module-created", actor=actor, target=module, target_label=_label(module))
    return module


def create_lesson(module: Module, *, title_fr: str, kind: str, actor: Any) -> Lesson:
    _require_draft(module.course.track.axis.plan)
    lesson = Lesson(
        position=len(module.lessons), kind=kind, duration_minutes=10, required=True, data={}, updated_by_id=actor.id
    )
    lesson.set_texts("fr", {"title": title_fr})
    module.lessons.append(lesson)
    db.session.flush()
    record("courses.lesson-created", actor=actor, target=lesson, target_label=_label(lesson), details={"kind": kind})
    return lesson


def update_item(
    item: Node,
    *,
    actor: Any,
    version: int | None = None,
    settings: Mapping[str, Any] | None = None,
    texts: Mapping[str, Mapping[str, str | None]] | None = None,
    checked: Iterable[str] = (),
) -> list[str]:
    """Change an item's settings and texts in one go; returns the languages written. ``version`` is the one the
    author saw: another one raises :class:`VersionConflict` before anything changes."""
    _require_draft(plan_of(item))
    _require_version(item, version)
    changed: dict[str, Any] = {}
    for name, value in (settings or {}).items():
        if name == "prerequisites":
            old = sorted(c.uid for c in item.prerequisites)  # type: ignore[union-attr]
            if sorted(c.uid for c in value) != old:
                item.prerequisites = list(value)  # type: ignore[union-attr]
                changed[name] = sorted(c.uid for c in value)
            continue
        if getattr(item, name) != value:
            setattr(item, name, value)
            changed[name] = value.isoformat() if isinstance(value, datetime) else value
    languages = save_texts(item, texts or {}, checked=checked)
    if isinstance(item, Lesson) and (changed or languages):
        item.updated_by_id = actor.id
    if changed or languages:
        db.session.flush()
        record(
            f"courses.{TEXT_ACTIONS[type(item)]}-updated",
            actor=actor,
            target=item,
            target_label=_label(item),
            details={"fields": sorted(changed), "languages": languages},
        )
    return languages


@dataclass(frozen=True)
class Upload:
    """A file sent along with an edit; ``purpose`` ("video" or "file") sets what it may be and how large."""

    stream: IO[bytes]
    filename: str | None
    purpose: str


def save_item(
    item: Node,
    *,
    actor: Any,
    version: int,
    settings: Callable[[StoredFile | None], Mapping[str, Any]],
    texts: Mapping[str, Mapping[str, str | None]],
    checked: Iterable[str] = (),
    upload: Upload | None = None,
) -> list[str]:
    """The edit page's save: store ``upload`` (if any), then :func:`update_item` with the settings that name it.

    The file is stored first because the settings refer to it, so both run in a savepoint: when the upload or the
    update is refused (:class:`~courses.uploads.UploadError`, :class:`AuthoringError`), neither the file's row nor
    its audit entry stays in the session, and a file this save wrote to the upload folder is removed, so a page
    that shows the refusal commits no orphan.
    """
    stored: StoredFile | None = None
    try:
        with db.session.begin_nested():
            if upload is not None:
                stored = store_upload(upload.stream, upload.filename, purpose=upload.purpose, actor=actor)
            return update_item(
                item, actor=actor, version=version, settings=settings(stored), texts=texts, checked=checked
            )
    except AuthoringError:
        if stored is not None:
            remove_unreferenced(stored.sha256)
        raise


def _parent_collection(item: Node) -> tuple[Any, str]:
    if isinstance(item, Track):
        return item.axis, "tracks"
    if isinstance(item, Course):
        return item.track, "courses"
    if isinstance(item, Module):
        return item.course, "modules"
    return item.module, "lessons"


def _siblings(item: Node) -> list[Any]:
    parent, collection = _parent_collection(item)
    return getattr(parent, collection)


def delete_item(item: Node, *, actor: Any, version: int | None = None) -> None:
    """Delete ``item`` and what it holds; ``version`` is the one the author saw (see :func:`update_item`)."""
    _require_draft(plan_of(item))
    _require_version(item, version)
    siblings = [s for s in _siblings(item) if s is not item]
    label, name = _label(item), TEXT_ACTIONS[type(item)]
    details = {"uid": item.uid}
    parent, collection = _parent_collection(item)
    # Deleted through the session alone: also taking it out of its parent's collection made the delete-orphan
    # cascade and the explicit delete meet in one flush, which SQLAlchemy refuses for an item with children.
    db.session.delete(item)
    db.session.flush()
    db.session.expire(parent, [collection])
    _dense(sorted(siblings, key=lambda s: (s.position, s.id)))
    db.session.flush()
    record(f"courses.{name}-deleted", actor=actor, target=None, target_label=label, details=details)


def move_item(item: Node, direction: str, *, actor: Any) -> bool:
    """Swap ``item`` with its previous ("up") or next ("down") sibling; positions stay 0..n-1. False at an end."""
    _require_draft(plan_of(item))
    siblings = sorted(_siblings(item), key=lambda s: (s.position, s.id))
    index = siblings.index(item)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    _dense(siblings)
    _siblings(item).sort(key=lambda s: s.position)
    db.session.flush()
    record(
        f"courses.{TEXT_ACTIONS[type(item)]}-moved",
        actor=actor,
        target=item,
        target_label=_label(item),
        details={"direction": direction, "position": item.position},
    )
    return True


# -- assignments -----------------------------------------------------------------------------------------------------
def assign_trainer(user: Any, *, track: Track | None = None, course: Course | None = None, actor: Any) -> Assignment:
    if not any(a.role == Role.TRAINER for a in user.role_assignments):
        raise AuthoringError(_l("Only trainers can be assigned."))
    track_uid = track.uid if track is not None else None
    course_uid = course.uid if course is not None else None
    existing = db.session.scalars(
        select(Assignment).where(
            Assignment.user_id == user.id,
            Assignment.track_uid.is_(None) if track_uid is None else Assignment.track_uid == track_uid,
            Assignment.course_uid.is_(None) if course_uid is None else Assignment.course_uid == course_uid,
        )
    ).first()
    if existing is not None:
        raise AuthoringError(_l("This trainer is already assigned here."))
    assignment = Assignment(user_id=user.id, track_uid=track_uid, course_uid=course_uid)
    db.session.add(assignment)
    db.session.flush()
    target = track if track is not None else course
    record(
        "courses.trainer-assigned",
        actor=actor,
        target=target,
        target_label=_label(target),
        details={"trainer": user.email, "track_uid": track_uid, "course_uid": course_uid},
    )
    return assignment


def unassign_trainer(assignment: Assignment, *, trainer: Any, target: Any, actor: Any) -> None:
    details = {"trainer": trainer.email, "track_uid": assignment.track_uid, "course_uid": assignment.course_uid}
    db.session.delete(assignment)
    db.session.flush()
    record("courses.trainer-unassigned", actor=actor, target=target, target_label=_label(target), details=details)
