"""The life of a plan: a draft revision, publishing it, copying a plan to the next year.

Published rows are never edited: authors work on the year's draft revision, a copy of the published tree whose
rows keep their ``uid``. Publishing it archives the previous revision; progress, enrolments and assignments,
keyed by ``uid``, carry over. Copying to another year makes new uids: a new year starts with no progress.
"""

from __future__ import annotations

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from sonores_lms.audit.services import record
from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.multilingual import SOURCE_LANGUAGE, TranslationStatus, source_fingerprint

from .jobs import schedule_rebuild
from .kinds import lesson_kinds_registry
from .models import Axis, Course, Lesson, Module, Plan, PlanStatus, Target, Track, new_uid
from .queries import draft_plan, tree_options


class PlanError(ValueError):
    """A plan operation that cannot be done; the message is for the person who asked."""

    def __init__(self, message: Any, problems: list[tuple[Any, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []  # (item, message) pairs, e.g. the lessons that block publishing


def _copy_texts(source: Any, target: Any) -> None:
    target.texts = {lang: dict(values) for lang, values in (source.texts or {}).items()}
    target.translated_from = dict(source.translated_from or {})


def _copy_tree(source: Plan, target: Plan, *, keep_uids: bool) -> None:
    """Copy axes to lessons (and prerequisites, targets) from ``source`` into the empty ``target``."""
    uid = (lambda row: row.uid) if keep_uids else (lambda row: new_uid())
    course_map: dict[int, Course] = {}
    track_uids: dict[str, str] = {}
    for axis in source.axes:
        new_axis = Axis(uid=uid(axis), code=axis.code, position=axis.position)
        _copy_texts(axis, new_axis)
        target.axes.append(new_axis)
        for track in axis.tracks:
            new_track = Track(uid=uid(track), position=track.position, enforce_order=track.enforce_order)
            track_uids[track.uid] = new_track.uid
            _copy_texts(track, new_track)
            new_axis.tracks.append(new_track)
            for course in track.courses:
                new_course = Course(
                    uid=uid(course),
                    position=course.position,
                    level=course.level,
                    audience=list(course.audience or []),
                    min_quiz_score=course.min_quiz_score,
                    theme_codes=list(course.theme_codes or []),
                )
                _copy_texts(course, new_course)
                course_map[course.id] = new_course
                new_track.courses.append(new_course)
                for module in course.modules:
                    new_module = Module(uid=uid(module), position=module.position)
                    _copy_texts(module, new_module)
                    new_course.modules.append(new_module)
                    for lesson in module.lessons:
                        new_lesson = Lesson(
                            uid=uid(lesson),
                            position=lesson.position,
                            kind=lesson.kind,
                            duration_minutes=lesson.duration_minutes,
                            required=lesson.required,
                            release_at=lesson.release_at,
                            data=dict(lesson.data or {}),
                            updated_by_id=lesson.updated_by_id,
                        )
                        _copy_texts(lesson, new_lesson)
                        new_module.lessons.append(new_lesson)
    for old_id, new_course in course_map.items():
        old = db.session.get(Course, old_id)
        new_course.prerequisites = [course_map[p.id] for p in old.prerequisites if p.id in course_map]
    for goal in source.targets:
        target.targets.append(
            Target(track_uid=track_uids.get(goal.track_uid, goal.track_uid), role=goal.role,
                   institute_id=goal.institute_id)
        )  # fmt: skip


def create_plan(year: int, *, title_fr: str, actor: Any) -> Plan:
    if db.session.scalar(select(func.count()).select_from(Plan).where(Plan.year == year)):
        raise PlanError(_l("There is already a plan for %(year)s.", year=year))
    plan = Plan(year=year, revision=1, status=PlanStatus.DRAFT)
    plan.set_texts("fr", {"title": title_fr})
    db.session.add(plan)
    db.session.flush()
    record("courses.plan-created", actor=actor, target=plan, target_label=title_fr)
    return plan


def draft_for(plan: Plan, *, actor: Any) -> Plan:
    """The draft where ``plan``'s year is edited: the plan itself if it is a draft, else a new or existing
    revision copied from the published one."""
    if plan.status == PlanStatus.DRAFT:
        return plan
    existing = draft_plan(plan.year)
    if existing is not None:
        return existing
    if plan.status != PlanStatus.PUBLISHED:
        raise PlanError(_l("An archived plan cannot be edited; copy it to a new year instead."))
    source = db.session.scalars(select(Plan).where(Plan.id == plan.id).options(*tree_options())).one()
    last = db.session.scalar(select(func.max(Plan.revision)).where(Plan.year == plan.year)) or 0
    draft = Plan(year=plan.year, revision=last + 1, status=PlanStatus.DRAFT)
    _copy_texts(source, draft)
    _copy_tree(source, draft, keep_uids=True)
    db.session.add(draft)
    db.session.flush()
    record("courses.plan-revision-started", actor=actor, target=draft, details={"revision": draft.revision})
    schedule_rebuild([draft])  # it carries the targets over: its figures can be followed at once
    return draft


def publish_problems(plan: Plan) -> list[tuple[Any, Any]]:
    """What stops ``plan`` from being published: (item, message) pairs."""
    kinds = lesson_kinds_registry()
    problems: list[tuple[Any, Any]] = []
    if not plan.text("title", "fr").text:
        problems.append((plan, _l("The plan needs a French title.")))
    for axis in plan.axes:
        for track in axis.tracks:
            for course in track.courses:
                if not course.text("title", "fr").text:
                    problems.append((course, _l("Every course needs a French title.")))
                for module in course.modules:
                    for lesson in module.lessons:
                        kind = kinds.get(lesson.kind)
                        if kind is None:
                            problems.append((lesson, _l("This kind of lesson is not available.")))
                            continue
                        problems.extend((lesson, message) for message in kind.publish_checks(lesson))
    return problems


def publish(plan: Plan, *, actor: Any) -> Plan:
    """Publish a draft; the year's previously published revision is archived."""
    if plan.status != PlanStatus.DRAFT:
        raise PlanError(_l("Only a draft can be published."))
    problems = publish_problems(plan)
    if problems:
        raise PlanError(_l("The plan cannot be published yet."), problems)
    previous = db.session.scalars(
        select(Plan).where(Plan.year == plan.year, Plan.status == PlanStatus.PUBLISHED)
    ).first()
    if previous is not None:
        previous.status = PlanStatus.ARCHIVED
        db.session.flush()  # the one-published-per-year index must see it archived first
    plan.status = PlanStatus.PUBLISHED
    plan.published_at = utcnow()
    db.session.flush()
    record("courses.plan-published", actor=actor, target=plan, details={"revision": plan.revision})
    schedule_rebuild([plan])
    return plan


def _retitle(source: Plan, copy: Plan, year: int) -> None:
    """A plan titled "Plan de formation 2027" copied to 2028 is titled "Plan de formation 2028", in each language
    whose title names the source's year (as a whole number: "20270" is left alone). A translation that was up to
    date stays so, since its French changed the same way; descriptions are kept as they were."""
    pattern = re.compile(rf"(?<!\d){source.year}(?!\d)")
    for values in (copy.texts or {}).values():
        if values.get("title"):
            values["title"] = pattern.sub(str(year), values["title"])
    fingerprint = source_fingerprint((copy.texts or {}).get(SOURCE_LANGUAGE))
    copy.translated_from = {
        language: fingerprint if source.translation_status(language) == TranslationStatus.UP_TO_DATE else value
        for language, value in (copy.translated_from or {}).items()
    }


def copy_to_year(plan: Plan, year: int, *, actor: Any) -> Plan:
    """A new draft plan for ``year`` with the same axes, tracks, courses and lessons, and nobody's progress."""
    if db.session.scalar(select(func.count()).select_from(Plan).where(Plan.year == year)):
        raise PlanError(_l("There is already a plan for %(year)s.", year=year))
    source = db.session.scalars(select(Plan).where(Plan.id == plan.id).options(*tree_options())).one()
    copy = Plan(year=year, revision=1, status=PlanStatus.DRAFT)
    _copy_texts(source, copy)
    _retitle(source, copy, year)
    _copy_tree(source, copy, keep_uids=False)
    db.session.add(copy)
    db.session.flush()
    record("courses.plan-copied", actor=actor, target=copy, details={"from_year": plan.year, "to_year": year})
    schedule_rebuild([copy])
    return copy
